import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { launchFirefox, waitFor, type FirefoxHarness } from './harness';
import { FirefoxPopup } from './popup';

// The attacker's suite where Firefox differs from Chrome: content scripts may read storage.local
// there (no access levels), and a host permission covers every port of a host.

type Ext = typeof import('webextension-polyfill');

/** Another port of the same loopback host, serving a sign-up page with a code field. */
async function otherPort(): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      '<!doctype html><title>Other</title><label>SMS code <input id="code" autocomplete="one-time-code"></label>',
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

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

  it('automatic fill for one port of a host is refused on another port (a Firefox pattern has no port)', async () => {
    const other = await otherPort();
    try {
      expect(await ff.send('setAutofillSite', { origin: ff.siteUrl, enabled: true })).toEqual({
        res: { ok: true },
      });
      const page = await ff.browser.newPage();
      await page.goto(`${other.url}/signup`);
      a.setCodeDelay(600_000);
      const reply = await ff.send('rent', {
        serviceId: 41,
        serviceName: 'Port test',
        categoryName: 'c',
        price: 0.1,
        requestId: 'ff-port-1',
        site: ff.siteUrl,
        tabId: null,
      });
      const { rentalId } = reply.res as { rentalId: string };
      const rentals = async () =>
        ((await ff.storage<{ id: string; numberId: number; codes: unknown[] }[]>('rentals')) ?? []).find(
          (r) => r.id === rentalId,
        );
      const { numberId } = (await rentals())!;
      a.deliverCode(numberId, '615302');
      await waitFor(async () => Boolean((await rentals())?.codes.length), 'the code to arrive');
      // The poller hands a new code to automatic fill before its next round: once the number is polled
      // again, the fill decision has been made.
      const polls = () => a.requests.filter((r) => r.endpoint === 'getMessage').length;
      const after = polls();
      await waitFor(async () => polls() > after, 'the next poll of the number', 60_000, 250);
      expect(await page.$eval('#code', (e) => (e as HTMLInputElement).value)).toBe('');
      await page.close();
    } finally {
      other.server.close();
    }
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
