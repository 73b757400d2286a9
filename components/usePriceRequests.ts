import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { CatalogService } from '../utils/storage';
import type { PopupStore } from '../utils/stores/popup';
import { wantsPrice } from '../utils/stores/services';

/** Rows asked for at once, before the browser says which ones are on screen. */
const FIRST_SCREEN = 10;

/**
 * Asks the background for the prices of the rows on screen first (the first screenful at once, more
 * as the person scrolls), so they come before the rest of a big category.
 */
export function usePriceRequests(
  store: PopupStore,
  rows: readonly CatalogService[],
  loading: boolean,
  list: RefObject<HTMLElement | null>,
): void {
  const latest = useRef(rows);
  latest.current = rows;
  const ids = rows.map((r) => r.id).join();
  useEffect(() => {
    const wanted = (ids: number[]) =>
      ids.filter((id) => {
        const row = latest.current.find((r) => r.id === id);
        return row !== undefined && wantsPrice(row, loading, store.clock.peek());
      });
    store.requestPrices(wanted(latest.current.slice(0, FIRST_SCREEN).map((r) => r.id)));
    if (typeof IntersectionObserver === 'undefined' || !list.current) return;
    const seen = new IntersectionObserver((entries) =>
      store.requestPrices(
        wanted(
          entries
            .filter((e) => e.isIntersecting)
            .map((e) => Number((e.target as HTMLElement).dataset.serviceId)),
        ),
      ),
    );
    list.current.querySelectorAll('[data-service-id]').forEach((el) => seen.observe(el));
    return () => seen.disconnect();
  }, [ids, loading]);
}
