import { isPanelError } from '../api/errors';
import type { NumbersApi } from '../api/numbers';
import type { Settings } from '../settings';
import { AFTER_CODE_WATCH_MS, AUTO_CANCEL_LEAD_MS, applyMessage, expire, watchEnded } from './machine';
import type { RentalStore } from './store';
import { POLLED_STATES, type CodeEntry, type Rental } from './types';

/** Time, injected so tests run the loop without waiting. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** After the first code a number is polled at this slower pace for a newer one. */
export const AFTER_CODE_POLL_MS = 10_000;
/** The longest pause between two polls of one number after errors. */
export const MAX_BACKOFF_MS = 60_000;
/** While a popup watches, a number still waiting for its first code is polled this often. */
export const WATCH_POLL_MS = 1_000;
/** The loop never sleeps longer than this, so a new rental is picked up quickly. */
const MAX_SLEEP_MS = 5_000;

export interface PollerDeps {
  store: RentalStore;
  api: () => Promise<Pick<NumbersApi, 'getMessage'>>;
  settings: () => Promise<Settings>;
  clock: Clock;
  random?: () => number;
  /** A new SMS arrived for a rental (already stored): its code (null when none was found) and text. */
  onCode?: (rental: Rental, entry: CodeEntry) => void | Promise<void>;
  /** Auto-cancel: called for a waiting number with no code shortly before its window ends. */
  autoCancel?: (rental: Rental) => Promise<unknown>;
  /** Anything changed (badge). */
  onChange?: () => void | Promise<void>;
  /** The loop starts (some number waits) or stops (nothing waits): the watchdog alarm follows. */
  onBusy?: (busy: boolean) => void | Promise<void>;
  /** A cheap extension API call per round, which keeps the worker alive while numbers wait. */
  keepAlive?: () => Promise<unknown>;
}

/** Is this rental still watched by the poller? */
export function isPolled(r: Rental): boolean {
  return POLLED_STATES.includes(r.state) && r.numberId !== null;
}

/** The pause before the next poll of a number: interval with ±15% jitter, or backoff after errors. */
export function nextDelay(interval: number, failures: number, random: () => number, retryAfterMs?: number) {
  if (retryAfterMs !== undefined) return Math.max(retryAfterMs, interval);
  const base = failures > 0 ? Math.min(MAX_BACKOFF_MS, interval * 2 ** failures) : interval;
  return Math.round(base * (0.85 + random() * 0.3));
}

/**
 * The code poller: one getMessage per due number per round, while any number waits.
 * `tick()` does one round and answers how long until the next is due (null: nothing waits).
 * `ensureRunning()` starts the in-worker loop unless it already runs.
 */
