/** The orders tab's state (read-only signals) and the actions that change it; the world comes in as deps. */

import { batch, computed, signal, type ReadonlySignal } from '@preact/signals';
import type { Balance } from '../api/balance';
import { isPanelError } from '../api/errors';
import type { OrderService } from '../api/orders/types';
import type { Settings } from '../settings';
import { createDraftSaver } from '../stores/draftSaver';
import type { Send, WatchedItem } from '../stores/types';
import { groupServices } from './catalogue';
import { balanceCovers } from './charge';
import { formFields, isOrderable, offersDripFeed } from './fields';
import { isFinished } from './status';
import {
  EMPTY_ORDER_DRAFT,
  type OrderDraft,
  type OrderFormValues,
  type OrderServicesCache,
  type TrackedOrder,
} from './types';
import { estimateCharge, validateOrder } from './validate';

/** A request in flight, or the error of the last one. */
export interface Load {
  loading: boolean;
  error: unknown;
}
const IDLE: Load = { loading: false, error: null };

/** The sentence under the order form; components put it in words. */
export type FormNote =
  | { kind: 'invalid' }
  | { kind: 'low_balance'; balance: Balance; charge: number }
  | { kind: 'placed'; order: TrackedOrder }
  | { kind: 'failed'; error: unknown; mayHaveCharged: boolean };

/** What an order's buttons are busy with. */
export type OrderAction = 'refill' | 'cancel' | 'remove';

