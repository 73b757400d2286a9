import { describe, expect, it } from 'vitest';
import { fold } from '../../utils/fold';
import { matchesQuery } from '../../utils/stores/search';

describe('fold', () => {
  it('lowers Turkish capitals the way a Turkish speaker reads them: İSTANBUL, istanbul and ıstanbul are one word', () => {
    expect(fold('İSTANBUL')).toBe('istanbul');
    expect(fold('ıstanbul')).toBe('istanbul');
    expect(fold('ISTANBUL')).toBe('istanbul');
    // Without the Turkish rule, "İ" would lower to "i" plus a combining dot and "ı" would stay.
    expect(fold('İ')).toHaveLength(1);
  });

  it('strips diacritics, so "turkiye" finds "Türkiye" and "igdir" finds "Iğdır"', () => {
    expect(fold('Türkiye')).toBe('turkiye');
    expect(fold('Iğdır')).toBe('igdir');
    expect(fold('Çağrı Şehir Öğün')).toBe('cagri sehir ogun');
    expect(matchesQuery('WhatsApp Türkiye', 'turkiye')).toBe(true);
  });

  it('collapses runs of spaces and trims', () => {
    expect(fold('  Google \n  Türkiye  ')).toBe('google turkiye');
  });
});
