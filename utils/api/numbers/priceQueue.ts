/** The price queue of one panel: getServiceDetails calls, newest wishes first, as many at once as the limiter allows. */

import { PanelError, type PanelErrorKind } from '../errors.ts';
import type { Limiter } from './limiter.ts';
import type { NumberServiceDetails } from './types.ts';

/** A price as read: null price and stock when the answer did not list the service. */
export interface PriceEntry {
  id: number;
  price: number | null;
  stock: number | null;
}

export interface PriceQueueDeps {
  /** One details call, not retried (the queue retries, so the limiter sees every 429 and timeout). */
  fetchDetails: (id: number) => Promise<NumberServiceDetails[]>;
  limiter: Limiter;
  sleep: (ms: number) => Promise<void>;
  /** Every answer's prices as it arrives (the ones it lists, and the one asked for). */
  onPrices: (entries: PriceEntry[]) => void;
  /** Whether this panel's answer lists a whole category, if known. */
  listsAll: boolean | undefined;
  /** Learnt from an answer: it listed other services (true), or only the one asked for (false). */
  onLearn: (listsAll: boolean) => void;
  /** A service's category, when known (to tell a one-service answer from a one-service category). */
  categoryOf: (id: number) => number | undefined;
  /** Retries of one id after a passing failure (2). */
  retries?: number;
}

/** What became of the ids of one request: those whose price could not be read, and the last error. */
export interface PriceOutcome {
  failed: number[];
  error?: unknown;
}

interface Ticket {
  left: Set<number>;
  failed: number[];
  error?: unknown;
  resolve: (outcome: PriceOutcome) => void;
}

const PASSING: ReadonlySet<PanelErrorKind> = new Set(['network', 'timeout', 'unavailable', 'rate_limited']);
const BACKOFF_MS = 500;

/**
 * Creates the queue. Until the panel is known to answer one service per call, one call runs at a
 * time (its answer may hold the whole category, so parallel calls would be wasted); after that,
 * as many as the limiter allows. An answer listing several services settles all of them.
 */
export function createPriceQueue(deps: PriceQueueDeps) {
  const retries = deps.retries ?? 2;
  let listsAll = deps.listsAll;
  const pending: number[] = [];
  const busy = new Set<number>(); // in flight, or waiting to be retried
  const urgent = new Set<number>(); // waiting at the head because a page shows them
  const tickets = new Map<number, Set<Ticket>>();
  const attempts = new Map<number, number>();
  let workers = 0;
  let idle = 0; // workers waiting for a place, not yet holding an id

  function finish(id: number, error?: unknown): void {
    attempts.delete(id);
    urgent.delete(id);
    for (const t of tickets.get(id) ?? []) {
      if (error !== undefined) {
        t.failed.push(id);
        t.error = error;
      }
      t.left.delete(id);
      if (t.left.size === 0) t.resolve({ failed: t.failed, error: t.error });
    }
    tickets.delete(id);
  }

  function learn(asked: number, details: NumberServiceDetails[]): void {
    if (listsAll !== undefined) return;
    if (details.some((d) => d.id !== asked)) listsAll = true;
    else {
      // One service in the answer says "one at a time" only when its category has others.
      const category = deps.categoryOf(asked);
      const hasSibling = pending.some((id) => id !== asked && deps.categoryOf(id) === category);
      if (category === undefined || !hasSibling) return;
      listsAll = false;
    }
    deps.onLearn(listsAll);
  }

  function settle(asked: number, details: NumberServiceDetails[]): void {
    const entries: PriceEntry[] = details.map((d) => ({ id: d.id, price: d.price, stock: d.stock }));
    if (!details.some((d) => d.id === asked)) entries.push({ id: asked, price: null, stock: null });
    deps.onPrices(entries);
    const listed = new Set(entries.map((e) => e.id));
    for (let i = pending.length - 1; i >= 0; i--) if (listed.has(pending[i]!)) pending.splice(i, 1);
    for (const id of listed) finish(id);
  }

  async function work(): Promise<void> {
    const slot = await deps.limiter.acquire();
    idle--;
    const id = pending.shift();
    if (id !== undefined) urgent.delete(id);
    if (id === undefined) {
      slot.skip();
      workers--;
      return;
    }
    busy.add(id);
    try {
      const details = await deps.fetchDetails(id);
      slot.ok();
      learn(id, details);
      busy.delete(id);
      settle(id, details);
    } catch (e) {
      slot.fail(e);
      const n = (attempts.get(id) ?? 0) + 1;
      const passing = e instanceof PanelError && PASSING.has(e.kind) && !e.redirect;
      if (passing && n <= retries) {
        attempts.set(id, n);
        // A 429's Retry-After holds the limiter; other passing failures back off here.
        if (!(e instanceof PanelError && e.retryAfterMs)) await deps.sleep(BACKOFF_MS * 2 ** (n - 1));
        busy.delete(id);
        if (tickets.has(id)) pending.unshift(id);
      } else {
        busy.delete(id);
        finish(id, e);
      }
    } finally {
      workers--;
      pump();
    }
  }

  function pump(): void {
    const cap = listsAll === false ? Infinity : 1;
    while (idle < pending.length && workers < cap) {
      workers++;
      idle++;
      void work();
    }
  }

  return {
    /**
     * Reads the prices of these ids; `front` puts them before everything waiting (the rows a person
     * sees); without it they go after those but before older requests (the newest pass first). An
     * id already in flight is not asked again. Resolves when every id is settled.
     */
    request(ids: readonly number[], opts: { front?: boolean } = {}): Promise<PriceOutcome> {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return Promise.resolve({ failed: [] });
      const promise = new Promise<PriceOutcome>((resolve) => {
        const ticket: Ticket = { left: new Set(unique), failed: [], resolve };
        for (const id of unique) tickets.set(id, (tickets.get(id) ?? new Set()).add(ticket));
      });
      // Rows a page shows keep their place at the head when a whole pass is asked for after them.
      const fresh = unique.filter((id) => !busy.has(id) && (opts.front || !urgent.has(id)));
      const moving = new Set(fresh);
      for (let i = pending.length - 1; i >= 0; i--) if (moving.has(pending[i]!)) pending.splice(i, 1);
      if (opts.front) {
        pending.unshift(...fresh);
        for (const id of fresh) urgent.add(id);
      } else {
        let head = 0;
        while (head < pending.length && urgent.has(pending[head]!)) head++;
        pending.splice(head, 0, ...fresh);
      }
      pump();
      return promise;
    },
    /** Ids waiting, first to go first (for tests and diagnostics). */
    pending: (): readonly number[] => [...pending],
  };
}

export type PriceQueue = ReturnType<typeof createPriceQueue>;
