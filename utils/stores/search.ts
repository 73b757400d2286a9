/**
 * Search that a Turkish or English speaker expects: case- and diacritic-insensitive, and Turkish-aware,
 * so "turkiye" finds "Türkiye", "ISTANBUL" finds "İstanbul" and "ığdır" finds "Iğdır".
 */

import { fold } from '../fold';

/** Folds text for matching (the shared Turkish-aware fold; this name is what search callers import). */
export const foldForSearch = fold;

/** True when every word of the query occurs in the text (an empty query matches everything). */
export function matchesQuery(text: string, query: string): boolean {
  const words = fold(query).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const folded = fold(text);
  return words.every((w) => folded.includes(w));
}
