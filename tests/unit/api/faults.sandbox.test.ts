// @vitest-environment node
// Over 250 lines: every fault against both clients, then the retry rules, over one sandbox.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { errorSentence, PanelError, type PanelErrorKind } from '../../../utils/api/errors.ts';
import type { ApiOptions } from '../../../utils/api/http.ts';
import { createNumbersApi } from '../../../utils/api/numbers/index.ts';
import { createOrdersApi } from '../../../utils/api/orders/index.ts';
import { createT } from '../../i18n';
import { startSandbox, type Fault, type Sandbox } from '../../sandbox/server';
import { dumpError, failure, keyForms } from './leak.ts';

const KEY = 'fault/Ä+key 9&z=%';
const TIMEOUT_MS = 300;
const SLOW: Fault = { type: 'slow', ms: 1000 };
let sandbox: Sandbox;
let sleeps: number[];

beforeAll(async () => {
  sandbox = await startSandbox({ key: KEY, codeDelayMs: 60_000 });
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.reset();
  sleeps = [];
});

function options(extra: Partial<ApiOptions> = {}): ApiOptions {
  return {
    origin: sandbox.url,
    getKey: () => KEY,
    timeoutMs: TIMEOUT_MS,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0,
    ...extra,
  };
}

/** The error holds the key in no form: message, panel text, cause chain, stacks, JSON. */
function expectNoKey(e: unknown): void {
  const dump = dumpError(e);
  for (const form of keyForms(KEY)) expect(dump).not.toContain(form);
}

