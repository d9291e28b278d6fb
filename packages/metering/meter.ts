import { emptyUsage, type Usage } from './usage';

/**
 * The counters of one process: created once (in the dependency bag or the local stack) and handed
 * to the SDK middleware and the handler wrappers that fill it. Reading is by snapshot, so a caller
 * measures a piece of work as the difference of two snapshots.
 */
export class Meter {
  private usage: Usage = emptyUsage();

  snapshot(): Usage {
    return structuredClone(this.usage);
  }

  dynamo(target: string, kind: 'read' | 'write', units: number): void {
    const m = kind === 'read' ? this.usage.readUnits : this.usage.writeUnits;
    m[target] = (m[target] ?? 0) + units;
  }

  dynamoCall(): void {
    this.usage.dynamoCalls++;
  }

  failedConditionalWrite(): void {
    this.usage.failedConditionalWrites++;
  }

  sqs(action: string, billedRequests: number): void {
    this.usage.sqsRequests[action] = (this.usage.sqsRequests[action] ?? 0) + billedRequests;
  }

  sqsEmptyReceive(): void {
    this.usage.sqsEmptyReceives++;
  }

  sqsControl(): void {
    this.usage.sqsControlRequests++;
  }

  /** One S3 request of a billing class, and the bytes it moved where they are known. */
  s3(kind: 'write' | 'read', bytes: { bytesIn?: number; bytesReadInRegion?: number; bytesOut?: number } = {}): void {
    if (kind === 'write') this.usage.s3WriteRequests++;
    else this.usage.s3ReadRequests++;
    this.usage.s3BytesIn += bytes.bytesIn ?? 0;
    this.usage.s3BytesReadInRegion += bytes.bytesReadInRegion ?? 0;
    this.usage.s3BytesOut += bytes.bytesOut ?? 0;
  }

  invocation(fn: string, ms: number): void {
    const cur = (this.usage.lambda[fn] ??= { invocations: 0, billedMs: 0 });
    cur.invocations++;
    // Lambda bills duration rounded up to the next millisecond.
    cur.billedMs += Math.max(1, Math.ceil(ms));
  }

  httpRequest(bytesOut: number): void {
    this.usage.httpRequests++;
    this.usage.httpBytesOut += bytesOut;
  }

  /** Runs `f` as one invocation of function `fn`, timing it like Lambda's billed duration. */
  async invoke<R>(fn: string, f: () => Promise<R>): Promise<R> {
    const t0 = performance.now();
    try {
      return await f();
    } finally {
      this.invocation(fn, performance.now() - t0);
    }
  }
}
