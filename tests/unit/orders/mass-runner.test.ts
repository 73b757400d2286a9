import { describe, expect, it, vi } from 'vitest';
import { PanelError } from '../../../utils/api/errors';
import type { AddOrderParams } from '../../../utils/api/orders/types';
import { createMassRunner } from '../../../utils/orders/massRunner';
import { createOrderTracker, type TrackerApi } from '../../../utils/orders/tracker';
import type {
  MassBatch,
  OrderRequestRecord,
  OrderServicesCache,
  TrackedOrder,
} from '../../../utils/orders/types';
import { fakeItem } from '../../fakes/storage';
import { service } from './fixtures';

const ORIGIN = 'https://panel.test';
const catalogue = [service('default', { id: 1, rate: 1, min: 10, max: 10_000 })];
const TEXT = ['1 | https://a.com/1 | 100', '1 | https://a.com/2 | 200', '1 | https://a.com/3 | 300'].join(
  '\n',
);

/** The panel: `add` answers by `answer(params, n)` (n counts from 1), every call recorded in order. */
function panel(answer: (p: AddOrderParams, n: number) => Promise<number>) {
  const adds: AddOrderParams[] = [];
  const api = {
    services: async () => catalogue,
    add: async (p: AddOrderParams) => {
      adds.push(p);
      return { orderId: await answer(p, adds.length) };
    },
  } as unknown as TrackerApi;
  return { api, adds, links: () => adds.map((a) => a.link) };
}

/** The storage one worker sees; a "restart" builds new runners over the same items. */
function items() {
  return {
    mass: fakeItem<MassBatch | null>('massOrder', null),
    orders: fakeItem<TrackedOrder[]>('orders', []),
    services: fakeItem<OrderServicesCache>('orderServices', { origin: '', services: [], at: 0 }),
    requests: fakeItem<Record<string, OrderRequestRecord>>('orderRequests', {}),
  };
}

/** A worker: the real tracker (the single-order path) under the runner. */
function worker(store: ReturnType<typeof items>, api: TrackerApi, balance = vi.fn(async () => 7.5)) {
  const tracker = createOrderTracker({
    api: async () => api,
    origin: async () => ORIGIN,
    orders: store.orders,
    services: store.services,
    requests: store.requests,
    now: () => 1_000,
  });
  const runner = createMassRunner({
    item: store.mass,
    place: (req) => tracker.place(req),
    services: () => tracker.services(),
    origin: async () => ORIGIN,
    readBalance: balance,
    now: () => 2_000,
  });
  return { runner, balance };
}

const states = async (store: ReturnType<typeof items>) =>
  (await store.mass.getValue())!.lines.map((l) => l.state);
const settled = (store: ReturnType<typeof items>) =>
  vi.waitFor(async () => expect((await store.mass.getValue())?.state).not.toBe('running'));

