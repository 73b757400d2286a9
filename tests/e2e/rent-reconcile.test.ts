import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, waitFor } from './harness';
import { FaultRig, rentData, type StoredRental } from './faults-setup';

/** The balance check a rental carries (utils/rentals/reconcile.ts). */
type Checked = StoredRental & { money?: { verdict: string; charged: number | null } };

// Every rent is reconciled with the balance: a lost answer says whether it was charged, a double
// charge is named, and the rent is still never sent again by the extension.
describe('rent reconciled with the balance', () => {
  let rig: FaultRig;

  beforeAll(async () => {
    rig = await FaultRig.open();
  });
  afterAll(async () => {
    await rig?.close();
  });

  /** Waits until the rental made by that click carries its balance check. */
  const checked = async (requestId: string): Promise<Checked> =>
    waitFor(async () => {
      const id = await rig.rentalIdOf(requestId);
      const r = id ? ((await rig.find(id)) as Checked | undefined) : undefined;
      return r?.money ? r : null;
    }, `the balance check of ${requestId}`);

  /** The sentence the popup shows on that rental's card. */
  const cardSays = async (rentalId: string): Promise<string> => {
    const popup = await rig.ext.openPopup();
    try {
      const card = popup.getByTestId('rental').filter({ has: popup.locator(`#rental-${rentalId}-title`) });
      const text = await card.getByTestId('rental-money').textContent({ timeout: 10_000 });
      return text ?? '';
    } finally {
      await popup.close();
    }
  };

  // First in the file: the browser's spending connection pool is still empty, so the drop is seen.
  it('a dropped getNumber the panel charged: "You were charged 0.10"', async () => {
    const { ext, sandbox } = rig;
    const before = sandbox.count('getNumber');
    sandbox.injectFault('getNumber', { type: 'drop' });
    const requestId = rig.nextId('lost-charged');
    const reply = await ext.send('rent', rentData(requestId));
    rig.expectError(reply, 'network', 'rent, drop after charge');
    const rental = await checked(requestId);
    expect(rental).toMatchObject({ state: 'unknown', money: { verdict: 'charged', charged: 0.1 } });
    expect(sandbox.count('getNumber')).toBe(before + 1);
    expect(await cardSays(rental.id)).toMatch(
      /^You were charged .*0[.,]10.* — the number could not be read; the panel's support can see it\.$/,
    );
    await ext.send('finishRental', { rentalId: rental.id });
  });

  it('a dropped getNumber the panel did not charge: "You were not charged — it is safe to try again"', async () => {
    const { ext, sandbox } = rig;
    const before = sandbox.count('getNumber');
    const balance = sandbox.balance();
    sandbox.injectMoneyFault('drop-before-charge');
    const requestId = rig.nextId('lost-free');
    const reply = await ext.send('rent', rentData(requestId));
    rig.expectError(reply, 'network', 'rent, drop before charge');
    const rental = await checked(requestId);
    expect(rental).toMatchObject({ state: 'unknown', money: { verdict: 'not_charged', charged: 0 } });
    expect(sandbox.balance()).toBe(balance);
    // Still never sent again by the extension: the person decides.
    expect(sandbox.count('getNumber')).toBe(before + 1);
    expect(await cardSays(rental.id)).toBe('You were not charged — it is safe to try again.');
    await ext.send('finishRental', { rentalId: rental.id });
  });

  it('one request, two numbers charged: the rental names the double charge', async () => {
    const { ext, sandbox } = rig;
    const numbersBefore = sandbox.numbers().length;
    sandbox.injectMoneyFault('double-charge');
    const requestId = rig.nextId('double');
    const reply = await ext.send('rent', rentData(requestId));
    expect(reply.err).toBeUndefined();
    const rental = await checked(requestId);
    expect(sandbox.numbers().length - numbersBefore).toBe(2);
    expect(rental).toMatchObject({ state: 'waiting', money: { verdict: 'twice', charged: 0.2 } });
    expect(await cardSays(rental.id)).toMatch(
      /^Charged twice \(.*0[.,]20.*\) — the panel rented a second number the extension cannot see; ask the panel's support for a refund\.$/,
    );
    await ext.send('cancelRental', { rentalId: rental.id });
  });

  it('a normal rent is checked too, and shows nothing but its number', async () => {
    const { ext } = rig;
    const requestId = rig.nextId('normal');
    expect((await ext.send('rent', rentData(requestId))).err).toBeUndefined();
    const rental = await checked(requestId);
    expect(rental).toMatchObject({ state: 'waiting', money: { verdict: 'once', charged: 0.1 } });
    await ext.send('cancelRental', { rentalId: rental.id });
  });

  it('a drop after charging on a reused spending connection is not re-sent by the browser', async () => {
    const { sandbox } = rig;
    // A browser of its own whose spending pool already served a rent: without Connection: close
    // (entrypoints/background/spendGuard.ts) Chromium re-sends the dropped POST and rents twice.
    const fresh = await launchExtension();
    try {
      await fresh.configure({ origin: sandbox.url, key: sandbox.key });
      const data = (id: string) => ({ ...rentData(id, 42), price: 0.2 });
      expect((await fresh.send('rent', data(rig.nextId('warm')))).err).toBeUndefined();
      const before = sandbox.count('getNumber');
      const numbersBefore = sandbox.numbers().length;
      sandbox.injectFault('getNumber', { type: 'drop' });
      const requestId = rig.nextId('reused-drop');
      const reply = await fresh.send('rent', data(requestId));
      sandbox.clearFaults();
      const sent = sandbox.count('getNumber') - before;
      const rented = sandbox.numbers().length - numbersBefore;
      expect({ sent, rented }).toEqual({ sent: 1, rented: 1 });
      rig.expectError(reply, 'network', 'rent, drop on a reused connection');
      const rentalId = (await fresh.storage<Record<string, string>>('rentRequests'))[requestId];
      const rental = await waitFor(async () => {
        const r = ((await fresh.storage<Checked[]>('rentals')) ?? []).find((x) => x.id === rentalId);
        return r?.money ? r : null;
      }, 'the balance check of the dropped rent');
      expect(rental).toMatchObject({ state: 'unknown', money: { verdict: 'charged', charged: 0.2 } });
    } finally {
      await fresh.close();
    }
  });
});
