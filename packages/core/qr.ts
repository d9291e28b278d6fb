// A small QR Code encoder (ISO/IEC 18004) for check-in codes: alphanumeric mode, error-correction
// level M, versions 1–3 (up to 61 characters of 0–9 A–Z space $ % * + - . / :). Enough for a door
// code; no dependency. Cross-checked module for module against an independent encoder (the Python
// `qrcode` package) in test/unit/qr.test.ts.

const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

/** Per version (index 1..3), level M: data codewords, EC codewords (one block), alignment centre. */
const SPEC: Record<number, { data: number; ec: number; align?: number }> = {
  1: { data: 16, ec: 10 },
  2: { data: 28, ec: 16, align: 18 },
  3: { data: 44, ec: 26, align: 22 },
};

// GF(256) with the QR polynomial x^8 + x^4 + x^3 + x^2 + 1.
const EXP = new Uint8Array(512);
const LOG = new Uint8Array(256);
{
  let x = 1;
  for (let i = 0; i < 255; i++) {
    EXP[i] = x;
    LOG[x] = i;
    x <<= 1;
    if (x & 0x100) x ^= 0x11d;
  }
  for (let i = 255; i < 512; i++) EXP[i] = EXP[i - 255]!;
}
const mul = (a: number, b: number) => (a === 0 || b === 0 ? 0 : EXP[LOG[a]! + LOG[b]!]!);

/** Reed–Solomon remainder of `data` for `n` EC codewords (generator ∏ (x − α^i), i < n). */
export function reedSolomon(data: readonly number[], n: number): number[] {
  let gen = [1];
  for (let i = 0; i < n; i++) {
    const next = new Array<number>(gen.length + 1).fill(0);
    for (let j = 0; j < gen.length; j++) {
      next[j] = next[j]! ^ gen[j]!;
      next[j + 1] = next[j + 1]! ^ mul(gen[j]!, EXP[i]!);
    }
    gen = next;
  }
  const rem = new Array<number>(n).fill(0);
  for (const d of data) {
    const f = d ^ rem.shift()!;
    rem.push(0);
    for (let j = 0; j < n; j++) rem[j] = rem[j]! ^ mul(gen[j + 1]!, f);
  }
  return rem;
}

/** Data codewords: mode, count, characters in pairs, terminator, padding. */
export function dataCodewords(text: string, version: number): number[] {
  const spec = SPEC[version]!;
  const bits: number[] = [];
  const put = (v: number, n: number) => {
    for (let i = n - 1; i >= 0; i--) bits.push((v >>> i) & 1);
  };
  put(0b0010, 4);
  put(text.length, 9);
  for (let i = 0; i < text.length; i += 2) {
    const a = ALNUM.indexOf(text[i]!);
    if (i + 1 < text.length) put(a * 45 + ALNUM.indexOf(text[i + 1]!), 11);
    else put(a, 6);
  }
  const cap = spec.data * 8;
  put(0, Math.min(4, cap - bits.length));
  while (bits.length % 8) bits.push(0);
  const out: number[] = [];
  for (let i = 0; i < bits.length; i += 8) out.push(bits.slice(i, i + 8).reduce((v, b) => (v << 1) | b, 0));
  for (let pad = 0xec; out.length < spec.data; pad ^= 0xec ^ 0x11) out.push(pad);
  return out;
}

