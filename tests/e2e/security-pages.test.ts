import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from './harness';
import { PopupPage } from './pages/popup';
import { holdsKey, rentData, SecurityRig } from './security-setup';

/** Panel text with markup and script in it: it must reach the person as text. */
const HOSTILE_TEXT = '<b>bold</b><img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

interface StoredRental {
  id: string;
  codes: { code: string }[];
}

// What web pages and the popup get to see: a fill carries the code only, panel text is shown as text.
describe('security: what pages see', () => {
  let rig: SecurityRig;

  beforeAll(async () => {
    rig = await SecurityRig.open();
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('a fill sends the content script the code only; afterwards neither page nor content script holds the key', async () => {
    const { ext, sandbox, corpus } = rig;
    const url = `${corpus.url}/one-time-code.html`;
    const page = await ext.context.newPage();
    await page.goto(url);
    const tabId = await rig.tabIdOf(url);
    // A stand-in autofill API (the real script keeps the first one it finds) records what the worker sends.
    await rig.inContentScript(
      tabId,
      () => {
        const calls: string[] = [];
        const g = globalThis as unknown as Record<string, unknown>;
        g.__recordedCalls = calls;
        g.__smsPanelAutofill = {
          fillCode: (...args: unknown[]) => (calls.push(JSON.stringify(args)), { filled: 1 }),
          fillPhone: (...args: unknown[]) => (calls.push(JSON.stringify(args)), { filled: 1 }),
        };
        chrome.runtime.onMessage.addListener((m: unknown) => void calls.push(JSON.stringify(m)));
        return true;
      },
      null,
    );
    expect(await ext.send('fillCode', { tabId, code: '731902' })).toEqual({ res: { filled: 1 } });
    const calls = await rig.inContentScript(
      tabId,
      () => (globalThis as unknown as { __recordedCalls: string[] }).__recordedCalls,
      null,
    );
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.join('\n')).toContain('731902');
    expect(holdsKey(calls.join('\n'), sandbox.key)).toBe(false);

    // Now a real fill on a fresh load of the page.
    await page.reload();
    const { rentalId } = (await ext.send('rent', rentData('fill-check'))).res as { rentalId: string };
    const withCode = await waitFor(
      async () =>
        ((await ext.storage<StoredRental[]>('rentals')) ?? []).find(
          (r) => r.id === rentalId && r.codes.length,
        ),
      'the code',
    );
    const code = withCode.codes[0]!.code;
    expect(await ext.send('fillCode', { tabId, code })).toMatchObject({ res: { filled: 1 } });
    expect(await page.inputValue('#code')).toBe(code);
    const pageView = await page.evaluate(() => {
      const g = globalThis as unknown as Record<string, unknown>;
      const values = Object.getOwnPropertyNames(g).map((name) => {
        try {
          const v = g[name];
          return typeof v === 'string' ? v : typeof v === 'object' && v !== null ? JSON.stringify(v) : '';
        } catch {
          return '';
        }
      });
      return {
        dom: new XMLSerializer().serializeToString(document),
        globals: values.join('\n'),
        storage:
          JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie,
      };
    });
    expect(pageView.dom).toContain(code);
    expect(holdsKey(pageView.dom, sandbox.key)).toBe(false);
    expect(holdsKey(pageView.globals, sandbox.key)).toBe(false);
    expect(holdsKey(pageView.storage, sandbox.key)).toBe(false);
    const isolated = await rig.inContentScript(
      tabId,
      () => {
        const g = globalThis as unknown as Record<string, unknown>;
        const names = Object.getOwnPropertyNames(g);
        const values = names.map((name) => {
          try {
            const v = g[name];
            return typeof v === 'string' ? v : typeof v === 'object' && v !== null ? JSON.stringify(v) : '';
          } catch {
            return '';
          }
        });
        return { hasApi: names.includes('__smsPanelAutofill'), values: values.join('\n') };
      },
      null,
    );
    expect(isolated.hasApi).toBe(true);
    expect(holdsKey(isolated.values, sandbox.key)).toBe(false);
    await ext.send('cancelRental', { rentalId });
    await ext.send('finishRental', { rentalId });
    await page.close();
  });

  it('panel texts with markup show as text in the popup: a balance error, a rent error, an order service name', async () => {
    const { ext, sandbox } = rig;
    sandbox.injectFault('getBalance', { type: 'panelError', text: HOSTILE_TEXT }, 3);
    sandbox.injectFault('balance', { type: 'panelError', text: HOSTILE_TEXT }, 3);
    const popup = await PopupPage.open(ext);
    const page = popup.page;
    const banner = page.locator('header [role="alert"]');
    await banner.waitFor({ timeout: 10_000 });
    expect(await banner.textContent()).toContain('<b>bold</b><img src=x');

    sandbox.injectFault('getNumber', { type: 'panelError', text: HOSTILE_TEXT });
    await popup.openCategory('Telegram');
    await popup.rentButton('Telegram Endonezya').click();
    const note = page.locator('main [role="alert"]').filter({ hasText: '<b>bold</b>' });
    await note.waitFor({ timeout: 10_000 });
    expect(await note.first().textContent()).toContain('<script>window.__pwned=2</script>');
    sandbox.clearFaults();

    // The sandbox's order catalogue has a service named with an <img onerror> in it.
    await page.locator('#tab-orders').click();
    await page.getByTestId('orders-view-services').click();
    await page.getByTestId('orders-search').fill('Takipçi');
    const service = page.locator('[data-service-id="21"] .oservice-name');
    await service.waitFor({ timeout: 10_000 });
    expect(await service.textContent()).toBe('Instagram Takipçi <img src=x onerror=alert(1)>');

    const markup = await page.evaluate(() => ({
      bold: [...document.querySelectorAll('b')].filter((b) => b.textContent === 'bold').length,
      img: document.querySelectorAll('img[src="x"]').length,
      inlineScripts: document.querySelectorAll('script:not([src])').length,
      pwned: (globalThis as { __pwned?: unknown }).__pwned ?? null,
    }));
    expect(markup).toEqual({ bold: 0, img: 0, inlineScripts: 0, pwned: null });
    await page.close();
  });

  it('after all of the above: the key went only to the panel, and never into any console', () => {
    rig.expectKeyOnlyToPanel();
  });
});
