/**
 * The background's orders logic: the services cache, status tracking in batches, order by id, refill,
 * cancel; placing an order is in placing.ts.
 */

import { isPanelError, PanelError } from '../api/errors';
import type { OrdersApi } from '../api/orders';
import type { OrderService } from '../api/orders/types';
import { createSingleFlight } from '../async';
import { MessageError } from '../messaging/client';
import { createOrderList, type ValueItem } from './list';
import { newOrder, sameOrder } from './order';
import { createOrderPlacing } from './placing';
import { applyStatus, idsToTrack, isFinished, mergeStatuses, type OrderTransition } from './status';
import type {
  OrderNote,
  OrderRequestRecord,
  OrderServicesCache,
  PlaceOrderRequest,
  TrackedOrder,
} from './types';

/** The cached catalogue is refreshed when it is older than this (or on demand). */
export const SERVICES_TTL_MS = 15 * 60_000;

export type TrackerApi = Pick<OrdersApi, 'services' | 'add' | 'status' | 'statuses' | 'refill' | 'cancel'>;

export interface TrackerDeps {
  api: () => Promise<TrackerApi>;
  /** The panel origin orders and services belong to. */
  origin: () => Promise<string>;
  orders: ValueItem<TrackedOrder[]>;
  services: ValueItem<OrderServicesCache>;
  /** requestId → outcome, persisted so a re-sent message after a worker restart is still known. */
  requests: ValueItem<Record<string, OrderRequestRecord>>;
  now: () => number;
  /** An order reached Completed, Partial or Canceled. */
  onFinished?: (t: OrderTransition) => void | Promise<void>;
  /** Money was spent (an order was placed): refresh the balance. */
  onSpent?: () => void | Promise<void>;
  /** The list changed: the caller keeps the tracking alarm in step with it. */
  onChange?: (orders: TrackedOrder[]) => void | Promise<void>;
}

const missing = (id: number) => new MessageError('order_not_found', { id });

/** Creates the tracker over its storage items and the orders client. */
export function createOrderTracker(deps: TrackerDeps) {
  const list = createOrderList(deps.orders);
  const refreshOnce = createSingleFlight<'all'>();

  const changed = async (orders: TrackedOrder[]) => {
    await deps.onChange?.(orders);
    return orders;
  };

  async function services(refresh = false): Promise<OrderService[]> {
    const origin = await deps.origin();
    const cache = await deps.services.getValue();
    const fresh =
      cache?.origin === origin && cache.services.length > 0 && deps.now() - cache.at < SERVICES_TTL_MS;
    if (fresh && !refresh) return cache.services;
    const list = await (await deps.api()).services();
    await deps.services.setValue({ origin, services: list, at: deps.now() });
    return list;
  }

  const placeOrder = createOrderPlacing({
    ...deps,
    list,
    services,
    find,
    onPlaced: async (saved) => {
      await changed(saved);
      await deps.onSpent?.();
    },
  });

  async function doRefresh(only?: readonly number[]): Promise<TrackedOrder[]> {
    const origin = await deps.origin();
    const all = await list.all();
    const wanted = idsToTrack(all, origin).filter((id) => !only || only.includes(id));
    if (wanted.length === 0) return changed(all);
    const results = await (await deps.api()).statuses(wanted);
    let finished: OrderTransition[] = [];
    const saved = await list.update((current) => {
      const merged = mergeStatuses(current, results, deps.now(), origin);
      finished = merged.finished;
      return merged.orders;
    });
    for (const t of finished) await Promise.resolve(deps.onFinished?.(t)).catch(() => undefined);
    return changed(saved);
  }

  /** Writes a refill or cancel answer under the order. */
  const noted = async (id: number, note: OrderNote): Promise<TrackedOrder> => {
    const origin = await deps.origin();
    const saved = await list.update((all) => all.map((o) => (sameOrder(o, id, origin) ? { ...o, note } : o)));
    const order = saved.find((o) => sameOrder(o, id, origin));
    if (!order) throw missing(id);
    return order;
  };

  /** The panel answered with an error text: that is its answer, shown under the order, not a failure. */
  const panelAnswer = (e: unknown): string | null => (isPanelError(e) && e.panelText ? e.panelText : null);

  async function find(id: number): Promise<TrackedOrder> {
    const origin = await deps.origin();
    const order = (await list.all()).find((o) => sameOrder(o, id, origin));
    if (!order) throw missing(id);
    return order;
  }

  return {
    /** The catalogue: cached unless stale or `refresh` is set. */
    services,

    /** Places an order once per requestId; a re-sent request answers the first one's outcome. */
    place(req: PlaceOrderRequest): Promise<TrackedOrder> {
      if (!req || typeof req.requestId !== 'string' || !req.requestId || !Number.isSafeInteger(req.service)) {
        return Promise.reject(new MessageError('bad_request'));
      }
      return placeOrder(req);
    },

    /** Statuses of the unfinished orders (or some of them), in batches; one refresh at a time. */
    refresh(ids?: readonly number[]): Promise<TrackedOrder[]> {
      return ids ? doRefresh(ids) : refreshOnce('all', () => doRefresh());
    },

    /** Adds an order placed elsewhere by its id; an unknown id rejects with the panel's error. */
    async addById(id: number): Promise<TrackedOrder> {
      if (!Number.isSafeInteger(id) || id <= 0)
        throw new PanelError({ kind: 'invalid_input', endpoint: 'status' });
      const origin = await deps.origin();
      const info = await (await deps.api()).status(id);
      const existing = (await list.all()).find((o) => sameOrder(o, id, origin));
      const order = applyStatus(existing ?? newOrder(id, origin, deps.now(), {}), info, deps.now());
      const saved = await list.update((all) => [order, ...all.filter((o) => !sameOrder(o, id, origin))]);
      await changed(saved);
      return order;
    },

    /** Asks the panel to refill an order; its answer (refill id or error text) is kept under the order. */
    async refill(id: number): Promise<TrackedOrder> {
      await find(id);
      try {
        const { refillId } = await (await deps.api()).refill(id);
        return await noted(id, { action: 'refill', ok: true, text: refillId, at: deps.now() });
      } catch (e) {
        const text = panelAnswer(e);
        if (text === null) throw e;
        return noted(id, { action: 'refill', ok: false, text, at: deps.now() });
      }
    },

    /** Asks the panel to cancel an order; its answer is kept under the order, and its status is read again. */
    async cancel(id: number): Promise<TrackedOrder> {
      const order = await find(id);
      let note: OrderNote;
      try {
        const result = (await (await deps.api()).cancel([id]))[id];
        note = result?.ok
          ? { action: 'cancel', ok: true, text: '', at: deps.now() }
          : { action: 'cancel', ok: false, text: result?.error ?? '', at: deps.now() };
      } catch (e) {
        const text = panelAnswer(e);
        if (text === null) throw e;
        note = { action: 'cancel', ok: false, text, at: deps.now() };
      }
      await noted(id, note);
      if (note.ok && !isFinished(order)) await doRefresh([id]).catch(() => undefined);
      return find(id);
    },

    /** Forgets an order (the panel keeps it). */
    async remove(id: number): Promise<{ ok: true }> {
      const origin = await deps.origin();
      await changed(await list.update((all) => all.filter((o) => !sameOrder(o, id, origin))));
      return { ok: true };
    },

    /** The remembered orders. */
    list: () => list.all(),
  };
}

export type OrderTracker = ReturnType<typeof createOrderTracker>;
