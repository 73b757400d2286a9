/**
 * The orders half of the message protocol (the orders API, /api/v2): merged into ProtocolMap.
 * Each entry: { data; res }. Panel failures arrive at the sender as PanelError.
 */

import type { OrderService } from '../api/orders/types';
import type { PlaceOrderRequest, TrackedOrder } from '../orders/types';

export interface OrdersProtocolMap {
  /** The services catalogue: the cached one unless it is stale or `refresh` is set (also cached in storage). */
  getOrderServices: { data: { refresh?: boolean }; res: OrderService[] };
  /** Places an order: validated again, sent once per requestId, never retried after an ambiguous failure. */
  placeOrder: { data: PlaceOrderRequest; res: TrackedOrder };
  /** Reads the statuses of the unfinished orders (or of `ids`) in batches of at most 100; answers every order. */
  refreshOrders: { data: { ids?: number[] }; res: TrackedOrder[] };
  /** Adds an order placed elsewhere by its id (an unknown id rejects with the panel's error). */
  addOrderById: { data: { id: number }; res: TrackedOrder };
  /** Asks for a refill; the panel's answer is kept in the order's `note`. */
  refillOrder: { data: { id: number }; res: TrackedOrder };
  /** Asks to cancel; the panel's answer is kept in the order's `note`, and the status is read again. */
  cancelOrder: { data: { id: number }; res: TrackedOrder };
  /** Forgets an order (the panel keeps it). */
  removeOrder: { data: { id: number }; res: { ok: true } };
}
