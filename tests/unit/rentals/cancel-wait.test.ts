import { describe, expect, it } from 'vitest';
import { cancelRetryAt, DEFAULT_CANCEL_WAIT_MS, durationIn } from '../../../utils/rentals/cancelWait';

const refusal = (message: string, title = 'İptal edilemez') => ({ refunded: false, title, message });

describe('when a refused cancel may be tried again', () => {
  it('reads the duration a panel names, in Turkish or English', () => {
    expect(durationIn('Numara ilk 2 dakika içinde iptal edilemez')).toBe(120_000);
    expect(durationIn('İlk 120 saniye iptal yok')).toBe(120_000);
    expect(durationIn('90 sn sonra tekrar deneyin')).toBe(90_000);
    expect(durationIn('You can cancel this number after 2 minutes')).toBe(120_000);
    expect(durationIn('Try again in 90 seconds.')).toBe(90_000);
    expect(durationIn('wait 1 min')).toBe(60_000);
    expect(durationIn('1,5 dakika')).toBe(90_000);
    expect(durationIn('Numara #1042 iptal edilemez')).toBeNull();
    expect(durationIn('SMS already received')).toBeNull();
  });

  it('counts a named duration from the rent, or from the refusal once that moment has passed', () => {
    const rentedAt = 1_000_000;
    expect(cancelRetryAt(refusal('ilk 2 dakika içinde iptal edilemez'), rentedAt, rentedAt + 30_000)).toBe(
      rentedAt + 120_000,
    );
    const late = rentedAt + 200_000;
    expect(cancelRetryAt(refusal('after 2 minutes'), rentedAt, late)).toBe(late + 120_000);
  });

  it('offers the next try a minute after a refusal that names no time', () => {
    expect(cancelRetryAt(refusal('Cannot cancel', ''), 0, 5_000)).toBe(5_000 + DEFAULT_CANCEL_WAIT_MS);
    expect(DEFAULT_CANCEL_WAIT_MS).toBe(60_000);
  });
});
