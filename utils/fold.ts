/** Turkish-aware text folding, shared by search, panel error recognition and answer normalisation. */

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/**
 * Folds text for matching: Turkish dotted/dotless i to "i", lower case, diacritics removed, spaces collapsed,
 * so "turkiye" finds "Türkiye" and "İSTANBUL", "istanbul", "ıstanbul" are one word.
 */
export function fold(text: string): string {
  return (
    text
      // Both capital I forms and the dotless ı mean "i" to someone typing without a Turkish keyboard
      // (and JS would lower "İ" to "i" plus a combining dot).
      .replace(/[İIı]/g, 'i')
      .toLowerCase()
      .normalize('NFD')
      .replace(COMBINING_MARKS, '')
      .replace(/\s+/g, ' ')
      .trim()
  );
}
