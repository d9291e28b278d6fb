/**
 * What a stretch of work consumed, in the units AWS bills. Pure data and arithmetic: the Meter
 * fills it, the cost model prices it.
 */
export interface Usage {
  /** DynamoDB read request units, by target: the table name, or `table/index` for a GSI. */
  readUnits: Record<string, number>;
  /** DynamoDB write request units, by target (GSI propagation is billed to the index). */
  writeUnits: Record<string, number>;
  dynamoCalls: number;
  /**
   * Conditional writes that failed. DynamoDB bills them but returns no ConsumedCapacity with the
   * error, so they are counted here and priced at one write unit each.
   */
  failedConditionalWrites: number;
  /** SQS requests as billed: one per call, a 10-message batch is one, plus one per extra 64 KB. */
  sqsRequests: Record<string, number>;
  /** ReceiveMessage calls that returned nothing: how a poller idles, modelled apart from work. */
  sqsEmptyReceives: number;
  /** Queue administration (CreateQueue, …): not part of any operation. */
  sqsControlRequests: number;
  /** S3 requests in the PUT/COPY/POST/LIST class, including presigned PUTs issued to browsers. */
  s3WriteRequests: number;
  /** S3 requests in the GET/HEAD (and all other non-free) class, including presigned GETs issued. */
  s3ReadRequests: number;
  /** Bytes uploaded into the bucket (SDK PUT bodies and the declared size of presigned PUTs). */
  s3BytesIn: number;
  /** Bytes the service read back from S3 inside the region: no transfer charge. */
  s3BytesReadInRegion: number;
  /** Bytes browsers download through presigned GETs: S3 data transfer out to the internet. */
  s3BytesOut: number;
  /** Lambda invocations and billed milliseconds (each invocation rounded up to 1 ms), by function. */
  lambda: Record<string, { invocations: number; billedMs: number }>;
  /** Requests through the public origin (the Router's CloudFront) and the bytes they returned. */
  httpRequests: number;
  httpBytesOut: number;
}

export function emptyUsage(): Usage {
  return {
    readUnits: {},
    writeUnits: {},
    dynamoCalls: 0,
    failedConditionalWrites: 0,
    sqsRequests: {},
    sqsEmptyReceives: 0,
    sqsControlRequests: 0,
    s3WriteRequests: 0,
    s3ReadRequests: 0,
    s3BytesIn: 0,
    s3BytesReadInRegion: 0,
    s3BytesOut: 0,
    lambda: {},
    httpRequests: 0,
    httpBytesOut: 0,
  };
}

const combineMaps = (a: Record<string, number>, b: Record<string, number>, sign: 1 | -1) => {
  const out: Record<string, number> = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + sign * v;
  for (const [k, v] of Object.entries(out)) if (Math.abs(v) < 1e-9) delete out[k];
  return out;
};

function combine(a: Usage, b: Usage, sign: 1 | -1): Usage {
  const lambda: Usage['lambda'] = structuredClone(a.lambda);
  for (const [fn, v] of Object.entries(b.lambda)) {
    const cur = (lambda[fn] ??= { invocations: 0, billedMs: 0 });
    cur.invocations += sign * v.invocations;
    cur.billedMs += sign * v.billedMs;
    if (cur.invocations === 0 && cur.billedMs === 0) delete lambda[fn];
  }
  return {
    readUnits: combineMaps(a.readUnits, b.readUnits, sign),
    writeUnits: combineMaps(a.writeUnits, b.writeUnits, sign),
    dynamoCalls: a.dynamoCalls + sign * b.dynamoCalls,
    failedConditionalWrites: a.failedConditionalWrites + sign * b.failedConditionalWrites,
    sqsRequests: combineMaps(a.sqsRequests, b.sqsRequests, sign),
    sqsEmptyReceives: a.sqsEmptyReceives + sign * b.sqsEmptyReceives,
    sqsControlRequests: a.sqsControlRequests + sign * b.sqsControlRequests,
    s3WriteRequests: a.s3WriteRequests + sign * b.s3WriteRequests,
    s3ReadRequests: a.s3ReadRequests + sign * b.s3ReadRequests,
    s3BytesIn: a.s3BytesIn + sign * b.s3BytesIn,
    s3BytesReadInRegion: a.s3BytesReadInRegion + sign * b.s3BytesReadInRegion,
    s3BytesOut: a.s3BytesOut + sign * b.s3BytesOut,
    lambda,
    httpRequests: a.httpRequests + sign * b.httpRequests,
    httpBytesOut: a.httpBytesOut + sign * b.httpBytesOut,
  };
}

export const addUsage = (a: Usage, b: Usage) => combine(a, b, 1);
/** What happened between two snapshots of one meter. */
export const usageSince = (before: Usage, after: Usage) => combine(after, before, -1);

const sum = (m: Record<string, number>) => Object.values(m).reduce((s, v) => s + v, 0);

/** The billable totals of a usage record (what the price table multiplies). */
export type UsageTotals = ReturnType<typeof totals>;

export function totals(u: Usage) {
  const lambdaValues = Object.values(u.lambda);
  return {
    readUnits: sum(u.readUnits),
    writeUnits: sum(u.writeUnits) + u.failedConditionalWrites,
    sqsRequests: sum(u.sqsRequests),
    invocations: lambdaValues.reduce((s, v) => s + v.invocations, 0),
    billedMs: lambdaValues.reduce((s, v) => s + v.billedMs, 0),
    httpRequests: u.httpRequests,
    httpBytesOut: u.httpBytesOut,
    s3WriteRequests: u.s3WriteRequests,
    s3ReadRequests: u.s3ReadRequests,
    /** Priced as storage (the projection's storage line), not per request. */
    s3BytesIn: u.s3BytesIn,
    s3BytesOut: u.s3BytesOut,
  };
}
