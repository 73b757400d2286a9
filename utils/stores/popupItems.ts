import type { Rental } from '../rentals/types';
import { DEFAULT_ORIGIN, DEFAULT_SETTINGS, type Settings } from '../settings';
import type { BalanceCache, NumbersCatalog, PopupDraft, SiteChoice } from '../storage';
import { itemSignal } from './itemSignal';
import type { ReadableItem, WatchedItem } from './types';

/** The storage items the popup reads (WXT items; tests pass items over the fake browser). */
export interface PopupItems {
  keyHint: ReadableItem<string>;
  origin: ReadableItem<string>;
  settings: ReadableItem<Settings>;
  rentals: ReadableItem<Rental[]>;
  history: ReadableItem<Rental[]>;
  balance: ReadableItem<BalanceCache>;
  catalog: ReadableItem<NumbersCatalog>;
  recents: ReadableItem<number[]>;
  siteChoices: ReadableItem<Record<string, SiteChoice>>;
  /** The popup's own items: it is their only writer. */
  favorites: WatchedItem<number[]>;
  draft: WatchedItem<PopupDraft>;
}

export const EMPTY_CATALOG: NumbersCatalog = {
  origin: '',
  categories: [],
  categoriesAt: 0,
  services: {},
  indexedAt: 0,
};
export const DEFAULT_DRAFT: PopupDraft = {
  tab: 'numbers',
  categoryId: null,
  search: '',
  sort: 'price',
  showHistory: false,
  order: {},
};
const NO_BALANCE: BalanceCache = { numbers: null, orders: null, at: 0 };

/** Every item the popup shows, as signals that follow storage; `ready` once all were read. */
export function readPopupItems(items: PopupItems) {
  const read = {
    keyHint: itemSignal(items.keyHint, ''),
    origin: itemSignal(items.origin, DEFAULT_ORIGIN),
    settings: itemSignal(items.settings, DEFAULT_SETTINGS),
    rentals: itemSignal<Rental[]>(items.rentals, []),
    history: itemSignal<Rental[]>(items.history, []),
    balance: itemSignal(items.balance, NO_BALANCE),
    catalog: itemSignal(items.catalog, EMPTY_CATALOG),
    recents: itemSignal<number[]>(items.recents, []),
    siteChoices: itemSignal<Record<string, SiteChoice>>(items.siteChoices, {}),
    favorites: itemSignal<number[]>(items.favorites, []),
    draft: itemSignal(items.draft, DEFAULT_DRAFT),
  };
  const all = Object.values(read);
  return {
    keyHint: read.keyHint.value,
    origin: read.origin.value,
    settings: read.settings.value,
    rentals: read.rentals.value,
    history: read.history.value,
    balance: read.balance.value,
    catalog: read.catalog.value,
    recents: read.recents.value,
    siteChoices: read.siteChoices.value,
    favorites: read.favorites.value,
    draft: read.draft.value,
    ready: Promise.all(all.map((r) => r.ready)).then(() => undefined),
    /** Stops watching every item. */
    dispose: () => all.forEach((r) => r.dispose()),
  };
}

export type StoredPopup = ReturnType<typeof readPopupItems>;
