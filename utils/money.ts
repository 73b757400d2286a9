/** Panels send money as "0.90", 8, "1,5" or "100.84292 USD"; this is the one place that turns them into numbers. */

const NUMBER_PART = /[-+]?[\d.,]*\d[\d.,]*/;

/** Reads an amount from a number or a string ("0.90", "1,5", "1.234,56", "$2"); anything else → null. */
export function parseAmount(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? roundMoney(v) : null;
  if (typeof v !== 'string') return null;
  const compact = v.replace(/[\s\u00a0\u202f']/g, '');
  const match = NUMBER_PART.exec(compact);
  if (!match) return null;
  const n = Number(toDotDecimal(match[0]));
  return Number.isFinite(n) ? roundMoney(n) : null;
}

/** Rewrites "1.234,56" / "1,234.56" / "1,5" into the "1234.56" form Number() reads. */
function toDotDecimal(s: string): string {
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  if (lastComma === -1) return countOf(s, '.') > 1 ? s.replace(/\./g, '') : s;
  if (lastDot === -1) {
    // One comma is a decimal comma ("1,5"); several are thousands separators ("1,000,000").
    return countOf(s, ',') > 1 ? s.replace(/,/g, '') : s.replace(',', '.');
  }
  // Both present: whichever comes last is the decimal separator.
  return lastComma > lastDot ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
}

function countOf(s: string, ch: string): number {
  return s.split(ch).length - 1;
}

/** Rounds to 6 decimals so float noise (0.1 + 0.2) never reaches the UI or storage. */
export function roundMoney(n: number): number {
  if (!Number.isFinite(n)) return n;
  const rounded = Number(n.toFixed(6));
  return rounded === 0 ? 0 : rounded; // no "-0"
}

/** Formats an amount for a person: 2–4 fraction digits, with the currency when the panel named one. */
export function formatMoney(amount: number, currency: string | null, locale: string): string {
  const value = roundMoney(amount);
  const digits = { minimumFractionDigits: 2, maximumFractionDigits: 4 };
  const code = currency?.trim().toUpperCase() === 'TL' ? 'TRY' : currency?.trim();
  if (code) {
    try {
      return new Intl.NumberFormat(locale, { style: 'currency', currency: code, ...digits }).format(value);
    } catch {
      // Not an ISO 4217 code (e.g. "₺" or "coins"): show the panel's own label after the number.
      return `${new Intl.NumberFormat(locale, digits).format(value)} ${code}`;
    }
  }
  return new Intl.NumberFormat(locale, digits).format(value);
}
