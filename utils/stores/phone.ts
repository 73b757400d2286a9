/** Phone number helpers for the "copy with / without the country prefix" buttons. */

// ITU calling codes: 1 and 7 are one digit, these are two digits, every other code has three.
const TWO_DIGIT_CODES = new Set(
  '20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 60 61 62 63 64 65 66 81 82 84 86 90 91 92 93 94 95 98'.split(
    ' ',
  ),
);

/** Splits "+90 555 123 45 67" into the calling code "90" and the national number "5551234567". */
export function splitCallingCode(number: string): { code: string; national: string } {
  const digits = number.replace(/\D/g, '');
  // Without a "+", only a number too long to be national (over 10 digits) is taken to carry a code.
  if (!number.trim().startsWith('+') && digits.length <= 10) return { code: '', national: digits };
  const len = digits[0] === '1' || digits[0] === '7' ? 1 : TWO_DIGIT_CODES.has(digits.slice(0, 2)) ? 2 : 3;
  return { code: digits.slice(0, len), national: digits.slice(len) };
}

/** The number as the panel gave it, in international form ("+905551234567"). */
export function internationalForm(number: string): string {
  const { code, national } = splitCallingCode(number);
  return code ? `+${code}${national}` : national;
}
