/** The orders tab's state (read-only signals) and the actions that change it; the world comes in as deps. */

import { batch, computed, signal, type ReadonlySignal } from '@preact/signals';
import type { Balance } from '../api/balance';
import type { Settings } from '../settings';
import { createDraftSaver } from '../stores/draftSaver';
import { itemSignal } from '../stores/itemSignal';
import type { ReadableItem, Send, WatchedItem } from '../stores/types';
import { groupServices } from './catalogue';
import { createOrderForm } from './orderForm';
import { isFinished } from './status';
import { EMPTY_ORDER_DRAFT, type OrderDraft, type OrderServicesCache, type TrackedOrder } from './types';

export type { FormNote } from './orderForm';

/** A request in flight, or the error of the last one. */
export interface Load {
  loading: boolean;
  error: unknown;
}
const IDLE: Load = { loading: false, error: null };

/** What an order's buttons are busy with. */
export type OrderAction = 'refill' | 'cancel' | 'remove';

export interface OrdersItems {
  orders: ReadableItem<TrackedOrder[]>;
  services: ReadableItem<OrderServicesCache>;
  /** The orders tab's own items: it is their only writer. */
  draft: WatchedItem<OrderDraft>;
  favorites: WatchedItem<number[]>;
}

export interface OrdersStoreDeps {
  send: Send;
  items: OrdersItems;
  /** Shared with the popup: the orders API's balance, the settings and the panel origin. */
  balance: ReadonlySignal<Balance | null>;
  settings: ReadonlySignal<Settings>;
  origin: ReadonlySignal<string>;
  /** The URL of the tab the popup was opened over (or `?tab=<id>`), when it is a web page. */
  tabUrl: () => Promise<string | null>;
  newRequestId: () => string;
  draftDelayMs?: number;
}

/**
 * Creates the orders tab's store; `start()` paints from storage, then asks the background to refresh.
 * Orders and the catalogue reach it only through their storage items: replies are acknowledgements.
 */
