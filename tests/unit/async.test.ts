import { describe, expect, it } from 'vitest';
import { createRememberedRequests, createSerialQueue, createSingleFlight } from '../../utils/async';

/** A promise the test settles by hand. */
function deferred<T = void>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('createSerialQueue', () => {
  it('runs jobs one after another, in the order they were queued', async () => {
    const serial = createSerialQueue();
    const log: string[] = [];
    const first = deferred();
    const started = deferred();
    const a = serial(async () => {
      log.push('a start');
      started.resolve();
      await first.promise;
      log.push('a end');
      return 'a';
    });
    const b = serial(() => {
      log.push('b');
      return 'b';
    });
    // The first job is running; the second must still wait for it.
    await started.promise;
    expect(log).toEqual(['a start']);
    first.resolve();
    expect(await Promise.all([a, b])).toEqual(['a', 'b']);
    expect(log).toEqual(['a start', 'a end', 'b']);
  });

  it('a failed job rejects for its caller and does not block the next one', async () => {
    const serial = createSerialQueue();
    const failed = serial(async () => {
      throw new Error('boom');
    });
    const next = serial(async () => 'next ran');
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('next ran');
  });
});

describe('createSingleFlight', () => {
  it('a call for a key whose job runs gets the same promise; another key runs its own job', async () => {
    const once = createSingleFlight<string>();
    const gate = deferred<number>();
    let runs = 0;
    const job = () => {
      runs++;
      return gate.promise;
    };
    const a1 = once('a', job);
    const a2 = once('a', job);
    const b = once('b', async () => 7);
    expect(a2).toBe(a1);
    expect(runs).toBe(1);
    gate.resolve(42);
    expect(await Promise.all([a1, a2, b])).toEqual([42, 42, 7]);
  });

  it('frees the key when the job settles, after success and after failure', async () => {
    const once = createSingleFlight<string>();
    let runs = 0;
    await expect(
      once('k', async () => {
        runs++;
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    await expect(once('k', async () => ++runs)).resolves.toBe(2);
    await expect(once('k', async () => ++runs)).resolves.toBe(3);
  });
});

describe('createRememberedRequests', () => {
  const memory = () => {
    let value: Record<string, number> = {};
    return {
      getValue: async () => value,
      setValue: async (v: Record<string, number>) => {
        value = v;
      },
      read: () => value,
    };
  };

  it('answers what was remembered, and undefined for an unknown id', async () => {
    const item = memory();
    const requests = createRememberedRequests(item, 5);
    await requests.remember('r1', 1);
    expect(await requests.get('r1')).toBe(1);
    expect(await requests.get('r2')).toBeUndefined();
  });

  it('keeps only the newest `limit` ids; an updated id counts as new', async () => {
    const item = memory();
    const requests = createRememberedRequests(item, 3);
    for (const [i, id] of ['a', 'b', 'c'].entries()) await requests.remember(id, i);
    await requests.remember('a', 10);
    await requests.remember('d', 3);
    expect(item.read()).toEqual({ c: 2, a: 10, d: 3 });
    expect(await requests.get('b')).toBeUndefined();
  });

  it('two requests remembered at once are both kept', async () => {
    const item = memory();
    const requests = createRememberedRequests(item, 5);
    await Promise.all([requests.remember('x', 1), requests.remember('y', 2)]);
    expect(item.read()).toEqual({ x: 1, y: 2 });
  });
});
