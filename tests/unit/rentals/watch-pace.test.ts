import { describe, expect, it, vi } from 'vitest';
import type { MessageResult } from '../../../utils/api/numbers/types';
import { rented, startRental } from '../../../utils/rentals/machine';
import { AFTER_CODE_POLL_MS, createPoller, WATCH_POLL_MS } from '../../../utils/rentals/poller';
import { createRentalStore } from '../../../utils/rentals/store';
import type { Rental } from '../../../utils/rentals/types';
import { fakeItem } from '../../fakes/storage';
import { manualClock, request, settings } from './fixtures';

/** A poller on a manual clock (3 s setting, no jitter) that records when each getMessage went out. */
function setup(
  answer: (id: number) => MessageResult = (id) => ({ numberId: id, state: 'waiting', code: null }),
) {
  const clock = manualClock();
  const store = createRentalStore({
    active: fakeItem<Rental[]>('activeRentals', []),
    history: fakeItem<Rental[]>('rentalHistory', []),
    historyLimit: 10,
  });
  const sent: { id: number; at: number }[] = [];
  const api = {
    getMessage: vi.fn(async (id: number) => {
      sent.push({ id, at: clock.now() });
      return answer(id);
    }),
  };
  const poller = createPoller({
    store,
    api: async () => api,
    settings: settings({ autoCancel: false, pollIntervalSec: 3 }),
    clock,
    random: () => 0.5,
  });
  const addWaiting = async (id: string, numberId: number) => {
    const now = clock.now();
    const r = rented(
      startRental(request({ requestId: id }), id, now),
      { numberId, number: '+90555' },
      now,
      20 * 60_000,
      0,
    );
    await store.add(r);
  };
  /** Runs `rounds` rounds of the loop the way it runs: tick, sleep what it answered. */
  const run = async (rounds: number) => {
    for (let i = 0; i < rounds; i++) {
      const wait = await poller.tick();
      if (wait === null) return;
      clock.t += wait;
    }
  };
  const gaps = () => sent.slice(1).map((s, i) => s.at - sent[i]!.at);
  return { clock, store, api, sent, poller, addWaiting, run, gaps };
}

describe('poll pace while a popup watches', () => {
  it('polls a waiting number every second while watched', async () => {
    const s = setup();
    await s.addWaiting('a', 1);
    s.poller.setWatched(true);
    await s.run(6);
    expect(s.sent).toHaveLength(6);
    expect(s.gaps()).toEqual([1000, 1000, 1000, 1000, 1000]);
    expect(WATCH_POLL_MS).toBe(1000);
  });

  it('a watch that starts mid-interval polls at once, not at the next 3 s mark', async () => {
    const s = setup();
    await s.addWaiting('a', 1);
    expect(await s.poller.tick()).toBe(3000); // polled at t0, next due t0 + 3 s
    s.clock.t += 1_200;
    s.poller.setWatched(true);
    expect(await s.poller.tick()).toBe(1000);
    expect(s.gaps()).toEqual([1_200]);
  });

  it('goes back to the normal pace once the watch ends (popup closed or its port cut)', async () => {
    const s = setup();
    await s.addWaiting('a', 1);
    s.poller.setWatched(true);
    await s.run(3);
    s.poller.setWatched(false);
    await s.run(4);
    // Three at 1 s, the one already planned a second later, then the 3 s setting.
    expect(s.gaps()).toEqual([1000, 1000, 1000, 3000, 3000, 3000]);
  });

  it('sends nothing when nothing waits, even while watched', async () => {
    const s = setup();
    s.poller.setWatched(true);
    expect(await s.poller.tick()).toBeNull();
    await s.poller.ensureRunning();
    expect(s.api.getMessage).not.toHaveBeenCalled();
  });

  it('a number that already has its code keeps the slow after-code pace while watched', async () => {
    const s = setup((id) => ({ numberId: id, state: 'received', code: '123456' }));
    await s.addWaiting('a', 1);
    s.poller.setWatched(true);
    await s.run(3);
    expect(s.gaps()).toEqual([AFTER_CODE_POLL_MS, AFTER_CODE_POLL_MS]);
  });
});