export function createPoller(deps: PollerDeps) {
  const random = deps.random ?? Math.random;
  let running: Promise<void> | null = null;
  let busy = false;
  /** A popup is open (its port is connected): numbers waiting for a first code go at WATCH_POLL_MS. */
  let watched = false;
  /** Interrupts the loop's sleep when the pace changes. */
  let wake: (() => void) | null = null;
  /** When each number was last polled (this worker's life only; a new worker starts at the stored pace). */
  const lastPoll = new Map<string, number>();

  /** Polled at the watch pace now: a popup watches and it waits for its first code, without errors. */
  const fast = (r: Rental) => watched && r.state === 'waiting' && !r.codes.length && r.failures === 0;
  /** When a number is due: its stored schedule, or a second after its last poll while watched. */
  const dueAt = (r: Rental) =>
    fast(r) ? Math.min(r.nextPollAt, (lastPoll.get(r.id) ?? -Infinity) + WATCH_POLL_MS) : r.nextPollAt;

  const setBusy = async (next: boolean) => {
    if (busy === next) return;
    busy = next;
    await deps.onBusy?.(next);
  };

  const pollOne = async (r: Rental, api: Pick<NumbersApi, 'getMessage'>, s: Settings) => {
    const interval = fast(r) ? WATCH_POLL_MS : s.pollIntervalSec * 1000;
    lastPoll.set(r.id, deps.clock.now());
    try {
      const msg = await api.getMessage(r.numberId!);
      const now = deps.clock.now();
      let newCode: CodeEntry | null = null;
      const updated = await deps.store.update(r.id, (cur) => {
        if (!isPolled(cur)) return cur;
        const next = applyMessage(cur, msg, now);
        if (next.codes.length > cur.codes.length) newCode = next.codes[next.codes.length - 1]!;
        const pace = next.codes.length ? Math.max(AFTER_CODE_POLL_MS, interval) : interval;
        return { ...next, nextPollAt: now + (fast(next) ? WATCH_POLL_MS : nextDelay(pace, 0, random)) };
      });
      // The announcement's own failure (a notification, a fill) is not a poll failure.
      if (updated && newCode !== null)
        await Promise.resolve(deps.onCode?.(updated, newCode)).catch(() => undefined);
    } catch (e) {
      const now = deps.clock.now();
      const retryAfterMs = isPanelError(e) && e.kind === 'rate_limited' ? e.retryAfterMs : undefined;
      await deps.store.update(r.id, (cur) => {
        const failures = cur.failures + 1;
        return { ...cur, failures, nextPollAt: now + nextDelay(interval, failures, random, retryAfterMs) };
      });
    }
  };

  /** One round: expire, auto-cancel, poll what is due. */
  const tick = async (): Promise<number | null> => {
    const s = await deps.settings();
    const now = deps.clock.now();
    const rentals = (await deps.store.list()).filter(isPolled);
    let changed = false;
    const due: Rental[] = [];
    for (const r of rentals) {
      const lastCode = r.codes[r.codes.length - 1];
      if (r.expiresAt !== null && now >= r.expiresAt) {
        await deps.store.update(r.id, (cur) => (isPolled(cur) ? expire(cur, now) : cur));
        changed = true;
      } else if (lastCode && now >= lastCode.at + AFTER_CODE_WATCH_MS) {
        await deps.store.update(r.id, (cur) => (isPolled(cur) ? watchEnded(cur, now) : cur));
        changed = true;
      } else if (
        s.autoCancel &&
        deps.autoCancel &&
        r.state === 'waiting' &&
        !r.codes.length &&
        !r.cancel?.auto &&
        r.expiresAt !== null &&
        now >= r.expiresAt - AUTO_CANCEL_LEAD_MS
      ) {
        await deps.autoCancel(r).catch(() => undefined);
        changed = true;
      } else if (now >= dueAt(r)) {
        due.push(r);
      }
    }
    if (due.length) {
      const api = await deps.api();
      await Promise.all(due.map((r) => pollOne(r, api, s)));
      changed = true;
    }
    if (changed) await deps.onChange?.();
    const after = deps.clock.now();
    const left = (await deps.store.list()).filter(isPolled);
    for (const id of lastPoll.keys()) if (!left.some((r) => r.id === id)) lastPoll.delete(id);
    if (!left.length) return null;
    const nextAt = Math.min(
      ...left.map((r) => {
        const ends = [dueAt(r)];
        if (r.expiresAt !== null) ends.push(r.expiresAt);
        if (s.autoCancel && !r.codes.length && !r.cancel?.auto && r.expiresAt !== null)
          ends.push(r.expiresAt - AUTO_CANCEL_LEAD_MS);
        return Math.min(...ends);
      }),
    );
    return Math.max(0, nextAt - after);
  };

  const loop = async () => {
    try {
      for (;;) {
        const wait = await tick();
        if (wait === null) break;
        await setBusy(true);
        await deps.keepAlive?.().catch(() => undefined);
        const woken = new Promise<void>((r) => (wake = r));
        await Promise.race([deps.clock.sleep(Math.min(MAX_SLEEP_MS, Math.max(100, wait))), woken]);
        wake = null;
      }
    } finally {
      running = null;
    }
    await setBusy(false);
  };

  return {
    tick,
    /** Starts the loop if it is not running; answers when the current loop ends. */
    ensureRunning(): Promise<void> {
      running ??= loop().catch(() => {
        running = null;
      });
      return running;
    },
    isRunning: () => running !== null,
    /** A popup started or stopped watching: the loop re-plans at once with the new pace. */
    setWatched(on: boolean): void {
      if (watched === on) return;
      watched = on;
      wake?.();
    },
  };
}

export type Poller = ReturnType<typeof createPoller>;
