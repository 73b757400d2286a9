import { describe, expect, it } from 'vitest';
import { formatMoney, parseAmount, roundMoney } from '../../../utils/money.ts';

describe('parseAmount', () => {
  it.each([
    ['0.90', 0.9],
    [8, 8],
    ['8', 8],
    ['1,5', 1.5],
    ['100.84292', 100.84292],
    [' 12 ', 12],
    ['1.234,56', 1234.56],
    ['1,234.56', 1234.56],
    ['1,000,000', 1000000],
    ['$2.50', 2.5],
    ['100.84292 USD', 100.84292],
    ['-0.5', -0.5],
    [0.1 + 0.2, 0.3],
  ] as [unknown, number][])('%j → %d', (input, expected) => {
    expect(parseAmount(input)).toBe(expected);
  });

  it.each([null, undefined, '', 'abc', NaN, Infinity, true, {}, []])('%j → null', (input) => {
    expect(parseAmount(input)).toBeNull();
  });
});

describe('roundMoney', () => {
  it('kills float noise at 6 decimals', () => {
    expect(roundMoney(0.1 + 0.2)).toBe(0.3);
    expect(roundMoney(1.0000004)).toBe(1);
    expect(roundMoney(2.1234567)).toBe(2.123457);
    expect(Object.is(roundMoney(-0.0000001), 0)).toBe(true);
  });
});

describe('formatMoney', () => {
  it('shows 2 to 4 fraction digits with the currency', () => {
    expect(formatMoney(0.1 + 0.2, 'USD', 'en-US')).toBe('$0.30');
    expect(formatMoney(100.84292, 'USD', 'en-US')).toBe('$100.8429');
    expect(formatMoney(8, 'USD', 'en-US')).toBe('$8.00');
  });

  it('uses the locale', () => {
    const s = formatMoney(1234.5, 'TRY', 'tr-TR');
    expect(s).toContain('1.234,50');
    expect(s).toContain('₺');
  });

  it('shows only the number when the currency is unknown', () => {
    expect(formatMoney(100, null, 'en-US')).toBe('100.00');
    expect(formatMoney(0.1 + 0.2, null, 'tr-TR')).toBe('0,30');
  });

  it('keeps a label that is not an ISO code after the number', () => {
    expect(formatMoney(5, 'coins', 'en-US')).toBe('5.00 coins');
  });
});
