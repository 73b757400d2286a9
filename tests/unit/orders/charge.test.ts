import { describe, expect, it } from 'vitest';
import { balanceCovers, chargeFor, orderCharge } from '../../../utils/orders/charge';
import { service } from './fixtures';

describe('charge = rate × quantity / 1000, in exact money', () => {
  it('has no float noise', () => {
    // In floats 1.1 * 3 / 1000 is 0.0033000000000000004 and 0.28 * 35 / 1000 is 0.009800000000000001.
    expect((1.1 * 3) / 1000).not.toBe(0.0033);
    expect(chargeFor(1.1, 3)).toBe(0.0033);
    expect(chargeFor(0.28, 35)).toBe(0.0098);
    expect(chargeFor(0.1, 3)).toBe(0.0003);
    expect(chargeFor(0.9, 55)).toBe(0.0495);
    expect(chargeFor(0.1, 3000)).toBe(0.3);
    expect(chargeFor(1.2, 1_000_000)).toBe(1200);
    expect(chargeFor(0.35, 123)).toBe(0.04305);
  });

  it('rounds half up to a millionth and handles huge totals', () => {
    expect(chargeFor(0.000001, 1)).toBe(0); // 0.000000001 rounds down
    expect(chargeFor(0.0005, 1)).toBe(0.000001); // 0.0000005 rounds up
    expect(chargeFor(12, 9_000_000_000)).toBe(108_000_000);
  });

  it('is zero for no units', () => {
    expect(chargeFor(0.9, 0)).toBe(0);
    expect(chargeFor(0.9, -5)).toBe(0);
  });

  it('charges a package its rate, other types per 1000', () => {
    expect(orderCharge(service('package', { rate: 3.5 }), 1)).toBe(3.5);
    expect(orderCharge(service('default', { rate: 3.5 }), 1)).toBe(0.0035);
  });

  it('compares the balance with the charge exactly', () => {
    expect(balanceCovers(0.3, 0.1 + 0.2)).toBe(true);
    expect(balanceCovers(0.29, 0.3)).toBe(false);
    expect(balanceCovers(25, 25)).toBe(true);
  });
});