const MASKS: ((x: number, y: number) => boolean)[] = [
  (x, y) => (x + y) % 2 === 0,
  (_x, y) => y % 2 === 0,
  (x) => x % 3 === 0,
  (x, y) => (x + y) % 3 === 0,
  (x, y) => (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0,
  (x, y) => ((x * y) % 2) + ((x * y) % 3) === 0,
  (x, y) => (((x * y) % 2) + ((x * y) % 3)) % 2 === 0,
  (x, y) => (((x + y) % 2) + ((x * y) % 3)) % 2 === 0,
];

/** The 15 format bits for level M and a mask: BCH(15,5) then XOR 101010000010010. */
function formatBits(mask: number): number {
  const data = (0b00 << 3) | mask; // level M = 00
  let rem = data;
  for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
  return ((data << 10) | rem) ^ 0x5412;
}

/** Rows of modules, true = dark, without a quiet zone. `mask` forces a pattern (else the lowest penalty). */
export function qrMatrix(text: string, mask?: number): boolean[][] {
  const t = text.toUpperCase();
  if ([...t].some((ch) => !ALNUM.includes(ch))) throw new RangeError('QR: only 0-9 A-Z space $%*+-./: are encoded');
  const version = [1, 2, 3].find((v) => Math.ceil((t.length * 11) / 2) + 13 <= SPEC[v]!.data * 8);
  if (!version) throw new RangeError('QR: text too long for versions 1–3');
  const spec = SPEC[version]!;
  const size = 17 + 4 * version;
  const m: boolean[][] = Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
  const fn: boolean[][] = Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
  const set = (x: number, y: number, dark: boolean) => {
    m[y]![x] = dark;
    fn[y]![x] = true;
  };
  // Timing patterns, then finders with separators over them, then the alignment pattern.
  for (let i = 0; i < size; i++) {
    set(6, i, i % 2 === 0);
    set(i, 6, i % 2 === 0);
  }
  for (const [cx, cy] of [[3, 3], [size - 4, 3], [3, size - 4]] as const) {
    for (let dy = -4; dy <= 4; dy++) {
      for (let dx = -4; dx <= 4; dx++) {
        const x = cx + dx;
        const y = cy + dy;
        if (x < 0 || y < 0 || x >= size || y >= size) continue;
        const d = Math.max(Math.abs(dx), Math.abs(dy));
        set(x, y, d !== 2 && d !== 4);
      }
    }
  }
  if (spec.align) {
    const c = spec.align;
    for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) set(c + dx, c + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
  }
  // Format areas reserved (drawn after masking), and the dark module.
  const drawFormat = (bits: number) => {
    const bit = (i: number) => ((bits >>> i) & 1) === 1;
    for (let i = 0; i <= 5; i++) set(8, i, bit(i));
    set(8, 7, bit(6));
    set(8, 8, bit(7));
    set(7, 8, bit(8));
    for (let i = 9; i < 15; i++) set(14 - i, 8, bit(i));
    for (let i = 0; i < 8; i++) set(size - 1 - i, 8, bit(i));
    for (let i = 8; i < 15; i++) set(8, size - 15 + i, bit(i));
    set(8, size - 8, true);
  };
  drawFormat(0);

  const data = dataCodewords(t, version);
  const all = [...data, ...reedSolomon(data, spec.ec)];
  let i = 0;
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5;
    for (let vert = 0; vert < size; vert++) {
      for (let j = 0; j < 2; j++) {
        const x = right - j;
        const upward = ((right + 1) & 2) === 0;
        const y = upward ? size - 1 - vert : vert;
        if (!fn[y]![x] && i < all.length * 8) {
          m[y]![x] = ((all[i >>> 3]! >>> (7 - (i & 7))) & 1) === 1;
          i++;
        }
      }
    }
  }

  const withMask = (k: number) => {
    const out = m.map((row) => row.slice());
    for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) if (!fn[y]![x] && MASKS[k]!(x, y)) out[y]![x] = !out[y]![x];
    const saved = m.map((row) => row.slice());
    drawFormat(formatBits(k));
    for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) if (fn[y]![x]) out[y]![x] = m[y]![x]!;
    for (let y = 0; y < size; y++) m[y] = saved[y]!;
    return out;
  };
  if (mask !== undefined) return withMask(mask);
  let best: boolean[][] = [];
  let bestPenalty = Infinity;
  for (let k = 0; k < 8; k++) {
    const cand = withMask(k);
    const p = penalty(cand);
    if (p < bestPenalty) {
      best = cand;
      bestPenalty = p;
    }
  }
  return best;
}

/** The four penalty rules of the standard (runs, 2×2 blocks, finder-like patterns, dark share). */
function penalty(m: boolean[][]): number {
  const n = m.length;
  let p = 0;
  const lines = [...m, ...m[0]!.map((_, x) => m.map((row) => row[x]!))];
  for (const line of lines) {
    let run = 1;
    for (let i = 1; i <= n; i++) {
      if (i < n && line[i] === line[i - 1]) run++;
      else {
        if (run >= 5) p += 3 + run - 5;
        run = 1;
      }
    }
    const s = line.map((b) => (b ? '1' : '0')).join('');
    for (const pat of ['10111010000', '00001011101']) for (let i = s.indexOf(pat); i >= 0; i = s.indexOf(pat, i + 1)) p += 40;
  }
  for (let y = 0; y < n - 1; y++) for (let x = 0; x < n - 1; x++) if (m[y]![x] === m[y]![x + 1] && m[y]![x] === m[y + 1]![x] && m[y]![x] === m[y + 1]![x + 1]) p += 3;
  const dark = m.flat().filter(Boolean).length;
  p += Math.floor(Math.abs((dark * 20) / (n * n) - 10)) * 10;
  return p;
}

/** The code as an SVG image (black on white, 4-module quiet zone), safe to put in a data: URL. */
export function qrSvg(text: string, moduleSize = 8): string {
  const m = qrMatrix(text);
  const q = 4;
  const dim = (m.length + 2 * q) * moduleSize;
  let d = '';
  m.forEach((row, y) => row.forEach((dark, x) => (d += dark ? `M${(x + q) * moduleSize} ${(y + q) * moduleSize}h${moduleSize}v${moduleSize}h-${moduleSize}z` : '')));
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${dim} ${dim}" width="${dim}" height="${dim}" shape-rendering="crispEdges"><rect width="100%" height="100%" fill="#fff"/><path d="${d}" fill="#000"/></svg>`;
}
