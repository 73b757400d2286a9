/** Small async building blocks shared by the stores, the renter, the tracker and the content script. */

/** A queue whose jobs run one after another; a failed job rejects for its caller only, the next still runs. */
export function createSerialQueue() {
  // The tail never rejects, so one failure cannot stall the jobs behind it.
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(job: () => Promise<T> | T): Promise<T> => {
    const run = tail.then(job);
    tail = run.catch(() => undefined);
    return run;
  };
}

/** One job per key at a time: a call while the key's job runs gets that job's promise; the key is freed when it settles. */
export function createSingleFlight<K>() {
  const running = new Map<K, Promise<unknown>>();
  return <T>(key: K, job: () => Promise<T>): Promise<T> => {
    const known = running.get(key) as Promise<T> | undefined;
    if (known) return known;
    const run = job().finally(() => running.delete(key));
    running.set(key, run);
    return run;
  };
}

/**
 * Request id → outcome, kept in storage so a message re-sent after a worker restart is still known;
 * only the newest `limit` are kept. Writes are queued so two requests at once both get remembered.
 */
export function createRememberedRequests<V>(
  item: { getValue(): Promise<Record<string, V>>; setValue(v: Record<string, V>): Promise<void> },
  limit: number,
) {
  const serial = createSerialQueue();
  return {
    /** The remembered outcome of a request, if any. */
    get: async (id: string): Promise<V | undefined> => ((await item.getValue()) ?? {})[id],
    /** Remembers (or updates) a request's outcome as the newest one, forgetting the oldest beyond the limit. */
    remember: (id: string, value: V): Promise<void> =>
      serial(async () => {
        const next = { ...(await item.getValue()) };
        delete next[id];
        next[id] = value;
        await item.setValue(Object.fromEntries(Object.entries(next).slice(-limit)));
      }),
  };
}

/** The timers a batcher runs on (tests pass their own). */
export interface BatchClock {
  now: () => number;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

const realBatchClock: BatchClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Collects items and hands them to `flush` at most once per `intervalMs` (the first at once), one
 * flush at a time; `drain()` flushes what is left and resolves when every flush has ended.
 */
export function createBatcher<T>(
  flush: (items: T[]) => Promise<void>,
  intervalMs: number,
  clock: BatchClock = realBatchClock,
) {
  let items: T[] = [];
  let timer: unknown = null;
  let lastAt = -Infinity;
  const serial = createSerialQueue();
  let last: Promise<void> = Promise.resolve();

  const run = (): Promise<void> => {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
    lastAt = clock.now();
    const batch = items;
    items = [];
    last = serial(() => (batch.length ? flush(batch) : undefined));
    return last;
  };

  return {
    add(...more: T[]): void {
      items.push(...more);
      if (timer !== null) return;
      const wait = lastAt + intervalMs - clock.now();
      if (wait <= 0) void run().catch(() => undefined);
      else timer = clock.setTimeout(() => void run().catch(() => undefined), wait);
    },
    /** Flushes the rest now; rejects if that flush fails. */
    drain: (): Promise<void> => run(),
  };
}
