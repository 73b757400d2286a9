import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import en from '../../public/_locales/en/messages.json';
import tr from '../../public/_locales/tr/messages.json';
import type { Lang } from '../../utils/i18n';
import type { Ack, MessageData, MessageRes, MessageType } from '../../utils/messaging/protocol';
import type { Rental } from '../../utils/rentals/types';
import { DEFAULT_ORIGIN, DEFAULT_SETTINGS, type Settings } from '../../utils/settings';
import type {
  BalanceCache,
  CatalogService,
  NumbersCatalog,
  PopupDraft,
  SiteChoice,
} from '../../utils/storage';
import { createPopupStore, type PopupDeps } from '../../utils/stores/popup';
import { DEFAULT_DRAFT, EMPTY_CATALOG } from '../../utils/stores/popupItems';
import type { TargetTab } from '../../utils/stores/types';
import { fakeItem } from '../fakes/storage';

/** The answer of an action whose result the background stored. */
export const ACK: Ack = { ok: true };

/**
 * The popup's storage items over the fake browser, under the extension's keys. Fake handlers write
 * them before they answer, as the background does: the popup must show what storage holds.
 */
export const stored = {
  keyHint: fakeItem('keyHint', ''),
  origin: fakeItem('panelOrigin', DEFAULT_ORIGIN),
  settings: fakeItem<Settings>('settings', DEFAULT_SETTINGS),
  rentals: fakeItem<Rental[]>('rentals', []),
  history: fakeItem<Rental[]>('rentalHistory', []),
  balance: fakeItem<BalanceCache>('balance', { numbers: null, orders: null, at: 0 }),
  catalog: fakeItem<NumbersCatalog>('numbersCatalog', EMPTY_CATALOG),
  favorites: fakeItem<number[]>('favoriteServices', []),
  recents: fakeItem<number[]>('recentServices', []),
  siteChoices: fakeItem<Record<string, SiteChoice>>('siteChoices', {}),
  draft: fakeItem<PopupDraft>('popupDraft', DEFAULT_DRAFT),
};

/** Empties the fake browser's storage and listeners (each test file's `beforeEach`). */
export const resetBrowser = () => fakeBrowser.reset();

export type Handlers = {
  [K in MessageType]?: (data: MessageData<K>) => MessageRes<K> | Promise<MessageRes<K>>;
};

/** A fake `send`: answers from handlers, records every call; a type without a handler never answers. */
export function fakeSend(handlers: Handlers) {
  return vi.fn(async (type: MessageType, data: unknown) => {
    const handler = handlers[type] as ((d: unknown) => unknown) | undefined;
    if (!handler) return new Promise(() => undefined);
    return handler(data);
  });
}

/** The calls of one message type a fake send received. */
export function callsOf<K extends MessageType>(send: ReturnType<typeof fakeSend>, type: K): MessageData<K>[] {
  return send.mock.calls.filter(([t]) => t === type).map(([, d]) => d as MessageData<K>);
}

export const catalogs = { en, tr };

export interface World {
  keyHint?: string;
  origin?: string;
  settings?: Partial<Settings>;
  rentals?: Rental[];
  history?: Rental[];
  balance?: BalanceCache;
  catalog?: NumbersCatalog;
  favorites?: number[];
  recents?: number[];
  siteChoices?: Record<string, SiteChoice>;
  draft?: Partial<PopupDraft>;
}

/** Seeds the popup's storage items from a world description. */
export async function seedPopup(w: World = {}): Promise<void> {
  await Promise.all([
    stored.keyHint.setValue(w.keyHint ?? '••••abc'),
    stored.origin.setValue(w.origin ?? 'https://smmonayim.com'),
    stored.settings.setValue({ ...DEFAULT_SETTINGS, ...w.settings }),
    stored.rentals.setValue(w.rentals ?? []),
    stored.history.setValue(w.history ?? []),
    stored.balance.setValue(w.balance ?? { numbers: null, orders: null, at: 0 }),
    stored.catalog.setValue(w.catalog ?? EMPTY_CATALOG),
    stored.favorites.setValue(w.favorites ?? []),
    stored.recents.setValue(w.recents ?? []),
    stored.siteChoices.setValue(w.siteChoices ?? {}),
    stored.draft.setValue({ ...DEFAULT_DRAFT, ...w.draft }),
  ]);
}

