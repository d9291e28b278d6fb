import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataCodewords, qrMatrix, qrSvg, reedSolomon } from '../../packages/core/qr';

// The check-in code's QR image. The matrices are compared module for module with an independent
// encoder's (Python qrcode 8.2, see the fixture's generatedBy), for every mask and versions 1–3.
const golden = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'qr-golden.json'), 'utf8')) as {
  sha256OfRows: Record<string, { version: number; sha256: string }>;
  full: Record<string, string[]>;
};
const rowsOf = (m: boolean[][]) => m.map((r) => r.map((b) => (b ? '1' : '0')).join(''));

describe('QR encoder', () => {
  it('encodes HELLO WORLD (1-M) to the codewords of the standard worked example', () => {
    const data = dataCodewords('HELLO WORLD', 1);
    expect(data).toEqual([32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17]);
    expect(reedSolomon(data, 10)).toEqual([196, 35, 39, 119, 235, 215, 231, 226, 93, 23]);
  });

  it('matches an independent encoder module for module: 5 texts × 8 masks, versions 1–3', () => {
    expect(Object.keys(golden.sha256OfRows)).toHaveLength(40);
    for (const [key, { version, sha256 }] of Object.entries(golden.sha256OfRows)) {
      const [text, mask] = key.split('|') as [string, string];
      const m = qrMatrix(text, Number(mask));
      expect(m.length, key).toBe(17 + 4 * version);
      expect(createHash('sha256').update(rowsOf(m).join('\n')).digest('hex'), key).toBe(sha256);
    }
    expect(rowsOf(qrMatrix('K7Q2ZP9X', 0))).toEqual(golden.full['K7Q2ZP9X|0']);
  });

  it('picks one of the eight valid masks by penalty, and draws an SVG with a quiet zone', () => {
    const auto = rowsOf(qrMatrix('K7Q2ZP9X')).join('\n');
    const valid = Array.from({ length: 8 }, (_, k) => rowsOf(qrMatrix('K7Q2ZP9X', k)).join('\n'));
    expect(valid).toContain(auto);
    const svg = qrSvg('k7q2zp9x', 4);
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 116 116"/);
    expect(svg).not.toMatch(/[<>]\s*script/i);
  });

  it('refuses what it cannot encode', () => {
    expect(() => qrMatrix('中文')).toThrow(RangeError);
    expect(() => qrMatrix('A'.repeat(62))).toThrow(RangeError);
  });
});
