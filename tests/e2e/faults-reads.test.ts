import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from './harness';
import { CASES, FaultRig, READ_TEXTS, SERVICE } from './faults-setup';
import { PopupPage } from './pages/popup';

// Faults on the panel calls that only read (balance, catalogue), in real Chromium against the sandbox.
describe('faults on reads', () => {
  let rig: FaultRig;

  beforeAll(async () => {
    rig = await FaultRig.open();
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('reads (balance, categories, services): every fault is an error of the right kind; caches survive', async () => {
    const { ext, sandbox } = rig;
    const balanceBefore = await ext.storage<{ numbers: unknown; at: number }>('balance');
    for (const c of [...CASES, ...READ_TEXTS]) {
      // Enough faults for the client's retries and for Chromium's own replay of a dropped request.
      rig.inject(['getBalance', 'balance', 'getCategories', 'getServices'], c.fault, 10);
      const [balance, categories, services] = await Promise.all([
        ext.send('getBalance'),
        ext.send('getCategories'),
        ext.send('getServices', { categoryId: 4 }),
      ]);
      sandbox.clearFaults();
      rig.expectError(balance, c.kind, `getBalance, ${c.name}`);
      rig.expectError(categories, c.kind, `getCategories, ${c.name}`);
      rig.expectError(services, c.kind, `getServices, ${c.name}`);
    }
    // Nothing cached was wiped by a failure, and the next call works.
    expect(await ext.storage('balance')).toMatchObject({ numbers: balanceBefore.numbers });
    const catalog = await ext.storage<{ categories: unknown[]; services: Record<string, unknown> }>(
      'numbersCatalog',
    );
    expect(catalog.categories.length).toBeGreaterThan(0);
    expect(catalog.services['4']).toBeTruthy();
    expect(await ext.send('getBalance')).toEqual({ res: { ok: true } });
    const after = await ext.storage<{ numbers: { amount: number }; at: number }>('balance');
    expect(after.numbers.amount).toEqual(expect.any(Number));
    expect(after.at).toBeGreaterThan(balanceBefore.at);
  });

  it('the popup shows a sentence, not a blank or a spinner, when the balance, the catalogue or a rent fails', async () => {
    const { ext, sandbox } = rig;
    const unknownBefore = new Set((await rig.active()).filter((r) => r.state === 'unknown').map((r) => r.id));
    // No cached catalogue and the category list in view, so it has only the error to show.
    await rig.page.evaluate(() => chrome.storage.local.remove(['numbersCatalog', 'popupDraft']));
    rig.inject(['getBalance', 'balance'], { type: 'http500' }, 10);
    rig.inject(['getCategories'], { type: 'malformed' }, 10);
    const popupPage = await PopupPage.open(ext);
    const popup = popupPage.page;
    const balanceAlert = popup.locator('header [role="alert"]');
    await balanceAlert.waitFor({ timeout: 10_000 });
    expect((await balanceAlert.textContent())!.trim().length).toBeGreaterThan(20);
    const categoriesAlert = popup.locator('section[aria-labelledby="rent-title"] [role="alert"]');
    await categoriesAlert.waitFor({ timeout: 10_000 });
    expect((await categoriesAlert.textContent())!.trim().length).toBeGreaterThan(20);
    expect(await popup.locator('[aria-busy="true"]').count()).toBe(0);
    sandbox.clearFaults();
    await categoriesAlert.getByRole('button').click();
    await popupPage.openCategory(SERVICE.category);

    sandbox.injectFault('getNumber', { type: 'http502' });
    const rentButton = popupPage.rentButton(SERVICE.name);
    await rentButton.click();
    const card = popup.getByTestId('rental').filter({ has: popup.locator('[role="alert"]') });
    await card.first().waitFor({ timeout: 10_000 });
    expect((await card.first().locator('[role="alert"]').textContent())!.trim().length).toBeGreaterThan(20);
    await waitFor(
      async () => (await rentButton.getAttribute('aria-busy')) !== 'true',
      'the rent button to settle',
    );
    const unknown = (await rig.active()).filter((r) => r.state === 'unknown' && !unknownBefore.has(r.id));
    expect(unknown).toHaveLength(1);
    expect(await ext.send('finishRental', { rentalId: unknown[0]!.id })).toEqual({ res: { ok: true } });
    await popup.close();
  });
});
