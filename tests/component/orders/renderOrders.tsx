import { signal } from '@preact/signals';
import { render } from '@testing-library/preact';
import { vi } from 'vitest';
import { I18nContext } from '../../../components/I18n';
import { OrdersView } from '../../../components/orders/OrdersView';
import type { Balance } from '../../../utils/api/balance';
import type { OrderService } from '../../../utils/api/orders/types';
import type { Ack, MessageData, MessageRes, MessageType } from '../../../utils/messaging/protocol';
import { createOrdersStore } from '../../../utils/orders/store';
import {
  EMPTY_ORDER_DRAFT,
  type OrderDraft,
  type OrderServicesCache,
  type TrackedOrder,
} from '../../../utils/orders/types';
import { DEFAULT_SETTINGS, type Settings } from '../../../utils/settings';
import { fakeItem } from '../../fakes/storage';
import { translator } from '../../unit/orders/fixtures';

export const ORIGIN = 'https://panel.test';
/** The answer of an action whose result the background stored. */
export const ACK: Ack = { ok: true };

/**
 * The orders tab's storage items over the fake browser, under the extension's keys. Fake handlers
 * write them before they answer, as the background does.
 */
export const stored = {
  orders: fakeItem<TrackedOrder[]>('orders', []),
  services: fakeItem<OrderServicesCache>('orderServices', { origin: '', services: [], at: 0 }),
  draft: fakeItem<OrderDraft>('orderDraft', EMPTY_ORDER_DRAFT),
  favorites: fakeItem<number[]>('orderFavorites', []),
};

/** Writes orders as the background does: each replaces the stored one with its id, new ones first. */
export async function storeOrders(...next: TrackedOrder[]): Promise<void> {
  const ids = new Set(next.map((o) => `${o.origin} ${o.id}`));
  const kept = (await stored.orders.getValue()).filter((o) => !ids.has(`${o.origin} ${o.id}`));
  await stored.orders.setValue([...next, ...kept]);
}

type Handler<K extends MessageType> = (data: MessageData<K>) => Promise<MessageRes<K>>;
export type Handlers = { [K in MessageType]?: Handler<K> };

export interface OrdersWorld {
  services?: OrderService[];
  orders?: TrackedOrder[];
  draft?: Partial<OrderDraft>;
  favorites?: number[];
  balance?: Balance | null;
  settings?: Partial<Settings>;
  tabUrl?: string | null;
  lang?: 'en' | 'tr';
}

/** Seeds storage, starts an orders store over it and a fake background, and renders the orders view. */
export async function renderOrders(world: OrdersWorld = {}, handlers: Handlers = {}) {
  const items = stored;
  await Promise.all([
    items.orders.setValue(world.orders ?? []),
    items.services.setValue({ origin: ORIGIN, services: world.services ?? [], at: 1 }),
    items.draft.setValue({ ...EMPTY_ORDER_DRAFT, ...world.draft }),
    items.favorites.setValue(world.favorites ?? []),
  ]);
  const defaults: Handlers = {
    getOrderServices: async () => ACK,
    refreshOrders: async () => ACK,
  };
  const send = vi.fn(async (type: MessageType, data: unknown) => {
    const h = (handlers[type] ?? defaults[type]) as ((d: unknown) => Promise<unknown>) | undefined;
    if (!h) throw new Error(`no fake for ${type}`);
    return h(data);
  });
  let ids = 0;
  const balance = signal<Balance | null>(
    world.balance === undefined ? { amount: 100, currency: 'USD' } : world.balance,
  );
  const store = createOrdersStore({
    send: send as never,
    items,
    balance,
    settings: signal({ ...DEFAULT_SETTINGS, ...world.settings }),
    origin: signal(ORIGIN),
    tabUrl: async () => world.tabUrl ?? null,
    newRequestId: () => `req-${++ids}`,
  });
  await store.start();
  const lang = world.lang ?? 'en';
  const view = render(
    <I18nContext.Provider value={{ t: translator(lang), locale: lang === 'tr' ? 'tr-TR' : 'en-US' }}>
      <OrdersView store={store} />
    </I18nContext.Provider>,
  );
  const sent = (type: MessageType) => send.mock.calls.filter((c) => c[0] === type).map((c) => c[1]);
  return { ...view, store, send, sent, items, balance };
}

/** Lets pending promises and signal updates settle. */
export const flush = () => new Promise((r) => setTimeout(r, 0));
