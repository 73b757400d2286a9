import type { CatalogService } from '../storage';
import { matchesQuery } from './search';

export type ServiceSort = 'price' | 'name';

/** Why a service row sits where it does: starred, rented recently, or the rest. */
export type ServiceGroup = 'favorite' | 'recent' | 'other';

export interface ArrangedService {
  service: CatalogService;
  group: ServiceGroup;
  favorite: boolean;
  /** Stock is known to be zero: shown, but it cannot be rented. */
  outOfStock: boolean;
}

export interface ArrangeOptions {
  query: string;
  sort: ServiceSort;
  favorites: readonly number[];
  recents: readonly number[];
  locale: string;
}

/** True when a service can be rented right now (stock not known to be zero, price known). */
export function isRentable(s: CatalogService): boolean {
  return s.stock !== 0 && s.price !== null;
}

/**
 * Filters by the search, then orders: favourites, recently rented (newest first), then the rest;
 * each group by price or name, and within the rest, out-of-stock services last.
 */
export function arrangeServices(rows: readonly CatalogService[], opts: ArrangeOptions): ArrangedService[] {
  const favorites = new Set(opts.favorites);
  const recentRank = new Map(opts.recents.map((id, i) => [id, i]));
  // One collator per arrangement: localeCompare with a locale builds one per comparison, which made
  // sorting a 150-country category take tens of milliseconds on every price write.
  const collator = new Intl.Collator(opts.locale);
  const byName = (a: CatalogService, b: CatalogService) => collator.compare(a.name, b.name);
  const byPrice = (a: CatalogService, b: CatalogService) =>
    (a.price ?? Infinity) - (b.price ?? Infinity) || byName(a, b);
  const compare = opts.sort === 'price' ? byPrice : byName;
  const stockLast = (a: CatalogService, b: CatalogService) =>
    Number(a.stock === 0) - Number(b.stock === 0) || compare(a, b);

  const found = rows.filter((s) => matchesQuery(s.name, opts.query));
  const fav = found.filter((s) => favorites.has(s.id)).sort(stockLast);
  const recent = found
    .filter((s) => !favorites.has(s.id) && recentRank.has(s.id))
    .sort((a, b) => recentRank.get(a.id)! - recentRank.get(b.id)!);
  const other = found.filter((s) => !favorites.has(s.id) && !recentRank.has(s.id)).sort(stockLast);

  const tag = (group: ServiceGroup) => (service: CatalogService) => ({
    service,
    group,
    favorite: favorites.has(service.id),
    outOfStock: service.stock === 0,
  });
  return [...fav.map(tag('favorite')), ...recent.map(tag('recent')), ...other.map(tag('other'))];
}

/** Keeps an id list short and unique, newest first (for the recently rented services). */
export function pushRecent(list: readonly number[], id: number, max = 8): number[] {
  return [id, ...list.filter((x) => x !== id)].slice(0, max);
}

/**
 * The arrangement in a frozen order: rows keep the place they had (`ids`), new rows go last. While a
 * category's prices arrive one by one, a row never jumps under the person's pointer.
 */
export function keepOrder(arranged: readonly ArrangedService[], ids: readonly number[]): ArrangedService[] {
  const place = new Map(ids.map((id, i) => [id, i]));
  const rank = (a: ArrangedService) => place.get(a.service.id) ?? ids.length;
  return arranged
    .map((a, i) => ({ a, i }))
    .sort((x, y) => rank(x.a) - rank(y.a) || x.i - y.i)
    .map((x) => x.a);
}

/** A price older than this is shown with its age. */
export const STALE_PRICE_MS = 5 * 60_000;

/** How old a shown price is, for the muted marker beside it; null when fresh or never read. */
export function priceAge(
  pricedAt: number | null,
  now: number,
): { key: 'ui_age_min' | 'ui_age_h' | 'ui_age_d'; count: number } | null {
  // == null: a row cached before rows had `pricedAt` has none.
  if (pricedAt == null || now - pricedAt < STALE_PRICE_MS) return null;
  const min = Math.floor((now - pricedAt) / 60_000);
  if (min < 60) return { key: 'ui_age_min', count: min };
  if (min < 48 * 60) return { key: 'ui_age_h', count: Math.floor(min / 60) };
  return { key: 'ui_age_d', count: Math.floor(min / 1440) };
}

/** True when a shown row's price should be asked for: none yet, stale, or its category is being read. */
export function wantsPrice(s: CatalogService, loading: boolean, now: number): boolean {
  return loading || s.price === null || s.pricedAt == null || now - s.pricedAt >= STALE_PRICE_MS;
}