describe('the mass-order runner (background, through the single-order path)', () => {
  it('sends each line once, in order, and the placed orders join the tracked list', async () => {
    const store = items();
    const p = panel(async (_p, n) => 500 + n);
    const { runner } = worker(store, p.api);
    await runner.start({ batchId: 'b1', text: TEXT, total: 0.6 });
    await settled(store);
    expect(p.links()).toEqual(['https://a.com/1', 'https://a.com/2', 'https://a.com/3']);
    const batch = (await store.mass.getValue())!;
    expect(batch.state).toBe('done');
    expect(batch.lines.map((l) => l.orderId)).toEqual([501, 502, 503]);
    expect((await store.orders.getValue()).map((o) => o.id).sort()).toEqual([501, 502, 503]);
    // A start re-sent for the same confirmation sends nothing more.
    await runner.start({ batchId: 'b1', text: TEXT, total: 0.6 });
    await runner.resume();
    expect(p.adds).toHaveLength(3);
  });

  it('refuses the whole batch when one line fails its check, or when the total changed: nothing is sent', async () => {
    const store = items();
    const p = panel(async (_p, n) => n);
    const { runner } = worker(store, p.api);
    await expect(
      runner.start({ batchId: 'b', text: `${TEXT}\n1 | bad link | 100`, total: 0.6 }),
    ).rejects.toMatchObject({
      code: 'mass_invalid',
    });
    await expect(runner.start({ batchId: 'b', text: TEXT, total: 0.5 })).rejects.toMatchObject({
      code: 'mass_changed',
    });
    expect(p.adds).toHaveLength(0);
    expect(await store.mass.getValue()).toBeNull();
  });

  it('stops at a refused line: it shows the panel’s words, the rest are kept as not sent; retry only when asked', async () => {
    const store = items();
    const p = panel(async (_p, n) => {
      if (n === 2) throw new PanelError({ kind: 'invalid_input', endpoint: 'add', panelText: 'Bad link' });
      return 700 + n;
    });
    const { runner, balance } = worker(store, p.api);
    await runner.start({ batchId: 'b2', text: TEXT, total: 0.6 });
    await settled(store);
    expect(await states(store)).toEqual(['placed', 'failed', 'not_sent']);
    const failed = (await store.mass.getValue())!.lines[1]!;
    expect(failed.error).toMatchObject({ name: 'PanelError', kind: 'invalid_input', panelText: 'Bad link' });
    expect(p.adds).toHaveLength(2);
    expect(balance).not.toHaveBeenCalled();

    // Nothing is sent again without the person: a resume (worker start) leaves a stopped batch alone.
    await runner.resume();
    expect(p.adds).toHaveLength(2);

    await runner.retry('b2');
    await settled(store);
    expect(p.links()).toEqual(['https://a.com/1', 'https://a.com/2', 'https://a.com/2', 'https://a.com/3']);
    expect(await states(store)).toEqual(['placed', 'placed', 'placed']);
    expect((await store.mass.getValue())!.lines.map((l) => l.orderId)).toEqual([701, 703, 704]);
  });

  it('a lost answer marks the line unknown, reads the balance, and is never sent again — not even by a retry', async () => {
    const store = items();
    const p = panel(async (_p, n) => {
      if (n === 2) throw new PanelError({ kind: 'timeout', endpoint: 'add', mayHaveCharged: true });
      return 800 + n;
    });
    const { runner, balance } = worker(store, p.api);
    await runner.start({ batchId: 'b3', text: TEXT, total: 0.6, balance: 10 });
    await settled(store);
    await vi.waitFor(async () => expect((await store.mass.getValue())!.balanceAfter).toBe(7.5));
    expect(await states(store)).toEqual(['placed', 'unknown', 'not_sent']);
    expect(balance).toHaveBeenCalledTimes(1);
    expect((await store.mass.getValue())!.balanceBefore).toBe(10);

    await runner.retry('b3');
    await settled(store);
    expect(p.links()).toEqual(['https://a.com/1', 'https://a.com/2', 'https://a.com/3']);
    expect(await states(store)).toEqual(['placed', 'unknown', 'placed']);
  });

  it('a worker stopped while a line’s add was on its way: the new worker reports it unknown and never re-sends it', async () => {
    const store = items();
    let release!: () => void;
    const p = panel((_p, n) =>
      n === 2 ? new Promise<number>((r) => (release = () => r(902))) : Promise.resolve(900 + n),
    );
    await worker(store, p.api).runner.start({ batchId: 'b4', text: TEXT, total: 0.6 });
    await vi.waitFor(() => expect(p.adds).toHaveLength(2));
    expect(await states(store)).toEqual(['placed', 'sending', 'queued']);

    // The first worker is gone (its add never answers); a new one starts over the same storage.
    const next = worker(store, p.api);
    await next.runner.resume();
    expect(p.adds).toHaveLength(2);
    expect(await states(store)).toEqual(['placed', 'unknown', 'not_sent']);
    expect(next.balance).toHaveBeenCalledTimes(1);
    release();
  });

  it('a worker stopped before a sending line reached the panel: the new worker sends it once and goes on', async () => {
    const store = items();
    const p = panel(async (_p, n) => 950 + n);
    const first = worker(store, p.api);
    await first.runner.start({ batchId: 'b5', text: TEXT, total: 0.6 });
    await settled(store);
    // Rewind storage to "line 3 marked sending, its add never sent" (no request record for it).
    const batch = (await store.mass.getValue())!;
    const requests = await store.requests.getValue();
    delete requests[batch.lines[2]!.requestId];
    await store.requests.setValue(requests);
    await store.mass.setValue({
      ...batch,
      state: 'running',
      lines: batch.lines.map((l, i) => (i === 2 ? { ...l, state: 'sending', orderId: null } : l)),
    });
    p.adds.length = 0;
    await worker(store, p.api).runner.resume();
    expect(p.links()).toEqual(['https://a.com/3']);
    expect(await states(store)).toEqual(['placed', 'placed', 'placed']);
  });
});
