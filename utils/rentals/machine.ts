import type { SerializedPanelError } from '../api/errors';
import type { CancelResult, MessageResult, RentedNumber } from '../api/numbers/types';
import { extractCode } from '../otp/extract-code';
import { cancelRetryAt } from './cancelWait';
import type { CodeEntry, Rental, RentRequest } from './types';

/** How long a number is still watched for a newer code after its first one. */
export const AFTER_CODE_WATCH_MS = 5 * 60_000;
/** Auto-cancel fires this long before the window ends (providers refund within the window only). */
export const AUTO_CANCEL_LEAD_MS = 90_000;

/** A new rental for a rent request, before getNumber answers. */
export function startRental(req: RentRequest, id: string, now: number): Rental {
  return {
    id,
    serviceId: req.serviceId,
    serviceName: req.serviceName,
    categoryName: req.categoryName,
    price: req.price,
    currency: req.currency ?? null,
    number: null,
    numberId: null,
    state: 'renting',
    createdAt: now,
    rentedAt: null,
    expiresAt: null,
    endedAt: null,
    codes: [],
    site: req.site ?? null,
    tabId: req.tabId ?? null,
    cancel: null,
    error: null,
    nextPollAt: now,
    failures: 0,
  };
}

/** getNumber answered: the number waits for its SMS until the window ends. */
export function rented(
  r: Rental,
  got: RentedNumber,
  now: number,
  windowMs: number,
  firstPollMs: number,
): Rental {
  return {
    ...r,
    state: 'waiting',
    number: got.number,
    numberId: got.numberId,
    rentedAt: now,
    expiresAt: now + windowMs,
    nextPollAt: now + firstPollMs,
  };
}

/** getNumber's answer was lost (timeout, dropped connection, 5xx): the panel may have charged. */
export function rentUnknown(r: Rental, error: SerializedPanelError, now: number): Rental {
  return { ...r, state: 'unknown', error, endedAt: now };
}

/** The panel's text as it came: the whole message, or the bare code. */
export function entryText(c: CodeEntry): string {
  return c.message ?? c.code ?? '';
}

/** A new entry for the panel's `code` text: the code found in it, and the text when it is more than that. */
export function codeEntry(text: string, now: number): CodeEntry {
  const { code, message } = extractCode(text);
  return code === message ? { code, at: now, seen: false } : { code, message, at: now, seen: false };
}

/** Applies a getMessage answer; a new text is appended (a repeat of the last one is ignored). */
export function applyMessage(r: Rental, msg: MessageResult, now: number): Rental {
  if (msg.state === 'received' && msg.code) {
    const last = r.codes[r.codes.length - 1];
    if (last && entryText(last) === msg.code.trim()) return { ...r, failures: 0 };
    return { ...r, state: 'received', codes: [...r.codes, codeEntry(msg.code, now)], failures: 0 };
  }
  if (msg.state === 'cancelled') {
    if (r.codes.length) return { ...r, state: 'done', endedAt: now, failures: 0 };
    const expired = r.expiresAt !== null && now >= r.expiresAt;
    return { ...r, state: expired ? 'expired' : 'cancelled', endedAt: now, failures: 0 };
  }
  return { ...r, failures: 0 };
}

/** The person (or auto-cancel) asked for a cancel. */
export function cancelRequested(r: Rental): Rental {
  return { ...r, state: 'cancelling' };
}

/**
 * The panel answered a cancel. Refunded → cancelled. Refused → the number is still live:
 * back to waiting/received with the panel's reason kept for the person.
 */
export function cancelAnswered(r: Rental, res: CancelResult, now: number, auto: boolean): Rental {
  if (res.refunded) return { ...r, state: 'cancelled', cancel: { ...res, at: now, auto }, endedAt: now };
  const cancel = { ...res, at: now, auto, retryAt: cancelRetryAt(res, r.rentedAt, now) };
  return { ...r, state: r.codes.length ? 'received' : 'waiting', cancel, nextPollAt: now };
}

/** A cancel request failed without an answer: the number is as before, the poller will tell. */
export function cancelFailed(r: Rental, now: number): Rental {
  return { ...r, state: r.codes.length ? 'received' : 'waiting', nextPollAt: now };
}

/** The window is over: with a code the rental is done, without one it expired. */
export function expire(r: Rental, now: number): Rental {
  return { ...r, state: r.codes.length ? 'done' : 'expired', endedAt: now };
}

/** The person used the code: done, and its codes count as seen. */
export function finish(r: Rental, now: number): Rental {
  return { ...markSeen(r), state: 'done', endedAt: now };
}

/** The after-code watch ended: done, unseen codes stay unseen for the badge. */
export function watchEnded(r: Rental, now: number): Rental {
  return { ...r, state: 'done', endedAt: now };
}

/** All codes of the rental seen. */
export function markSeen(r: Rental): Rental {
  return r.codes.some((c) => !c.seen) ? { ...r, codes: r.codes.map((c) => ({ ...c, seen: true })) } : r;
}

/**
 * A worker that starts again finds rentals as they were stored. A rent in flight was cut off:
 * its answer is lost, so it becomes unknown (never re-sent). A cancel in flight goes back to
 * the poll, which learns from getMessage whether it was cancelled.
 */
export function recover(r: Rental, now: number): Rental {
  if (r.state === 'renting') {
    return rentUnknown(
      r,
      {
        name: 'PanelError',
        kind: 'network',
        message: 'The extension was stopped while renting; the panel may have charged for a number.',
        mayHaveCharged: true,
        endpoint: 'getNumber',
      },
      now,
    );
  }
  if (r.state === 'cancelling') return cancelFailed(r, now);
  return r;
}

/** True when the rental is over and belongs in the history. */
export function isFinished(r: Rental): boolean {
  return r.state === 'done' || r.state === 'cancelled' || r.state === 'expired';
}

/** Unseen codes across rentals: what the green badge counts. */
export function unseenCount(rentals: readonly Rental[]): number {
  return rentals.reduce((n, r) => n + (r.codes.some((c) => !c.seen) ? 1 : 0), 0);
}

/** The newest code across rentals (for "Fill/Copy latest code"); a message without a code is skipped. */
export function latestCode(rentals: readonly Rental[]): { rental: Rental; code: string } | null {
  let best: { rental: Rental; code: string; at: number } | null = null;
  for (const r of rentals) {
    const c = r.codes.findLast((e) => e.code !== null);
    if (c?.code && (!best || c.at > best.at)) best = { rental: r, code: c.code, at: c.at };
  }
  return best && { rental: best.rental, code: best.code };
}
