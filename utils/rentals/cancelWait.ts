import type { CancelResult } from '../api/numbers/types';

/** When a refused cancel names no time, the next try is offered this long after the refusal. */
export const DEFAULT_CANCEL_WAIT_MS = 60_000;

const UNIT_MS: [RegExp, number][] = [
  [/^(saniye|sn|san|sec|secs|second|seconds|s)$/, 1_000],
  [/^(dakika|dk|min|mins|minute|minutes|m)$/, 60_000],
  [/^(saat|sa|hour|hours|hr|hrs|h)$/, 3_600_000],
];

/**
 * The duration a panel names in a refusal ("ilk 2 dakika", "120 saniye", "after 2 minutes",
 * "90 seconds", "1 min"), in ms; null when it names none.
 */
export function durationIn(text: string): number | null {
  const re = /(\d+(?:[.,]\d+)?)\s*([a-zçğıöşü]+)/giu;
  for (const m of text.toLocaleLowerCase('tr').matchAll(re)) {
    const unit = UNIT_MS.find(([u]) => u.test(m[2]!));
    if (unit) return Math.round(Number(m[1]!.replace(',', '.')) * unit[1]);
  }
  return null;
}

/**
 * When a refused cancel may be tried again. A named duration counts from the rent ("not in the
 * first 2 minutes"), or from the refusal when that moment is already past; else a default wait.
 */
export function cancelRetryAt(res: CancelResult, rentedAt: number | null, now: number): number {
  const named = durationIn(`${res.title} ${res.message}`);
  if (named === null) return now + DEFAULT_CANCEL_WAIT_MS;
  const fromRent = (rentedAt ?? now) + named;
  return fromRent > now ? fromRent : now + named;
}
