// Mass orders and the CSV export in real Chromium against the sandbox panel, one browser for the file.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { launchExtension, waitFor, type ExtensionHarness } from './harness';

interface StoredBatch {
  state: string;
  lines: { state: string; orderId: number | null; line: number }[];
}

const lines = (tag: string) =>
  [1, 2, 3].map((n) => `3 | https://instagram.com/${tag}${n} | ${100 * n}`).join('\n');

describe('mass orders and CSV export (Chromium, sandbox panel)', () => {
  let sandbox: Sandbox;
  let ext: ExtensionHarness;

  /** The links of the `add` requests the sandbox received, in order. */
  const addedLinks = () => sandbox.requests.filter((r) => r.endpoint === 'add').map((r) => r.params.link);
  const batch = () => ext.storage<StoredBatch | null>('massOrder');

  /** Opens the popup's mass-order view (a previous batch is cleared by "New mass order"). */
  async function openMass(): Promise<Page> {
    const page = await ext.openPopup();
    await page.locator('#tab-orders').click();
    await page.getByTestId('orders-view-mass').click();
    await page.locator('[data-testid="mass-form"], [data-testid="mass-results"]').first().waitFor();
    return page;
  }

  /** Pastes the lines, presses Order, answers the one question. */
  async function order(page: Page, text: string) {
    await page.getByTestId('mass-text').fill(text);
    await waitFor(async () => (await page.getByTestId('mass-summary').count()) > 0, 'the total');
    await page.getByTestId('mass-submit').click();
    await page.getByTestId('mass-confirm').click();
  }

  const results = (page: Page) =>
    page
      .getByTestId('mass-result')
      .evaluateAll((els) =>
        els.map(
          (e) =>
            `${e.getAttribute('data-state')} ${e.querySelector('[data-testid="mass-result-state"]')?.textContent}`,
        ),
      );

  beforeAll(async () => {
    sandbox = await startSandbox({ orderStepMs: 1000 });
    ext = await launchExtension();
    await ext.configure({ origin: sandbox.url, key: sandbox.key });
  });
  afterAll(async () => {
    await ext?.close();
    await sandbox?.close();
  });

  it('three lines: checked, one confirmation, exactly three adds in order, each line shows its order id', async () => {
    const page = await openMass();
    // A bad line first: its error beside it, and nothing is sent.
    await page.getByTestId('mass-text').fill(`${lines('a')}\n3 | https://x.com/y | 5`);
    await page.getByTestId('mass-submit').click();
    await expect(page.getByTestId('mass-line-error').getAttribute('data-line')).resolves.toBe('4');
    await expect(page.getByTestId('mass-line-error').textContent()).resolves.toContain('minimum is 20');
    expect(addedLinks()).toEqual([]);

    await order(page, lines('a'));
    await waitFor(async () => (await batch())?.state === 'done', 'the batch to end');
    expect(addedLinks()).toEqual([
      'https://instagram.com/a1',
      'https://instagram.com/a2',
      'https://instagram.com/a3',
    ]);
    const ids = (await batch())!.lines.map((l) => l.orderId);
    await waitFor(async () => (await results(page)).every((r) => r.startsWith('placed')), 'placed lines');
    expect(await results(page)).toEqual(ids.map((id) => `placed Placed: order #${id}`));
    await page.getByTestId('mass-new').click();
    await page.getByTestId('mass-form').waitFor();
    await page.close();
  });

  it('line 2 refused by the panel: 1 placed, 2 shows the panel’s words, 3 not sent; the retry sends only 2 and 3', async () => {
    sandbox.requests.length = 0;
    sandbox.injectFault('add', { type: 'slow', ms: 10 });
    sandbox.injectFault('add', { type: 'panelError', text: 'Link format is invalid' });
    const page = await openMass();
    await order(page, lines('b'));
    await waitFor(async () => (await batch())?.state === 'stopped', 'the batch to stop');
    expect(addedLinks()).toEqual(['https://instagram.com/b1', 'https://instagram.com/b2']);
    await waitFor(
      async () => (await results(page)).length === 3 && (await page.getByTestId('mass-retry').count()) > 0,
      'retry',
    );
    const states = await results(page);
    expect(states[0]).toMatch(/^placed Placed: order #\d+/);
    expect(states.slice(1)).toEqual(['failed Refused', 'not_sent Not sent']);
    await expect(page.getByTestId('mass-result-error').textContent()).resolves.toContain(
      'Link format is invalid',
    );

    await page.getByTestId('mass-retry').click();
    await waitFor(async () => (await batch())?.state === 'done', 'the retried batch to end');
    expect(addedLinks()).toEqual([
      'https://instagram.com/b1',
      'https://instagram.com/b2',
      'https://instagram.com/b2',
      'https://instagram.com/b3',
    ]);
    await waitFor(async () => (await results(page)).every((r) => r.startsWith('placed')), 'all placed');
    await page.getByTestId('mass-new').click();
    await page.close();
  });

  it('the popup closed mid-batch: the background finishes it, nothing is sent twice, the reopened popup shows it', async () => {
    sandbox.requests.length = 0;
    sandbox.injectFault('add', { type: 'slow', ms: 800 }, 3);
    const page = await openMass();
    await order(page, lines('c'));
    await waitFor(async () => (await batch())?.lines[0]?.state === 'sending', 'the first line on its way');
    await page.close();
    await waitFor(
      async () => (await batch())?.state === 'done',
      'the batch to end with the popup closed',
      20_000,
    );
    expect(addedLinks()).toEqual([
      'https://instagram.com/c1',
      'https://instagram.com/c2',
      'https://instagram.com/c3',
    ]);

    const again = await openMass();
    await waitFor(
      async () => (await results(again)).filter((r) => r.startsWith('placed')).length === 3,
      'results',
    );
    expect(addedLinks()).toHaveLength(3);
    const orders = await ext.storage<{ id: number }[]>('orders');
    for (const l of (await batch())!.lines) expect(orders.map((o) => o.id)).toContain(l.orderId);
    await again.close();
  });

  it('options → export: the downloaded CSV files have the BOM, the headers and a row per entry', async () => {
    const page = await ext.openOptions();
    await page.evaluate(() =>
      chrome.storage.local.set({
        rentalHistory: [
          {
            id: 'h1',
            serviceId: 11,
            serviceName: 'Whatsapp Fransa',
            categoryName: 'WhatsApp',
            price: 0.5,
            currency: 'USD',
            number: '+33612345678',
            numberId: 1000,
            state: 'done',
            createdAt: Date.UTC(2026, 0, 2),
            rentedAt: Date.UTC(2026, 0, 2),
            expiresAt: null,
            endedAt: null,
            codes: [{ code: '=1+2', at: 0, seen: true }],
            site: null,
            tabId: null,
            cancel: null,
            error: null,
            nextPollAt: 0,
            failures: 0,
          },
        ],
      }),
    );
    const download = async (what: string) => {
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId(`export-${what}`).click(),
      ]);
      expect(file.suggestedFilename()).toMatch(new RegExp(`^sms-panel-${what}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
      return readFile((await file.path())!);
    };
    const numbers = await download('numbers');
    expect([...numbers.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const numberRows = numbers.toString('utf8').slice(1).split('\r\n');
    expect(numberRows[0]).toBe('Date,Service,Country,Number,Code,Price,Status');
    expect(numberRows[1]).toMatch(
      /^2026-01-0[12]T\d\d:00:00[+-]\d\d:\d\d,Whatsapp Fransa,Fransa,'\+33612345678,'=1\+2,0\.5,/,
    );

    const orders = await download('orders');
    expect([...orders.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const orderRows = orders.toString('utf8').slice(1).split('\r\n').filter(Boolean);
    expect(orderRows[0]).toBe('Date,Service,Link,Quantity,Charge,Status,Order ID');
    expect(orderRows).toHaveLength(1 + (await ext.storage<unknown[]>('orders')).length);
    await page.close();
  });
});
