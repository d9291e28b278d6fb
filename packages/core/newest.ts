/**
 * Each record once, in its newest version. Reads that cover several index partitions (one per
 * status) can meet a record twice when it moves between them while they run.
 */
export function newestOfEach<T extends { id: string; version: number }>(records: Iterable<T>): T[] {
  const newest = new Map<string, T>();
  for (const r of records) {
    const had = newest.get(r.id);
    if (!had || r.version > had.version) newest.set(r.id, r);
  }
  return [...newest.values()];
}
