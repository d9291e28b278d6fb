/**
 * Reading names out of SST components whose properties may be Pulumi Outputs (on a deploy) or
 * plain values (the infra contract test's recorders): one helper so both read the same way.
 */
export const mapOutput = (v: any, f: (x: any) => any): any => (v && typeof v.apply === 'function' ? v.apply(f) : f(v));

/** A function's name: sst.aws.Function has `name`; Cron and queue subscribers hold theirs in `nodes.function`. */
export function functionNameOf(c: any): any {
  const inner = c?.nodes?.function ?? c?.nodes?.issuer;
  return inner !== undefined ? mapOutput(inner, (f) => f.name) : c?.name;
}

/** SQS metrics are keyed by queue name, the last segment of its URL. */
export const queueNameOf = (q: any) => mapOutput(q.url, (u: string) => u.slice(u.lastIndexOf('/') + 1));

export const hostOf = (url: any) => mapOutput(url, (u: string) => new URL(u).host);
