// GB 32100-2015 统一社会信用代码: 18 characters from a 31-symbol alphabet (no I, O, S, V, Z),
// the last one a mod-31 check character over the first 17.
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function creditCodeCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = ALPHABET.indexOf(first17[i] ?? '');
    if (v < 0) return null;
    sum += v * WEIGHTS[i]!;
  }
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

export type CreditCodeProblem = 'length' | 'charset' | 'checksum';

export function checkCreditCode(code: string): CreditCodeProblem | null {
  if (code.length !== 18) return 'length';
  if (![...code].every((ch) => ALPHABET.includes(ch))) return 'charset';
  // The administrative-division part (positions 3–8) is always digits.
  if (!/^\d{6}$/.test(code.slice(2, 8))) return 'charset';
  return creditCodeCheckChar(code.slice(0, 17)) === code[17] ? null : 'checksum';
}

/** A checksum-valid code: `prefix` padded with `n` to 17 characters, then its check character (fixtures, demo, bench). */
export function validCreditCode(prefix: string, n: number): string {
  const first17 = `${prefix}${String(n).padStart(17 - prefix.length, '0')}`.slice(0, 17);
  return first17 + creditCodeCheckChar(first17)!;
}