/** A sentence for a person in both languages, not a stack trace or a status line. */
function expectSentence(e: PanelError): void {
  const en = errorSentence(e, createT('en'));
  expect(en).toMatch(/^[A-Z][^\n]{10,}[.”]$/);
  expect(en).not.toMatch(/HTTP|fetch|undefined|\[object/);
  expect(e.message).toMatch(new RegExp(`^${e.kind} from ${e.endpoint}`));
  const tr = errorSentence(e, createT('tr'));
  expect(tr.length).toBeGreaterThan(10);
  expect(tr).not.toBe(en);
}

type Client = { name: string; endpoint: 'getBalance' | 'balance'; call: (o: ApiOptions) => Promise<unknown> };
const CLIENTS: Client[] = [
  { name: 'numbers', endpoint: 'getBalance', call: (o) => createNumbersApi(o).getBalance() },
  { name: 'orders', endpoint: 'balance', call: (o) => createOrdersApi(o).balance() },
];

const FAULTS: { fault: Fault; kind: PanelErrorKind; status?: number; panelText?: string }[] = [
  { fault: { type: 'http500' }, kind: 'unavailable', status: 500 },
  { fault: { type: 'http502' }, kind: 'unavailable', status: 502, panelText: '502 Bad Gateway' },
  {
    fault: { type: 'html' },
    kind: 'unavailable',
    status: 200,
    panelText: 'Sitemiz şu anda bakımda. Kısa süre içinde tekrar hizmetinizdeyiz.',
  },
  {
    fault: { type: 'html', status: 503 },
    kind: 'unavailable',
    status: 503,
    panelText: 'Sitemiz şu anda bakımda. Kısa süre içinde tekrar hizmetinizdeyiz.',
  },
  { fault: { type: 'rateLimit', retryAfterSec: 2 }, kind: 'rate_limited', status: 429 },
  { fault: { type: 'malformed' }, kind: 'unexpected', status: 200 },
  { fault: { type: 'empty' }, kind: 'unavailable', status: 200 },
  { fault: SLOW, kind: 'timeout' },
  { fault: { type: 'drop' }, kind: 'network' },
  {
    fault: { type: 'panelError', text: 'Hatalı API anahtarı' },
    kind: 'bad_key',
    status: 200,
    panelText: 'Hatalı API anahtarı',
  },
  { fault: { type: 'panelError', text: 'Yetersiz bakiye' }, kind: 'insufficient_funds', status: 200 },
  { fault: { type: 'panelError', text: 'Forbidden', status: 403 }, kind: 'bad_key', status: 403 },
  { fault: { type: 'panelError', text: `Invalid API key: ${KEY}` }, kind: 'bad_key', status: 200 },
];

describe.each(CLIENTS)('$name client: every fault becomes one typed error without the key', (client) => {
  it.each(FAULTS)('$fault.type $fault.text → $kind', async ({ fault, kind, status, panelText }) => {
    sandbox.injectFault(client.endpoint, fault);
    const e = await failure(() => client.call(options({ retries: 0 })));
    expect(e).toBeInstanceOf(PanelError);
    const err = e as PanelError;
    expect(err).toMatchObject({ kind, endpoint: client.endpoint, mayHaveCharged: false });
    expect(err.status).toBe(status);
    if (panelText) expect(err.panelText).toBe(panelText);
    if (fault.type === 'rateLimit') expect(err.retryAfterMs).toBe(2000);
    expect(err.cause).toBeInstanceOf(Error);
    expectSentence(err);
    expectNoKey(err);
  });

  it('keeps a redacted URL in the cause of a dropped connection', async () => {
    sandbox.injectFault(client.endpoint, { type: 'drop' });
    const e = await failure(() => client.call(options({ retries: 0 })));
    const dump = dumpError(e);
    if (client.name === 'numbers') expect(dump).toContain('/api/v1/***/getBalance');
    expect(dump).toContain(sandbox.url);
    expectNoKey(e);
  });

  it('reads a JSON answer served as text/html with leading blank lines', async () => {
    sandbox.injectFault(client.endpoint, { type: 'jsonAsHtml' });
    await expect(client.call(options())).resolves.toMatchObject({ amount: 25 });
  });
});

describe('spending calls are sent once and say they may have charged', () => {
  const SPENDERS = [
    {
      endpoint: 'getNumber' as const,
      call: (o: ApiOptions) => createNumbersApi(o).getNumber(41),
      placed: () => sandbox.numbers().length,
    },
    {
      endpoint: 'add' as const,
      call: (o: ApiOptions) =>
        createOrdersApi(o).add({ service: 1, link: 'https://x.test/p', quantity: 100 }),
      placed: () => sandbox.orders().length,
    },
  ];
  const AMBIGUOUS: { fault: Fault; kind: PanelErrorKind; didWork: boolean }[] = [
    { fault: SLOW, kind: 'timeout', didWork: true },
    { fault: { type: 'drop' }, kind: 'network', didWork: true },
    { fault: { type: 'http500' }, kind: 'unavailable', didWork: false },
    { fault: { type: 'http502' }, kind: 'unavailable', didWork: false },
    { fault: { type: 'html' }, kind: 'unavailable', didWork: false },
    { fault: { type: 'malformed' }, kind: 'unexpected', didWork: false },
    { fault: { type: 'empty' }, kind: 'unavailable', didWork: false },
  ];

  describe.each(SPENDERS)('$endpoint', (spender) => {
    it.each(AMBIGUOUS)(
      '$fault.type → exactly one request, $kind, mayHaveCharged',
      async ({ fault, kind, didWork }) => {
        sandbox.setBalance(100);
        sandbox.injectFault(spender.endpoint, fault, 3);
        const e = await failure(() => spender.call(options({ retries: 2 })));
        expect(sandbox.count(spender.endpoint)).toBe(1);
        expect(sleeps).toEqual([]);
        expect(e).toMatchObject({ kind, mayHaveCharged: true, endpoint: spender.endpoint });
        expect(errorSentence(e as PanelError, createT('en'))).toMatch(
          /may have been charged: check your balance and history/,
        );
        expect(errorSentence(e as PanelError, createT('tr'))).toContain('ücretlendirilmiş olabilir');
        // The sandbox did the work (and took the money) for a timeout or a dropped connection.
        expect(spender.placed()).toBe(didWork ? 1 : 0);
        expectNoKey(e);
      },
    );

    it('a clear refusal did not charge and is not retried', async () => {
      sandbox.setBalance(0);
      const e = await failure(() => spender.call(options()));
      expect(e).toMatchObject({ kind: 'insufficient_funds', mayHaveCharged: false });
      expect(sandbox.count(spender.endpoint)).toBe(1);
    });

    it('is not retried after a 429 either', async () => {
      sandbox.setBalance(100);
      sandbox.injectFault(spender.endpoint, { type: 'rateLimit', retryAfterSec: 1 });
      const e = await failure(() => spender.call(options()));
      expect(e).toMatchObject({ kind: 'rate_limited', mayHaveCharged: false, retryAfterMs: 1000 });
      expect(sandbox.count(spender.endpoint)).toBe(1);
      expect(sleeps).toEqual([]);
    });
  });
});

describe('read-only calls are retried with backoff', () => {
  it('honours Retry-After on a 429 (numbers API)', async () => {
    sandbox.injectFault('getCategories', { type: 'rateLimit', retryAfterSec: 2 });
    const categories = await createNumbersApi(options()).getCategories();
    expect(categories.length).toBeGreaterThan(0);
    expect(sleeps).toEqual([2000]);
    expect(sandbox.count('getCategories')).toBe(2);
  });

  it('honours Retry-After on a 429 (orders API)', async () => {
    sandbox.injectFault('services', { type: 'rateLimit', retryAfterSec: 3 });
    await createOrdersApi(options()).services();
    expect(sleeps).toEqual([3000]);
    expect(sandbox.count('services')).toBe(2);
  });

  it('waits for real when no sleep is injected', async () => {
    sandbox.injectFault('getCategories', { type: 'rateLimit', retryAfterSec: 1 });
    const started = Date.now();
    await createNumbersApi({ origin: sandbox.url, getKey: () => KEY }).getCategories();
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('gives up on a Retry-After longer than the cap and says how long to wait', async () => {
    sandbox.injectFault('getBalance', { type: 'rateLimit', retryAfterSec: 120 });
    const e = await failure(() => createNumbersApi(options()).getBalance());
    expect(e).toMatchObject({ kind: 'rate_limited', retryAfterMs: 120_000 });
    expect(sandbox.count('getBalance')).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it('backs off exponentially with jitter on 5xx, HTML, timeouts and drops', async () => {
    sandbox.injectFault('getBalance', { type: 'http500' });
    sandbox.injectFault('getBalance', { type: 'html' });
    const numbers = createNumbersApi(options({ random: () => 1 }));
    expect(await numbers.getBalance()).toEqual({ amount: 25, currency: null });
    expect(sleeps).toEqual([500, 1000]);

    sleeps = [];
    sandbox.injectFault('status', SLOW);
    sandbox.injectFault('status', { type: 'drop' });
    const orders = createOrdersApi(options({ random: () => 0 }));
    const { orderId } = await orders.add({ service: 2, link: 'https://x.test/p', quantity: 100 });
    expect((await orders.status(orderId)).status).toBe('pending');
    expect(sleeps).toEqual([250, 500]);
    expect(sandbox.count('status')).toBe(3);
  });

  it('stops after the configured retries with the last error', async () => {
    sandbox.injectFault('services', { type: 'http502' }, 5);
    const e = await failure(() => createOrdersApi(options({ retries: 2 })).services());
    expect(e).toMatchObject({ kind: 'unavailable', status: 502 });
    expect(sandbox.count('services')).toBe(3);
    expect(sleeps).toHaveLength(2);
  });

  it('does not retry a panel error, a malformed answer, cancelNumber, refill or cancel', async () => {
    sandbox.injectFault('getBalance', { type: 'panelError', text: 'Invalid API key' });
    await failure(() => createNumbersApi(options()).getBalance());
    sandbox.injectFault('getCategories', { type: 'malformed' });
    await failure(() => createNumbersApi(options()).getCategories());
    sandbox.injectFault('cancelNumber', { type: 'http500' });
    await failure(() => createNumbersApi(options()).cancelNumber(1000));
    sandbox.injectFault('refill', { type: 'http500' });
    await failure(() => createOrdersApi(options()).refill(23501));
    sandbox.injectFault('cancel', { type: 'drop' });
    await failure(() => createOrdersApi(options()).cancel([23501]));
    for (const endpoint of ['getBalance', 'getCategories', 'cancelNumber', 'refill', 'cancel'] as const) {
      expect(sandbox.count(endpoint)).toBe(1);
    }
    expect(sleeps).toEqual([]);
  });
});
