import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { launchExtension, type ExtensionHarness } from './harness';
import { PopupPage } from './pages/popup';

// The numbers catalogue at scale in real Chromium: a 150-service category on a panel 150 ms away.

const BIG = 'Telegram Global';
const priced = '[data-testid=service-row] .btn-rent:not([disabled])';

describe('popup: a big category on a slow panel', () => {
  let sandbox: Sandbox;
  let ext: ExtensionHarness;

  beforeAll(async () => {
    sandbox = await startSandbox({
      codeDelayMs: Number.POSITIVE_INFINITY,
      latencyMs: 150,
      bigCategory: true,
    });
    ext = await launchExtension();
  });
  afterAll(async () => {
    await ext?.close();
    await sandbox?.close();
  });

  /** A fresh popup over an empty catalogue cache, on the categories screen. */
  async function freshPopup(): Promise<PopupPage> {
    await ext.configure({ origin: sandbox.url, key: sandbox.key }); // also forgets the cached catalogue
    const popup = await PopupPage.open(ext);
    await popup.search(''); // the draft may remember the last search
    await popup.showCategories();
    return popup;
  }

  it('the first screen finds a service of a category never opened, and rents it in one click', async () => {
    const popup = await freshPopup();
    await popup.search('telegram endonezya');
    // The names come from the index the popup asked for when it opened; the price when the row shows.
    const rent = popup.rentButton('Telegram Endonezya');
    await rent.waitFor({ timeout: 20_000 });
    await expect.poll(() => rent.textContent(), { timeout: 20_000 }).toMatch(/^Rent · .*0\.10/);
    expect(
      sandbox.requests.some((r) => r.endpoint === 'getServices' && String(r.params?.category_id) === '4'),
    ).toBe(true);
    const rents = sandbox.count('getNumber');
    await rent.click();
    await popup.numberOf('Telegram Endonezya').waitFor({ timeout: 15_000 });
    expect(sandbox.count('getNumber')).toBe(rents + 1);
    await popup.page.close();
  });

  it('names come first, prices fill in, and rows do not move while they arrive', async () => {
    const popup = await freshPopup();
    const { page } = popup;
    await popup.category(BIG).click();
    await page.getByTestId('service-row').first().waitFor();
    const pricedAtFirst = await page.locator(priced).count();
    const rows = await page.getByTestId('service-row').count();
    expect(rows).toBe(150);
    expect(pricedAtFirst).toBeLessThan(rows); // names before all prices
    const names = await popup.serviceNames();
    const tops = async () =>
      page.$$eval('[data-testid=service-row]', (els) =>
        els.slice(0, 12).map((e) => e.getBoundingClientRect().top),
      );
    const topsBefore = await tops();
    // While the category loads ("Refreshing…"), more prices arrive and nothing moves.
    await page.waitForFunction(
      ({ sel, n }) => document.querySelectorAll(sel).length > n,
      { sel: priced, n: pricedAtFirst },
      { polling: 20 },
    );
    const loading = await page.getByText('Refreshing…').isVisible();
    expect(await popup.serviceNames()).toEqual(names);
    expect(await tops()).toEqual(topsBefore);
    expect(loading).toBe(true);
    // When the load ends the rows are sorted by price.
    await page.getByText('Refreshing…').waitFor({ state: 'detached', timeout: 30_000 });
    const prices = await page.$$eval(priced, (els) =>
      els.map((e) => Number((e.textContent ?? '').replace(/[^\d.]/g, ''))),
    );
    expect(prices.length).toBeGreaterThan(100);
    expect(prices.slice(0, 20)).toEqual([...prices.slice(0, 20)].sort((a, b) => a - b));
    await page.close();
  });

  it('a 429 storm during the load says some prices come later; priced rows still rent', async () => {
    const popup = await freshPopup();
    const { page } = popup;
    await popup.category(BIG).click();
    await page.waitForFunction((sel) => document.querySelectorAll(sel).length > 0, priced, { polling: 10 });
    sandbox.injectFault('getServiceDetails', { type: 'rateLimit', retryAfterSec: 0 }, 100_000);
    // Rows further down are asked for first when they come into view; their answers are 429s.
    await page.locator('[data-testid=service-row]').last().scrollIntoViewIfNeeded();
    const sentence = page.getByText('The panel is limiting requests; some prices will come later.');
    await sentence.waitFor({ timeout: 60_000 });
    expect(await page.getByRole('button', { name: 'Try again' }).count()).toBeGreaterThan(0);
    sandbox.clearFaults();
    const rent = page.locator(priced).first();
    const service = await rent.evaluate((b) => b.closest('li')!.querySelector('.service-name')!.textContent!);
    const rents = sandbox.count('getNumber');
    await rent.click();
    await popup.numberOf(service).waitFor({ timeout: 15_000 });
    expect(sandbox.count('getNumber')).toBe(rents + 1);
    await page.close();
  });
});
