import en from '../../../public/_locales/en/messages.json';
import tr from '../../../public/_locales/tr/messages.json';
import { translatorOf, type Translate } from '../../../utils/i18n';
import type { OrderService, ServiceType } from '../../../utils/api/orders/types';
import type { TrackedOrder } from '../../../utils/orders/types';

/** A service of the given type with the standard sandbox-like numbers. */
export function service(type: ServiceType, over: Partial<OrderService> = {}): OrderService {
  return {
    id: 1,
    name: `Service ${type}`,
    type,
    typeText: type,
    category: 'Instagram',
    rate: 0.9,
    min: 50,
    max: 10_000,
    refill: false,
    cancel: false,
    dripfeed: false,
    description: '',
    ...over,
  };
}

/** A remembered order. */
export function order(over: Partial<TrackedOrder> = {}): TrackedOrder {
  return {
    id: 100,
    origin: 'https://panel.test',
    requestId: null,
    serviceId: 1,
    serviceName: 'Followers',
    serviceType: 'default',
    link: 'https://instagram.com/a',
    quantity: 1000,
    runs: null,
    interval: null,
    charge: 0.9,
    currency: 'USD',
    placedAt: 1_000,
    source: 'placed',
    status: 'pending',
    statusText: 'Pending',
    startCount: null,
    remains: 1000,
    checkedAt: null,
    error: null,
    canRefill: false,
    canCancel: false,
    note: null,
    ...over,
  };
}

/** A fake /api/v2 over `fetch`: answers with `answer(form)`, records every form it received. */
export function fakePanelFetch(answer: (form: URLSearchParams) => unknown) {
  const calls: URLSearchParams[] = [];
  const fetch = async (_input: unknown, init?: { body?: unknown }) => {
    const form = new URLSearchParams(String(init?.body ?? ''));
    calls.push(form);
    const body = answer(form);
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  };
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
}

/** The real translators over the shipped catalogs. */
export function translator(lang: 'en' | 'tr'): Translate {
  return translatorOf(lang === 'tr' ? tr : en);
}
