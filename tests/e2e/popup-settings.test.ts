import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { launchExtension, waitFor, type ExtensionHarness } from './harness';
import { PopupPage, SCREENSHOT_DIR } from './pages/popup';

// Setting up: the popup's first run, the options page, and the popup in Turkish and in dark mode.

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
      // Names come first, prices as they arrive: wait for this row's price.
      await popup
        .rentButton('Whatsapp Fransa')
        .filter({ hasText: /^Kirala · .*8,00/ })
        .waitFor();
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
