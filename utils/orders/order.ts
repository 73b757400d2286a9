/** What a tracked order looks like before the panel says more, and how orders are told apart. */

import type { TrackedOrder } from './types';

/** A blank order for an id, before its first status. */
export function newOrder(
  id: number,
  origin: string,
  now: number,
  fields: Partial<TrackedOrder>,
): TrackedOrder {
  return {
    id,
    origin,
    requestId: null,
    serviceId: null,
    serviceName: '',
    serviceType: null,
    link: '',
    quantity: null,
    runs: null,
    interval: null,
    charge: null,
    currency: null,
    placedAt: now,
    source: 'added',
    status: 'pending',
    statusText: '',
    startCount: null,
    remains: null,
    checkedAt: null,
    error: null,
    canRefill: false,
    canCancel: false,
    note: null,
    ...fields,
  };
}

/** Order ids are per panel: the same number on another panel is another order. */
export const sameOrder = (o: TrackedOrder, id: number, origin: string) => o.id === id && o.origin === origin;
