import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Fault } from '../sandbox/server';
import { waitFor } from './harness';
import {
  CASES,
  FaultRig,
  OTHER_SERVICE_ID,
  READ_TEXTS,
  SERVICE,
  SPEND_TEXTS,
  rentData,
} from './faults-setup';
import { PopupPage } from './pages/popup';

// Faults while numbers wait: the poller under panel faults, the worker stopped mid-call, a closed popup,
// a browser restart. Nothing is lost, nothing spent twice.
describe('faults while numbers wait', () => {
  let rig: FaultRig;

  beforeAll(async () => {
    rig = await FaultRig.open();
  });
  afterAll(async () => {
    await rig?.close();
  });

  /**
   * A message the worker was killed in the middle of, as the client delivers it: a coded
   * MessageError (the browser's own English text never reaches the page).
   */
  const LOST = { err: { name: 'MessageError', code: 'no_answer' } };

  it('the poller rides out every fault on getMessage, loses no number, and gets the codes after', async () => {
    const { ext, sandbox } = rig;
    const waiting = [
      await rig.rentWaiting(),
      await rig.rentWaiting(OTHER_SERVICE_ID),
      await rig.rentWaiting(),
    ];
    const faulted = () => sandbox.requests.filter((r) => r.endpoint === 'getMessage' && r.fault).length;
    const before = faulted();
    // A short Retry-After here: the poller honours it, and a minute's pause would outlast the test.
    const cases = [
      ...CASES.map((c) =>
        c.fault.type === 'rateLimit' ? { ...c, fault: { type: 'rateLimit', retryAfterSec: 2 } as Fault } : c,
      ),
      ...READ_TEXTS.slice(0, 1),
      ...SPEND_TEXTS.slice(1, 2),
    ];
    for (const c of cases) sandbox.injectFault('getMessage', c.fault);
    await waitFor(
      async () => faulted() - before >= cases.length,
      'every getMessage fault to be served',
      30_000,
      200,
    );
    const during = await rig.active();
    for (const r of waiting) expect(during.find((x) => x.id === r.id)?.state).toBe('waiting');
    expect(during.some((r) => waiting.some((w) => w.id === r.id) && r.failures > 0)).toBe(true);

    const codes = waiting.map((r, i) => {
      const code = String(604310 + i);
      sandbox.deliverCode(r.numberId!, code);
      return code;
    });
    const after = await waitFor(
      async () => {
        const list = await rig.active();
        const got = waiting.map((w) => list.find((r) => r.id === w.id));
        return got.every((r) => r?.codes.length) ? got : null;
      },
      'every code after the faults',
      20_000,
      200,
    );
    expect(after.map((r) => r!.codes[0]!.code)).toEqual(codes);
    expect(after.map((r) => r!.failures)).toEqual([0, 0, 0]);
    for (const r of waiting) await ext.send('finishRental', { rentalId: r.id });
  });

  it('the worker stopped in the middle of a rent: the rental becomes unknown and getNumber is never re-sent', async () => {
    const { ext, sandbox } = rig;
    const rentsOf = (serviceId: number) =>
      sandbox.requests.filter((r) => r.endpoint === 'getNumber' && r.params.service_id === String(serviceId))
        .length;
    const before = rentsOf(SERVICE.id);
    sandbox.injectFault('getNumber', { type: 'slow', ms: 4_000 });
    const requestId = rig.nextId('rent-stop');
    const pending = ext.send('rent', rentData(requestId));
    const rentalId = await waitFor(() => rig.rentalIdOf(requestId), 'the rent to be stored');
    await waitFor(() => rentsOf(SERVICE.id) === before + 1, 'getNumber to reach the panel');
    expect((await rig.find(rentalId))?.state).toBe('renting');
    await ext.stopWorker();
    expect(await pending).toMatchObject(LOST);
    await rig.wakeWorker();
    const rental = await rig.until(rentalId, 'unknown', 'the cut-off rent to show as unknown');
    expect(rental.error).toMatchObject({ mayHaveCharged: true });
    // The same click sent again answers the entry.
    expect(await ext.send('rent', rentData(requestId))).toEqual({ res: { rentalId } });
    // Two poll rounds of another number after the wake-up: recovery and the re-sent click are behind us.
    const other = await rig.rentWaiting(OTHER_SERVICE_ID);
    const polled = rig.polls(other.numberId!);
    await waitFor(() => rig.polls(other.numberId!) >= polled + 2, 'two more poll rounds', 15_000);
    expect(rentsOf(SERVICE.id)).toBe(before + 1);
    await ext.send('finishRental', { rentalId });
    await ext.send('cancelRental', { rentalId: other.id });
  });

  it('the worker stopped in the middle of a poll: polling resumes and the code arrives', async () => {
    const { ext, sandbox } = rig;
    const rental = await rig.rentWaiting();
    const slowPolls = () =>
      sandbox.requests.filter((r) => r.endpoint === 'getMessage' && r.fault === 'slow').length;
    const before = slowPolls();
    sandbox.injectFault('getMessage', { type: 'slow', ms: 4_000 });
    await waitFor(() => slowPolls() > before, 'a getMessage to hang', 10_000);
    await ext.stopWorker();
    sandbox.deliverCode(rental.numberId!, '271828');
    await rig.wakeWorker();
    const got = await waitFor(
      async () => (await rig.find(rental.id))?.codes[0]?.code,
      'the code after the restart',
      15_000,
    );
    expect(got).toBe('271828');
    expect((await rig.find(rental.id))?.state).toBe('received');
    await ext.send('finishRental', { rentalId: rental.id });
  });

  it('the worker stopped in the middle of a cancel: the number is not lost, the cancel is not re-sent, it ends cancelled', async () => {
    const { ext, sandbox } = rig;
    const rental = await rig.rentWaiting();
    const before = sandbox.count('cancelNumber');
    sandbox.injectFault('cancelNumber', { type: 'slow', ms: 4_000 });
    const pending = ext.send('cancelRental', { rentalId: rental.id });
    await rig.until(rental.id, 'cancelling', 'the cancel to be stored');
    await waitFor(() => sandbox.count('cancelNumber') === before + 1, 'cancelNumber to reach the panel');
    await ext.stopWorker();
    expect(await pending).toMatchObject(LOST);
    await rig.wakeWorker();
    await rig.until(rental.id, 'cancelled', 'the rental to end cancelled');
    expect(sandbox.count('cancelNumber')).toBe(before + 1);
    expect(sandbox.numbers().find((n) => n.id === rental.numberId)).toMatchObject({
      status: 'cancelled',
      refunded: true,
    });
  });

  it('a popup closed in the middle of a rent: the rental completes in storage, rented once', async () => {
    const { ext, sandbox } = rig;
    await ext.send('getServices', { categoryId: 4 });
    const before = sandbox.count('getNumber');
    const known = new Set((await rig.active()).map((r) => r.id));
    sandbox.injectFault('getNumber', { type: 'slow', ms: 2_500 });
    const popup = await PopupPage.open(ext);
    await popup.openCategory(SERVICE.category);
    await popup.rentButton(SERVICE.name).click();
    await waitFor(
      async () => (await rig.active()).some((r) => !known.has(r.id) && r.state === 'renting'),
      'the rent to start',
    );
    await popup.page.close();
    const rental = await waitFor(
      async () => (await rig.active()).find((r) => !known.has(r.id) && r.state === 'waiting' && r.number),
      'the rental to complete after the popup closed',
      10_000,
    );
    expect(sandbox.count('getNumber')).toBe(before + 1);
    await ext.send('cancelRental', { rentalId: rental.id });
  });

  it('a browser restart with numbers waiting: they are still there and their codes arrive', async () => {
    const waiting = [await rig.rentWaiting(), await rig.rentWaiting(OTHER_SERVICE_ID)];
    await rig.restart();
    const list = await rig.active();
    for (const r of waiting) expect(list.find((x) => x.id === r.id)?.state).toBe('waiting');
    for (const r of waiting) rig.sandbox.deliverCode(r.numberId!);
    await waitFor(
      async () => {
        const now = await rig.active();
        return waiting.every((w) => now.find((r) => r.id === w.id)?.codes.length);
      },
      'both codes after the restart',
      40_000,
      250,
    );
  });
});
