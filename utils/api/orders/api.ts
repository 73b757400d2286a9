/** The orders API client (/api/v2): services, add, status (single and batched), refill, cancel, balance. */

import { normalizeBalance, type Balance } from '../balance.ts';
import { PanelError } from '../errors.ts';
import { createPanelHttp, type ApiOptions } from '../http.ts';
import {
  normalizeAddResult,
  normalizeCancelResults,
  normalizeOrderServices,
  normalizeRefillId,
  normalizeStatuses,
  normalizeStatusInfo,
} from './normalize.ts';
import type {
  AddOrderParams,
  CancelOrderResult,
  OrderService,
  OrderStatusInfo,
  StatusResult,
} from './types.ts';

/** The most ids one multi-status request may carry (the panel's limit). */
export const STATUS_BATCH = 100;
const PATH = '/api/v2';

/** Whole positive ids, each once, in the order given. */
function cleanIds(ids: readonly number[]): number[] {
  return [...new Set(ids.filter((id) => Number.isSafeInteger(id) && id > 0))];
}

function checkId(id: number, endpoint: string): number {
  if (!Number.isSafeInteger(id) || id <= 0) {
    throw new PanelError({ kind: 'invalid_input', endpoint });
  }
  return id;
}

/** Creates the orders client; the key travels in the form body, never in a URL or an error. */
export function createOrdersApi(opts: ApiOptions) {
  const request = createPanelHttp(opts);

  function call(
    action: string,
    form: Record<string, string | number | undefined> = {},
    flags: { spends?: boolean; retry?: boolean } = {},
  ): Promise<unknown> {
    return request({ endpoint: action, path: PATH, keyInForm: true, form: { action, ...form }, ...flags });
  }

  function unreadable(endpoint: string, spends = false): PanelError {
    return new PanelError({ kind: 'unexpected', endpoint, mayHaveCharged: spends });
  }

  return {
    /** The service catalogue, normalised (rates and limits as numbers, types as slugs). */
    async services(): Promise<OrderService[]> {
      const raw = await call('services');
      if (!Array.isArray(raw) && (typeof raw !== 'object' || raw === null)) throw unreadable('services');
      return normalizeOrderServices(raw);
    },

    /** Places an order: spends money, is sent once and never retried. */
    async add(p: AddOrderParams): Promise<{ orderId: number }> {
      checkId(p.service, 'add');
      const { service, ...rest } = p;
      const raw = await call('add', { service, ...rest }, { spends: true });
      const orderId = normalizeAddResult(raw);
      // A 200 without an order id: the order may exist, so the person must check before ordering again.
      if (orderId === null) throw unreadable('add', true);
      return { orderId };
    },

    /** The status of one order; an unknown id rejects with the panel's error (usually 'not_found'). */
    async status(orderId: number): Promise<OrderStatusInfo> {
      const raw = await call('status', { order: checkId(orderId, 'status') });
      // Some panels answer a single id in the multi-status form `{ "<id>": {...} }`.
      const entry =
        typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)[orderId] : undefined;
      const info = normalizeStatusInfo(raw) ?? normalizeStatusInfo(entry);
      if (!info) throw unreadable('status');
      return info;
    },

    /** Statuses of many orders, in batches of at most STATUS_BATCH sent one after another; per-id errors kept. */
    async statuses(ids: number[]): Promise<Record<number, StatusResult>> {
      const unique = cleanIds(ids);
      const out: Record<number, StatusResult> = {};
      for (let i = 0; i < unique.length; i += STATUS_BATCH) {
        const batch = unique.slice(i, i + STATUS_BATCH);
        const raw = await call('status', { orders: batch.join(',') });
        if (typeof raw !== 'object' || raw === null) throw unreadable('status');
        Object.assign(out, normalizeStatuses(raw, batch));
      }
      return out;
    },

    /** Asks for a refill; not retried (a second request could queue a second refill). */
    async refill(orderId: number): Promise<{ refillId: string }> {
      const raw = await call('refill', { order: checkId(orderId, 'refill') }, { retry: false });
      const refillId = normalizeRefillId(raw);
      if (refillId === null) throw unreadable('refill');
      return { refillId };
    },

    /** The status of a refill request, as the panel words it. */
    async refillStatus(refillId: string): Promise<{ status: string }> {
      const raw = await call('refill_status', { refill: refillId });
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw unreadable('refill_status');
      const status = (raw as Record<string, unknown>).status;
      if (typeof status !== 'string' && typeof status !== 'number') throw unreadable('refill_status');
      return { status: String(status) };
    },

    /** Asks to cancel orders; the answer says per id whether the panel accepted. Not retried. */
    async cancel(ids: number[]): Promise<Record<number, CancelOrderResult>> {
      const unique = cleanIds(ids);
      if (unique.length === 0) return {};
      const raw = await call('cancel', { orders: unique.join(',') }, { retry: false });
      if (typeof raw !== 'object' || raw === null) throw unreadable('cancel');
      return normalizeCancelResults(raw, unique);
    },

    /** The balance and its currency. */
    async balance(): Promise<Balance> {
      const balance = normalizeBalance(await call('balance'));
      if (!balance) throw unreadable('balance');
      return balance;
    },
  };
}

export type OrdersApi = ReturnType<typeof createOrdersApi>;
