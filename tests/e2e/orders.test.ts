// Over 250 lines: one journey through the orders tab, each test building on what the one before placed.
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { launchExtension, waitFor, type ExtensionHarness } from './harness';

const SHOTS = 'artifacts/screenshots';

/** The orders tab of the popup, driven the way a person does. */
function ordersTab(page: Page) {
  return {
    page,
    async open() {
      await page.locator('#tab-orders').click();
      await page.getByTestId('orders-view-services').waitFor();
    },
    async openService(query: string, id: number) {
      await page.getByTestId('orders-view-services').click();
      // The last form opened is kept (a draft): go back to the catalogue first.
      if (await page.getByTestId('order-form').isVisible()) await page.getByText('Back to services').click();
      await page.getByTestId('orders-search').fill(query);
      await page.locator(`[data-service-id="${id}"] .oservice-main`).click();
      await page.getByTestId('order-form').waitFor();
    },
    field: (name: string) => page.getByTestId(`order-field-${name}`),
    submit: () => page.getByTestId('order-submit').click(),
    note: () => page.getByTestId('order-note'),
    card: (id: number) => page.locator(`[data-testid="order-card"][data-order-id="${id}"]`),
    async refresh() {
      await page.getByTestId('orders-refresh').click();
      await waitFor(async () => !(await page.getByTestId('orders-refresh').isDisabled()), 'refresh to end');
    },
  };
}

/** Places an order at the sandbox directly, as if from the panel's website. */
async function orderElsewhere(sandbox: Sandbox): Promise<number> {
  const body = new URLSearchParams({
    key: sandbox.key,
    action: 'add',
    service: '3',
    link: 'https://x.com/p',
    quantity: '100',
  });
  const res = await fetch(`${sandbox.url}/api/v2`, { method: 'POST', body });
  return ((await res.json()) as { order: number }).order;
}

describe('orders in real Chromium against the sandbox panel', () => {
  let sandbox: Sandbox;
  let ext: ExtensionHarness;
  let pageUrl: string;
  let tabId: number;

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    sandbox = await startSandbox({ orderStepMs: 1000 });
    ext = await launchExtension();
    await ext.configure({ origin: sandbox.url, key: sandbox.key });
    // A web page the person wants to promote: its URL becomes the order's link.
    pageUrl = `${sandbox.url}/instagram/ayse`;
    const site = await ext.context.newPage();
    await site.goto(pageUrl).catch(() => undefined);
    const helper = await ext.openPage('options.html');
    tabId = await helper.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]!.id!, pageUrl);
    await helper.close();
  });

  afterAll(async () => {
    await ext?.close();
    await sandbox?.close();
  });

  it('invalid quantity and low balance give clear sentences and send nothing', async () => {
    sandbox.setBalance(0.1);
    const page = await ext.openPopup(`?tab=${tabId}`);
    const tab = ordersTab(page);
    await tab.open();
    await page.getByTestId('order-service').first().waitFor();
    await page.screenshot({ path: `${SHOTS}/orders-catalogue.png`, fullPage: true });

    await tab.openService('global', 2);
    await expect(tab.field('link').inputValue()).resolves.toBe(pageUrl);
    await tab.field('quantity').fill('10');
    await tab.submit();
    await expect(tab.note().textContent()).resolves.toContain('nothing was sent');
    await expect(page.locator('#of-quantity-err').textContent()).resolves.toBe(
      'Too few: the minimum is 100.',
    );

    await tab.field('quantity').fill('1000');
    await waitFor(
      async () => (await page.getByTestId('order-charge').textContent())?.includes('$0.35'),
      'charge',
    );
    await waitFor(
      async () => (await page.getByTestId('orders-balance').textContent())?.includes('0.10'),
      'low balance',
    );
    await tab.submit();
    const low = await tab.note().textContent();
    expect(low).toContain('lower than this order');
    expect(low).toContain('$0.35');
    expect(sandbox.count('add')).toBe(0);
    await page.close();
  });

  it('order → it appears with its charge, the balance drops → progress moves → completes with a notification', async () => {
    sandbox.setBalance(25);
    const page = await ext.openPopup(`?tab=${tabId}`);
    const tab = ordersTab(page);
    await tab.open();
    await waitFor(
      async () => (await page.getByTestId('orders-balance').textContent())?.includes('25.00'),
      'balance',
    );
    // The form was kept while the popup was closed.
    await page.getByTestId('order-form').waitFor();
    await expect(tab.field('quantity').inputValue()).resolves.toBe('1000');
    await page.screenshot({ path: `${SHOTS}/orders-form.png`, fullPage: true });
    await tab.submit();

    await page.getByTestId('order-placed').waitFor();
    expect(sandbox.count('add')).toBe(1);
    const placed = sandbox.orders()[0]!;
    expect(placed).toMatchObject({
      serviceId: 2,
      quantity: 1000,
      params: { link: pageUrl, quantity: '1000' },
    });
    await expect(page.getByTestId('order-placed').locator('span').first().textContent()).resolves.toBe(
      `Order #${placed.id} placed for $0.35.`,
    );
    const card = tab.card(placed.id);
    await expect(card.textContent()).resolves.toContain('Charge $0.35');
    await expect(card.getByTestId('order-status').textContent()).resolves.toBe('Pending');
    await waitFor(
      async () => (await page.getByTestId('orders-balance').textContent())?.includes('24.65'),
      'balance drop',
    );

    sandbox.advance(2_500);
    await tab.refresh();
    const bar = card.getByTestId('order-progress');
    await waitFor(async () => Number(await bar.getAttribute('aria-valuenow')) > 0, 'progress');
    const mid = Number(await bar.getAttribute('aria-valuenow'));
    expect(mid).toBeLessThan(1000);
    await expect(card.getByTestId('order-status').textContent()).resolves.toBe('In progress');
    // The bar's width transition: screenshot once it has ended.
    await bar.evaluate((el) => {
      void getComputedStyle(el.firstElementChild ?? el).width; // starts a transition still pending
      return Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished));
    });
    await page.screenshot({ path: `${SHOTS}/orders-progress.png`, fullPage: true });

    sandbox.advance(60_000);
    await tab.refresh();
    await waitFor(async () => (await card.getAttribute('data-status')) === 'completed', 'completed');
    expect(Number(await bar.getAttribute('aria-valuenow'))).toBe(1000);
    const notes = await waitFor(async () => {
      const helper = await ext.openPage('options.html');
      const all = await helper.evaluate(() => chrome.notifications.getAll());
      await helper.close();
      return (all as Record<string, unknown>)[`order:${placed.id}`] ? all : null;
    }, 'order notification');
    expect(Object.keys(notes)).toContain(`order:${placed.id}`);
    const stored = await ext.storage<{ id: number; status: string; charge: number }[]>('orders');
    expect(stored.find((o) => o.id === placed.id)).toMatchObject({ status: 'completed', charge: 0.35 });
    await page.close();
  });

  it('an order above the set amount asks first; "Not now" sends nothing', async () => {
    const page = await ext.openPopup(`?tab=${tabId}`);
    const tab = ordersTab(page);
    await tab.open();
    await tab.openService('youtube abone', 18);
    await tab.field('quantity').fill('500'); // 12 / 1000 × 500 = $6.00 > $5 default
    await tab.submit();
    await expect(page.getByRole('alertdialog').textContent()).resolves.toContain('$6.00');
    await page.getByRole('button', { name: 'Not now' }).click();
    expect(sandbox.count('add')).toBe(1);
    await tab.submit();
    await page.getByTestId('order-confirm').click();
    await page.getByTestId('order-placed').waitFor();
    expect(sandbox.count('add')).toBe(2);
    await page.close();
  });

  it('adds an order placed elsewhere by its id; an unknown id shows the panel’s error', async () => {
    const id = await orderElsewhere(sandbox);
    const page = await ext.openPopup();
    const tab = ordersTab(page);
    await tab.open();
    await page.getByTestId('orders-view-orders').click();
    await page.getByTestId('order-add-id').fill('999999');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    const error = await page.getByTestId('order-add-error').textContent();
    expect(error).toContain('Incorrect order ID');
    await page.getByTestId('order-add-id').fill(String(id));
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await tab.card(id).waitFor();
    await expect(tab.card(id).textContent()).resolves.toContain('Added by id');
    await page.screenshot({ path: `${SHOTS}/orders-list.png`, fullPage: true });
    await page.close();
  });
});

