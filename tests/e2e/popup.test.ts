import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { launchExtension, waitFor, type ExtensionHarness } from './harness';
import { PopupPage, SCREENSHOT_DIR } from './pages/popup';

// The popup in real Chromium with the built extension (npm run build:e2e) against the sandbox panel.

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

describe('popup: first run', () => {
  let sandbox: Sandbox;
  let ext: ExtensionHarness;
  beforeAll(async () => {
    sandbox = await startSandbox();
    ext = await launchExtension();
  });
  afterAll(async () => {
    await ext?.close();
    await sandbox?.close();
  });

  it('wrong key → a clear sentence; right key → the balance', async () => {
    const popup = await PopupPage.open(ext);
    await expect(popup.keyField().getAttribute('type')).resolves.toBe('password');
    await popup.screenshot('01-first-run');

    await popup.saveKey('not-the-key', sandbox.url);
    await popup.keyError().waitFor();
    expect(await popup.keyError().textContent()).toContain('The API key was not accepted by the panel.');
    await popup.screenshot('02-first-run-wrong-key');

    await popup.saveKey(sandbox.key, sandbox.url);
    await popup.tab('Numbers').waitFor();
    await waitFor(async () => (await popup.balance().textContent())?.includes('25.00'), 'the balance');
    expect(JSON.stringify(await ext.storage('keyHint'))).not.toContain(sandbox.key);
    await popup.category('WhatsApp').waitFor();
    await popup.screenshot('03-numbers-tab');
    await popup.page.close();
  });
});

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
    await popup.page.waitForTimeout(500); // the draft is saved after a short pause
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

describe('options page', () => {
  let sandbox: Sandbox;
  let ext: ExtensionHarness;
  beforeAll(async () => {
    sandbox = await startSandbox();
    ext = await launchExtension();
    await ext.configure({ origin: sandbox.url, key: sandbox.key });
  });
  afterAll(async () => {
    await ext?.close();
    await sandbox?.close();
  });

  it('shows the saved key hint, saves a setting, switches language', async () => {
    const page = await ext.openOptions();
    await page.getByTestId('key-status').waitFor();
    expect(await page.getByTestId('key-status').textContent()).toContain('••••');
    expect(await page.content()).not.toContain(sandbox.key);
    await page.getByLabel('Number window (minutes)').fill('15');
    await page.getByLabel('Number window (minutes)').press('Enter');
    await waitFor(
      async () => (await ext.storage<{ numberWindowMin: number }>('settings'))?.numberWindowMin === 15,
      'saved',
    );
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOT_DIR}/13-options.png`, fullPage: true });
    await page.getByLabel('Language', { exact: true }).selectOption('tr');
    await page.getByRole('heading', { name: 'Ayarlar' }).waitFor();
    await page.close();
  });
});

describe('popup: Turkish and dark', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(async () => sandbox?.close());

  it('with the browser in Turkish the popup speaks Turkish', async () => {
    const ext = await launchExtension({ lang: 'tr' });
    try {
      await ext.configure({ origin: sandbox.url, key: sandbox.key });
      const popup = await PopupPage.open(ext);
      await popup.tab('Numaralar').waitFor();
      expect(await popup.page.getByRole('heading', { name: 'Numara kirala' }).count()).toBe(1);
      await popup.openCategory('WhatsApp');
      expect(await popup.rentButton('Whatsapp Fransa').textContent()).toMatch(/^Kirala · .*8,00/);
      await popup.screenshot('11-turkish');
      expect(await popup.page.evaluate(() => document.documentElement.lang)).toBe('tr');
    } finally {
      await ext.close();
    }
  });

  it('dark mode renders dark', async () => {
    const ext = await launchExtension({ colorScheme: 'dark' });
    try {
      await ext.configure({ origin: sandbox.url, key: sandbox.key });
      const popup = await PopupPage.open(ext);
      await popup.category('Google').waitFor();
      const bg = await popup.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(bg).toBe('rgb(23, 25, 28)');
      await popup.screenshot('12-dark');
    } finally {
      await ext.close();
    }
  });
});
