import { describe, expect, it } from 'vitest';
import { PanelError } from '../../../utils/api/errors';
import { createLimiter } from '../../../utils/api/numbers/limiter';

/** A clock that moves only when sleep is called (sleep jumps to the end at once). */
function fakeWorld() {
  let t = 1_000;
  const slept: number[] = [];
  return {
    now: () => t,
    sleep: async (ms: number) => {
      slept.push(ms);
      t += ms;
    },
    slept,
  };
}

const tooMany = (retryAfterMs?: number) =>
  new PanelError({ kind: 'rate_limited', endpoint: 'getServiceDetails', status: 429, retryAfterMs });
const timeout = () => new PanelError({ kind: 'timeout', endpoint: 'getServiceDetails' });

describe('adaptive concurrency limiter', () => {
  it('starts at 8 calls at once and makes the ninth wait for a free place', async () => {
    const limiter = createLimiter(fakeWorld());
    const slots = await Promise.all(Array.from({ length: 8 }, () => limiter.acquire()));
    expect(limiter.active()).toBe(8);
    let ninth = false;
    const waiting = limiter.acquire().then((s) => {
      ninth = true;
      return s;
    });
    await Promise.resolve();
    expect(ninth).toBe(false);
    slots[0]!.ok();
    (await waiting).ok();
    expect(ninth).toBe(true);
  });

  it('halves on a 429 and holds the next call for its Retry-After', async () => {
    const world = fakeWorld();
    const limiter = createLimiter(world);
    const slot = await limiter.acquire();
    slot.fail(tooMany(2_000));
    expect(limiter.limit()).toBe(4);
    const before = world.now();
    (await limiter.acquire()).ok();
    expect(world.now() - before).toBeGreaterThanOrEqual(2_000);
  });

  it('halves on a timeout, once for one burst, down to 1 at least', async () => {
    const limiter = createLimiter(fakeWorld());
    const burst = await Promise.all(Array.from({ length: 8 }, () => limiter.acquire()));
    for (const slot of burst) slot.fail(timeout());
    expect(limiter.limit()).toBe(4); // eight timeouts of calls begun together: one signal
    for (let i = 0; i < 5; i++) (await limiter.acquire()).fail(timeout());
    expect(limiter.limit()).toBe(1);
  });

  it('does not halve for a failure that says nothing of load (a 500, a bad answer)', async () => {
    const limiter = createLimiter(fakeWorld());
    (await limiter.acquire()).fail(new PanelError({ kind: 'unavailable', endpoint: 'x', status: 500 }));
    expect(limiter.limit()).toBe(8);
  });

  it('grows by one after a run of 8 successes, up to 16', async () => {
    const limiter = createLimiter(fakeWorld());
    (await limiter.acquire()).fail(tooMany());
    expect(limiter.limit()).toBe(4);
    for (let i = 0; i < 7; i++) await limiter.run(async () => i);
    expect(limiter.limit()).toBe(4);
    await limiter.run(async () => 7);
    expect(limiter.limit()).toBe(5);
    for (let i = 0; i < 8 * 20; i++) await limiter.run(async () => i);
    expect(limiter.limit()).toBe(16);
  });

  it('a skipped place counts for nothing', async () => {
    const limiter = createLimiter(fakeWorld(), { growAfter: 1 });
    (await limiter.acquire()).skip();
    expect(limiter.limit()).toBe(8);
    expect(limiter.active()).toBe(0);
  });
});
