// One file for the order tracker: catalogue cache, batched statuses, refill and cancel share one fake panel set-up.
import { describe, expect, it, vi } from 'vitest';
import { PanelError } from '../../../utils/api/errors';
import { createOrdersApi } from '../../../utils/api/orders';
import type { OrderService } from '../../../utils/api/orders/types';
import { createOrderTracker, type TrackerApi } from '../../../utils/orders/tracker';
import type { OrderRequestRecord, OrderServicesCache, TrackedOrder } from '../../../utils/orders/types';
import { fakeItem } from '../../fakes/storage';
import { fakePanelFetch, order, service } from './fixtures';

const ORIGIN = 'https://panel.test';
const FOLLOWERS = service('default', {
  id: 1,
  name: 'Followers',
  rate: 0.9,
  refill: true,
  cancel: true,
  dripfeed: true,
});

function setup(api: Partial<TrackerApi>, opts: { orders?: TrackedOrder[]; services?: OrderService[] } = {}) {
  const orders = fakeItem<TrackedOrder[]>('orders', opts.orders ?? []);
  const services = fakeItem<OrderServicesCache>('orderServices', {
    origin: ORIGIN,
    services: opts.services ?? [FOLLOWERS],
    at: 1,
  });
  const requests = fakeItem<Record<string, OrderRequestRecord>>('orderRequests', {});
  const onFinished = vi.fn();
  const onSpent = vi.fn();
  const onChange = vi.fn();
  let now = 10;
  const tracker = createOrderTracker({
    api: async () => api as TrackerApi,
    origin: async () => ORIGIN,
    orders,
    services,
    requests,
    now: () => now,
    onFinished,
    onSpent,
    onChange,
  });
  return {
    tracker,
    orders,
    services,
    requests,
    onFinished,
    onSpent,
    onChange,
    tick: (ms: number) => (now += ms),
  };
}

const form = { link: 'https://instagram.com/a', quantity: '1000' };

describe('placing an order', () => {
  it('sends one add per click even when the message comes twice at once, and remembers the order', async () => {
    let release!: () => void;
    const add = vi.fn(() => new Promise<{ orderId: number }>((r) => (release = () => r({ orderId: 555 }))));
    const { tracker, orders, onSpent, onChange } = setup({ add });
    const a = tracker.place({ requestId: 'click-1', service: 1, values: form });
    const b = tracker.place({ requestId: 'click-1', service: 1, values: form });
    await vi.waitFor(() => expect(add).toHaveBeenCalled());
    release();
    const [x, y] = await Promise.all([a, b]);
    expect(add).toHaveBeenCalledTimes(1);
    expect(add).toHaveBeenCalledWith({ service: 1, link: 'https://instagram.com/a', quantity: 1000 });
    expect(x).toEqual(y);
    expect(x).toMatchObject({
      id: 555,
      serviceName: 'Followers',
      charge: 0.9,
      quantity: 1000,
      remains: 1000,
      status: 'pending',
      canRefill: true,
      canCancel: true,
      origin: ORIGIN,
      requestId: 'click-1',
    });
    expect((await orders.getValue()).map((o) => o.id)).toEqual([555]);
    expect(onSpent).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenCalled();
    // The same requestId later (a re-sent message) answers the same order without a second add.
    expect((await tracker.place({ requestId: 'click-1', service: 1, values: form })).id).toBe(555);
    expect(add).toHaveBeenCalledTimes(1);
  });

  it('never retries after an ambiguous failure; the same click answers "may have been charged"', async () => {
    const add = vi.fn(async () => {
      throw new PanelError({ kind: 'timeout', endpoint: 'add', mayHaveCharged: true });
    });
    const { tracker, orders } = setup({ add });
    const first = await tracker.place({ requestId: 'c', service: 1, values: form }).catch((e) => e);
    expect(first).toMatchObject({ name: 'PanelError', kind: 'timeout', mayHaveCharged: true });
    const again = await tracker.place({ requestId: 'c', service: 1, values: form }).catch((e) => e);
    expect(again).toMatchObject({ name: 'PanelError', mayHaveCharged: true });
    expect(add).toHaveBeenCalledTimes(1);
    expect(await orders.getValue()).toEqual([]);
  });

  it('a request cut off by a worker stop is never sent again', async () => {
    const add = vi.fn(async () => ({ orderId: 1 }));
    const { tracker, requests } = setup({ add });
    await requests.setValue({ lost: { state: 'pending', at: 1 } });
    const err = await tracker.place({ requestId: 'lost', service: 1, values: form }).catch((e) => e);
    expect(err).toMatchObject({ name: 'PanelError', mayHaveCharged: true });
    expect(add).not.toHaveBeenCalled();
  });

  it('refuses a form the background finds invalid, without sending', async () => {
    const add = vi.fn(async () => ({ orderId: 1 }));
    const { tracker } = setup({ add });
    const err = await tracker
      .place({ requestId: 'x', service: 1, values: { link: 'https://a.com/x', quantity: '5' } })
      .catch((e) => e);
    expect(err).toMatchObject({ name: 'PanelError', kind: 'invalid_input' });
    const incomplete = await tracker.place({ requestId: '', service: 1, values: form }).catch((e) => e);
    expect(incomplete).toMatchObject({ name: 'MessageError' });
    expect(add).not.toHaveBeenCalled();
  });

  it('reads the catalogue again when the service is not in the cache', async () => {
    const other = service('package', { id: 9, rate: 3.5, min: 1, max: 1 });
    const services = vi.fn(async () => [FOLLOWERS, other]);
    const add = vi.fn(async () => ({ orderId: 77 }));
    const { tracker } = setup({ add, services });
    const placed = await tracker.place({ requestId: 'p', service: 9, values: { link: 'https://a.com/x' } });
    expect(services).toHaveBeenCalledTimes(1);
    expect(placed).toMatchObject({ id: 77, charge: 3.5, quantity: 1 });
  });

  it('keeps the panel refusal (low balance) as the answer of that click', async () => {
    const add = vi.fn(async () => {
      throw new PanelError({
        kind: 'insufficient_funds',
        endpoint: 'add',
        panelText: 'Not enough funds on balance',
      });
    });
    const { tracker } = setup({ add });
    const err = await tracker.place({ requestId: 'f', service: 1, values: form }).catch((e) => e);
    expect(err).toMatchObject({ kind: 'insufficient_funds', mayHaveCharged: false });
    const again = await tracker.place({ requestId: 'f', service: 1, values: form }).catch((e) => e);
    expect(again).toMatchObject({ kind: 'insufficient_funds', panelText: 'Not enough funds on balance' });
    expect(add).toHaveBeenCalledTimes(1);
  });
});

