import { describe, expect, it, vi } from 'vitest';
import { PanelError } from '../../../utils/api/errors';
import type { MessageResult } from '../../../utils/api/numbers/types';
import { AUTO_CANCEL_LEAD_MS, rented, startRental } from '../../../utils/rentals/machine';
import { AFTER_CODE_POLL_MS, createPoller, MAX_BACKOFF_MS, nextDelay } from '../../../utils/rentals/poller';
import { createRentalStore } from '../../../utils/rentals/store';
import type { Rental } from '../../../utils/rentals/types';
import { fakeItem } from '../../fakes/storage';
import { manualClock, request, settings } from './fixtures';

function setup(
  opts: { autoCancel?: boolean; answers?: (id: number, call: number) => MessageResult | Error } = {},
) {
  const clock = manualClock();
  const active = fakeItem<Rental[]>('activeRentals', []);
  const store = createRentalStore({
    active,
    history: fakeItem<Rental[]>('rentalHistory', []),
    historyLimit: 10,
  });
  const calls: number[] = [];
  const answers = opts.answers ?? ((id) => ({ numberId: id, state: 'waiting', code: null }) as MessageResult);
  const api = {
    getMessage: vi.fn(async (id: number) => {
      calls.push(id);
      const a = answers(id, calls.filter((c) => c === id).length);
      if (a instanceof Error) throw a;
      return a;
    }),
  };
  const onCode = vi.fn();
  const autoCancel = vi.fn(async (_r: Rental) => undefined);
  const onBusy = vi.fn();
  const poller = createPoller({
    store,
    api: async () => api,
    settings: settings({ autoCancel: opts.autoCancel ?? true, pollIntervalSec: 3 }),
    clock,
    random: () => 0.5,
    onCode,
    autoCancel,
    onBusy,
  });
  const addWaiting = async (id: string, numberId: number) => {
    const r = rented(
      startRental(request({ requestId: id }), id, clock.now()),
      { numberId, number: `+9055500${numberId}` },
      clock.now(),
      20 * 60_000,
      0,
    );
    await store.add(r);
    return r;
  };
  return { clock, store, api, calls, poller, onCode, autoCancel, onBusy, addWaiting, active };
}

