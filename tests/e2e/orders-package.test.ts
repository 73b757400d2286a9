// A Package order placed end to end through the popup's Orders tab, against a sandbox that checks `add`
// as the common CodeIgniter panel script does: every type but custom comments needs `quantity`.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { launchExtension, waitFor, type ExtensionHarness } from './harness';

const PACKAGE = 5;

async function openPackage(page: Page): Promise<void> {
  await page.locator('#tab-orders').click();
  await page.getByTestId('orders-view-services').click();
  if (await page.getByTestId('order-form').isVisible()) await page.getByText('Back to services').click();
  await page.getByTestId('orders-search').fill('paket');
  await page.locator(`[data-service-id="${PACKAGE}"] .oservice-main`).click();
  await page.getByTestId('order-form').waitFor();
}

describe('a Package order in real Chromium', () => {
  let sandbox: Sandbox;
  let ext: ExtensionHarness;
  let pageUrl: string;
  let tabId: number;

  beforeAll(async () => {
    sandbox = await startSandbox({ balance: 25 });
    sandbox.setOrderDialect('smart');
    ext = await launchExtension();
    await ext.configure({ origin: sandbox.url, key: sandbox.key });
    pageUrl = `${sandbox.url}/instagram/paket`;
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

  it('the panel\'s own refusal shows its words ("Quantity is required") and nothing is charged', async () => {
    sandbox.injectFault('add', { type: 'script', answer: 'quantityRequired' });
    const page = await ext.openPopup(`?tab=${tabId}`);
    await openPackage(page);
    await expect(page.getByTestId('order-field-link').inputValue()).resolves.toBe(pageUrl);
    await page.getByTestId('order-submit').click();
    await waitFor(
      async () => (await page.getByTestId('order-form').textContent())?.includes('Quantity is required'),
      "the panel's words",
    );
    expect(sandbox.count('add')).toBe(1);
    expect(sandbox.orders()).toEqual([]);
    expect(sandbox.balance()).toBe(25);
    await page.close();
  });

  it('link → place: sent with quantity 1, charged one package price, listed and stored', async () => {
    const page = await ext.openPopup(`?tab=${tabId}`);
    await openPackage(page);
    await waitFor(
      async () => (await page.getByTestId('order-charge').textContent())?.includes('$3.50'),
      'package price',
    );
    await page.getByTestId('order-submit').click();
    await page.getByTestId('order-placed').waitFor();

    expect(sandbox.count('add')).toBe(2);
    const placed = sandbox.orders()[0]!;
    expect(placed).toMatchObject({
      serviceId: PACKAGE,
      quantity: 1,
      params: { link: pageUrl, quantity: '1' },
    });
    expect(placed.charge).toBe(3.5);
    expect(sandbox.balance()).toBe(21.5);
    await expect(page.getByTestId('order-placed').locator('span').first().textContent()).resolves.toBe(
      `Order #${placed.id} placed for $3.50.`,
    );
    await page.locator(`[data-testid="order-card"][data-order-id="${placed.id}"]`).waitFor();
    const stored = await ext.storage<{ id: number; charge: number }[]>('orders');
    expect(stored?.find((o) => o.id === placed.id)).toMatchObject({ charge: 3.5 });
    await page.close();
  });
});
