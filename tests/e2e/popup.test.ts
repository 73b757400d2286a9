import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { launchExtension, waitFor, type ExtensionHarness } from './harness';
import { PopupPage } from './pages/popup';

// Renting from the popup in real Chromium with the built extension (npm run build:e2e) against the sandbox panel.

const SIGNUP_HTML = `<!doctype html><html lang="en"><body>
<h1>Sign up</h1>
<label>Phone <input id="phone" type="tel" name="phone" autocomplete="tel"></label>
<label>SMS code <input id="code" name="code" autocomplete="one-time-code" inputmode="numeric"></label>
</body></html>`;

/** A sign-up page on 127.0.0.1 for Fill. */
async function serveSignup(): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(SIGNUP_HTML);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/signup`, server };
}

/** The tab id of a page the test opened, as the extension sees it. */
async function tabIdOf(ext: ExtensionHarness, url: string): Promise<number> {
  const helper = await ext.openPage('options.html');
  const id = await helper.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]!.id!, url);
  await helper.close();
  return id;
}

describe('popup: renting in English', () => {
  let sandbox: Sandbox;
  let ext: ExtensionHarness;
  let signup: { url: string; server: Server };

  beforeAll(async () => {
    sandbox = await startSandbox({ codeDelayMs: 1500 });
    signup = await serveSignup();
    ext = await launchExtension();
    await ext.configure({ origin: sandbox.url, key: sandbox.key });
    await ext.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  });
  afterAll(async () => {
    await ext?.close();
    await sandbox?.close();
    signup?.server.close();
  });
  afterEach(() => sandbox.clearFaults());

  it('search "turkiye" finds "Türkiye", out of stock is visible but disabled', async () => {
    const popup = await PopupPage.open(ext);
    await popup.openCategory('Google');
    await popup.search('turkiye');
    expect(await popup.serviceNames()).toEqual(['Google Türkiye']);
    await popup.screenshot('04-search-turkiye');
    await popup.search('');
    expect(await popup.rentButton('Google İngiltere').isDisabled()).toBe(true);
    // Names come first, prices as they arrive: wait for this row's price.
    await popup
      .rentButton('Google Türkiye')
      .filter({ hasText: /^Rent · .*2\.50/ })
      .waitFor();
    expect(await popup.rentButton('Google Türkiye').textContent()).toMatch(/^Rent · .*2\.50/);
    await popup.page.close();
  });

  it('browse → rent → the code appears → copy → fill; cancel another number → refund shown', async () => {
    const site = await ext.context.newPage();
    await site.goto(signup.url);
    const tabId = await tabIdOf(ext, signup.url);
    const popup = await PopupPage.open(ext, `?tab=${tabId}`);
    const balanceBefore = sandbox.balance();

    await popup.openCategory('WhatsApp');
    await popup.screenshot('05-services');
    const rentsBefore = sandbox.count('getNumber');
    await popup.rentButton('Whatsapp Fransa').click();
    await popup.numberOf('Whatsapp Fransa').waitFor();
    expect(sandbox.count('getNumber')).toBe(rentsBefore + 1);
    expect(await popup.numberOf('Whatsapp Fransa').textContent()).toMatch(/^\+33 6\d{8}$/);
    await popup.screenshot('06-rental-waiting');

    await popup.codeOf('Whatsapp Fransa').waitFor({ timeout: 15_000 });
    const code = (await popup.codeOf('Whatsapp Fransa').textContent())!;
    expect(code).toMatch(/^\d{4,8}$/);
    expect(await popup.liveRegion().textContent()).toBe(`Code received: ${code}`);
    await popup.screenshot('07-code-received');

    await popup.copyCode('Whatsapp Fransa');
    await waitFor(
      async () => (await popup.page.evaluate(() => navigator.clipboard.readText())) === code,
      'clipboard',
    );

    await popup.fillCode('Whatsapp Fransa');
    await waitFor(async () => (await site.locator('#code').inputValue()) === code, 'the code in the page');
    // Copy and Fill mark the code seen: the badge no longer counts it.
    await waitFor(async () => (await ext.badge()).text === '', 'the badge to clear');

    await popup.rentButton('Whatsapp Endonezya').click();
    await popup.numberOf('Whatsapp Endonezya').waitFor();
    await popup.cancel('Whatsapp Endonezya');
    await waitFor(
      async () =>
        (await popup.noteOf('Whatsapp Endonezya').textContent()) === 'Cancelled — the price was refunded.',
      'the refund on the card',
    );
    expect(await popup.rental('Whatsapp Endonezya').getByTestId('rental-status').textContent()).toBe(
      'Cancelled',
    );
    expect(sandbox.balance()).toBeCloseTo(balanceBefore - 8, 5); // Fransa paid, Endonezya refunded
    await popup.screenshot('08-refund-shown');

    await popup.finish('Whatsapp Fransa'); // code used: off to the history
    await popup.rental('Whatsapp Fransa').waitFor({ state: 'detached' });
    await site.close();
    await popup.page.close();
  });

  it('a failed rent shows its sentence; reopening keeps the search typed', async () => {
    sandbox.injectFault('getNumber', { type: 'panelError', text: 'Stok kalmadı' });
    const popup = await PopupPage.open(ext);
    await popup.openCategory('Telegram');
    await popup.rentButton('Telegram Türkiye').click();
    const alert = popup.page.getByRole('alert').filter({ hasText: 'Telegram Türkiye' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('“Stok kalmadı”');
    await popup.search('hindis');
    await popup.screenshot('09-rent-error');
    // The draft is saved after a short pause: wait for it in storage before closing.
    await waitFor(
      async () => (await ext.storage<{ search: string }>('popupDraft'))?.search === 'hindis',
      'the draft to be saved',
    );
    await popup.page.close();

    const again = await PopupPage.open(ext);
    expect(await again.page.getByRole('searchbox').inputValue()).toBe('hindis');
    expect(await again.serviceNames()).toEqual(['Telegram Hindistan']);
    await again.page.close();
  });

  it('history lists finished numbers with their codes', async () => {
    const popup = await PopupPage.open(ext);
    await popup.page.locator('.history-link').click();
    const fransa = popup.page.getByTestId('history-item').filter({ hasText: 'Whatsapp Fransa' });
    await fransa.waitFor();
    expect(await fransa.textContent()).toMatch(/Codes: \d{4,8}/);
    expect(await fransa.textContent()).toContain('Done');
    await popup.screenshot('10-history');
    await popup.page.close();
  });
});
