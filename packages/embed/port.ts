/**
 * Turns texts into vectors for semantic matching. Adapters must return L2-normalised vectors so
 * callers can use the dot product as cosine similarity, and vectors from different models must
 * never be compared: `modelId` is stored alongside every vector for that reason.
 */
export interface Embedder {
  readonly modelId: string;
  readonly dimensions: number;
  embed(texts: string[]): Promise<Float32Array[]>;
}
