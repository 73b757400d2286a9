import type { NumbersApi } from '../../utils/api/numbers';
import type { NumberCategory } from '../../utils/api/numbers/types';
import type { Handlers } from '../../utils/messaging/router';
import { numbersCatalogItem, panelOriginItem, type CatalogService } from '../../utils/storage';
import type { Core } from './core';

/** How many getServiceDetails calls run at once when a category opens. */
const DETAILS_CONCURRENCY = 4;

/** Runs `work` over items with at most `limit` at once, keeping order. */
async function mapLimit<T, R>(items: readonly T[], limit: number, work: (t: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]!);
    }
  });
  await Promise.all(lanes);
  return out;
}

/** Fetches the categories and caches them for the popup's first paint. */
export async function refreshCategories(api: NumbersApi, now: number): Promise<NumberCategory[]> {
  const categories = await api.getCategories();
  const origin = await panelOriginItem.getValue();
  const cache = await numbersCatalogItem.getValue();
  const keep = cache.origin === origin ? cache.services : {};
  await numbersCatalogItem.setValue({
    ...cache,
    origin,
    categories,
    categoriesAt: now,
    services: keep,
    indexedAt: cache.origin === origin ? cache.indexedAt : 0,
  });
  return categories;
}

/**
 * Fetches a category's services with price and stock (one details call per service, a few at
 * a time) and caches them. A service whose details fail keeps its cached price, or shows none.
 */
export async function refreshServices(
  api: NumbersApi,
  categoryId: number,
  now: number,
): Promise<CatalogService[]> {
  const services = await api.getServices(categoryId);
  const origin = await panelOriginItem.getValue();
  const before = await numbersCatalogItem.getValue();
  const old = new Map(
    (before.origin === origin ? before.services[categoryId]?.rows : [])?.map((r) => [r.id, r]),
  );
  let failures = 0;
  let lastError: unknown = null;
  const rows = await mapLimit(services, DETAILS_CONCURRENCY, async (s): Promise<CatalogService> => {
    try {
      const d = await api.getServiceDetails(s.id);
      return {
        id: s.id,
        name: s.name,
        categoryId,
        price: d?.price ?? null,
        stock: d?.stock ?? null,
        pricedAt: now,
      };
    } catch (e) {
      failures++;
      lastError = e;
      const prev = old.get(s.id);
      return {
        id: s.id,
        name: s.name,
        categoryId,
        price: prev?.price ?? null,
        stock: prev?.stock ?? null,
        pricedAt: prev?.pricedAt ?? null,
      };
    }
  });
  if (services.length && failures === services.length) throw lastError;
  const cache = await numbersCatalogItem.getValue();
  const base =
    cache.origin === origin ? cache : { origin, categories: [], categoriesAt: 0, services: {}, indexedAt: 0 };
  await numbersCatalogItem.setValue({
    ...base,
    services: { ...base.services, [categoryId]: { rows, at: now } },
  });
  return rows;
}

/** The numbers catalogue feature: the `catalog` item's only writer. */
export function createCatalog(
  core: Core,
): Pick<Handlers, 'getCategories' | 'getServices' | 'getPrices' | 'indexServices'> {
  return {
    async getCategories() {
      await refreshCategories(await core.apis.numbers(), Date.now());
      return { ok: true };
    },
    async getServices({ categoryId }) {
      await refreshServices(await core.apis.numbers(), Number(categoryId), Date.now());
      return { ok: true };
    },
    // The priority queue and the daily index are the background's part of the catalogue at scale.
    getPrices: () => ({ ok: true }),
    indexServices: () => ({ ok: true }),
  };
}
