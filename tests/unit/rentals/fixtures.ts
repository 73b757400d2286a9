import type { Rental, RentRequest } from '../../../utils/rentals/types';
import { DEFAULT_SETTINGS, type Settings } from '../../../utils/settings';

export function request(over: Partial<RentRequest> = {}): RentRequest {
  return {
    serviceId: 11,
    serviceName: 'Whatsapp Türkiye',
    categoryName: 'WhatsApp',
    price: 8,
    currency: 'TRY',
    requestId: 'req-1',
    site: 'https://signup.example',
    tabId: 7,
    ...over,
  };
}

/** A manual clock: `sleep` advances time at once. */
export function manualClock(start = 1_000_000) {
  const clock = {
    t: start,
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.t += ms;
    },
  };
  return clock;
}

export const settings =
  (over: Partial<Settings> = {}) =>
  async (): Promise<Settings> => ({
    ...DEFAULT_SETTINGS,
    ...over,
  });

export type { Rental };
