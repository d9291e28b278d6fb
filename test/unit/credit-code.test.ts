import { describe, expect, it } from 'vitest';
import { checkCreditCode, creditCodeCheckChar } from '#core/credit-code';
import { CreditCode } from '#core/schemas/common';

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it('accepts codes whose mod-31 check character is right, in any case and with stray spaces', () => {
    for (const code of ['91350100M000100Y43', '91370200163562681G']) expect(checkCreditCode(code)).toBeNull();
    expect(CreditCode.parse(' 91370200163562681g ')).toBe('91370200163562681G');
  });

  it('names what is wrong: length, characters outside the alphabet, or the check character', () => {
    expect(checkCreditCode('9137020016356268')).toBe('length');
    expect(checkCreditCode('91370200163562681I')).toBe('charset'); // I is not in the alphabet
    expect(checkCreditCode('913702A0163562681G')).toBe('charset'); // division code must be digits
    expect(checkCreditCode('91370200163562681H')).toBe('checksum');
    expect(CreditCode.safeParse('91370200163562681H').error?.issues[0]?.message).toContain('校验位');
  });

  it('computes the check character of any valid prefix, so generated fixtures are valid', () => {
    const prefix = '91370200MA3C00000';
    const code = prefix + creditCodeCheckChar(prefix);
    expect(checkCreditCode(code)).toBeNull();
    expect(creditCodeCheckChar('9137020016356268O')).toBeNull(); // O is not in the alphabet
  });
});
