/** Order statuses: which ones are final, how a status answer updates an order, and how far it has got. */

import type { OrderStatus, OrderStatusInfo, StatusResult } from '../api/orders/types';
import type { TrackedOrder } from './types';

/** Statuses after which an order no longer changes (and is no longer asked about). */
export const FINISHED_STATUSES: ReadonlySet<OrderStatus> = new Set(['completed', 'partial', 'canceled']);

/** True when the order has reached a final status. */
export function isFinished(order: Pick<TrackedOrder, 'status'>): boolean {
  return FINISHED_STATUSES.has(order.status);
}

/** Applies a status answer: the panel's status text is kept as it came, its charge replaces our estimate. */
export function applyStatus(order: TrackedOrder, info: OrderStatusInfo, now: number): TrackedOrder {
  // An order added by id has no known size; while it is pending, its remains are its size.
  const sized =
    order.quantity === null && info.status === 'pending' && info.remains !== null && info.remains > 0;
  return {
    ...order,
    quantity: sized ? info.remains : order.quantity,
    status: info.status,
    statusText: info.statusText,
    startCount: info.startCount ?? order.startCount,
    remains: info.remains ?? order.remains,
    charge: info.charge ?? order.charge,
    currency: info.currency ?? order.currency,
    checkedAt: now,
    error: null,
  };
}

/** A status check that came back with an error for this id alone: the order keeps its last known status. */
export function applyStatusError(order: TrackedOrder, error: string, now: number): TrackedOrder {
  return { ...order, error, checkedAt: now };
}

/** An order that reached a final status in this update. */
export interface OrderTransition {
  order: TrackedOrder;
  from: OrderStatus;
}

/** Merges a multi-status answer into the orders of one panel; returns the new list and the orders that just finished. */
export function mergeStatuses(
  orders: readonly TrackedOrder[],
  results: Readonly<Record<number, StatusResult>>,
  now: number,
  origin: string,
): { orders: TrackedOrder[]; finished: OrderTransition[] } {
  const finished: OrderTransition[] = [];
  const next = orders.map((order) => {
    const result = order.origin === origin ? results[order.id] : undefined;
    if (!result) return order;
    if (!result.ok) return applyStatusError(order, result.error, now);
    const updated = applyStatus(order, result.info, now);
    if (isFinished(updated) && !isFinished(order)) finished.push({ order: updated, from: order.status });
    return updated;
  });
  return { orders: next, finished };
}

/** Delivered units and their share of the order; null when the total or the remains are unknown. */
export function progressOf(order: Pick<TrackedOrder, 'quantity' | 'remains' | 'status'>): {
  delivered: number;
  fraction: number;
} | null {
  const total = order.quantity;
  if (total === null || total <= 0) return null;
  if (order.status === 'completed') return { delivered: total, fraction: 1 };
  if (order.remains === null) return order.status === 'pending' ? { delivered: 0, fraction: 0 } : null;
  const delivered = Math.min(total, Math.max(0, total - order.remains));
  return { delivered, fraction: delivered / total };
}

/** The ids still worth asking about: unfinished orders of this panel. */
export function idsToTrack(orders: readonly TrackedOrder[], origin: string): number[] {
  return orders.filter((o) => o.origin === origin && !isFinished(o)).map((o) => o.id);
}
