import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPlausibleCode, MAX_CODE_LENGTH } from '../../../utils/otp/plausible';
import { isSecureFillOrigin } from '../../../utils/otp/site';

const digit = fc.constantFrom(...'0123456789');
const letter = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefgçğışöü');

describe('isPlausibleCode', () => {
  it('accepts every run of 1 to 12 digits', () => {
    fc.assert(
      fc.property(fc.array(digit, { minLength: 1, maxLength: MAX_CODE_LENGTH }), (d) =>
        isPlausibleCode(d.join('')),
      ),
    );
  });

  it('refuses anything longer than 12 characters, whatever it is made of', () => {
    fc.assert(
      fc.property(fc.string({ minLength: MAX_CODE_LENGTH + 1, maxLength: 80 }), (s) => {
        fc.pre([...s.trim()].length > MAX_CODE_LENGTH);
        return !isPlausibleCode(s);
      }),
    );
  });

  it('refuses a code that is mostly letters', () => {
    fc.assert(
      fc.property(
        fc.array(letter, { minLength: 1, maxLength: 12 }),
        fc.array(digit, { maxLength: 12 }),
        (l, d) => {
          fc.pre(l.length > d.length && l.length + d.length <= MAX_CODE_LENGTH);
          return !isPlausibleCode([...l, ...d].join(''));
        },
      ),
    );
  });

  it('accepts a short code with at most half letters, in any order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(letter, digit), { minLength: 1, maxLength: MAX_CODE_LENGTH }),
        (chars) => {
          const letters = chars.filter((c) => /\p{L}/u.test(c)).length;
          return isPlausibleCode(chars.join('')) === letters * 2 <= chars.length;
        },
      ),
    );
  });

  it('refuses an SMS sentence and the empty text; accepts the usual shapes', () => {
    expect(isPlausibleCode('Your code is ABCDEFGHIJKLMNOP')).toBe(false);
    expect(isPlausibleCode('ABCDEFGH')).toBe(false);
    expect(isPlausibleCode('12 34')).toBe(false);
    expect(isPlausibleCode('   ')).toBe(false);
    for (const code of ['048213', 'G-123456', 'A1B2C3', ' 1234 ']) expect(isPlausibleCode(code)).toBe(true);
  });
});

describe('isSecureFillOrigin', () => {
  it('allows https anywhere and http only on loopback', () => {
    expect(isSecureFillOrigin('https://discord.com')).toBe(true);
    expect(isSecureFillOrigin('https://pay.example:8443')).toBe(true);
    expect(isSecureFillOrigin('http://127.0.0.1:5173')).toBe(true);
    expect(isSecureFillOrigin('http://localhost:3000')).toBe(true);
    expect(isSecureFillOrigin('http://[::1]:3000')).toBe(true);
    expect(isSecureFillOrigin('http://discord.com')).toBe(false);
    expect(isSecureFillOrigin('http://127.0.0.1.evil.example')).toBe(false);
    expect(isSecureFillOrigin('https://discord.com/path')).toBe(false);
    expect(isSecureFillOrigin('ftp://discord.com')).toBe(false);
  });
});
