import { storage } from 'wxt/utils/storage';
import type { Balance, NumberCategory } from './api/numbers/types';
import type { Rental } from './rentals/types';
import {
  EMPTY_ORDER_DRAFT,
  type MassBatch,
  type OrderDraft,
  type OrderRequestRecord,
  type OrderServicesCache,
  type TrackedOrder,
} from './orders/types';
import { DEFAULT_ORIGIN, DEFAULT_SETTINGS, sanitizeSettings, type Settings } from './settings';

/**
 * Every storage item of the extension, in one place.
 * Only the background reads `apiKeyItem`; pages learn whether a key is set from `keyHintItem`.
 */

/** The panel API key (secret: background only, through `utils/keyVault.ts`; empty on Firefox, which keeps it in IndexedDB). */
export const apiKeyItem = storage.defineItem<string>('local:apiKey', { fallback: '' });

/** The panel origin the saved key belongs to: the key is never sent anywhere else (written with the key). */
export const keyOriginItem = storage.defineItem<string>('local:keyOrigin', { fallback: '' });

/** A non-secret hint of the saved key ("••••c9f"), or '' when there is none. */
export const keyHintItem = storage.defineItem<string>('local:keyHint', { fallback: '' });

/** The panel origin every API call goes to. */
export const panelOriginItem = storage.defineItem<string>('local:panelOrigin', { fallback: DEFAULT_ORIGIN });

/**
 * The person's settings.
 * v2: the poll interval moved from milliseconds (`pollIntervalMs`) to seconds, and the
 * per-site autofill switch (`autofill: {origin: boolean}`) became the `autofillSites` list.
 */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 2,
  migrations: {
    2: (old: Record<string, unknown>): Settings => {
      const { pollIntervalMs, autofill, ...rest } = old ?? {};
      const sites =
        autofill && typeof autofill === 'object'
          ? Object.entries(autofill as Record<string, unknown>)
              .filter(([, on]) => on === true)
              .map(([origin]) => origin)
          : [];
      return sanitizeSettings({
        ...(rest as Partial<Settings>),
        ...(typeof pollIntervalMs === 'number' ? { pollIntervalSec: Math.round(pollIntervalMs / 1000) } : {}),
        autofillSites: sites,
      });
    },
  },
});

/** Whether the low-balance warning was shown since the balance last went under the level (this browser session). */
export const lowBalanceWarnedItem = storage.defineItem<boolean>('session:lowBalanceWarned', {
  fallback: false,
});

/** Numbers that are live or need the person's attention, newest first. */
export const rentalsItem = storage.defineItem<Rental[]>('local:rentals', { fallback: [] });

/** Finished numbers (done, cancelled, expired), newest first, at most HISTORY_LIMIT. */
export const rentalHistoryItem = storage.defineItem<Rental[]>('local:rentalHistory', { fallback: [] });
export const HISTORY_LIMIT = 100;

/** requestId → rentalId of recent rents, so a re-sent rent message never rents twice. */
export const rentRequestsItem = storage.defineItem<Record<string, string>>('local:rentRequests', {
  fallback: {},
});

/** Last known balances, shown at once when the popup opens. */
export interface BalanceCache {
  numbers: Balance | null;
  orders: Balance | null;
  at: number;
}
export const balanceItem = storage.defineItem<BalanceCache>('local:balance', {
  fallback: { numbers: null, orders: null, at: 0 },
});

/** A numbers-catalogue row: a service of a category with its price and stock. */
export interface CatalogService {
  id: number;
  name: string;
  categoryId: number;
  price: number | null;
  stock: number | null;
  /** When this price and stock were read (ms since epoch); null when never. */
  pricedAt: number | null;
}
/** The cached numbers catalogue: categories, and services per category id. */
export interface NumbersCatalog {
  origin: string;
  categories: NumberCategory[];
  categoriesAt: number;
  /** Per category id: its services (names always; prices as they arrive) and when the names were listed. */
  services: Record<string, { rows: CatalogService[]; at: number }>;
  /** When every category's names were last listed (the first-screen search index); 0 when never. */
  indexedAt: number;
  /** Whether this panel's details answer lists a whole category (learnt from answers). */
  detailsListsAll?: boolean;
}
/** The empty catalogue (also what an unreadable stored value reads as). */
export const EMPTY_NUMBERS_CATALOG: NumbersCatalog = {
  origin: '',
  categories: [],
  categoriesAt: 0,
  services: {},
  indexedAt: 0,
};
// Values cached before rows had `pricedAt` and the catalogue `indexedAt` read through readCatalog().
export const numbersCatalogItem = storage.defineItem<NumbersCatalog>('local:numbersCatalog', {
  fallback: EMPTY_NUMBERS_CATALOG,
});

/** Service ids the person starred, and the ones rented most recently (newest first). */
export const favoriteServicesItem = storage.defineItem<number[]>('local:favoriteServices', { fallback: [] });
export const recentServicesItem = storage.defineItem<number[]>('local:recentServices', { fallback: [] });

/** What the person chose on the popup's card for a site: the country, another category, or no card. */
export interface SiteChoice {
  /** The service (country) to offer first; null: the usual guess. */
  serviceId: number | null;
  /** Another category than the one the site's name suggests; null: the suggested one. */
  categoryId: number | null;
  /** "Not this site's service": no card on this site. */
  hidden: boolean;
  at: number;
}
/** The person's choices per site, keyed by the site's own name ("discord" for discord.com, google.com.tr…). */
export const siteChoicesItem = storage.defineItem<Record<string, SiteChoice>>('local:siteChoices', {
  fallback: {},
});

/** What the person had typed or chosen in the popup, so closing it loses nothing. */
export interface PopupDraft {
  tab: 'numbers' | 'orders';
  categoryId: number | null;
  search: string;
  sort: 'price' | 'name';
  showHistory: boolean;
  order: Record<string, string>;
}
export const popupDraftItem = storage.defineItem<PopupDraft>('local:popupDraft', {
  fallback: { tab: 'numbers', categoryId: null, search: '', sort: 'price', showHistory: false, order: {} },
});

// ---- Orders (the orders API, /api/v2): owned by the orders feature (utils/orders/). ----

/** Orders the extension placed or the person added by id, newest first (the panel cannot list them). */
export const ordersItem = storage.defineItem<TrackedOrder[]>('local:orders', { fallback: [] });

/** The orders services catalogue of the configured panel, shown at once when the popup opens. */
export const orderServicesItem = storage.defineItem<OrderServicesCache>('local:orderServices', {
  fallback: { origin: '', services: [], at: 0 },
});

/** requestId → outcome of recent placeOrder requests, so a re-sent request never orders twice. */
export const orderRequestsItem = storage.defineItem<Record<string, OrderRequestRecord>>(
  'local:orderRequests',
  {
    fallback: {},
  },
);

/** The order form and catalogue search as the person left them. */
export const orderDraftItem = storage.defineItem<OrderDraft>('local:orderDraft', {
  fallback: EMPTY_ORDER_DRAFT,
});

/** Orders service ids the person starred (their own list: order and number service ids differ). */
export const orderFavoritesItem = storage.defineItem<number[]>('local:orderFavorites', { fallback: [] });

/** The last mass order: its lines and where each one is (queued, sending, placed, failed, unknown, not sent). */
export const massOrderItem = storage.defineItem<MassBatch | null>('local:massOrder', { fallback: null });