export function createOrdersStore(deps: OrdersStoreDeps) {
  const { send, items } = deps;
  // Saved on the next tick, not after a pause: a popup can close a moment after the last keystroke.
  const draftSaver = createDraftSaver(items.draft, deps.draftDelayMs ?? 0);
  let started = false;

  const read = {
    orders: itemSignal<TrackedOrder[]>(items.orders, []),
    services: itemSignal<OrderServicesCache>(items.services, { origin: '', services: [], at: 0 }),
    draft: itemSignal<OrderDraft>(items.draft, EMPTY_ORDER_DRAFT),
    favorites: itemSignal<number[]>(items.favorites, []),
  };
  const loaded = signal(false);
  /** What the person changed here, over the stored draft (saved on the next tick). */
  const draftEdits = signal<Partial<OrderDraft>>({});
  const draft = computed<OrderDraft>(() => ({
    ...EMPTY_ORDER_DRAFT,
    ...read.draft.value.value,
    ...draftEdits.value,
  }));
  const tabUrl = signal<string | null>(null);
  const servicesLoad = signal<Load>(IDLE);
  const ordersLoad = signal<Load>(IDLE);
  const addLoad = signal<Load>(IDLE);
  const added = signal<number | null>(null);
  const busy = signal<Record<number, OrderAction>>({});
  const orderErrors = signal<Record<number, unknown>>({});
  const favorites = read.favorites.value;

  const services = computed(() => {
    const cache = read.services.value.value;
    return cache.origin === deps.origin.value ? cache.services : [];
  });
  const orders = computed(() => read.orders.value.value.filter((o) => o.origin === deps.origin.value));

  function setDraft(patch: Partial<OrderDraft>, now = false): void {
    draftEdits.value = { ...draftEdits.value, ...patch };
    draftSaver.save(patch);
    if (now) void draftSaver.flush();
  }

  const form = createOrderForm({
    send,
    services,
    orders,
    draft,
    setDraft,
    tabUrl,
    balance: deps.balance,
    settings: deps.settings,
    newRequestId: deps.newRequestId,
  });

  /** Runs a request, keeping its in-flight state and error in `load`. */
  async function tracked(load: typeof servicesLoad, run: () => Promise<unknown>): Promise<boolean> {
    if (load.value.loading) return false;
    load.value = { loading: true, error: null };
    try {
      await run();
      load.value = IDLE;
      return true;
    } catch (error) {
      load.value = { loading: false, error };
      return false;
    }
  }

  const refreshServices = (force = false) =>
    tracked(servicesLoad, () => send('getOrderServices', { refresh: force })).then(() => undefined);
  const refreshOrders = () => tracked(ordersLoad, () => send('refreshOrders', {})).then(() => undefined);

  /** Runs an action on one order: its buttons are busy meanwhile, its error shows on its card. */
  async function withOrder(id: number, action: OrderAction, run: () => Promise<unknown>): Promise<void> {
    if (busy.value[id]) return;
    busy.value = { ...busy.value, [id]: action };
    const { [id]: _old, ...rest } = orderErrors.value;
    orderErrors.value = rest;
    try {
      await run();
    } catch (error) {
      orderErrors.value = { ...orderErrors.value, [id]: error };
    } finally {
      const { [id]: _done, ...others } = busy.value;
      busy.value = others;
    }
  }

  return {
    ...form,
    loaded: loaded as ReadonlySignal<boolean>,
    services,
    orders,
    draft,
    favorites,
    tabUrl: tabUrl as ReadonlySignal<string | null>,
    servicesLoad: servicesLoad as ReadonlySignal<Load>,
    ordersLoad: ordersLoad as ReadonlySignal<Load>,
    addLoad: addLoad as ReadonlySignal<Load>,
    /** The id of the order just added by id. */
    added: added as ReadonlySignal<number | null>,
    busy: busy as ReadonlySignal<Record<number, OrderAction>>,
    orderErrors: orderErrors as ReadonlySignal<Record<number, unknown>>,
    balance: deps.balance,
    groups: computed(() => groupServices(services.value, draft.value.search, favorites.value)),
    unfinished: computed(() => orders.value.filter((o) => !isFinished(o)).length),

    /** Paints from storage, then asks the background to refresh services and statuses. */
    async start(): Promise<void> {
      if (started) return;
      started = true;
      await Promise.all(Object.values(read).map((r) => r.ready));
      loaded.value = true;
      void deps.tabUrl().then(
        (url) => (tabUrl.value = url),
        () => undefined,
      );
      const pending = draft.value.pendingRequestId;
      if (pending && draft.value.serviceId !== null) {
        // The popup closed while ordering: the same requestId answers that order's outcome, never a second one.
        void form.place(pending, draft.value.serviceId, draft.value.values);
      }
      await Promise.all([refreshServices(false), refreshOrders()]);
    },

    /** Saves the draft now and stops watching storage. */
    async dispose(): Promise<void> {
      Object.values(read).forEach((r) => r.dispose());
      await draftSaver.flush();
    },
    flushDraft: () => draftSaver.flush(),

    refreshServices,
    refreshOrders,
    setView: (view: OrderDraft['view']) => setDraft({ view }),
    setSearch: (search: string) => setDraft({ search }),
    setMassText: (massText: string) => setDraft({ massText }),
    /** Opens a service's form (null goes back to the catalogue). */
    selectService(serviceId: number | null): void {
      batch(() => {
        setDraft({ serviceId, view: 'services' });
        form.resetNote(false);
      });
    },
    setField(name: string, value: string): void {
      batch(() => {
        setDraft({ values: { ...draft.value.values, [name]: value } });
        form.resetNote(true);
      });
    },
    async toggleFavorite(serviceId: number): Promise<void> {
      const list = favorites.value;
      await items.favorites.setValue(
        list.includes(serviceId) ? list.filter((id) => id !== serviceId) : [serviceId, ...list],
      );
    },

    /** Adds an order placed elsewhere; false (nothing sent) when the text is not an id. */
    async addById(text: string): Promise<boolean> {
      const match = /^\s*#?(\d{1,12})\s*$/.exec(text);
      added.value = null;
      const id = match ? Number(match[1]) : 0;
      if (id <= 0) {
        addLoad.value = { loading: false, error: 'bad_id' };
        return false;
      }
      const ok = await tracked(addLoad, () => send('addOrderById', { id }));
      if (ok) added.value = id;
      return ok;
    },
    refill: (id: number) => withOrder(id, 'refill', () => send('refillOrder', { id })),
    cancel: (id: number) => withOrder(id, 'cancel', () => send('cancelOrder', { id })),
    remove: (id: number) => withOrder(id, 'remove', () => send('removeOrder', { id })),
  };
}

export type OrdersStore = ReturnType<typeof createOrdersStore>;
