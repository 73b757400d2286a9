import { vi } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import tr from '../../public/_locales/tr/messages.json';
import type { Lang } from '../../utils/i18n';
import type { MessageData, MessageRes, MessageType } from '../../utils/messaging/protocol';
import type { Rental } from '../../utils/rentals/types';
import { DEFAULT_SETTINGS, type Settings } from '../../utils/settings';
import type { BalanceCache, CatalogService, NumbersCatalog, PopupDraft } from '../../utils/storage';
import { createPopupStore, type PopupDeps, type PopupItems } from '../../utils/stores/popup';
import { DEFAULT_DRAFT, EMPTY_CATALOG } from '../../utils/stores/popupState';
import type { TargetTab, WatchedItem } from '../../utils/stores/types';

/** An in-memory storage item with watchers, like WXT's. */
export interface MemoryItem<T> extends WatchedItem<T> {
  readonly value: T;
  watchers(): number;
}

/** Creates an in-memory storage item holding `initial`. */
export function memoryItem<T>(initial: T): MemoryItem<T> {
  let value = initial;
  const callbacks = new Set<(v: T, old: T) => void>();
  return {
    get value() {
      return value;
    },
    getValue: async () => value,
    setValue: async (next) => {
      const old = value;
      value = next;
      callbacks.forEach((cb) => cb(next, old));
    },
    watch: (cb) => {
      callbacks.add(cb);
      return () => void callbacks.delete(cb);
    },
    watchers: () => callbacks.size,
  };
}

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
  draft?: Partial<PopupDraft>;
}

/** The popup's storage items seeded from a world description. */
export function popupItems(w: World = {}) {
  return {
    keyHint: memoryItem(w.keyHint ?? '••••abc'),
    origin: memoryItem(w.origin ?? 'https://smmonayim.com'),
    settings: memoryItem<Settings>({ ...DEFAULT_SETTINGS, ...w.settings }),
    rentals: memoryItem<Rental[]>(w.rentals ?? []),
    history: memoryItem<Rental[]>(w.history ?? []),
    balance: memoryItem<BalanceCache>(w.balance ?? { numbers: null, orders: null, at: 0 }),
    catalog: memoryItem<NumbersCatalog>(w.catalog ?? EMPTY_CATALOG),
    favorites: memoryItem<number[]>(w.favorites ?? []),
    recents: memoryItem<number[]>(w.recents ?? []),
    draft: memoryItem<PopupDraft>({ ...DEFAULT_DRAFT, ...w.draft }),
  } satisfies PopupItems;
}

export const NOW = Date.UTC(2025, 0, 15, 10, 0, 0);

/** A popup store over memory items and a fake send; every dependency can be overridden. */
export function makePopup(world: World = {}, handlers: Handlers = {}, over: Partial<PopupDeps> = {}) {
  const items = popupItems(world);
  const send = fakeSend(handlers);
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
    { id: 11, name: 'WhatsApp Türkiye', categoryId: 1, price: 8, stock: 190 },
    { id: 12, name: 'WhatsApp Fransa', categoryId: 1, price: 2, stock: 170 },
    { id: 13, name: 'WhatsApp Endonezya', categoryId: 1, price: 5, stock: 0 },
    { id: 14, name: 'WhatsApp İstanbul Özel', categoryId: 1, price: 12, stock: 3 },
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
  };
}

/** Resolves after pending promises and microtasks have run. */
export const flush = () => new Promise((r) => setTimeout(r, 0));
