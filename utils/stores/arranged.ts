import { computed, type ReadonlySignal } from '@preact/signals';
import type { CatalogService, PopupDraft } from '../storage';
import type { LoadStatus } from './popupState';
import { arrangeServices, keepOrder, type ArrangedService } from './services';

/** The signals the open category's arrangement reads (a popup store has them all). */
export interface ArrangementSources {
  services: ReadonlySignal<CatalogService[] | null>;
  draft: ReadonlySignal<PopupDraft>;
  favorites: ReadonlySignal<number[]>;
  recents: ReadonlySignal<number[]>;
  locale: ReadonlySignal<string>;
  servicesStatus: ReadonlySignal<Record<string, LoadStatus>>;
}

/**
 * The open category's rows as shown: searched, grouped and sorted, except that while the category's
 * prices arrive the order stays frozen (rows never jump); the sort applies when the load ends or when
 * the person changes the search, the sort or a star.
 */
export function arrangedServices(s: ArrangementSources): ReadonlySignal<ArrangedService[] | null> {
  let frozen: { key: string; ids: number[] } | null = null;
  return computed(() => {
    const rows = s.services.value;
    if (!rows) return null;
    const d = s.draft.value;
    const arranged = arrangeServices(rows, {
      query: d.search,
      sort: d.sort,
      favorites: s.favorites.value,
      recents: s.recents.value,
      locale: s.locale.value,
    });
    const key = JSON.stringify([d.categoryId, d.search, d.sort, s.favorites.value, s.recents.value]);
    if (!s.servicesStatus.value[String(d.categoryId)]?.loading) frozen = null;
    else if (frozen?.key === key) return keepOrder(arranged, frozen.ids);
    else frozen = { key, ids: arranged.map((a) => a.service.id) };
    return arranged;
  });
}
