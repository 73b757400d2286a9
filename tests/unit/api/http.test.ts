// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { PanelError } from '../../../utils/api/errors.ts';
import {
  createPanelHttp,
  parsePanelBody,
  parseRetryAfter,
  type ApiOptions,
} from '../../../utils/api/http.ts';
import { createNumbersApi } from '../../../utils/api/numbers/index.ts';
import { createOrdersApi } from '../../../utils/api/orders/index.ts';
import { dumpError, failure } from './leak.ts';

const KEY = 'k3y/with+odd chars';

/** A fetch that answers every call from the queue (the last answer repeats) and records the requests. */
function fakeFetch(...answers: (() => Response | Promise<Response>)[]) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fn = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), init: init ?? {} });
    return answers[Math.min(calls.length - 1, answers.length - 1)]();
  });
  return { fetch: fn as unknown as typeof fetch, calls };
}
const json =
  (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  () =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', ...headers },
    });
const text =
  (body: string, status = 200, type = 'text/html') =>
  () =>
    new Response(body, { status, headers: { 'content-type': type } });

function opts(f: typeof fetch, extra: Partial<ApiOptions> = {}): ApiOptions {
  return { origin: 'https://panel.test/', getKey: () => KEY, fetch: f, sleep: async () => {}, ...extra };
}

describe('requests as the provider documents them', () => {
  it('v1: POST with the URL-encoded key in the path', async () => {
    const f = fakeFetch(json({ balance: 100 }));
    await createNumbersApi(opts(f.fetch)).getBalance();
    expect(f.calls[0].url).toBe(`https://panel.test/api/v1/${encodeURIComponent(KEY)}/getBalance`);
    expect(f.calls[0].init.method).toBe('POST');
  });

  it('v2: POST form-encoded with key and action', async () => {
    const f = fakeFetch(json({ order: 5 }));
    await createOrdersApi(opts(f.fetch)).add({
      service: 3,
      link: 'https://x.test/a b',
      quantity: 100,
      runs: undefined,
    });
    const { url, init } = f.calls[0];
    expect(url).toBe('https://panel.test/api/v2');
    expect(init.method).toBe('POST');
    expect(new Headers(init.headers).get('content-type')).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(String(init.body)))).toEqual({
      key: KEY,
      action: 'add',
      service: '3',
      link: 'https://x.test/a b',
      quantity: '100',
    });
  });

  it('trims a pasted key and refuses a blank one without a request', async () => {
    const f = fakeFetch(json({ balance: '1', currency: 'USD' }));
    await createOrdersApi(opts(f.fetch, { getKey: async () => ` ${KEY}\n` })).balance();
    expect(new URLSearchParams(String(f.calls[0].init.body)).get('key')).toBe(KEY);
    const e = await failure(() => createOrdersApi(opts(f.fetch, { getKey: () => '' })).balance());
    expect(e).toMatchObject({ kind: 'bad_key' });
    expect(f.calls).toHaveLength(1);
  });

  it('turns a failing getKey into a PanelError', async () => {
    const f = fakeFetch(json({}));
    const e = await failure(() =>
      createNumbersApi(
        opts(f.fetch, { getKey: () => Promise.reject(new Error('storage gone')) }),
      ).getBalance(),
    );
    expect(e).toBeInstanceOf(PanelError);
    expect(f.calls).toHaveLength(0);
  });

  it('rejects an id that is not a positive whole number before sending', async () => {
    const f = fakeFetch(json({}));
    await expect(createNumbersApi(opts(f.fetch)).getMessage(1.5)).rejects.toMatchObject({
      kind: 'invalid_input',
    });
    await expect(createOrdersApi(opts(f.fetch)).status(-1)).rejects.toMatchObject({ kind: 'invalid_input' });
    expect(f.calls).toHaveLength(0);
  });
});

describe('tolerant body parsing', () => {
  it.each([
    ['\n\n  {"a":1}', { a: 1 }],
    ['\uFEFF[1,2]', [1, 2]],
    ['<br />\n<b>Warning</b>: Undefined index in x.php on line 3<br />\n{"order": 7}', { order: 7 }],
  ])('reads %j', (body, value) => {
    expect(parsePanelBody(body)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'empty'],
    ['   \n', 'empty'],
    ['<!DOCTYPE html><html><title>x</title></html>', 'html'],
    ['<html><body>{"a":1</body></html>', 'html'],
    ['{"a":', 'malformed'],
    ['OK', 'malformed'],
  ])('refuses %j as %s', (body, why) => {
    expect(parsePanelBody(body)).toEqual({ ok: false, why });
  });
});

