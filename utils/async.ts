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