describe('tracking statuses', () => {
  it('asks for 250 unfinished orders in 3 calls of at most 100, through the real client', async () => {
    const ids = Array.from({ length: 250 }, (_, i) => 1000 + i);
    const panel = fakePanelFetch((f) => {
      const asked = (f.get('orders') ?? '').split(',');
      return Object.fromEntries(
        asked.map((id) => [
          id,
          Number(id) % 50 === 0
            ? { error: 'Incorrect order ID' }
            : Number(id) % 51 === 0
              ? 'Incorrect order ID'
              : { charge: '0.1', start_count: '5', status: 'Completed', remains: '0', currency: 'USD' },
        ]),
      );
    });
    const api = createOrdersApi({ origin: ORIGIN, getKey: () => 'k', fetch: panel.fetch });
    const list = [
      ...ids.map((id) => order({ id, status: 'in_progress' })),
      order({ id: 5, status: 'completed' }),
    ];
    const { tracker, onFinished } = setup(api, { orders: list });
    const after = await tracker.refresh();
    expect(panel.calls).toHaveLength(3);
    expect(panel.calls.map((c) => c.get('orders')!.split(',').length)).toEqual([100, 100, 50]);
    expect(panel.calls.every((c) => c.get('action') === 'status')).toBe(true);
    expect(panel.calls.flatMap((c) => c.get('orders')!.split(',').map(Number))).toEqual(ids);
    const byId = new Map(after.map((o) => [o.id, o]));
    expect(byId.get(1000)!.error).toBe('Incorrect order ID'); // {error: ...}
    expect(byId.get(1020)!.error).toBe('Incorrect order ID'); // bare string (1020 = 51 × 20)
    expect(byId.get(1000)!.status).toBe('in_progress');
    expect(byId.get(1001)!.status).toBe('completed');
    const completed = after.filter((o) => o.status === 'completed').length;
    expect(onFinished).toHaveBeenCalledTimes(completed - 1); // the order already completed is not told again
  });

  it('sends nothing when every order is finished', async () => {
    const statuses = vi.fn();
    const { tracker, onChange } = setup({ statuses }, { orders: [order({ status: 'completed' })] });
    await tracker.refresh();
    expect(statuses).not.toHaveBeenCalled();
    expect(onChange).toHaveBeenCalled();
  });

  it('runs one refresh at a time', async () => {
    let release!: () => void;
    const statuses = vi.fn(
      () =>
        new Promise<Record<number, never>>((r) => {
          release = () => r({});
        }),
    );
    const { tracker } = setup({ statuses }, { orders: [order()] });
    const a = tracker.refresh();
    const b = tracker.refresh();
    await vi.waitFor(() => expect(statuses).toHaveBeenCalled());
    release();
    await Promise.all([a, b]);
    expect(statuses).toHaveBeenCalledTimes(1);
  });
});