export const NOW = Date.UTC(2025, 0, 15, 10, 0, 0);

/** A popup store over seeded storage and a fake send; every dependency can be overridden. */
export async function makePopup(world: World = {}, handlers: Handlers = {}, over: Partial<PopupDeps> = {}) {
  await seedPopup(world);
  const items = stored;
  // The fake background's saveFavorites writes the item, as the real one does.
  const saveFavorites = async ({ ids }: { ids: number[] }) => {
    await stored.favorites.setValue(ids);
    return { ok: true as const };
  };
  const send = fakeSend({ saveFavorites, ...handlers });
  const copyText = vi.fn(async (_text: string) => undefined);
  const target = vi.fn(async (): Promise<TargetTab> => ({ tabId: 7, site: 'https://shop.example' }));
  const request = vi.fn(async (_origin: string) => true);
  let seq = 0;
  const deps: PopupDeps = {
    send: send as unknown as PopupDeps['send'],
    items,
    now: () => NOW,
    uiLanguage: 'en-US',
    loadCatalog: async (lang: Lang) => catalogs[lang],
    target,
    copyText,
    newRequestId: () => `req-${++seq}`,
    permissions: { request },
    draftDelayMs: 20,
    clockMs: 0,
    ...over,
  };
  const store = createPopupStore(deps);
  return { store, items, send, copyText, target, request, deps };
}

/** A rental in a given state, with sensible defaults. */
export function rental(over: Partial<Rental> = {}): Rental {
  return {
    id: 'r1',
    serviceId: 11,
    serviceName: 'WhatsApp Türkiye',
    categoryName: 'WhatsApp',
    price: 8,
    currency: 'TRY',
    number: '+905551234567',
    numberId: 100,
    state: 'waiting',
    createdAt: NOW - 60_000,
    rentedAt: NOW - 60_000,
    expiresAt: NOW + 14 * 60_000 + 32_000,
    endedAt: null,
    codes: [],
    site: 'https://shop.example',
    tabId: 7,
    cancel: null,
    error: null,
    nextPollAt: 0,
    failures: 0,
    ...over,
  };
}

/** Catalogue services of category 1 (WhatsApp). */
export function services(): CatalogService[] {
  return [
    { id: 11, name: 'WhatsApp Türkiye', categoryId: 1, price: 8, stock: 190, pricedAt: NOW - 1000 },
    { id: 12, name: 'WhatsApp Fransa', categoryId: 1, price: 2, stock: 170, pricedAt: NOW - 1000 },
    { id: 13, name: 'WhatsApp Endonezya', categoryId: 1, price: 5, stock: 0, pricedAt: NOW - 1000 },
    { id: 14, name: 'WhatsApp İstanbul Özel', categoryId: 1, price: 12, stock: 3, pricedAt: NOW - 1000 },
  ];
}

/** A cached catalogue with categories and the services of WhatsApp. */
export function cachedCatalog(): NumbersCatalog {
  return {
    origin: 'https://smmonayim.com',
    categories: [
      { id: 1, name: 'WhatsApp' },
      { id: 2, name: 'Google' },
      { id: 3, name: 'Discord' },
    ],
    categoriesAt: NOW - 1000,
    services: { '1': { rows: services(), at: NOW - 1000 } },
    indexedAt: 0,
  };
}

/** Resolves after pending promises and microtasks have run. */
export const flush = () => new Promise((r) => setTimeout(r, 0));
