/** The numbers API client (/api/v1): rent a number, read its SMS code, cancel it, see the balance. */

import { normalizeBalance, type Balance } from '../balance.ts';
import { PanelError } from '../errors.ts';
import { createPanelHttp, type ApiOptions } from '../http.ts';
import {
  normalizeCancel,
  normalizeCategories,
  normalizeMessage,
  normalizeRentedNumber,
  normalizeServiceDetails,
  normalizeServices,
} from './normalize.ts';
import type {
  CancelResult,
  MessageResult,
  NumberCategory,
  NumberService,
  NumberServiceDetails,
  RentedNumber,
} from './types.ts';

/** An id for a path segment: only whole positive numbers leave this client. */
function segment(id: number, endpoint: string): string {
  if (!Number.isSafeInteger(id) || id <= 0) {
    throw new PanelError({ kind: 'invalid_input', endpoint });
  }
  return String(id);
}

/** Creates the numbers client; the key goes into the path (URL-encoded) and never into an error. */
export function createNumbersApi(opts: ApiOptions) {
  const request = createPanelHttp(opts);

  /** Throws the 'unexpected' error of an answer we could not read. */
  function unreadable(endpoint: string, spends = false): PanelError {
    return new PanelError({ kind: 'unexpected', endpoint, mayHaveCharged: spends });
  }

  return {
    /** Lists the categories (Google, Discord…); needs no key. */
    async getCategories(): Promise<NumberCategory[]> {
      const raw = await request({ endpoint: 'getCategories', path: '/api/v1/getCategories' });
      return normalizeCategories(raw);
    },

    /** Lists the services (one per country, usually) of a category; needs no key. */
    async getServices(categoryId: number, opts: { retries?: number } = {}): Promise<NumberService[]> {
      const endpoint = 'getServices';
      const path = `/api/v1/getServices/${segment(categoryId, endpoint)}`;
      const raw = await request({ endpoint, path, retries: opts.retries });
      return normalizeServices(raw, categoryId);
    },

    /**
     * Price and stock of a service, and of every other service the answer lists (some panels list
     * the whole category); empty when nothing is usable. `retries` overrides the read retries (a
     * caller that paces its own requests retries itself and must see each 429 or timeout).
     */
    async getServiceDetails(
      serviceId: number,
      opts: { retries?: number } = {},
    ): Promise<NumberServiceDetails[]> {
      const endpoint = 'getServiceDetails';
      const raw = await request({
        endpoint,
        path: `/api/v1/getServiceDetails/${segment(serviceId, endpoint)}`,
        retries: opts.retries,
      });
      return normalizeServiceDetails(raw, serviceId);
    },

    /** Rents a number: spends money, is sent once and never retried. */
    async getNumber(serviceId: number): Promise<RentedNumber> {
      const endpoint = 'getNumber';
      const raw = await request({
        endpoint,
        path: `/api/v1/{key}/getNumber/${segment(serviceId, endpoint)}`,
        spends: true,
      });
      const rented = normalizeRentedNumber(raw);
      // A 200 without the number: the rent may have happened, so the person must check before renting again.
      if (!rented) throw unreadable(endpoint, true);
      return rented;
    },

    /** Reads the SMS state of a rented number. */
    async getMessage(numberId: number): Promise<MessageResult> {
      const endpoint = 'getMessage';
      const raw = await request({
        endpoint,
        path: `/api/v1/{key}/getMessage/${segment(numberId, endpoint)}`,
      });
      const message = normalizeMessage(raw, numberId);
      if (!message) throw unreadable(endpoint);
      return message;
    },

    /** Cancels a number for a refund; a refusal comes back as `refunded: false` with the panel's words. */
    async cancelNumber(numberId: number): Promise<CancelResult> {
      const endpoint = 'cancelNumber';
      const raw = await request({
        endpoint,
        path: `/api/v1/{key}/cancelNumber/${segment(numberId, endpoint)}`,
        retry: false,
        acceptFailure: true,
      });
      const result = normalizeCancel(raw);
      if (!result) throw unreadable(endpoint);
      return result;
    },

    /** The balance of the account the key belongs to. */
    async getBalance(): Promise<Balance> {
      const raw = await request({ endpoint: 'getBalance', path: '/api/v1/{key}/getBalance' });
      const balance = normalizeBalance(raw);
      if (!balance) throw unreadable('getBalance');
      return balance;
    },
  };
}

export type NumbersApi = ReturnType<typeof createNumbersApi>;
