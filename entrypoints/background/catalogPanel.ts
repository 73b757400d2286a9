import type { NumbersApi } from '../../utils/api/numbers';
import { createLimiter, type Limiter } from '../../utils/api/numbers/limiter';
import { createPriceQueue, type PriceEntry, type PriceQueue } from '../../utils/api/numbers/priceQueue';
import type { NumbersCatalog } from '../../utils/storage';

/** What one panel origin has in the worker: one limiter (prices and index share it) and one price queue. */
export interface CatalogPanel {
  origin: string;
  api: NumbersApi;
  limiter: Limiter;
  queue: PriceQueue;
  /** Remembers which category each service is in (to learn how the details answer lists). */
  know(rows: readonly { id: number; categoryId: number }[]): void;
}

export interface PanelWorld {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** Each answer's prices, for the coalesced writer. */
  onPrices: (origin: string, entries: PriceEntry[]) => void;
  /** What was learnt about the details answer, to store. */
  onLearn: (origin: string, listsAll: boolean) => void;
}

/** Creates the limiter and price queue of one panel, seeded with what its cached catalogue knows. */
export function createCatalogPanel(api: NumbersApi, cached: NumbersCatalog, world: PanelWorld): CatalogPanel {
  const origin = cached.origin;
  const categoryOf = new Map<number, number>();
  const know = (rows: readonly { id: number; categoryId: number }[]) => {
    for (const r of rows) categoryOf.set(r.id, r.categoryId);
  };
  for (const entry of Object.values(cached.services)) know(entry.rows);
  const limiter = createLimiter({ now: world.now, sleep: world.sleep });
  const queue = createPriceQueue({
    fetchDetails: (id) => api.getServiceDetails(id, { retries: 0 }),
    limiter,
    sleep: world.sleep,
    onPrices: (entries) => world.onPrices(origin, entries),
    listsAll: cached.detailsListsAll,
    onLearn: (listsAll) => world.onLearn(origin, listsAll),
    categoryOf: (id) => categoryOf.get(id),
  });
  return { origin, api, limiter, queue, know };
}
