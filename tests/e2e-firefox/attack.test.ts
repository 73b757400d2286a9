import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { launchFirefox, waitFor, type FirefoxHarness } from './harness';
import { FirefoxPopup } from './popup';

// The attacker's suite where Firefox differs from Chrome: content scripts may read storage.local
// there (no access levels), and a host permission covers every port of a host.

type Ext = typeof import('webextension-polyfill');

describe('Firefox: attacks on the key', () => {
  let a: Sandbox;
  let b: Sandbox;
  let ff: FirefoxHarness;

  beforeAll(async () => {
    a = await startSandbox();
    // Panel B would accept A's key, so any request that carries it shows up as hadValidKey.
    b = await startSandbox({ key: a.key });
    ff = await launchFirefox();
    const popup = await FirefoxPopup.open(ff);
    await popup.saveKey(a.key, a.url);
    await popup.find('[data-testid=balance-amount]', '25.00');
    await popup.page.close();
  });
  afterAll(async () => {
    await ff?.close();
    await a?.close();
    await b?.close();
  });

  it('a content-script context reads storage.local and finds no key (it is in the extension IndexedDB)', async () => {
    const site = await ff.openSite('/signup');
    const tabId = await ff.tabIdOf(`${ff.siteUrl}/signup`);
    const helper = await ff.helper();
    const seen = await helper.evaluate(async (id) => {
      const ext = (globalThis as unknown as { browser: Ext }).browser;
      const [out] = await ext.scripting.executeScript({
        target: { tabId: id },
        func: async () =>
          JSON.stringify(await (globalThis as unknown as { browser: Ext }).browser.storage.local.get(null)),
      });
      return String(out!.result);
    }, tabId);
    // The read worked (it sees what Firefox leaves readable there) and holds no key.
    expect(seen).toContain('panelOrigin');
    expect(seen).not.toContain(a.key);
    await site.close();
  });

  it('after an address change to another panel, nothing reaches it with the key', async () => {
    expect(await ff.send('setOrigin', { origin: b.url })).toEqual({ res: { ok: true } });
    const reply = await ff.send('getBalance', {});
    // The positive sign that the moment has passed: the refusal came back.
    expect(reply.err).toBeDefined();
    await waitFor(async () => (await ff.storage('keyHint')) === '', 'the key to be forgotten');
    expect(b.requests.filter((r) => r.hadValidKey)).toEqual([]);
    expect(JSON.stringify(b.requests)).not.toContain(a.key);
  });
});
