import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { launchExtension, waitFor, type ExtensionHarness } from './harness';
import { PopupPage } from './pages/popup';

// Another number when no code comes, and 1 s polling while the popup is open: real Chromium, the
// e2e build, the sandbox panel (codes come only when a test delivers them). One browser for the file.

/** Telegram Endonezya: cheap and deep in stock. */
const SERVICE = { serviceId: 41, serviceName: 'Telegram Endonezya', categoryName: 'Telegram', price: 0.1 };

interface StoredRental {
  id: string;
  state: string;
  number: string | null;
  numberId: number | null;
}

describe('another number when no code comes; faster while the popup watches', () => {
  let sandbox: Sandbox;
  let ext: ExtensionHarness;
  let seq = 0;

  beforeAll(async () => {
    sandbox = await startSandbox({ codeDelayMs: Number.POSITIVE_INFINITY });
    ext = await launchExtension();
    await ext.configure({ origin: sandbox.url, key: sandbox.key });
  });
  afterAll(async () => {
    await ext?.close();
    await sandbox?.close();
  });

  const rentals = async () => (await ext.storage<StoredRental[]>('rentals')) ?? [];
  const rent = async (): Promise<StoredRental> => {
    const reply = await ext.send('rent', { ...SERVICE, requestId: `e2e-again-${++seq}` });
    const { rentalId } = reply.res as { rentalId: string };
    return (await rentals()).find((r) => r.id === rentalId)!;
  };
  const count = (endpoint: 'getNumber' | 'cancelNumber', numberId?: number) =>
    sandbox.requests.filter(
      (r) => r.endpoint === endpoint && (numberId === undefined || r.params.number_id === String(numberId)),
    ).length;
  /** The card whose big number is this one. */
  const card = (popup: PopupPage, number: string): Locator =>
    popup.page
      .getByTestId('rental')
      .filter({ has: popup.page.getByTestId('phone-number').filter({ hasText: number.slice(-6) }) });
  /** Finishes every live number so the next test starts from an empty list. */
  const clearList = async () => {
    for (const r of await rentals()) await ext.send('finishRental', { rentalId: r.id });
  };

  it('a number whose window closed without a code → Rent another → one getNumber, the new number shows', async () => {
    const old = await rent();
    sandbox.advance(21 * 60_000); // the panel's window closes: getMessage answers -1
    await waitFor(
      async () => (await rentals()).find((r) => r.id === old.id && r.state !== 'waiting'),
      'the end',
    );
    const popup = await PopupPage.open(ext);
    const before = count('getNumber');
    await card(popup, old.number!).getByRole('button', { name: 'Rent another' }).click();
    const fresh = await waitFor(
      async () => (await rentals()).find((r) => r.id !== old.id && r.state === 'waiting' && r.number),
      'the new number',
    );
    await card(popup, fresh.number!).getByTestId('phone-number').waitFor();
    expect(count('getNumber') - before).toBe(1);
    expect(sandbox.requests.filter((r) => r.endpoint === 'getNumber').at(-1)!.params.service_id).toBe('41');
    await popup.page.close();
    await clearList();
  });

  it('Cancel and rent another on a waiting number: one cancelNumber, one getNumber, the new number shows', async () => {
    const old = await rent();
    const popup = await PopupPage.open(ext);
    const before = count('getNumber');
    await card(popup, old.number!).getByRole('button', { name: 'Cancel and rent another' }).click();
    const again = card(popup, old.number!).getByTestId('rental-again');
    await again.waitFor();
    const fresh = (await rentals()).find((r) => r.id !== old.id && r.state === 'waiting')!;
    expect(await again.textContent()).toBe(
      `Cancelled and refunded — a new number was rented: ${fresh.number}`,
    );
    await card(popup, fresh.number!).getByTestId('phone-number').waitFor();
    expect([count('cancelNumber', old.numberId!), count('getNumber') - before]).toEqual([1, 1]);
    await popup.page.close();
    await clearList();
  });

  it('a refused cancel: the sentence with the time, no getNumber; the button comes back when the time has passed', async () => {
    sandbox.refuseCancelsFor(4_000);
    try {
      const old = await rent();
      const popup = await PopupPage.open(ext);
      const before = count('getNumber');
      const button = card(popup, old.number!).getByRole('button', { name: 'Cancel and rent another' });
      await button.click();
      const retry = card(popup, old.number!).getByTestId('cancel-retry');
      await retry.waitFor();
      expect(await retry.textContent()).toMatch(/^You can cancel at \d\d:\d\d.* — in 0:0\d\.$/);
      expect(await card(popup, old.number!).textContent()).toContain('ilk 4 saniye içinde iptal edilemez');
      expect(await button.isDisabled()).toBe(true);
      expect([count('cancelNumber', old.numberId!), count('getNumber') - before]).toEqual([1, 0]);
      await popup.screenshot('rent-again-refused');
      // The time passes: the sentence goes and the button is enabled again; now the panel accepts.
      await retry.waitFor({ state: 'detached', timeout: 10_000 });
      await expect.poll(() => button.isEnabled()).toBe(true);
      await button.click();
      await card(popup, old.number!).getByTestId('rental-again').filter({ hasText: 'new number' }).waitFor();
      expect([count('cancelNumber', old.numberId!), count('getNumber') - before]).toEqual([2, 1]);
      await popup.page.close();
    } finally {
      sandbox.refuseCancelsFor(null);
      await clearList();
    }
  });

  it('with the popup open a waiting number is polled every second and its code shows within ~1 s; closed, the normal pace', async () => {
    const a = await rent();
    const b = await rent();
    const polls = (numberId: number) =>
      sandbox.requests
        .filter((r) => r.endpoint === 'getMessage' && r.params.number_id === String(numberId))
        .map((r) => r.at);
    const gaps = (at: number[]) => at.slice(1).map((t, i) => t - at[i]!);
    await waitFor(() => polls(b.numberId!).length >= 1, 'the first poll');

    const popup = await PopupPage.open(ext);
    const opened = polls(b.numberId!).length;
    await waitFor(() => polls(b.numberId!).length >= opened + 4, 'four polls with the popup open');
    const watched = gaps(polls(b.numberId!).slice(opened));
    expect(
      watched.every((g) => g >= 800 && g <= 1_500),
      `gaps with the popup open: ${watched}`,
    ).toBe(true);

    const t0 = Date.now();
    sandbox.deliverCode(a.numberId!, '314159');
    await card(popup, a.number!).getByTestId('code').filter({ hasText: '314159' }).waitFor();
    const toScreen = Date.now() - t0;
    expect(toScreen, 'code to screen with the popup open').toBeLessThan(2_000);

    await popup.page.close();
    const closed = polls(b.numberId!).length;
    await waitFor(() => polls(b.numberId!).length >= closed + 3, 'three polls with the popup closed', 15_000);
    // After the poll already planned at the fast pace, the setting's 3 s (± 15%).
    const after = gaps(polls(b.numberId!).slice(closed + 1));
    expect(
      after.every((g) => g >= 2_400),
      `gaps after closing: ${after}`,
    ).toBe(true);
    await clearList();
  });
});