describe('status codes and error shapes', () => {
  const call = async (answer: () => Response) => {
    const f = fakeFetch(answer);
    return failure(() => createOrdersApi(opts(f.fetch, { retries: 0 })).balance());
  };

  it.each([
    { name: '401', answer: json({ error: 'nope' }, 401), kind: 'bad_key' },
    { name: '403', answer: json({}, 403), kind: 'bad_key' },
    { name: '404 text', answer: text('Not Found', 404, 'text/plain'), kind: 'not_found' },
    { name: '404 with a key error', answer: json({ error: 'Invalid API key' }, 404), kind: 'bad_key' },
    { name: '400', answer: json({ error: 'bad' }, 400), kind: 'invalid_input' },
    { name: '408', answer: json({}, 408), kind: 'timeout' },
    { name: '418', answer: json({}, 418), kind: 'unexpected' },
    { name: '503', answer: json({}, 503), kind: 'unavailable' },
    {
      name: 'status error',
      answer: json({ status: 'error', message: 'Yetersiz bakiye' }),
      kind: 'insufficient_funds',
    },
    {
      name: 'success false',
      answer: json({ success: false, message: 'Stokta numara yok' }),
      kind: 'out_of_stock',
    },
    { name: 'success false, no text', answer: json({ success: false }), kind: 'unexpected' },
    { name: 'error object', answer: json({ error: { message: 'Hatalı API anahtarı' } }), kind: 'bad_key' },
    { name: 'error true', answer: json({ error: true, message: 'Too many requests' }), kind: 'rate_limited' },
  ])('$name → $kind', async ({ answer, kind }) => {
    expect(await call(answer)).toMatchObject({ kind });
  });

  it('ignores an empty or null error field next to a real answer', async () => {
    const f = fakeFetch(json({ balance: '3', currency: 'USD', error: null }));
    expect(await createOrdersApi(opts(f.fetch)).balance()).toEqual({ amount: 3, currency: 'USD' });
  });

  it('redacts the key when the panel echoes it back', async () => {
    const e = await call(json({ error: `Invalid API key ${KEY}` }));
    expect(e).toMatchObject({ kind: 'bad_key', panelText: 'Invalid API key ***' });
    expect(dumpError(e)).not.toContain(KEY);
  });

  it('keeps a cancel refusal as an answer but still throws on a bad key', async () => {
    const refused = fakeFetch(json({ success: false, title: 'Hata', message: 'Henüz iptal edilemez' }));
    expect(await createNumbersApi(opts(refused.fetch)).cancelNumber(5)).toEqual({
      refunded: false,
      title: 'Hata',
      message: 'Henüz iptal edilemez',
    });
    const badKey = fakeFetch(json({ success: false, message: 'Invalid API key' }));
    await expect(createNumbersApi(opts(badKey.fetch)).cancelNumber(5)).rejects.toMatchObject({
      kind: 'bad_key',
    });
  });

  it('says a 200 without the number may have charged', async () => {
    const f = fakeFetch(json({ success: true }));
    const e = await failure(() => createNumbersApi(opts(f.fetch)).getNumber(1));
    expect(e).toMatchObject({ kind: 'unexpected', mayHaveCharged: true });
    expect(f.calls).toHaveLength(1);
  });
});

describe('timeouts and retries', () => {
  it('times out while the body is still coming', async () => {
    const stalled = () =>
      new Response(
        new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"balance":'));
          },
        }),
        { headers: { 'content-type': 'application/json' } },
      );
    const f = fakeFetch(stalled);
    const e = await failure(() =>
      createNumbersApi(opts(f.fetch, { timeoutMs: 50, retries: 0 })).getBalance(),
    );
    expect(e).toMatchObject({ kind: 'timeout' });
  });

  it('honours an HTTP-date Retry-After', async () => {
    const at = new Date(Date.now() + 5000).toUTCString();
    const sleeps: number[] = [];
    const f = fakeFetch(
      json({ message: 'slow down' }, 429, { 'retry-after': at }),
      json([{ id: 1, name: 'A' }]),
    );
    const list = await createNumbersApi(
      opts(f.fetch, { sleep: async (ms) => void sleeps.push(ms) }),
    ).getCategories();
    expect(list).toEqual([{ id: 1, name: 'A' }]);
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThan(3000);
    expect(sleeps[0]).toBeLessThanOrEqual(5000);
  });

  it('parses Retry-After seconds and dates', () => {
    expect(parseRetryAfter('2')).toBe(2000);
    expect(parseRetryAfter('1.5')).toBe(1500);
    expect(
      parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 07:27:00 GMT')),
    ).toBe(60_000);
    expect(parseRetryAfter('in the past', 0)).toBeNull();
    expect(parseRetryAfter(null)).toBeNull();
  });

  it('jitters the backoff between half and all of the exponential step', async () => {
    for (const [random, expected] of [
      [0, [250, 500, 1000]],
      [0.5, [375, 750, 1500]],
      [1, [500, 1000, 2000]],
    ] as const) {
      const sleeps: number[] = [];
      const f = fakeFetch(json({}, 503));
      const http = createPanelHttp(
        opts(f.fetch, { retries: 3, random: () => random, sleep: async (ms) => void sleeps.push(ms) }),
      );
      await expect(http({ endpoint: 'getCategories', path: '/api/v1/getCategories' })).rejects.toMatchObject({
        kind: 'unavailable',
      });
      expect(sleeps).toEqual(expected);
      expect(f.calls).toHaveLength(4);
    }
  });
});