describe('poller', () => {
  it('sends no request and reports idle when nothing waits', async () => {
    const { poller, api, onBusy } = setup();
    expect(await poller.tick()).toBeNull();
    await poller.ensureRunning();
    expect(api.getMessage).not.toHaveBeenCalled();
    expect(onBusy).not.toHaveBeenCalled();
  });

  it('polls each waiting number once per round, then waits the interval', async () => {
    const s = setup();
    await s.addWaiting('a', 1);
    await s.addWaiting('b', 2);
    const wait = await s.poller.tick();
    expect(s.calls.sort()).toEqual([1, 2]);
    expect(wait).toBe(3000);
    expect(await s.poller.tick()).toBe(3000);
    expect(s.calls).toHaveLength(2);
  });

  it('stores a code, announces it once, then slows down for a newer one', async () => {
    const s = setup({
      answers: (id, n) => ({
        numberId: id,
        state: n >= 2 ? 'received' : 'waiting',
        code: n >= 2 ? '048213' : null,
      }),
    });
    await s.addWaiting('a', 1);
    await s.poller.tick();
    s.clock.t += 3000;
    const wait = await s.poller.tick();
    expect(s.onCode).toHaveBeenCalledTimes(1);
    expect(s.onCode.mock.calls[0]![1]).toMatchObject({ code: '048213', seen: false });
    expect((await s.store.get('a'))!.codes[0]!.code).toBe('048213');
    expect(wait).toBe(AFTER_CODE_POLL_MS);
    s.clock.t += AFTER_CODE_POLL_MS;
    await s.poller.tick();
    expect(s.onCode).toHaveBeenCalledTimes(1);
  });

  it('stores the code found in a whole SMS beside the SMS, and announces that code', async () => {
    const sms = 'G-123456 is your Google verification code.';
    const s = setup({ answers: (id) => ({ numberId: id, state: 'received', code: sms }) });
    await s.addWaiting('a', 1);
    await s.poller.tick();
    expect(s.onCode.mock.calls[0]![1]).toEqual({ code: '123456', message: sms, at: s.clock.t, seen: false });
    expect((await s.store.get('a'))!.codes).toEqual([
      { code: '123456', message: sms, at: s.clock.t, seen: false },
    ]);
    s.clock.t += AFTER_CODE_POLL_MS;
    await s.poller.tick();
    expect(s.onCode).toHaveBeenCalledTimes(1); // the same SMS again is no new code
  });

  it('backs off exponentially per number on errors, and honours Retry-After on 429', async () => {
    expect(nextDelay(3000, 1, () => 0.5)).toBe(6000);
    expect(nextDelay(3000, 3, () => 0.5)).toBe(24000);
    expect(nextDelay(3000, 10, () => 0.5)).toBe(MAX_BACKOFF_MS);
    const s = setup({
      answers: (id) =>
        id === 1
          ? new PanelError({ kind: 'unavailable', endpoint: 'getMessage' })
          : new PanelError({ kind: 'rate_limited', endpoint: 'getMessage', retryAfterMs: 20_000 }),
    });
    await s.addWaiting('a', 1);
    await s.addWaiting('b', 2);
    await s.poller.tick();
    const a = (await s.store.get('a'))!;
    const b = (await s.store.get('b'))!;
    expect(a.failures).toBe(1);
    expect(a.nextPollAt - s.clock.now()).toBe(6000);
    expect(b.nextPollAt - s.clock.now()).toBe(20_000);
    s.clock.t += 6000;
    await s.poller.tick();
    expect((await s.store.get('a'))!.nextPollAt - s.clock.now()).toBe(12_000);
    expect(s.calls.filter((c) => c === 2)).toHaveLength(1);
  });

  it('auto-cancels a number with no code shortly before its window ends, once', async () => {
    const s = setup();
    const r = await s.addWaiting('a', 1);
    s.clock.t = r.expiresAt! - AUTO_CANCEL_LEAD_MS - 1;
    await s.poller.tick();
    expect(s.autoCancel).not.toHaveBeenCalled();
    s.clock.t = r.expiresAt! - AUTO_CANCEL_LEAD_MS;
    await s.poller.tick();
    expect(s.autoCancel).toHaveBeenCalledTimes(1);
  });

  it('does not auto-cancel when the setting is off; expires the number at the end of its window', async () => {
    const s = setup({ autoCancel: false });
    const r = await s.addWaiting('a', 1);
    s.clock.t = r.expiresAt! - 1000;
    await s.poller.tick();
    expect(s.autoCancel).not.toHaveBeenCalled();
    s.clock.t = r.expiresAt!;
    const callsBefore = s.calls.length;
    expect(await s.poller.tick()).toBeNull();
    expect((await s.store.get('a'))!.state).toBe('expired');
    expect(s.calls.length).toBe(callsBefore);
  });

  it('the loop runs while a number waits and stops (idle, alarm off) when none does', async () => {
    const s = setup({
      answers: (id, n) => ({ numberId: id, state: n >= 3 ? 'cancelled' : 'waiting', code: null }),
    });
    await s.addWaiting('a', 1);
    await s.poller.ensureRunning();
    expect(s.calls).toHaveLength(3);
    expect(s.onBusy.mock.calls.map((c) => c[0])).toEqual([true, false]);
    expect((await s.store.get('a'))!.state).toBe('cancelled');
    expect(s.poller.isRunning()).toBe(false);
  });

  it('a second ensureRunning while the loop runs does not start another loop', async () => {
    const s = setup({
      answers: (id, n) => ({ numberId: id, state: n >= 2 ? 'cancelled' : 'waiting', code: null }),
    });
    await s.addWaiting('a', 1);
    const p1 = s.poller.ensureRunning();
    const p2 = s.poller.ensureRunning();
    expect(p1).toBe(p2);
    await p1;
    expect(s.calls).toHaveLength(2);
  });
});
