/**
 * The orders half of the message protocol (the orders API, /api/v2): merged into ProtocolMap.
 * Each entry: { data; res }. Panel failures arrive at the sender as PanelError.
 */

import type { MassOrderRequest } from '../orders/massRunner';
import type { PlaceOrderRequest } from '../orders/types';
import type { Ack } from './protocol';

export interface OrdersProtocolMap {
  /** The services catalogue: read into the `orderServices` item unless the cached one is fresh and `refresh` is not set. */
  getOrderServices: { data: { refresh?: boolean }; res: Ack };
  /** Places an order: validated again, sent once per requestId, never retried after an ambiguous failure. */
  placeOrder: { data: PlaceOrderRequest; res: { id: number } };
  /** Reads the statuses of the unfinished orders (or of `ids`) in batches of at most 100, into the `orders` item. */
  refreshOrders: { data: { ids?: number[] }; res: Ack };
  /** Adds an order placed elsewhere by its id (an unknown id rejects with the panel's error). */
  addOrderById: { data: { id: number }; res: Ack };
  /** Asks for a refill; the panel's answer is kept in the order's `note`. */
  refillOrder: { data: { id: number }; res: Ack };
  /** Asks to cancel; the panel's answer is kept in the order's `note`, and the status is read again. */
  cancelOrder: { data: { id: number }; res: Ack };
  /** Forgets an order (the panel keeps it). */
  removeOrder: { data: { id: number }; res: Ack };
  /**
   * Starts a mass order in the background after checking every line again (nothing is sent when one fails);
   * its progress is in the `massOrder` item. A re-sent start with the same batchId only resumes it.
   */
  startMassOrder: { data: MassOrderRequest; res: Ack };
  /** The person's retry of a stopped mass order: the refused line and the lines not sent (never a placed or unknown one). */
  retryMassOrder: { data: { batchId: string }; res: Ack };
  /** Forgets a mass order that is not running. */
  clearMassOrder: { data: { batchId: string }; res: Ack };
}
