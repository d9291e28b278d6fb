import type OpenAI from 'openai';
import type { Embedder } from './port';

export interface OpenAIEmbedderOptions {
  apiKey: string;
  baseURL?: string;
  model: string;
  dimensions?: number;
  /** Inputs per request; OpenAI accepts up to 2048, DashScope and TEI deployments often far fewer. */
  batchSize?: number;
  maxRetries?: number;
  fetch?: typeof fetch;
}

/**
 * Any OpenAI-compatible embeddings endpoint: OpenAI, Qwen/DashScope compatible mode, or a
 * self-hosted bge-m3 behind vLLM/TEI. Retries on 429/5xx come from the SDK (exponential backoff,
 * honours Retry-After); a 401 surfaces at once as an AuthenticationError.
 */
export class OpenAIEmbedder implements Embedder {
  readonly modelId: string;
  readonly dimensions: number;
  private client?: Promise<OpenAI>;
  private readonly batchSize: number;

  constructor(private readonly o: OpenAIEmbedderOptions) {
    this.batchSize = o.batchSize ?? 64;
    this.dimensions = o.dimensions ?? 1536;
    this.modelId = `openai:${o.model}:${this.dimensions}`;
  }

  /** The SDK is loaded on first use, so a deployment on the local embedder never pays for it. */
  private sdk(): Promise<OpenAI> {
    this.client ??= import('openai').then(
      ({ default: OpenAISdk }) => new OpenAISdk({ apiKey: this.o.apiKey, baseURL: this.o.baseURL, maxRetries: this.o.maxRetries ?? 4, fetch: this.o.fetch }),
    );
    return this.client;
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    const client = await this.sdk();
    const out: Float32Array[] = [];
    for (let i = 0; i < texts.length; i += this.batchSize) {
      const batch = texts.slice(i, i + this.batchSize);
      const res = await client.embeddings.create({
        model: this.o.model,
        input: batch,
        encoding_format: 'float',
        ...(this.o.dimensions ? { dimensions: this.o.dimensions } : {}),
      });
      // Servers may answer out of order; `index` is the contract.
      const byIndex = [...res.data].sort((a, b) => a.index - b.index);
      if (byIndex.length !== batch.length) throw new Error(`embedding endpoint returned ${byIndex.length} vectors for ${batch.length} inputs`);
      for (const d of byIndex) out.push(normalise(Float32Array.from(d.embedding)));
    }
    return out;
  }
}

function normalise(v: Float32Array): Float32Array {
  let n = 0;
  for (const x of v) n += x * x;
  n = Math.sqrt(n);
  if (n > 0) for (let i = 0; i < v.length; i++) v[i]! /= n;
  return v;
}
