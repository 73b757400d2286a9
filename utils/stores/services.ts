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
  const byName = (a: CatalogService, b: CatalogService) => a.name.localeCompare(b.name, opts.locale);
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
