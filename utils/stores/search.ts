/**
 * Search that a Turkish or English speaker expects: case- and diacritic-insensitive, and Turkish-aware,
 * so "turkiye" finds "Türkiye", "ISTANBUL" finds "İstanbul" and "ığdır" finds "Iğdır".
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** Folds text for matching: Turkish dotted/dotless i to "i", lower case, diacritics removed. */
export function foldForSearch(text: string): string {
  return (
    text
      // Both capital I forms and the dotless ı mean "i" to someone typing without a Turkish keyboard.
      .replace(/[İIı]/g, 'i')
      .toLowerCase()
      .normalize('NFD')
      .replace(COMBINING_MARKS, '')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** True when every word of the query occurs in the text (an empty query matches everything). */
export function matchesQuery(text: string, query: string): boolean {
  const words = foldForSearch(query).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const folded = foldForSearch(text);
  return words.every((w) => folded.includes(w));
}
