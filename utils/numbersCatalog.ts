/** The numbers catalogue as stored: a tolerant reader and pure updates (names, prices), each for one panel origin. */

import type { NumberCategory, NumberService } from './api/numbers/types';
import type { PriceEntry } from './api/numbers/priceQueue';
import { EMPTY_NUMBERS_CATALOG, type CatalogService, type NumbersCatalog } from './storage';

/** A price read less than this long ago is not asked for again. */
export const PRICE_FRESH_MS = 60_000;
/** Every category's names are listed for search at most this often. */
export const INDEX_EVERY_MS = 24 * 60 * 60_000;

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function readRow(raw: unknown, categoryId: number): CatalogService | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  const id = num(r.id);
  if (id === null) return null;
  return {
    id,
    name: typeof r.name === 'string' ? r.name : `#${id}`,
    categoryId: num(r.categoryId) ?? categoryId,
    price: num(r.price),
    stock: num(r.stock),
    pricedAt: num(r.pricedAt),
  };
}

/**
 * The stored value as today's shape: a value cached before `pricedAt`/`indexedAt` existed reads with
 * null/0; anything unreadable reads as empty. With `origin`, a catalogue of another panel reads as
 * that origin's empty one (an origin change discards the old panel's rows).
 */
export function readCatalog(raw: unknown, origin?: string): NumbersCatalog {
  const empty = { ...EMPTY_NUMBERS_CATALOG, origin: origin ?? '' };
  if (!raw || typeof raw !== 'object') return empty;
  const c = raw as Partial<NumbersCatalog>;
  if (origin !== undefined && c.origin !== origin) return empty;
  const services: NumbersCatalog['services'] = {};
  for (const [key, entry] of Object.entries(c.services ?? {})) {
    const rows = Array.isArray(entry?.rows) ? entry.rows : [];
    services[key] = {
      rows: rows.map((r) => readRow(r, Number(key))).filter((r) => r !== null),
      at: num(entry?.at) ?? 0,
    };
  }
  return {
    origin: typeof c.origin === 'string' ? c.origin : '',
    categories: Array.isArray(c.categories) ? c.categories : [],
    categoriesAt: num(c.categoriesAt) ?? 0,
    services,
    indexedAt: num(c.indexedAt) ?? 0,
    ...(typeof c.detailsListsAll === 'boolean' ? { detailsListsAll: c.detailsListsAll } : {}),
  };
}

/** The catalogue with new categories (services of categories still listed are kept). */
export function withCategories(c: NumbersCatalog, categories: NumberCategory[], at: number): NumbersCatalog {
  return { ...c, categories, categoriesAt: at };
}

/** The catalogue with a category's names as just listed, keeping each service's cached price and its time. */
export function withNames(
  c: NumbersCatalog,
  categoryId: number,
  names: NumberService[],
  at: number,
): NumbersCatalog {
  const old = new Map((c.services[categoryId]?.rows ?? []).map((r) => [r.id, r]));
  const rows = names.map((s): CatalogService => {
    const prev = old.get(s.id);
    return {
      id: s.id,
      name: s.name,
      categoryId,
      price: prev?.price ?? null,
      stock: prev?.stock ?? null,
      pricedAt: prev?.pricedAt ?? null,
    };
  });
  return { ...c, services: { ...c.services, [categoryId]: { rows, at } } };
}

/** The catalogue with prices read at `at`; services it does not list (no name yet) are left out. */
export function withPrices(c: NumbersCatalog, entries: readonly PriceEntry[], at: number): NumbersCatalog {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const services: NumbersCatalog['services'] = {};
  for (const [key, entry] of Object.entries(c.services)) {
    if (!entry.rows.some((r) => byId.has(r.id))) {
      services[key] = entry;
      continue;
    }
    const rows = entry.rows.map((r) => {
      const e = byId.get(r.id);
      return e ? { ...r, price: e.price, stock: e.stock, pricedAt: at } : r;
    });
    services[key] = { ...entry, rows };
  }
  return { ...c, services };
}

/** Whether a row's price was read less than a minute ago. */
export function isFresh(row: CatalogService, now: number): boolean {
  return row.pricedAt !== null && now - row.pricedAt < PRICE_FRESH_MS && now >= row.pricedAt;
}

/** Every row of the catalogue by service id. */
export function rowsById(c: NumbersCatalog): Map<number, CatalogService> {
  const out = new Map<number, CatalogService>();
  for (const entry of Object.values(c.services)) for (const r of entry.rows) out.set(r.id, r);
  return out;
}

/** The categories whose names are due for the search index (older than a day, or never listed). */
export function categoriesToIndex(c: NumbersCatalog, now: number): NumberCategory[] {
  return c.categories.filter((cat) => {
    const at = c.services[cat.id]?.at ?? 0;
    return !(at > 0 && now - at < INDEX_EVERY_MS && now >= at);
  });
}

/** Whether the search index is due: older than a day, never built, or built for another panel. */
export function indexDue(c: NumbersCatalog, origin: string, now: number): boolean {
  return (
    c.origin !== origin || !(c.indexedAt > 0 && now - c.indexedAt < INDEX_EVERY_MS && now >= c.indexedAt)
  );
}
