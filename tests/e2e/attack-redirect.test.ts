import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createT } from '../i18n';
import { startSandbox, type Endpoint, type Sandbox } from '../sandbox/server';
import { launchExtension, type ExtensionHarness, type SendResult } from './harness';
import { PopupPage } from './pages/popup';

// The attacker's redirect: panel A (or whoever answers for it) answers 307 to panel B, hoping the
// extension re-sends the request, key included, there. Two real sandboxes on loopback, real Chromium.
describe('attack: a redirect to another panel', () => {
  let panelA: Sandbox;
  let panelB: Sandbox;
  let ext: ExtensionHarness;
  const en = createT('en');

  beforeAll(async () => {
    [panelA, panelB] = await Promise.all([
      startSandbox({ codeDelayMs: Number.POSITIVE_INFINITY }),
      startSandbox({ codeDelayMs: Number.POSITIVE_INFINITY }),
    ]);
    ext = await launchExtension();
    await ext.configure({ origin: panelA.url, key: panelA.key });
  });
  afterAll(async () => {
    await ext?.close();
    await Promise.all([panelA?.close(), panelB?.close()]);
  });

  /** The client threw the "unavailable" error of a redirect, and the key is nowhere in it. */
  function expectRedirectError(reply: SendResult, what: string): void {
    expect(reply.res, what).toBeUndefined();
    expect(reply.err, what).toMatchObject({ name: 'PanelError', kind: 'unavailable', redirect: {} });
    expect(JSON.stringify(reply), what).not.toContain(panelA.key);
  }

  // The balance reads both APIs (numbers' getBalance, orders' balance) and fails only when both fail.
  const CALLS: { endpoints: Endpoint[]; type: string; data?: unknown }[] = [
    { endpoints: ['getBalance', 'balance'], type: 'getBalance' },
    { endpoints: ['getServices'], type: 'getServices', data: { categoryId: 4 } },
    {
      endpoints: ['getNumber'],
      type: 'rent',
      data: {
        serviceId: 41,
        serviceName: 'Telegram Endonezya',
        categoryName: 'Telegram',
        price: 0.1,
        requestId: 'r-307',
      },
    },
  ];

  for (const call of CALLS) {
    it(`a 307 on ${call.type} reaches panel A once and panel B never`, async () => {
      const before = call.endpoints.map((e) => panelA.count(e));
      // Enough redirects for any retry: a client that sent again would meet another one.
      for (const e of call.endpoints)
        panelA.injectFault(e, { type: 'redirect', status: 307, to: panelB.url }, 5);
      const reply = await ext.send(call.type, call.data);
      panelA.clearFaults();
      expectRedirectError(reply, call.type);
      expect(call.endpoints.map((e) => panelA.count(e))).toEqual(before.map((n) => n + 1));
      expect(panelB.requests).toEqual([]);
    });
  }

  it('the popup shows the "unavailable" sentence and says the panel answered with a redirect', async () => {
    for (const e of ['getBalance', 'balance'] as const)
      panelA.injectFault(e, { type: 'redirect', status: 307, to: panelB.url }, 50);
    const popup = await PopupPage.open(ext);
    const alert = popup.page.locator('header [role="alert"]');
    await alert.waitFor({ timeout: 10_000 });
    const text = (await alert.textContent())!;
    expect(text).toContain(en('error_unavailable'));
    // Chromium hides where a manual redirect pointed (an opaque answer), so the sentence names no place.
    expect(text).toContain(en('error_redirected'));
    expect(text).not.toContain(panelA.key);
    await popup.page.close();
    panelA.clearFaults();
    expect(panelB.requests).toEqual([]);
  });
});
