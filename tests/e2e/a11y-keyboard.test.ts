import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { launchExtension, waitFor, type ExtensionHarness } from './harness';
import { PopupPage } from './pages/popup';
import { openTab, startSite, type TestSite } from './pages/sites';

// The main journey from the keyboard alone: Tab to a category, Enter opens it; Tab to a service's
// rent button, Enter rents; the code arrives; Tab to Copy, Enter copies; Tab to Fill, Enter fills.

/** Presses Tab until `target` has the focus; answers how many presses it took. Fails after `max`. */
async function tabTo(page: Page, target: Locator, what: string, max = 80): Promise<number> {
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return presses;
  }
  const focused = await page.evaluate(() => {
    const el = document.activeElement;
    return el ? `<${el.tagName.toLowerCase()} class="${el.className}">${el.textContent?.slice(0, 60)}` : null;
  });
  throw new Error(`Tab never reached ${what} in ${max} presses (focus on: ${focused})`);
}

interface StoredRental {
  serviceName: string;
  numberId: number | null;
}

describe('keyboard: the main journey without a mouse', () => {
  let sandbox: Sandbox;
  let site: TestSite;
  let ext: ExtensionHarness;

  beforeAll(async () => {
    sandbox = await startSandbox({ codeDelayMs: 60 * 60_000 });
    site = await startSite();
    ext = await launchExtension();
    await ext.configure({ origin: sandbox.url, key: sandbox.key });
    await ext.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  });
  afterAll(async () => {
    await ext?.close();
    await site?.close();
    await sandbox?.close();
  });

  it('Tab to a service, Enter rents, Tab to Copy and to Fill, Enter on each', async () => {
    const signup = await openTab(ext, `${site.origin}/`);
    const popup = await PopupPage.open(ext, `?tab=${signup.tabId}`);
    const page = popup.page;
    await page.locator('.category').first().waitFor();

    await tabTo(page, popup.category('WhatsApp'), 'the WhatsApp category');
    await page.keyboard.press('Enter');
    await popup.rentButton('Whatsapp Fransa').waitFor();
    await tabTo(page, popup.rentButton('Whatsapp Fransa'), 'the rent button of Whatsapp Fransa');
    const rentsBefore = sandbox.count('getNumber');
    await page.keyboard.press('Enter');
    await popup.numberOf('Whatsapp Fransa').waitFor();
    expect(sandbox.count('getNumber')).toBe(rentsBefore + 1);

    const rental = await waitFor(async () => {
      const all = (await ext.storage<StoredRental[]>('rentals')) ?? [];
      return all.find((r) => r.serviceName === 'Whatsapp Fransa' && r.numberId !== null) ?? null;
    }, 'the rented number');
    sandbox.deliverCode(rental.numberId!, '604218');
    await popup.codeOf('Whatsapp Fransa').waitFor();

    const copy = popup.rental('Whatsapp Fransa').locator('.code-box .btn-primary');
    const fill = popup.rental('Whatsapp Fransa').locator('.code-box .btn:not(.btn-primary)');
    await tabTo(page, copy, 'Copy');
    await page.keyboard.press('Enter');
    await waitFor(
      async () => (await page.evaluate(() => navigator.clipboard.readText())) === '604218',
      'the code on the clipboard',
    );
    // Fill comes right after Copy in the focus order.
    expect(await tabTo(page, fill, 'Fill', 1)).toBe(1);
    await page.keyboard.press('Enter');
    await waitFor(
      async () => (await signup.page.locator('#code').inputValue()) === '604218',
      'the code in the page',
    );
    await page.close();
    await signup.page.close();
  });
});
