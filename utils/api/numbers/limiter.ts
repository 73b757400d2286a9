/** Adaptive concurrency for a panel's read calls: as many at once as the panel tolerates. */

import { PanelError } from '../errors.ts';

export interface LimiterWorld {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

export interface LimiterOptions {
  /** Calls at once to begin with (8). */
  start?: number;
  /** Never fewer than this (1) nor more than `max` (16). */
  min?: number;
  max?: number;
  /** Successes in a row that earn one more call at once (8). */
  growAfter?: number;
}

/** A taken place: say how the call went (a success, a failure, or nothing sent). */
export interface Slot {
  ok(): void;
  fail(error: unknown): void;
  skip(): void;
}

/** Whether an error says "too much": a 429 or a timeout. */
export function isOverload(error: unknown): boolean {
  return error instanceof PanelError && (error.kind === 'rate_limited' || error.kind === 'timeout');
}

/**
 * Starts at 8 calls at once, halves (down to 1) on a 429 or a timeout and grows by one after a run of
 * successes (up to 16). A 429's Retry-After holds every next call until it has passed. Failures of
 * calls begun before the last halving do not halve again: one burst of timeouts is one signal.
 */
export function createLimiter(world: LimiterWorld, opts: LimiterOptions = {}) {
  const min = opts.min ?? 1;
  const max = opts.max ?? 16;
  const growAfter = opts.growAfter ?? 8;
  let limit = Math.min(max, Math.max(min, opts.start ?? 8));
  let active = 0;
  let streak = 0;
  let epoch = 0;
  let pausedUntil = 0;
  const waiters: (() => void)[] = [];

  const wake = () => {
    for (let free = limit - active; free > 0 && waiters.length; free--) waiters.shift()!();
  };

  function release(): void {
    active--;
    wake();
  }

  /** Waits for a free place (and for any Retry-After to pass), then holds it until the slot is settled. */
  async function acquire(): Promise<Slot> {
    for (;;) {
      const wait = pausedUntil - world.now();
      if (wait > 0) {
        await world.sleep(wait);
        continue;
      }
      if (active < limit) break;
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
    active++;
    const began = epoch;
    let settled = false;
    const settle = (work: () => void) => {
      if (settled) return;
      settled = true;
      work();
      release();
    };
    return {
      ok: () =>
        settle(() => {
          if (++streak >= growAfter) {
            streak = 0;
            limit = Math.min(max, limit + 1);
          }
        }),
      fail: (error) =>
        settle(() => {
          if (!isOverload(error)) return;
          streak = 0;
          const retryAfter = error instanceof PanelError ? error.retryAfterMs : undefined;
          if (retryAfter) pausedUntil = Math.max(pausedUntil, world.now() + retryAfter);
          if (began === epoch) {
            limit = Math.max(min, Math.floor(limit / 2));
            epoch++;
          }
        }),
      skip: () => settle(() => undefined),
    };
  }

  return {
    acquire,
    /** Runs one call in a place of its own. */
    async run<T>(job: () => Promise<T>): Promise<T> {
      const slot = await acquire();
      try {
        const out = await job();
        slot.ok();
        return out;
      } catch (e) {
        slot.fail(e);
        throw e;
      }
    },
    /** Calls allowed at once now. */
    limit: () => limit,
    /** Calls running now. */
    active: () => active,
  };
}

export type Limiter = ReturnType<typeof createLimiter>;
