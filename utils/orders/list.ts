/** The remembered orders in storage, changed one at a time so the tracker and the handlers never overwrite each other. */

import { createSerialQueue } from '../async';
import type { TrackedOrder } from './types';
import { isFinished } from './status';

/** The slice of a WXT storage item the list needs (tests pass in-memory ones). */
export interface ValueItem<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
}

/** How many orders are remembered; beyond it the oldest finished ones are forgotten first. */
export const ORDERS_LIMIT = 300;

/** Keeps the newest orders first and drops the oldest finished ones beyond the limit. */
export function trimOrders(orders: TrackedOrder[], limit = ORDERS_LIMIT): TrackedOrder[] {
  const sorted = [...orders].sort((a, b) => b.placedAt - a.placedAt || b.id - a.id);
  let excess = sorted.length - limit;
  if (excess <= 0) return sorted;
  const kept: TrackedOrder[] = [];
  for (let i = sorted.length - 1; i >= 0; i--) {
    const o = sorted[i]!;
    if (excess > 0 && isFinished(o)) excess--;
    else kept.unshift(o);
  }
  return kept;
}

/** Read-modify-write access to the orders item, serialised in one queue. */
export function createOrderList(item: ValueItem<TrackedOrder[]>) {
  const serial = createSerialQueue();
  return {
    /** Every remembered order, newest first. */
    all: async (): Promise<TrackedOrder[]> => (await item.getValue()) ?? [],
    /** Replaces the list with what `change` makes of the current one; answers the saved list. */
    update: (change: (orders: TrackedOrder[]) => TrackedOrder[]): Promise<TrackedOrder[]> =>
      serial(async () => {
        const next = trimOrders(change((await item.getValue()) ?? []));
        await item.setValue(next);
        return next;
      }),
  };
}

export type OrderList = ReturnType<typeof createOrderList>;