describe('orders in Turkish, with drip-feed', () => {
  let sandbox: Sandbox;
  let ext: ExtensionHarness;

  beforeAll(async () => {
    sandbox = await startSandbox({ orderStepMs: 1000 });
    ext = await launchExtension({ lang: 'tr' });
    await ext.configure({ origin: sandbox.url, key: sandbox.key });
  });

  afterAll(async () => {
    await ext?.close();
    await sandbox?.close();
  });

  it('orders 3 runs of 100 every 10 minutes at 3 × the charge, in Turkish', async () => {
    const page = await ext.openPopup();
    const tab = ordersTab(page);
    await tab.open();
    await expect(page.getByTestId('orders-view-services').textContent()).resolves.toBe('Servisler');
    await tab.openService('takipçi gerçek', 1);
    await tab.field('link').fill('instagram.com/ayse');
    await tab.field('quantity').fill('100');
    await tab.field('runs').fill('1');
    await tab.field('interval').fill('10');
    await tab.submit();
    await expect(page.locator('#of-runs-err').textContent()).resolves.toBe(
      'Drip-feed için en az 2 tekrar gerekir.',
    );
    await tab.field('runs').fill('3');
    await waitFor(
      async () => (await page.getByTestId('order-charge').textContent())?.includes('100 × 3 tekrar = 300'),
      'drip charge',
    );
    await page.screenshot({ path: `${SHOTS}/orders-form-tr.png`, fullPage: true });
    expect(sandbox.count('add')).toBe(0);
    await tab.submit();
    await page.getByTestId('order-placed').waitFor();
    const placed = sandbox.orders()[0]!;
    expect(placed).toMatchObject({ runs: 3, interval: 10, total: 300, charge: 0.27 });
    expect(placed.params.link).toBe('https://instagram.com/ayse');
    await expect(tab.card(placed.id).getByTestId('order-status').textContent()).resolves.toBe('Beklemede');
    await expect(tab.card(placed.id).textContent()).resolves.toContain('10 dakikada bir, 3 tekrar');
    await page.close();
  });
});
