/** The longest code the extension types on its own; longer texts are whole messages, not codes. */
export const MAX_CODE_LENGTH = 12;

/**
 * True when a code looks like a one-time code: 1–12 characters after trimming, no spaces, and
 * no more than half of them letters. Anything else (a whole SMS, a word) is shown and can be
 * copied, but automatic fill, the command, the menu and the notification never type it.
 */
export function isPlausibleCode(code: string): boolean {
  const text = code.trim();
  const chars = [...text];
  if (chars.length === 0 || chars.length > MAX_CODE_LENGTH) return false;
  if (/\s/u.test(text)) return false;
  const letters = chars.filter((c) => /\p{L}/u.test(c)).length;
  return letters * 2 <= chars.length;
}
