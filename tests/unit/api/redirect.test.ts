// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { errorSentence, PanelError } from '../../../utils/api/errors.ts';
import { createPanelHttp, type ApiOptions } from '../../../utils/api/http.ts';
import { createNumbersApi } from '../../../utils/api/numbers/index.ts';
import { createOrdersApi } from '../../../utils/api/orders/index.ts';
import { toWireError } from '../../../utils/messaging/router.ts';
import { createT } from '../../i18n';
import { REDIRECT_STATUSES, startSandbox, type Sandbox } from '../../sandbox/server';
import { dumpError, failure, keyForms } from './leak.ts';

// Panel requests never follow a redirect: a followed 307 re-sends the request, key included, to
// wherever the panel (or whoever answers for it) points. Two real sandboxes: A redirects to B.
const KEY = 'redir/Ä+key 9&z=%';
let panelA: Sandbox;
let panelB: Sandbox;

beforeAll(async () => {
  [panelA, panelB] = await Promise.all([
    startSandbox({ key: KEY, codeDelayMs: 60_000 }),
    startSandbox({ key: KEY, codeDelayMs: 60_000 }),
  ]);
});
afterAll(() => Promise.all([panelA.close(), panelB.close()]));
beforeEach(() => {
  panelA.reset();
  panelB.reset();
  panelA.requests.length = 0;
  panelB.requests.length = 0;
});

const options = (): ApiOptions => ({ origin: panelA.url, getKey: () => KEY, sleep: async () => {} });

function expectNoKey(e: unknown): void {
  const dump = dumpError(e);
  for (const form of keyForms(KEY)) expect(dump).not.toContain(form);
}

const CALLS = [
  { endpoint: 'getBalance', spends: false, call: (o: ApiOptions) => createNumbersApi(o).getBalance() },
  { endpoint: 'getNumber', spends: true, call: (o: ApiOptions) => createNumbersApi(o).getNumber(41) },
  { endpoint: 'balance', spends: false, call: (o: ApiOptions) => createOrdersApi(o).balance() },
] as const;

describe('a redirect is never followed', () => {
  for (const status of REDIRECT_STATUSES) {
    for (const c of CALLS) {
      it(`${status} on ${c.endpoint}: unavailable, names the other host, sent once, nothing reaches the other panel`, async () => {
        panelA.injectFault(c.endpoint, { type: 'redirect', status, to: panelB.url }, 5);
        const e = await failure(() => c.call(options()));
        expect(e).toBeInstanceOf(PanelError);
        const err = e as PanelError;
        const hostB = new URL(panelB.url).host;
        expect(err).toMatchObject({ kind: 'unavailable', status, redirect: { host: hostB } });
        expect(err.mayHaveCharged).toBe(c.spends);
        // Not sent again, even for a read that is otherwise retried on 'unavailable'.
        expect(panelA.requests.filter((r) => r.endpoint === c.endpoint)).toHaveLength(1);
        expect(panelB.requests).toEqual([]);
        expectNoKey(err);
        expectNoKey(toWireError(err));
        const en = errorSentence(err.toJSON(), createT('en'));
        expect(en).toContain(hostB);
        expect(en).toContain('redirect');
        expect(errorSentence(err.toJSON(), createT('tr'))).toContain(hostB);
        // The host survives the trip to a page and back.
        expect(PanelError.fromJSON(err.toJSON()).redirect).toEqual({ host: hostB });
      });
    }
  }

  it('asks fetch for redirect: manual on every call', async () => {
    const fetch = vi.fn(async () => new Response('{"balance":1}', { status: 200 }));
    await createNumbersApi({ ...options(), fetch: fetch as unknown as typeof globalThis.fetch }).getBalance();
    expect((fetch.mock.calls[0] as unknown[])[1]).toMatchObject({ redirect: 'manual' });
  });

  it("a browser's opaque redirect (status 0, no headers): unavailable, a redirect without a place, not sent again", async () => {
    const fetch = vi.fn(async () => {
      const res = new Response(null, { status: 200 });
      Object.defineProperty(res, 'type', { value: 'opaqueredirect' });
      Object.defineProperty(res, 'status', { value: 0 });
      return res;
    });
    const http = createPanelHttp({ ...options(), fetch: fetch as unknown as typeof globalThis.fetch });
    const e = await failure(() => http({ endpoint: 'getBalance', path: '/api/v1/{key}/getBalance' }));
    expect(e).toMatchObject({ kind: 'unavailable', redirect: { host: null } });
    expect(fetch).toHaveBeenCalledTimes(1);
    const en = errorSentence((e as PanelError).toJSON(), createT('en'));
    expect(en).toContain('redirect');
    expect(en).not.toContain('{host}');
    expectNoKey(e);
  });

  it('a Location that carries the key back names only its host', async () => {
    const fetch = vi.fn(
      async (url: string) =>
        new Response('', {
          status: 302,
          headers: {
            location: `https://evil.test:8443${new URL(url).pathname}?k=${encodeURIComponent(KEY)}`,
          },
        }),
    );
    const e = await failure(() =>
      createNumbersApi({ ...options(), fetch: fetch as unknown as typeof globalThis.fetch }).getBalance(),
    );
    expect(e).toMatchObject({ kind: 'unavailable', status: 302, redirect: { host: 'evil.test:8443' } });
    expectNoKey(e);
  });

  it('a redirect field from the wire that is not a host is not shown', () => {
    const err = PanelError.fromJSON({
      name: 'PanelError',
      kind: 'unavailable',
      message: '',
      mayHaveCharged: false,
      endpoint: 'getBalance',
      redirect: { host: 'a b/<script>' as string },
    });
    expect(err.redirect).toEqual({ host: null });
  });
});