export interface OrdersItems {
  orders: WatchedItem<TrackedOrder[]>;
  services: WatchedItem<OrderServicesCache>;
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

/** Creates the orders tab's store; `start()` paints from storage, then asks the background. */
export function createOrdersStore(deps: OrdersStoreDeps) {
  const { send, items } = deps;
  const unwatchers: (() => void)[] = [];
  // Saved on the next tick, not after a pause: a popup can close a moment after the last keystroke.
  const draftSaver = createDraftSaver(items.draft, deps.draftDelayMs ?? 0);
  let started = false;

  const loaded = signal(false);
  const allServices = signal<OrderServicesCache>({ origin: '', services: [], at: 0 });
  const allOrders = signal<TrackedOrder[]>([]);
  const draft = signal<OrderDraft>(EMPTY_ORDER_DRAFT);
  const favorites = signal<number[]>([]);
  const tabUrl = signal<string | null>(null);
  const servicesLoad = signal<Load>(IDLE);
  const ordersLoad = signal<Load>(IDLE);
  const addLoad = signal<Load>(IDLE);
  const added = signal<TrackedOrder | null>(null);
  const placing = signal(false);
  const confirming = signal<number | null>(null);
  const submitted = signal(false);
  const formNote = signal<FormNote | null>(null);
  const busy = signal<Record<number, OrderAction>>({});
  const orderErrors = signal<Record<number, unknown>>({});

  const services = computed(() =>
    allServices.value.origin === deps.origin.value ? allServices.value.services : [],
  );
  const orders = computed(() => allOrders.value.filter((o) => o.origin === deps.origin.value));
  const selected = computed<OrderService | null>(
    () => services.value.find((s) => s.id === draft.value.serviceId) ?? null,
  );
  const dripFeed = computed(() => {
    const s = selected.value;
    return (
      s !== null &&
      offersDripFeed(
        s,
        services.value.some((x) => x.dripfeed),
      )
    );
  });
  /** The form as typed; the link defaults to the tab's URL until the person types one. */
  const values = computed<OrderFormValues>(() => {
    const v = draft.value.values;
    return v.link === undefined && tabUrl.value ? { ...v, link: tabUrl.value } : v;
  });
  const validation = computed(() =>
    selected.value ? validateOrder(selected.value, values.value, dripFeed.value) : null,
  );
  const charge = computed(() =>
    selected.value ? estimateCharge(selected.value, values.value, dripFeed.value) : null,
  );

  function setDraft(patch: Partial<OrderDraft>, now = false): void {
    draft.value = { ...draft.value, ...patch };
    draftSaver.save(patch);
    if (now) void draftSaver.flush();
  }

  async function refreshServices(force = false): Promise<void> {
    if (servicesLoad.value.loading) return;
    servicesLoad.value = { loading: true, error: null };
    try {
      const list = await send('getOrderServices', { refresh: force });
      allServices.value = { origin: deps.origin.value, services: list, at: Date.now() };
      servicesLoad.value = IDLE;
    } catch (error) {
      servicesLoad.value = { loading: false, error };
    }
  }

  async function refreshOrders(): Promise<void> {
    if (ordersLoad.value.loading) return;
    ordersLoad.value = { loading: true, error: null };
    try {
      allOrders.value = await send('refreshOrders', {});
      ordersLoad.value = IDLE;
    } catch (error) {
      ordersLoad.value = { loading: false, error };
    }
  }

  /** Sends the order (once for this click) and shows the outcome. */
  async function place(requestId: string, serviceId: number, form: OrderFormValues): Promise<void> {
    placing.value = true;
    formNote.value = null;
    try {
      const order = await send('placeOrder', { requestId, service: serviceId, values: form });
      batch(() => {
        formNote.value = { kind: 'placed', order };
        submitted.value = false;
        allOrders.value = [
          order,
          ...allOrders.value.filter((o) => o.id !== order.id || o.origin !== order.origin),
        ];
        // A new order starts from an empty form; the link stays for a second service on the same page.
        setDraft({ values: { link: form.link ?? '' }, pendingRequestId: null, view: 'orders' }, true);
      });
    } catch (error) {
      const mayHaveCharged = isPanelError(error) && error.mayHaveCharged;
      formNote.value = { kind: 'failed', error, mayHaveCharged };
      setDraft({ pendingRequestId: null }, true);
    } finally {
      placing.value = false;
    }
  }

  /** The order button: validates, compares with the balance, asks above the set amount, then sends. */
  function submit(): void {
    const service = selected.value;
    const check = validation.value;
    if (!service || !check || placing.value) return;
    submitted.value = true;
    if (!check.ok) {
      formNote.value = { kind: 'invalid' };
      return;
    }
    const balance = deps.balance.value;
    if (balance && !balanceCovers(balance.amount, check.order.charge)) {
      formNote.value = { kind: 'low_balance', balance, charge: check.order.charge };
      return;
    }
    if (check.order.charge > deps.settings.value.confirmOrderAbove && confirming.value === null) {
      formNote.value = null;
      confirming.value = check.order.charge;
      return;
    }
    confirming.value = null;
    const requestId = deps.newRequestId();
    const form = { ...values.value };
    // Saved before sending, so a popup closed mid-request learns the outcome when it opens again.
    setDraft({ pendingRequestId: requestId, values: form }, true);
    void place(requestId, service.id, form);
  }

  async function withOrder(id: number, action: OrderAction, run: () => Promise<void>): Promise<void> {
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

  const replace = (order: TrackedOrder) =>
    (allOrders.value = allOrders.value.map((o) =>
      o.id === order.id && o.origin === order.origin ? order : o,
    ));

  function follow<T>(item: WatchedItem<T>, apply: (value: T) => void): void {
    unwatchers.push(item.watch((value) => apply(value)));
  }

  return {
    loaded: loaded as ReadonlySignal<boolean>,
    services,
    orders,
    draft: draft as ReadonlySignal<OrderDraft>,
    favorites: favorites as ReadonlySignal<number[]>,
    tabUrl: tabUrl as ReadonlySignal<string | null>,
    servicesLoad: servicesLoad as ReadonlySignal<Load>,
    ordersLoad: ordersLoad as ReadonlySignal<Load>,
    addLoad: addLoad as ReadonlySignal<Load>,
    added: added as ReadonlySignal<TrackedOrder | null>,
    placing: placing as ReadonlySignal<boolean>,
    confirming: confirming as ReadonlySignal<number | null>,
    submitted: submitted as ReadonlySignal<boolean>,
    formNote: formNote as ReadonlySignal<FormNote | null>,
    busy: busy as ReadonlySignal<Record<number, OrderAction>>,
    orderErrors: orderErrors as ReadonlySignal<Record<number, unknown>>,
    balance: deps.balance,
    selected,
    dripFeed,
    values,
    validation,
    charge,
    fields: computed(() => (selected.value ? formFields(selected.value, dripFeed.value) : [])),
    orderable: computed(() => selected.value !== null && isOrderable(selected.value.type)),
    groups: computed(() => groupServices(services.value, draft.value.search, favorites.value)),
    unfinished: computed(() => orders.value.filter((o) => !isFinished(o)).length),

    /** Paints from storage, watches it, then refreshes services and statuses from the background. */
    async start(): Promise<void> {
      if (started) return;
      started = true;
      const [orderList, cache, saved, favs] = await Promise.all([
        items.orders.getValue(),
        items.services.getValue(),
        items.draft.getValue(),
        items.favorites.getValue(),
      ]);
      batch(() => {
        allOrders.value = orderList ?? [];
        if (cache) allServices.value = cache;
        draft.value = { ...EMPTY_ORDER_DRAFT, ...(saved ?? {}) };
        favorites.value = favs ?? [];
        loaded.value = true;
      });
      follow(items.orders, (v) => (allOrders.value = v ?? []));
      follow(items.services, (v) => v && (allServices.value = v));
      follow(items.favorites, (v) => (favorites.value = v ?? []));
      void deps.tabUrl().then(
        (url) => (tabUrl.value = url),
        () => undefined,
      );

      const pending = draft.value.pendingRequestId;
      if (pending && draft.value.serviceId !== null) {
        // The popup closed while ordering: the same requestId answers that order's outcome, never a second one.
        void place(pending, draft.value.serviceId, draft.value.values);
      }
      await Promise.all([refreshServices(false), refreshOrders()]);
    },

    /** Saves the draft now and stops watching storage. */
    async dispose(): Promise<void> {
      unwatchers.splice(0).forEach((u) => u());
      await draftSaver.flush();
    },
    flushDraft: () => draftSaver.flush(),

    refreshServices,
    refreshOrders,
    setView: (view: OrderDraft['view']) => setDraft({ view }),
    setSearch: (search: string) => setDraft({ search }),
    /** Opens a service's form (null goes back to the catalogue). */
    selectService(serviceId: number | null): void {
      batch(() => {
        setDraft({ serviceId, view: 'services' });
        formNote.value = null;
        confirming.value = null;
        submitted.value = false;
      });
    },
    setField(name: string, value: string): void {
      batch(() => {
        setDraft({ values: { ...draft.value.values, [name]: value } });
        confirming.value = null;
        if (formNote.value?.kind !== 'failed') formNote.value = null;
      });
    },
    async toggleFavorite(serviceId: number): Promise<void> {
      const next = favorites.value.includes(serviceId)
        ? favorites.value.filter((id) => id !== serviceId)
        : [serviceId, ...favorites.value];
      favorites.value = next;
      await items.favorites.setValue(next);
    },
    submit,
    /** Confirms an order above the set amount. */
    confirm: submit,
    cancelConfirm: () => (confirming.value = null),
    dismissNote: () => (formNote.value = null),

    /** Adds an order placed elsewhere; false (nothing sent) when the text is not an id. */
    async addById(text: string): Promise<boolean> {
      const id = /^\s*#?(\d{1,12})\s*$/.exec(text);
      added.value = null;
      if (!id || Number(id[1]) <= 0) {
        addLoad.value = { loading: false, error: 'bad_id' };
        return false;
      }
      addLoad.value = { loading: true, error: null };
      try {
        const order = await send('addOrderById', { id: Number(id[1]) });
        allOrders.value = [
          order,
          ...allOrders.value.filter((o) => o.id !== order.id || o.origin !== order.origin),
        ];
        added.value = order;
        addLoad.value = IDLE;
        return true;
      } catch (error) {
        addLoad.value = { loading: false, error };
        return false;
      }
    },
    refill: (id: number) =>
      withOrder(id, 'refill', async () => {
        replace(await send('refillOrder', { id }));
      }),
    cancel: (id: number) =>
      withOrder(id, 'cancel', async () => {
        replace(await send('cancelOrder', { id }));
      }),
    remove: (id: number) =>
      withOrder(id, 'remove', async () => {
        await send('removeOrder', { id });
        allOrders.value = allOrders.value.filter((o) => o.id !== id || o.origin !== deps.origin.value);
      }),
  };
}

export type OrdersStore = ReturnType<typeof createOrdersStore>;
