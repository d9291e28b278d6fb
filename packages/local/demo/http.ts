/** A small JSON client for the demo: it drives a running instance exactly as outside clients do. */
export interface DemoClient {
  base: string;
  call<T = any>(method: string, path: string, o?: { token?: string; body?: unknown; headers?: Record<string, string>; ok?: number[] }): Promise<{ status: number; body: T }>;
}

export function demoClient(base: string): DemoClient {
  return {
    base,
    async call(method, path, o = {}) {
      const send = () =>
        fetch(base + path, {
          method,
          headers: { ...(o.token ? { authorization: `Bearer ${o.token}` } : {}), ...(o.body !== undefined ? { 'content-type': 'application/json' } : {}), ...o.headers },
          body: o.body !== undefined ? JSON.stringify(o.body) : undefined,
          signal: AbortSignal.timeout(60_000),
        });
      let res = await send();
      // The per-token write limit holds for the demo too: wait as the service asks, then go on.
      for (let tries = 0; res.status === 429 && tries < 5; tries++) {
        await res.arrayBuffer();
        await new Promise((r) => setTimeout(r, Math.min(60, Number(res.headers.get('retry-after') ?? 5)) * 1000));
        res = await send();
      }
      const text = await res.text();
      const body = text ? JSON.parse(text) : undefined;
      const ok = o.ok ?? [200, 201, 202, 204];
      if (!ok.includes(res.status)) throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 300)}`);
      return { status: res.status, body };
    },
  };
}

/** Refuses anything but this machine: the demo writes a whole fictional city. */
export function assertLocal(base: string): void {
  const host = new URL(base).hostname;
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host))
    throw new Error(`npm run demo 只能写入本机实例 / refuses ${base}: the demo loads only into a local instance (127.0.0.1 or localhost)`);
}

export async function until<T>(what: string, check: () => Promise<T | undefined | null | false>, timeoutMs: number, everyMs = 500): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`demo: ${what} did not happen within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export async function inPool<T, R>(xs: readonly T[], n: number, f: (x: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(xs.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(n, xs.length) }, async () => {
    while (next < xs.length) {
      const i = next++;
      out[i] = await f(xs[i]!, i);
    }
  }));
  return out;
}
