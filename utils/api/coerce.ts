/** Small readers for loosely typed panel JSON: numbers as strings, booleans as "1", objects instead of arrays. */

import { parseAmount } from '../money.ts';

/** A plain JSON object (not an array, not null). */
export type JsonObject = Record<string, unknown>;

/** True for a plain object such as `{ "id": 1 }`. */
export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Reads a whole number from 8, "8", " 8 ", "8.0"; anything else → null. */
export function toInt(v: unknown): number | null {
  const n = typeof v === 'string' ? (v.trim() === '' ? NaN : Number(v.trim())) : v;
  return typeof n === 'number' && Number.isSafeInteger(n) ? n : null;
}

/** Reads a positive id (what panels use for services, orders and numbers). */
export function toId(v: unknown): number | null {
  const n = toInt(v);
  return n !== null && n > 0 ? n : null;
}

/** Reads a count or money value; null stays null, "157" → 157, "0.27819" → 0.27819. */
export function toNumber(v: unknown): number | null {
  return parseAmount(v);
}

const TRUE_WORDS = new Set(['1', 'true', 'yes', 'y', 'on', 'evet']);

/** Reads a boolean from true/1/"1"/"true"/"yes"; everything else (0, "0", null, missing) is false. */
export function toBool(v: unknown): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v === 1;
  if (typeof v === 'string') return TRUE_WORDS.has(v.trim().toLowerCase());
  return false;
}

/** Reads text: strings as they are, numbers as digits, everything else → fallback. */
export function toText(v: unknown, fallback = ''): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return fallback;
}

/** Text that is not blank, trimmed; otherwise null. */
export function toNonBlank(v: unknown): string | null {
  const s = toText(v).trim();
  return s === '' ? null : s;
}

const LIST_WRAPPERS = ['data', 'items', 'result', 'results', 'list', 'services', 'categories'];

/**
 * Reads a list that a panel may send as an array, as an object keyed by id, or wrapped in `{ data: [...] }`.
 * A single record (an object with an `id`-like field) becomes a one-item list.
 */
export function toList(v: unknown, idFields: readonly string[] = ['id']): unknown[] {
  if (Array.isArray(v)) return v;
  if (!isObject(v)) return [];
  for (const wrapper of LIST_WRAPPERS) {
    if (Array.isArray(v[wrapper])) return v[wrapper] as unknown[];
  }
  if (idFields.some((f) => f in v)) return [v];
  // Keyed by id: `{ "1": { "name": "Google" } }` — the key is the id when the record lacks one.
  return Object.entries(v)
    .filter((entry): entry is [string, JsonObject] => isObject(entry[1]))
    .map(([key, record]) => (idFields.some((f) => f in record) ? record : { ...record, [idFields[0]]: key }));
}