describe('orders by id, refill, cancel, remove', () => {
  it('adds an order by id with its status; an unknown id rejects with the panel’s words', async () => {
    const panel = fakePanelFetch((f) =>
      f.get('order') === '23501'
        ? { charge: '2.5', start_count: '100', status: 'In progress', remains: '30', currency: 'USD' }
        : { error: 'Incorrect order ID' },
    );
    const api = createOrdersApi({ origin: ORIGIN, getKey: () => 'k', fetch: panel.fetch });
    const { tracker, orders } = setup(api);
    const added = await tracker.addById(23501);
    expect(added).toMatchObject({
      id: 23501,
      source: 'added',
      status: 'in_progress',
      remains: 30,
      charge: 2.5,
    });
    expect((await orders.getValue()).map((o) => o.id)).toEqual([23501]);
    const err = await tracker.addById(999).catch((e) => e);
    expect(err).toMatchObject({ name: 'PanelError', panelText: 'Incorrect order ID' });
    expect((await orders.getValue()).map((o) => o.id)).toEqual([23501]);
  });

  it('keeps the panel’s answer to refill and cancel under the order', async () => {
    const api = {
      refill: vi.fn(async (id: number) => {
        if (id === 2)
          throw new PanelError({ kind: 'unexpected', endpoint: 'refill', panelText: 'Refill is disabled' });
        return { refillId: '42' };
      }),
      cancel: vi.fn(async (ids: number[]) => ({
        [ids[0]!]:
          ids[0] === 1 ? { ok: true as const } : { ok: false as const, error: 'Order cannot be canceled' },
      })),
      statuses: vi.fn(async () => ({
        1: {
          ok: true as const,
          info: {
            status: 'canceled' as const,
            statusText: 'Canceled',
            charge: 0,
            startCount: 0,
            remains: 1000,
            currency: 'USD',
          },
        },
      })),
    };
    const { tracker, onFinished } = setup(api, {
      orders: [order({ id: 1 }), order({ id: 2, status: 'completed' })],
    });
    expect((await tracker.refill(1)).note).toMatchObject({ action: 'refill', ok: true, text: '42' });
    expect((await tracker.refill(2)).note).toMatchObject({
      action: 'refill',
      ok: false,
      text: 'Refill is disabled',
    });
    expect((await tracker.cancel(2)).note).toMatchObject({
      action: 'cancel',
      ok: false,
      text: 'Order cannot be canceled',
    });
    const canceled = await tracker.cancel(1);
    expect(canceled.note).toMatchObject({ action: 'cancel', ok: true });
    expect(canceled.status).toBe('canceled');
    expect(onFinished).toHaveBeenCalledTimes(1);
  });

  it('a refill that fails without a panel answer is an error, and an order not in the list is refused', async () => {
    const refill = vi.fn(async () => {
      throw new PanelError({ kind: 'network', endpoint: 'refill' });
    });
    const { tracker } = setup({ refill }, { orders: [order({ id: 1 })] });
    await expect(tracker.refill(1)).rejects.toMatchObject({ kind: 'network' });
    await expect(tracker.refill(3)).rejects.toMatchObject({ code: 'order_not_found' });
  });

  it('removes an order from the list', async () => {
    const { tracker, orders } = setup({}, { orders: [order({ id: 1 }), order({ id: 2 })] });
    await tracker.remove(1);
    expect((await orders.getValue()).map((o) => o.id)).toEqual([2]);
  });
});

describe('services cache', () => {
  it('answers the fresh cache, and reads the panel when stale, for another panel, or on demand', async () => {
    const services = vi.fn(async () => [FOLLOWERS]);
    const s = setup({ services });
    await s.services.setValue({ origin: ORIGIN, services: [FOLLOWERS], at: 10 });
    await s.tracker.services();
    expect(services).not.toHaveBeenCalled();
    await s.tracker.services(true);
    expect(services).toHaveBeenCalledTimes(1);
    s.tick(16 * 60_000);
    await s.tracker.services();
    expect(services).toHaveBeenCalledTimes(2);
    await s.services.setValue({
      origin: 'https://other.test',
      services: [FOLLOWERS],
      at: (await s.services.getValue()).at,
    });
    await s.tracker.services();
    expect(services).toHaveBeenCalledTimes(3);
    expect((await s.services.getValue()).origin).toBe(ORIGIN);
  });
});
