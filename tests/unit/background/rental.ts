import type { Rental } from '../../../utils/rentals/types';

/** A rental as the background stores it: waiting, nothing rented yet unless `over` says so. */
export function storedRental(over: Partial<Rental> = {}): Rental {
  return {
    id: 'r',
    serviceId: 1,
    serviceName: 's',
    categoryName: 'c',
    price: 1,
    currency: null,
    number: null,
    numberId: null,
    state: 'waiting',
    createdAt: Date.now(),
    rentedAt: null,
    expiresAt: null,
    endedAt: null,
    codes: [],
    site: null,
    tabId: null,
    cancel: null,
    error: null,
    nextPollAt: 0,
    failures: 0,
    ...over,
  };
}
