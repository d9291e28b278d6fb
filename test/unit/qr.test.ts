import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { checkInQrSvg } from '#services/check-in-qr';

// The check-in code's QR image comes from the `qrcode` library. Its matrices are compared module for
// module with an independent encoder's (Python qrcode 8.2, see the fixture's generatedBy), for every
// mask and versions 1–3, so a scanner at the door reads what the registrant was sent.
const golden = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'qr-golden.json'), 'utf8')) as {
  sha256OfRows: Record<string, { version: number; sha256: string }>;
  full: Record<string, string[]>;
};

function rows(text: string, mask: number): string[] {
  // One alphanumeric segment, as the reference encoder writes it (the library would otherwise split
  // off the digits as a numeric segment: equally valid, a different matrix).
  const { modules } = QRCode.create([{ data: text, mode: 'alphanumeric' }], { errorCorrectionLevel: 'M', maskPattern: mask as QRCode.QRCodeMaskPattern });
  return Array.from({ length: modules.size }, (_, y) => Array.from({ length: modules.size }, (_, x) => (modules.get(y, x) ? '1' : '0')).join(''));
}

describe('check-in QR image', () => {
  it('matches an independent encoder module for module: 5 texts × 8 masks, versions 1–3', () => {
    expect(Object.keys(golden.sha256OfRows)).toHaveLength(40);
    for (const [key, { version, sha256 }] of Object.entries(golden.sha256OfRows)) {
      const [text, mask] = key.split('|') as [string, string];
      const r = rows(text, Number(mask));
      expect(r.length, key).toBe(17 + 4 * version);
      expect(createHash('sha256').update(r.join('\n')).digest('hex'), key).toBe(sha256);
    }
    expect(rows('K7Q2ZP9X', 0)).toEqual(golden.full['K7Q2ZP9X|0']);
  });

  it('is an SVG of the upper-cased code, with nothing executable in it', async () => {
    const svg = await checkInQrSvg('k7q2zp9x');
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 29 29"/);
    expect(svg).not.toMatch(/[<>]\s*script/i);
    expect(svg).toBe(await checkInQrSvg('K7Q2ZP9X'));
  });
});
