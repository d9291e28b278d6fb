import { cpus, loadavg, totalmem } from 'node:os';
import { mulberry32 } from '#core/prng';

/** Benchmark sizes come from the environment; BENCH_QUICK=1 shrinks everything to a smoke run. */
export const QUICK = process.env.BENCH_QUICK === '1' || process.env.BENCH_QUICK === 'true';

export function envNumber(name: string, full: number, quick: number): number {
  const v = process.env[name];
  if (v !== undefined && v !== '') {
    const n = Number(v);
    if (!Number.isFinite(n)) throw new Error(`${name} must be a number, got '${v}'`);
    return n;
  }
  return QUICK ? quick : full;
}

export function envList(name: string, full: number[], quick: number[]): number[] {
  const v = process.env[name];
  if (v !== undefined && v !== '') return v.split(',').map((x) => Number(x.trim().replace(/k$/i, '000')));
  return QUICK ? quick : full;
}

/** `n` rows of `d` uniform [-1, 1) components, each row L2-normalised, row-major in one array. */
export function randomUnitMatrix(n: number, d: number, seed: number): Float32Array {
  const rand = mulberry32(seed);
  const m = new Float32Array(n * d);
  for (let i = 0, off = 0; i < n; i++, off += d) {
    let s = 0;
    for (let j = 0; j < d; j++) {
      const x = rand() * 2 - 1;
      m[off + j] = x;
      s += x * x;
    }
    const inv = 1 / Math.sqrt(s);
    for (let j = 0; j < d; j++) m[off + j]! *= inv;
  }
  return m;
}

export function percentile(xs: readonly number[], p: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  // Nearest rank: p99 of 100 samples is the 99th smallest, not an interpolation past it.
  const rank = Math.max(1, Math.ceil((p / 100) * s.length));
  return s[Math.min(s.length, rank) - 1]!;
}

export const median = (xs: readonly number[]) => percentile(xs, 50);

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls until `check` is truthy; throws with `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined | null | false>, timeoutMs: number, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await sleep(everyMs);
  }
}

export function fmt(x: number | null | undefined, digits = 2): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '—';
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  if (a !== 0 && a < 0.01) return x.toPrecision(2);
  if (a >= 1000) return Math.round(x).toLocaleString('en-US');
  if (Number.isInteger(x)) return String(x);
  return x.toFixed(digits);
}

export type Cell = string | number | null | undefined;

/** Prints an aligned text table (CJK characters count as two columns). */
export function printTable(title: string, header: string[], rows: Cell[][], notes: string[] = []): void {
  const text = (c: Cell) => (typeof c === 'number' ? fmt(c) : (c ?? '—'));
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
  const cells = [header, ...rows.map((r) => r.map(text))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => width(r[i] ?? ''))));
  const line = (r: string[], numericRight: boolean) =>
    r
      .map((c, i) => {
        const pad = ' '.repeat(widths[i]! - width(c));
        const right = numericRight && i > 0 && /^[-+]?[\d.,]+( ?[a-zA-Z%×/µ]+)?$|^—$/.test(c);
        return right ? pad + c : c + pad;
      })
      .join('  ');
  const total = widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1);
  console.log(`\n${title}`);
  console.log('─'.repeat(Math.max(total, width(title))));
  console.log(line(header, false));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const r of cells.slice(1)) console.log(line(r, true));
  for (const n of notes) console.log(`  ${n}`);
}

export function machine() {
  const c = cpus();
  return {
    cpu: c[0]?.model ?? 'unknown',
    cores: c.length,
    loadAverage: loadavg().map((x) => Math.round(x * 100) / 100),
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}

/** Runs `f` `runs` times after `warmup` calls and returns each run's milliseconds. */
export function timeRuns(f: () => void, runs: number, warmup = 2): number[] {
  for (let i = 0; i < warmup; i++) f();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    out.push(performance.now() - t0);
  }
  return out;
}
