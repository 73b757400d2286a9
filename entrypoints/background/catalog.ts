import type { PriceEntry, PriceOutcome } from '../../utils/api/numbers/priceQueue';
import { createBatcher, createSerialQueue, createSingleFlight } from '../../utils/async';
import { MessageError } from '../../utils/messaging/client';
import type { Handlers } from '../../utils/messaging/router';
import {
  categoriesToIndex,
  indexDue,
  isFresh,
  readCatalog,
  rowsById,
  withCategories,
  withNames,
  withPrices,
} from '../../utils/numbersCatalog';
import { numbersCatalogItem, panelOriginItem, type NumbersCatalog } from '../../utils/storage';
import { createCatalogPanel, type CatalogPanel } from './catalogPanel';
import { realClock, type Core } from './core';

/** At most one price write per this long while answers stream in (and one at the end of a pass). */
const PRICE_WRITE_MS = 100;

type CatalogHandlers = Pick<Handlers, 'getCategories' | 'getServices' | 'getPrices' | 'indexServices'>;

/**
 * The numbers catalogue feature: the `numbersCatalog` item's only writer. Names are written as soon
 * as they are listed; prices as they arrive (coalesced), from one price queue per panel origin.
 */
export function createCatalog(
  core: Core,
  clock: { now(): number; sleep(ms: number): Promise<void> } = realClock,
) {
  const serial = createSerialQueue();
  const single = createSingleFlight<string>();
  const panels = new Map<string, CatalogPanel>();

  /**
   * Changes the catalogue of `origin`, one change at a time. A change for a panel that is no longer
   * the configured one is dropped; a catalogue of another panel is replaced, never merged.
   */
  const update = (origin: string, change: (c: NumbersCatalog) => NumbersCatalog) =>
    serial(async () => {
      if ((await panelOriginItem.getValue()) !== origin) return null;
      const next = change(readCatalog(await numbersCatalogItem.getValue(), origin));
      await numbersCatalogItem.setValue(next);
      return next;
    });

  const prices = createBatcher<{ origin: string; entries: PriceEntry[]; at: number }>(async (batch) => {
    for (const origin of new Set(batch.map((b) => b.origin))) {
      await update(origin, (c) =>
        batch.filter((b) => b.origin === origin).reduce((acc, b) => withPrices(acc, b.entries, b.at), c),
      );
    }
  }, PRICE_WRITE_MS);

  /** The configured panel's origin, limiter and price queue (made on first use). */
  async function panel(): Promise<CatalogPanel> {
    const origin = await panelOriginItem.getValue();
    const api = await core.apis.numbers();
    let p = panels.get(origin);
    if (!p || p.api !== api) {
      const cached = readCatalog(await numbersCatalogItem.getValue(), origin);
      p = createCatalogPanel(api, cached, {
        ...clock,
        onPrices: (o, entries) => prices.add({ origin: o, entries, at: clock.now() }),
        onLearn: (o, listsAll) => void update(o, (c) => ({ ...c, detailsListsAll: listsAll })),
      });
      panels.set(origin, p);
    }
    return p;
  }

  /**
   * Reads the prices of ids not read in the last minute (`front`: before everything waiting, else
   * after the rows a page asked for); rejects with the last error if any failed.
   */
  async function readPrices(
    p: CatalogPanel,
    ids: readonly number[],
    front: boolean,
    catalog?: NumbersCatalog,
  ): Promise<void> {
    const now = clock.now();
    // The catalogue just written is passed in; otherwise it is read.
    const rows = rowsById(catalog ?? readCatalog(await numbersCatalogItem.getValue(), p.origin));
    const stale = ids.filter((id) => {
      const row = rows.get(id);
      return row !== undefined && !isFresh(row, now);
    });
    const outcome: PriceOutcome = await p.queue.request(stale, { front });
    await prices.drain();
    if (outcome.failed.length > 0) throw outcome.error;
  }

  async function refreshCategories(): Promise<void> {
    const p = await panel();
    const categories = await p.api.getCategories();
    await update(p.origin, (c) => withCategories(c, categories, clock.now()));
  }

  /** Lists every category's names (not prices) at most once a day, for the first screen's search. */
  const index = (): Promise<void> =>
    single('index', async () => {
      const p = await panel();
      const now = clock.now();
      if (!indexDue(readCatalog(await numbersCatalogItem.getValue()), p.origin, now)) return;
      // The categories too: a category the panel added since yesterday is searchable as well.
      const categories = await p.limiter.run(() => p.api.getCategories());
      const c = await update(p.origin, (old) => withCategories(old, categories, now));
      if (!c) return;
      let lastError: unknown = null;
      const listed = await Promise.all(
        categoriesToIndex(c, now).map(async (cat) => {
          try {
            return { id: cat.id, names: await p.limiter.run(() => p.api.getServices(cat.id)) };
          } catch (e) {
            lastError = e;
            return null;
          }
        }),
      );
      const at = clock.now();
      for (const l of listed) if (l) p.know(l.names);
      await update(p.origin, (old) => {
        const next = listed.reduce((acc, l) => (l ? withNames(acc, l.id, l.names, at) : acc), old);
        return lastError === null ? { ...next, indexedAt: at } : next;
      });
      if (lastError !== null) throw lastError;
    });

  const handlers: CatalogHandlers = {
    async getCategories() {
      await refreshCategories();
      return { ok: true };
    },
    async getServices({ categoryId }) {
      const id = Number(categoryId);
      const p = await panel();
      const names = await p.api.getServices(id);
      p.know(names);
      // Names first: the popup shows the list now, prices fill in as they come.
      const written = await update(p.origin, (c) => withNames(c, id, names, clock.now()));
      if (!written) return { ok: true };
      await readPrices(
        p,
        names.map((s) => s.id),
        false,
        written,
      );
      return { ok: true };
    },
    async getPrices({ serviceIds }) {
      if (!Array.isArray(serviceIds) || !serviceIds.every((id) => Number.isSafeInteger(id) && id > 0)) {
        throw new MessageError('bad_request');
      }
      await readPrices(await panel(), serviceIds, true);
      return { ok: true };
    },
    async indexServices() {
      await index();
      return { ok: true };
    },
  };

  return { handlers, index };
}
