import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { launchExtension, waitFor, type ExtensionHarness } from './harness';
import { TOOLBAR_SWITCH, ToolbarPopup } from './pages/toolbar';

// The popup opened with the toolbar button over a sign-up page on discord.localhost (Chromium sends
// *.localhost to loopback) offers Discord first, in real Chromium against the sandbox panel. The
// e2e build has host access to 127.0.0.1 only: the popup learns the tab's URL the way a person's
// popup does, from the `activeTab` grant of the toolbar click (CDP Extensions.triggerAction).

const SIGNUP = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Discord sign-up</title>
<h1>Create an account</h1><label>Phone <input id="phone" type="tel" autocomplete="tel"></label></html>`;

interface StoredRental {
  id: string;
  serviceId: number;
  site: string | null;
  numberId: number | null;
}

describe('site card: the right number for the site the person is on', () => {
  let sandbox: Sandbox;
  let ext: ExtensionHarness;
  let server: Server;
  let url: string;
  let page: Page;

  /** What the extension's own pages can read of the sign-up tab's address. */
  const tabUrlSeen = async () => {
    const helper = await ext.openPage('offscreen.html');
    const urls = await helper.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.url ?? null));
    await helper.close();
    return urls.filter((u) => u?.includes('discord.localhost'));
  };
  const countryShown = (popup: ToolbarPopup) =>
    popup.waitFor<string>(
      `document.querySelector('[data-testid=site-card] #site-country')?.value`,
      'the site card with a country',
    );

  /** The card's country once its Rent button shows a price (every price of the category read). */
  const countryPriced = (popup: ToolbarPopup) =>
    popup.waitFor<string>(
      `(() => { const c = document.querySelector('[data-testid=site-card]');
        const priced = c && [...c.querySelectorAll('#site-country option')].every((o) => /\\d/.test(o.textContent));
        return priced ? c.querySelector('#site-country').value : null; })()`,
      'the site card with every country priced',
    );

  beforeAll(async () => {
    sandbox = await startSandbox({ codeDelayMs: 60 * 60_000 });
    server = createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(SIGNUP),
    );
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://discord.localhost:${(server.address() as AddressInfo).port}/`;
    ext = await launchExtension({ args: [TOOLBAR_SWITCH] });
    await ext.configure({ origin: sandbox.url, key: sandbox.key });
    page = await ext.context.newPage();
    await page.goto(url);
  });
  afterAll(async () => {
    await ext?.close();
    await sandbox?.close();
    server?.close();
  });

  it('the toolbar button over discord.localhost: the Discord card with the cheapest country; one click rents once, for that site', async () => {
    // Before the click the extension cannot read the tab's address (no host access to it).
    expect(await tabUrlSeen()).toEqual([]);
    const popup = await ToolbarPopup.open(ext, page);
    // Names come first and prices as they arrive: the cheapest is known once the prices are in.
    expect(await countryPriced(popup)).toBe('22'); // Discord Rusya, 0.8: the cheapest in stock
    const origin = url.slice(0, -1);
    expect(await popup.evaluate(`document.querySelector('#site-card-title').textContent`)).toBe(
      `For ${new URL(url).host}`,
    );
    expect(
      await popup.evaluate(`document.querySelector('#site-service').selectedOptions[0].textContent`),
    ).toBe('Discord');

    const rentsBefore = sandbox.count('getNumber');
    // Two clicks in one go: the card's Rent goes through the popup's rent path (one rent per click-burst).
    await popup.waitFor(
      `!document.querySelector('[data-testid=site-rent]').disabled`,
      'an enabled Rent button',
    );
    await popup.evaluate(
      `(() => { const b = document.querySelector('[data-testid=site-rent]'); b.click(); b.click(); return true; })()`,
    );
    const rental = await waitFor(async () => {
      const all = (await ext.storage<StoredRental[]>('rentals')) ?? [];
      return all.find((r) => r.numberId !== null) ?? null;
    }, 'the rented number in storage');
    expect(rental).toMatchObject({ serviceId: 22, site: origin });
    await popup.waitFor(`document.querySelector('[data-testid=phone-number]')`, 'the number on the popup');
    const rents = sandbox.requests.filter((r) => r.endpoint === 'getNumber').slice(rentsBefore);
    expect(rents.map((r) => r.params.service_id)).toEqual(['22']);
    await popup.close();
  });

  it('a changed country is remembered for the site: closed and reopened, the popup offers it first', async () => {
    const popup = await ToolbarPopup.open(ext, page);
    expect(await countryShown(popup)).toBe('22'); // also the one rented most now
    await popup.evaluate(
      `(() => { const s = document.querySelector('#site-country'); s.value = '21'; s.dispatchEvent(new Event('change', { bubbles: true })); return true; })()`,
    );
    await waitFor(
      async () =>
        (await ext.storage<Record<string, { serviceId: number }>>('siteChoices'))?.discord?.serviceId === 21,
      'the choice stored for discord',
    );
    await popup.close();

    const again = await ToolbarPopup.open(ext, page);
    expect(await countryShown(again)).toBe('21'); // Discord Amerika: the last choice beats the most rented

    // "Not this site's service" hides the card for the site; the link left in its place brings it back.
    await again.evaluate(
      `(() => { const s = document.querySelector('#site-service'); s.value = 'none'; s.dispatchEvent(new Event('change', { bubbles: true })); return true; })()`,
    );
    await again.waitFor(
      `document.querySelector('[data-testid=site-show-again]') !== null || null`,
      'the link',
    );
    expect((await ext.storage<Record<string, { hidden: boolean }>>('siteChoices'))?.discord?.hidden).toBe(
      true,
    );
    await again.evaluate(`(document.querySelector('[data-testid=site-show-again]').click(), true)`);
    expect(await countryShown(again)).toBe('21');
    expect((await ext.storage<Record<string, { hidden: boolean }>>('siteChoices'))?.discord?.hidden).toBe(
      false,
    );
    await again.close();
  });
});
