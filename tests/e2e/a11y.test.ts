// Over 250 lines: one walk through every popup and options state, each named, in English and Turkish.
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SETTINGS_FILE_FORMAT } from '../../utils/stores/settingsFile';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { axeBothSchemes, lesserFindings } from './axe';
import { launchExtension, waitFor, type ExtensionHarness } from './harness';
import { PopupPage } from './pages/popup';
import { openTab, startSite, type TestSite } from './pages/sites';
import { TOOLBAR_SWITCH, ToolbarPopup } from './pages/toolbar';

// axe-core on every state of the popup and the options page, light and dark: no serious or critical
// finding. Each `it` names the state it reaches (through the UI, the sandbox's faults or storage).

interface StoredRental {
  id: string;
  serviceName: string;
  numberId: number | null;
  state: string;
  codes: { code: string }[];
}

/** Fails naming the state, with each finding's scheme, id, impact, help and targets. */
async function expectAccessible(page: Page, state: string): Promise<void> {
  const findings = await axeBothSchemes(page, state);
  expect(findings, `axe: serious or critical findings in state "${state}"`).toEqual([]);
}

for (const lang of ['en', 'tr'] as const) {
  describe(`accessibility of every state (${lang})`, () => {
    let sandbox: Sandbox;
    let ext: ExtensionHarness;
    let siteA: TestSite;
    let siteB: TestSite;
    let popup: PopupPage;

    /** Waits until the stored rental of a service has a number; answers it. */
    const rentalOf = (service: string) =>
      waitFor(async () => {
        const all = (await ext.storage<StoredRental[]>('rentals')) ?? [];
        return all.find((r) => r.serviceName === service && r.numberId !== null) ?? null;
      }, `the number of ${service}`);

    const check = (state: string) => expectAccessible(popup.page, `${lang} · popup · ${state}`);

    beforeAll(async () => {
      // Codes arrive only when a test delivers them; orders move one step a second of virtual time.
      sandbox = await startSandbox({ codeDelayMs: 60 * 60_000, orderStepMs: 1000 });
      [siteA, siteB] = await Promise.all([startSite(), startSite()]);
      ext = await launchExtension({ lang, args: [TOOLBAR_SWITCH] });
    });
    afterAll(async () => {
      // Moderate and minor findings do not fail the run; they are kept for a person to read.
      mkdirSync('artifacts/a11y', { recursive: true });
      writeFileSync(`artifacts/a11y/lesser-findings.json`, JSON.stringify(lesserFindings, null, 2));
      await ext?.close();
      await Promise.all([siteA?.close(), siteB?.close()]);
      await sandbox?.close();
    });

    it('first run: the key form', async () => {
      popup = await PopupPage.open(ext);
      await popup.keyField().waitFor();
      await check('first run, key form');
    });

    it('first run: a wrong key’s sentence', async () => {
      await popup.saveKey('wrong-key-000', sandbox.url);
      await popup.keyError().waitFor();
      await check('first run, wrong key');
      await popup.page.close();
      await ext.configure({ origin: sandbox.url, key: sandbox.key });
    });

    it('numbers: categories', async () => {
      popup = await PopupPage.open(ext);
      await popup.page.locator('.category').first().waitFor();
      await check('numbers, categories');
    });

    it('numbers: the first screen’s search over every category’s services', async () => {
      await popup.search('telegram endonezya');
      await popup.rentButton('Telegram Endonezya').waitFor({ timeout: 20_000 });
      await check('numbers, first-screen search results');
      await popup.search('');
    });

    it('numbers: a category’s rows waiting for their prices', async () => {
      sandbox.setLatency(4000); // names after 4 s, then each price 4 s later: rows wait with placeholders
      await popup.category('Discord').click();
      await popup.page
        .locator('[data-testid=service-row] .btn-rent[disabled]')
        .first()
        .waitFor({ timeout: 10_000 });
      await check('numbers, rows waiting for prices');
      sandbox.setLatency(0);
      await popup.showCategories();
    });

    it('numbers: a category’s services with prices and out-of-stock rows', async () => {
      await popup.openCategory('Google');
      await popup.rentButton('Google İngiltere').waitFor();
      await check('numbers, services with an out-of-stock row');
    });

    it('numbers: a search with no result', async () => {
      await popup.search('zzzz-nothing');
      await popup.page.getByTestId('service-row').first().waitFor({ state: 'detached' });
      await check('numbers, search without result');
      await popup.search('');
    });

    it('numbers: a favourite', async () => {
      await popup.search('');
      await popup.serviceRow('Google Almanya').locator('.star').click();
      await popup.serviceRow('Google Almanya').locator('.star-on').waitFor();
      await check('numbers, favourite starred');
    });

    it('numbers: a rent in progress', async () => {
      sandbox.injectFault('getNumber', { type: 'slow', ms: 2500 });
      await popup.rentButton('Google Türkiye').click();
      await popup.rentButton('Google Türkiye').and(popup.page.locator('[aria-busy=true]')).waitFor();
      await check('numbers, renting');
    });

    it('numbers: a waiting number', async () => {
      await popup.numberOf('Google Türkiye').waitFor();
      await check('numbers, number waiting for its code');
    });

    it('numbers: a received code with Copy and Fill', async () => {
      const rental = await rentalOf('Google Türkiye');
      sandbox.deliverCode(rental.numberId!, '482913');
      await popup.codeOf('Google Türkiye').waitFor();
      await check('numbers, code received');
    });

    it('numbers: a cancelled, refunded number', async () => {
      await popup.rentButton('Google Amerika').click();
      await popup.numberOf('Google Amerika').waitFor();
      await popup.cancel('Google Amerika');
      await popup.noteOf('Google Amerika').waitFor();
      await check('numbers, cancelled and refunded');
    });

    it('numbers: a refused cancel says when it will be possible; a number that ended offers another', async () => {
      sandbox.refuseCancelsFor(10 * 60_000);
      const { res } = await ext.send('rent', {
        serviceId: 12,
        serviceName: 'Google Almanya',
        categoryName: 'Google',
        price: 4,
        requestId: `a11y-refused-${lang}`,
      });
      const rentalId = (res as { rentalId: string }).rentalId;
      await popup.numberOf('Google Almanya').waitFor();
      await popup
        .rental('Google Almanya')
        .getByRole('button', { name: /^(Cancel and rent another|İptal et ve başka numara kirala)$/ })
        .click();
      await popup.rental('Google Almanya').getByTestId('cancel-retry').waitFor();
      await check('numbers, cancel refused with its time; Rent another on the cancelled one');
      sandbox.refuseCancelsFor(null);
      await ext.send('finishRental', { rentalId });
      await popup.rental('Google Almanya').waitFor({ state: 'detached' });
    });

    it('numbers: a failed rent’s sentence', async () => {
      sandbox.injectFault('getNumber', { type: 'panelError', text: 'Stok kalmadı' });
      await popup.rentButton('Google Almanya').click();
      await popup.page.getByRole('alert').filter({ hasText: 'Google Almanya' }).waitFor();
      await check('numbers, rent refused by the panel');
      await popup.page.close();
    });

    it('numbers: the fill question for another site', async () => {
      const a = await openTab(ext, `${siteA.origin}/`);
      popup = await PopupPage.open(ext, `?tab=${a.tabId}`);
      await popup.showCategories();
      await popup.openCategory('Telegram');
      await popup.rentButton('Telegram Endonezya').click();
      await popup.numberOf('Telegram Endonezya').waitFor();
      const rental = await rentalOf('Telegram Endonezya');
      sandbox.deliverCode(rental.numberId!, '123456');
      await popup.codeOf('Telegram Endonezya').waitFor();
      await popup.page.close();

      const b = await openTab(ext, `${siteB.origin}/`);
      popup = await PopupPage.open(ext, `?tab=${b.tabId}`);
      await popup.fillCode('Telegram Endonezya');
      await popup.rental('Telegram Endonezya').getByTestId('fill-ask').waitFor();
      await check('numbers, fill asks: another site');
      await popup.page.close();
      await Promise.all([a.page.close(), b.page.close()]);
    });

    it('numbers: the fill question for another origin’s frame', async () => {
      const c = await openTab(
        ext,
        `${siteA.origin}/checkout?frame=${encodeURIComponent(siteB.origin + '/')}`,
      );
      await c.page.frameLocator('#pay').locator('#code').waitFor();
      popup = await PopupPage.open(ext, `?tab=${c.tabId}`);
      await popup.fillCode('Telegram Endonezya');
      await popup.rental('Telegram Endonezya').getByTestId('fill-ask').waitFor();
      await check('numbers, fill asks: another origin’s frame');
      await popup.page.close();
      await c.page.close();
    });

    it('numbers: the site card over a recognised site', async () => {
      // discord.localhost is loopback too; the toolbar button grants activeTab for it (no host access).
      const url = `${siteA.origin.replace('127.0.0.1', 'discord.localhost')}/`;
      const site = await ext.context.newPage();
      await site.goto(url);
      await (await ToolbarPopup.open(ext, site)).close();
      const helper = await ext.openPage('offscreen.html');
      const tabId = await helper.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]!.id!, url);
      await helper.close();
      popup = await PopupPage.open(ext, `?tab=${tabId}`);
      await popup.page.locator('[data-testid=site-card] #site-country').waitFor();
      await check('numbers, site card');
      await popup.page.close();
      await site.close();
    });

    it('numbers: history', async () => {
      popup = await PopupPage.open(ext);
      await popup.finish('Google Amerika');
      await popup.page.locator('.history-link').click();
      await popup.page.getByTestId('history-item').first().waitFor();
      await check('numbers, history');
      await popup.page.close();
    });

    it('errors: the panel is down, and a low balance', async () => {
      // The balance reads both APIs and fails only when both fail.
      sandbox.injectFault('getBalance', { type: 'http502' }, 50);
      sandbox.injectFault('balance', { type: 'http502' }, 50);
      popup = await PopupPage.open(ext);
      await popup.page.locator('.banner-error').waitFor({ timeout: 20_000 });
      await check('header, panel down');
      await popup.page.close();
      sandbox.clearFaults();
      sandbox.setBalance(0.05);
      popup = await PopupPage.open(ext);
      await popup.page.getByTestId('low-balance').waitFor();
      await check('header, low balance');
      await popup.page.close();
      sandbox.setBalance(25);
    });

    /** The orders tab of a fresh popup. */
    const openOrders = async () => {
      popup = await PopupPage.open(ext);
      await popup.page.locator('#tab-orders').click();
      await popup.page.getByTestId('orders-view-services').click();
    };
    const openService = async (query: string, id: number) => {
      const back = popup.page.locator('[data-testid=order-form] .link-btn').first();
      if (await popup.page.getByTestId('order-form').isVisible()) await back.click();
      await popup.page.getByTestId('orders-search').fill(query);
      await popup.page.locator(`[data-service-id="${id}"] .oservice-main`).click();
      await popup.page.getByTestId('order-form').waitFor();
    };

    it('orders: the catalogue and a search without result', async () => {
      await openOrders();
      await popup.page.getByTestId('order-service').first().waitFor();
      await check('orders, catalogue');
      await popup.page.getByTestId('orders-search').fill('zzzz-nothing');
      await popup.page.getByTestId('order-service').first().waitFor({ state: 'detached' });
      await check('orders, search without result');
    });

    for (const [type, query, id] of [
      ['Default with drip-feed', 'takipçi gerçek', 1],
      ['Custom Comments', 'özel yorum', 4],
      ['Package', 'paket', 5],
      ['Poll', 'anket', 14],
      ['Subscriptions', 'otomatik beğeni', 16],
    ] as const) {
      it(`orders: the ${type} form with its validation errors`, async () => {
        await openService(query, id);
        await check(`orders, ${type} form`);
        await popup.page.getByTestId('order-submit').click();
        await popup.page.getByTestId('order-note').waitFor();
        await check(`orders, ${type} form with validation errors`);
      });
    }

    it('orders: the confirmation with the charge', async () => {
      await openService('youtube abone', 18);
      await popup.page.getByTestId('order-field-link').fill('https://youtube.com/@ayse');
      await popup.page.getByTestId('order-field-quantity').fill('500');
      await popup.page.getByTestId('order-submit').click();
      await popup.page.getByRole('alertdialog').waitFor();
      await check('orders, confirmation with the charge');
      await popup.page.getByTestId('order-confirm').click();
      await popup.page.getByTestId('order-placed').waitFor();
    });

    it('orders: the mass-order view with line errors, its confirmation, and a stopped batch', async () => {
      const page = popup.page;
      await page.getByTestId('orders-view-mass').click();
      await page
        .getByTestId('mass-text')
        .fill('3 | https://x.com/a | 100\nfoo | bar\n3 | https://x.com/b | 5');
      await page.getByTestId('mass-submit').click();
      await page.getByTestId('mass-line-error').first().waitFor();
      await check('orders, mass order with line errors');
      await page.getByTestId('mass-text').fill('3 | https://x.com/a | 100\n3 | https://x.com/b | 100');
      await page.getByTestId('mass-submit').click();
      await page.getByTestId('mass-confirm').waitFor();
      await check('orders, mass order confirmation');
      sandbox.injectFault('add', { type: 'panelError', text: 'Link format is invalid' });
      await page.getByTestId('mass-confirm').click();
      await page.getByTestId('mass-retry').waitFor();
      await check('orders, mass order stopped with a refused line');
      await page.getByTestId('mass-new').click();
      await page.getByTestId('mass-form').waitFor();
    });

    it('orders: the order list with progress bars, and an add-by-id error', async () => {
      sandbox.advance(3_000);
      await popup.page.getByTestId('orders-view-orders').click();
      await popup.page.getByTestId('orders-refresh').click();
      await waitFor(
        async () =>
          Number(await popup.page.getByTestId('order-progress').first().getAttribute('aria-valuenow')) > 0,
        'progress',
      );
      await check('orders, list with progress');
      await popup.page.getByTestId('order-add-id').fill('999999');
      await popup.page.locator('form:has([data-testid=order-add-id]) button[type=submit]').click();
      await popup.page.getByTestId('order-add-error').waitFor();
      await check('orders, add by id refused');
      await popup.page.close();
    });

    const checkOptions = (page: Page, state: string) =>
      expectAccessible(page, `${lang} · options · ${state}`);

    it('options: every section', async () => {
      expect(await ext.send('saveSettings', { patch: { autofillSites: [siteA.origin] } })).toEqual({
        res: { ok: true },
      });
      const page = await ext.openOptions();
      await page.getByTestId('key-status').waitFor();
      await page.locator('.site-list').waitFor();
      await checkOptions(page, 'every section');
      await page.close();
    });

    it('options: a refused http address and a wrong key tested', async () => {
      const page = await ext.openOptions();
      await page.locator('#options-origin').fill('http://example.com');
      await page.locator('#options-origin').press('Enter');
      await page.getByTestId('origin-note').waitFor();
      await checkOptions(page, 'refused http address');
      await page.locator('#options-key').fill('wrong-key-000');
      await page.locator('form:has(#options-key) .row button[type=button]').click();
      await page.getByTestId('key-error').waitFor();
      await checkOptions(page, 'wrong key tested');
      await page.close();
    });

    it('options: a refused file and an import confirmation', async () => {
      const page = await ext.openOptions();
      await page.getByTestId('key-status').waitFor();
      const upload = (file: unknown) =>
        page.locator('input[type=file]').setInputFiles({
          name: 'settings.json',
          mimeType: 'application/json',
          buffer: Buffer.from(JSON.stringify(file)),
        });
      await upload({ something: 'else' });
      await page.getByTestId('file-note').waitFor();
      await checkOptions(page, 'import refused: not a settings file');
      await upload({
        format: SETTINGS_FILE_FORMAT,
        panelOrigin: 'https://other.example',
        settings: { lowBalance: 9 },
      });
      await page.getByTestId('import-confirm').waitFor();
      await checkOptions(page, 'import confirmation');
      await page.close();
    });
  });
}
