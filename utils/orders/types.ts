/** The orders feature's own model: orders the extension remembers, drafts, and what the popup sends. */

import type { SerializedPanelError } from '../api/errors';
import type { OrderService, OrderStatus, ServiceType } from '../api/orders/types';

/** What the person typed into the order form, by API parameter name ("link", "quantity", "runs"…). */
export type OrderFormValues = Record<string, string>;

/** The panel's answer to the last refill or cancel request of an order, shown under it. */
export interface OrderNote {
  action: 'refill' | 'cancel';
  ok: boolean;
  /** The refill id, or the panel's error text. */
  text: string;
  at: number;
}

/** An order the extension placed or the person added by id; the panel has no "list my orders" call. */
export interface TrackedOrder {
  id: number;
  /** The panel origin the order belongs to. */
  origin: string;
  /** The click that placed it (null for an order added by id). */
  requestId: string | null;
  serviceId: number | null;
  serviceName: string;
  serviceType: ServiceType | null;
  link: string;
  /** Units to deliver in all (quantity × runs), when known: the base of the progress bar. */
  quantity: number | null;
  runs: number | null;
  interval: number | null;
  /** The panel's charge once a status said it, else our estimate at placement. */
  charge: number | null;
  currency: string | null;
  placedAt: number;
  source: 'placed' | 'added';
  status: OrderStatus;
  /** The status exactly as the panel wrote it ('' before the first status). */
  statusText: string;
  startCount: number | null;
  remains: number | null;
  checkedAt: number | null;
  /** The panel's per-id error of the last status check ("Incorrect order ID"), else null. */
  error: string | null;
  canRefill: boolean;
  canCancel: boolean;
  note: OrderNote | null;
}

/** What the popup sends to place an order: the raw form, validated again in the background. */
export interface PlaceOrderRequest {
  /** One id per click: a re-sent message never orders twice. */
  requestId: string;
  service: number;
  values: OrderFormValues;
}

/** What the background remembers of a placeOrder request, by requestId. */
export type OrderRequestRecord =
  | { state: 'pending'; at: number }
  | { state: 'done'; at: number; orderId: number }
  | { state: 'failed'; at: number; error: SerializedPanelError };

/** The cached services catalogue of one panel. */
export interface OrderServicesCache {
  origin: string;
  services: OrderService[];
  at: number;
}

/** The order form and catalogue as the person left them, so closing the popup loses nothing. */
export interface OrderDraft {
  view: 'services' | 'orders' | 'mass';
  search: string;
  serviceId: number | null;
  values: OrderFormValues;
  /** Set while an order is being placed; the popup asks for its outcome when it opens again. */
  pendingRequestId: string | null;
  /** The mass-order text as pasted (absent in drafts saved before mass orders). */
  massText?: string;
}

export const EMPTY_ORDER_DRAFT: OrderDraft = {
  view: 'services',
  search: '',
  serviceId: null,
  values: {},
  pendingRequestId: null,
};

/**
 * Where one line of a mass order is: queued → sending → placed; or failed (the panel refused it: nothing was
 * charged), unknown (the answer was lost: it may have been charged; never sent again), not sent (a line
 * before it stopped the batch; sent only when the person retries).
 */
export type MassLineState = 'queued' | 'sending' | 'placed' | 'failed' | 'unknown' | 'not_sent';

/** One line of a mass order as the background keeps it. */
export interface MassLine {
  /** The line number in the pasted text (1-based). */
  line: number;
  text: string;
  service: number;
  serviceName: string;
  values: OrderFormValues;
  charge: number;
  /** The placeOrder requestId of this line's current attempt: one `add` per id, ever. */
  requestId: string;
  state: MassLineState;
  orderId: number | null;
  /** The serialized PanelError or MessageError of a failed or unknown line. */
  error: ({ name: string } & Record<string, unknown>) | null;
}

/** A mass order: its lines in order, run in the background one at a time. */
export interface MassBatch {
  id: string;
  origin: string;
  createdAt: number;
  /** running: lines are being sent; stopped: a line failed (or is unknown), the rest wait for a retry; done. */
  state: 'running' | 'stopped' | 'done';
  lines: MassLine[];
  total: number;
  /** The orders balance the person saw when confirming (for the "what is known" sentence). */
  balanceBefore: number | null;
  /** The orders balance read after a line's answer was lost, and when. */
  balanceAfter: number | null;
  balanceAt: number | null;
}
