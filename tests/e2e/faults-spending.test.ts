import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Fault } from '../sandbox/server';
import { launchExtension } from './harness';
import {
  CASES,
  FaultRig,
  OTHER_SERVICE_ID,
  PAST_TIMEOUT,
  SPEND_TEXTS,
  rentData,
  type StoredRental,
} from './faults-setup';

// Faults on the panel calls that spend or refund (getNumber, cancelNumber): never sent twice, never lost.
describe('faults on rent and cancel', () => {
  let rig: FaultRig;

  beforeAll(async () => {
    rig = await FaultRig.open();
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('rent: one getNumber per click; an ambiguous failure leaves an "unknown" entry and is never re-sent', async () => {
    const { ext, sandbox } = rig;
    for (const c of [...CASES.filter((x) => x.fault.type !== 'drop'), ...SPEND_TEXTS]) {
      const before = sandbox.count('getNumber');
      sandbox.injectFault('getNumber', c.fault);
      const requestId = rig.nextId(`rent-${c.name}`);
      const reply = await ext.send('rent', rentData(requestId));
      rig.expectError(reply, c.kind, `rent, ${c.name}`);
      expect(reply.err!.mayHaveCharged, c.name).toBe(c.ambiguous);
      expect(sandbox.count('getNumber'), c.name).toBe(before + 1);
      const rentalId = await rig.rentalIdOf(requestId);
      const rental = rentalId ? (await rig.active()).find((r) => r.id === rentalId) : undefined;
      if (c.ambiguous) {
        expect(rental, c.name).toMatchObject({ state: 'unknown', error: { mayHaveCharged: true } });
        // The same click sent again (a retry storm, a reopened popup) answers the entry, not a new rent.
        expect(await ext.send('rent', rentData(requestId))).toEqual({ res: { rentalId } });
        expect(sandbox.count('getNumber'), c.name).toBe(before + 1);
        await ext.send('finishRental', { rentalId: rentalId! });
      } else {
        expect(rental, c.name).toBeUndefined();
      }
    }
    expect((await rig.active()).filter((r) => r.state === 'renting' || r.state === 'unknown')).toEqual([]);
  });

  it('rent: a getNumber whose connection drops after the panel rented reaches the panel once', async () => {
    const { sandbox } = rig;
    // A browser of its own, warmed the way real use is: balance, catalogue, and the poller's reads
    // keep keep-alive connections to the panel open. Spending calls use a connection pool of their
    // own (utils/api/http.ts), so the browser's silent re-send of a POST on a stale reused
    // connection cannot hit them. Left open: a second spending call within the browser's idle
    // socket lifetime reuses the first one's connection (README, "Known limits").
    const fresh = await launchExtension();
    try {
      await fresh.configure({ origin: sandbox.url, key: sandbox.key });
      expect(await fresh.send('getBalance')).toEqual({ res: { ok: true } });
      expect(await fresh.send('getCategories')).toEqual({ res: { ok: true } });
      expect(await fresh.send('getServices', { categoryId: 4 })).toEqual({ res: { ok: true } });
      const before = sandbox.count('getNumber');
      const numbersBefore = sandbox.numbers().length;
      sandbox.injectFault('getNumber', { type: 'drop' });
      const reply = await fresh.send('rent', rentData(rig.nextId('rent-drop')));
      sandbox.clearFaults();
      const sent = sandbox.count('getNumber') - before;
      const rented = sandbox.numbers().length - numbersBefore;
      expect({ sent, rented }).toEqual({ sent: 1, rented: 1 });
      rig.expectError(reply, 'network', 'rent, drop');
      expect(reply.err!.mayHaveCharged).toBe(true);
      const stored = (await fresh.storage<StoredRental[]>('rentals')) ?? [];
      expect(stored.map((r) => r.state)).toEqual(['unknown']);
    } finally {
      await fresh.close();
    }
  });

  it('cancel: each fault is an error or the panel’s refusal; the number stays listed and is then refunded', async () => {
    const { ext, sandbox } = rig;
    const rental = await rig.rentWaiting();
    const refusals: { name: string; fault: Fault & { type: 'panelError' } }[] = [
      { name: 'English', fault: { type: 'panelError', text: 'This number cannot be cancelled yet' } },
      { name: 'Turkish', fault: { type: 'panelError', text: 'Numara henüz iptal edilemez' } },
      { name: 'raw key', fault: { type: 'panelError', text: 'number.error.cancel_too_early' } },
    ];
    for (const c of CASES.filter((x) => x.fault.type !== 'drop')) {
      const before = sandbox.count('cancelNumber');
      sandbox.injectFault('cancelNumber', c.fault);
      rig.expectError(await ext.send('cancelRental', { rentalId: rental.id }), c.kind, `cancel, ${c.name}`);
      expect(sandbox.count('cancelNumber'), `cancel is not retried, ${c.name}`).toBe(before + 1);
      expect((await rig.find(rental.id))?.state, c.name).toBe('waiting');
      expect(sandbox.numbers().find((n) => n.id === rental.numberId)?.status).toBe('waiting');
    }
    for (const c of refusals) {
      sandbox.injectFault('cancelNumber', c.fault);
      // A refusal is an answer: the panel's words are kept on the rental and the number goes on waiting.
      expect(await ext.send('cancelRental', { rentalId: rental.id }), c.name).toEqual({ res: { ok: true } });
      expect(await rig.find(rental.id), c.name).toMatchObject({
        state: 'waiting',
        cancel: { refunded: false, message: c.fault.text },
      });
    }
    expect(await ext.send('cancelRental', { rentalId: rental.id })).toEqual({ res: { ok: true } });
    expect(await rig.find(rental.id)).toMatchObject({ state: 'cancelled', cancel: { refunded: true } });
    expect(sandbox.numbers().find((n) => n.id === rental.numberId)).toMatchObject({
      status: 'cancelled',
      refunded: true,
    });
  });

  it('cancel: a dropped cancel still ends with the number cancelled and refunded', async () => {
    const { ext, sandbox } = rig;
    const rental = await rig.rentWaiting();
    sandbox.injectFault('cancelNumber', { type: 'drop' }, 2);
    const reply = await ext.send('cancelRental', { rentalId: rental.id });
    sandbox.clearFaults();
    if (reply.err) rig.expectError(reply, 'network', 'cancel, drop');
    // The panel did cancel; the poller learns it from getMessage.
    await rig.until(rental.id, 'cancelled', 'the rental to end cancelled');
    expect(sandbox.numbers().find((n) => n.id === rental.numberId)).toMatchObject({
      status: 'cancelled',
      refunded: true,
    });
  });

  it('past the client timeout: rent is unknown and not re-sent, cancel fails cleanly, a read retries and succeeds', async () => {
    const { ext, sandbox } = rig;
    const toCancel = await rig.rentWaiting(OTHER_SERVICE_ID);
    const rentsBefore = sandbox.count('getNumber');
    const cancelsBefore = sandbox.count('cancelNumber');
    const balanceBefore = await ext.storage<{ at: number }>('balance');
    sandbox.injectFault('getNumber', PAST_TIMEOUT);
    sandbox.injectFault('cancelNumber', PAST_TIMEOUT);
    sandbox.injectFault('getBalance', PAST_TIMEOUT);
    const requestId = rig.nextId('rent-slow');
    const started = Date.now();
    const [rent, cancel, balance] = await Promise.all([
      ext.send('rent', rentData(requestId)),
      ext.send('cancelRental', { rentalId: toCancel.id }),
      ext.send('getBalance'),
    ]);
    expect(Date.now() - started).toBeGreaterThan(11_000);
    rig.expectError(rent!, 'timeout', 'rent, slow');
    expect(rent!.err!.mayHaveCharged).toBe(true);
    rig.expectError(cancel!, 'timeout', 'cancel, slow');
    expect(balance).toEqual({ res: { ok: true } });
    const stored = await ext.storage<{ numbers: { amount: number }; at: number }>('balance');
    expect(stored.numbers.amount).toEqual(expect.any(Number));
    expect(stored.at).toBeGreaterThan(balanceBefore.at);

    const rentalId = (await rig.rentalIdOf(requestId))!;
    expect(await rig.find(rentalId)).toMatchObject({
      state: 'unknown',
      error: { kind: 'timeout', mayHaveCharged: true },
    });
    expect(await ext.send('rent', rentData(requestId))).toEqual({ res: { rentalId } });
    expect(sandbox.count('getNumber')).toBe(rentsBefore + 1);
    expect(sandbox.count('cancelNumber')).toBe(cancelsBefore + 1);
    // The slow cancel did happen at the panel: the poller learns it and the number ends cancelled.
    await rig.until(toCancel.id, 'cancelled', 'the slow cancel to show');
    await ext.send('finishRental', { rentalId });
  });
});
