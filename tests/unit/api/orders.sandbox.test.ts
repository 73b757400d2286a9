// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOrdersApi, STATUS_BATCH } from '../../../utils/api/orders/index.ts';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { failure } from './leak.ts';

const KEY = 'ord/Ä+key 7&x=1';
const STEP = 5000;
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ key: KEY, orderStepMs: STEP });
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.reset();
  sandbox.setBalance(1000);
});

const api = (key = KEY) => createOrdersApi({ origin: sandbox.url, getKey: () => key, sleep: async () => {} });
const LINK = 'https://instagram.com/someone';

describe('orders client against the sandbox panel', () => {
  it('lists services with normalised types, numbers and flags', async () => {
    const services = await api().services();
    const byId = new Map(services.map((s) => [s.id, s]));
    expect(byId.get(1)).toMatchObject({
      type: 'default',
      rate: 0.9,
      min: 50,
      max: 10000,
      refill: true,
      cancel: true,
    });
    expect(byId.get(4)).toMatchObject({ type: 'custom_comments', typeText: 'Custom Comments', rate: 8 });
    expect(byId.get(5)?.type).toBe('package');
    expect(byId.get(7)?.type).toBe('mentions_with_hashtags');
    expect(services.every((s) => s.type !== 'other')).toBe(true);
    // The key went in the form body, encoded, and the panel accepted it.
    expect(sandbox.requests[0]).toMatchObject({ endpoint: 'services', hadValidKey: true, path: '/api/v2' });
    expect(sandbox.requests[0].params).toEqual({ action: 'services' });
  });

  it('places orders and follows their status', async () => {
    const { orderId } = await api().add({ service: 1, link: LINK, quantity: 100 });
    expect(orderId).toBe(23501);
    expect(sandbox.requests.at(-1)?.params).toEqual({
      action: 'add',
      service: '1',
      link: LINK,
      quantity: '100',
    });
    expect(await api().balance()).toEqual({ amount: 999.91, currency: 'USD' });
    expect(await api().status(orderId)).toMatchObject({ status: 'pending', remains: 100, currency: 'USD' });
    sandbox.advance(STEP * 2);
    const info = await api().status(orderId);
    expect(info.status).toBe('in_progress');
    expect(info.startCount).toBeGreaterThan(0);

    const comments = Array.from({ length: 10 }, (_, i) => `yorum ${i + 1}`).join('\n');
    const custom = await api().add({ service: 4, link: LINK, comments });
    expect(sandbox.orders().find((o) => o.id === custom.orderId)?.quantity).toBe(10);

    const drip = await api().add({ service: 1, link: LINK, quantity: 50, runs: 3, interval: 10 });
    expect(sandbox.orders().find((o) => o.id === drip.orderId)).toMatchObject({ runs: 3, interval: 10 });
  });

  it('turns refusals into typed errors with the panel text', async () => {
    expect(await failure(() => api().add({ service: 1, link: LINK, quantity: 10 }))).toMatchObject({
      kind: 'invalid_input',
      panelText: 'Quantity less than minimal 50',
      mayHaveCharged: false,
    });
    expect(await failure(() => api().add({ service: 999, link: LINK, quantity: 100 }))).toMatchObject({
      kind: 'invalid_input',
      panelText: 'Hatalı servis ID',
    });
    sandbox.setBalance(0);
    expect(await failure(() => api().add({ service: 1, link: LINK, quantity: 100 }))).toMatchObject({
      kind: 'insufficient_funds',
      panelText: 'Not enough funds on balance',
    });
    expect(
      await failure(() => api().add({ service: 1, link: LINK, quantity: 100, runs: 2, interval: 5 })),
    ).toMatchObject({
      kind: 'insufficient_funds',
      panelText: 'neworder.error.not_enough_funds',
    });
    expect(await failure(() => api().status(424242))).toMatchObject({
      kind: 'not_found',
      panelText: 'Incorrect order ID',
    });
    expect(await failure(() => api('wrong').balance())).toMatchObject({
      kind: 'bad_key',
      panelText: 'Invalid API key',
    });
  });

  it('refills and cancels where the service allows it', async () => {
    const refillable = await api().add({ service: 1, link: LINK, quantity: 100 });
    const plain = await api().add({ service: 2, link: LINK, quantity: 100 });
    const { refillId } = await api().refill(refillable.orderId);
    expect(refillId).toBe('1');
    expect(await api().refillStatus(refillId)).toEqual({ status: 'Completed' });
    expect(await failure(() => api().refill(plain.orderId))).toMatchObject({
      panelText: 'Refill is disabled for this service',
    });

    const result = await api().cancel([refillable.orderId, plain.orderId, 777]);
    expect(result).toEqual({
      [refillable.orderId]: { ok: true },
      [plain.orderId]: { ok: false, error: 'Order cannot be canceled' },
      777: { ok: false, error: 'Incorrect order ID' },
    });
    expect((await api().status(refillable.orderId)).status).toBe('canceled');
  });

  it('asks for 250 statuses in 3 sequential batches and keeps per-id errors', async () => {
    const placed: number[] = [];
    for (let i = 0; i < 5; i++)
      placed.push((await api().add({ service: 2, link: LINK, quantity: 100 })).orderId);
    const unknown = Array.from({ length: 245 }, (_, i) => 900_000 + i);
    const ids = [...placed, ...unknown, ...placed]; // duplicates are asked once
    const before = sandbox.count('status');

    const result = await api().statuses(ids);

    expect(sandbox.count('status') - before).toBe(3);
    const batches = sandbox.requests
      .filter((r) => r.endpoint === 'status')
      .map((r) => r.params.orders.split(','));
    expect(batches.map((b) => b.length)).toEqual([STATUS_BATCH, STATUS_BATCH, 50]);
    expect(new Set(batches.flat()).size).toBe(250);
    expect(Object.keys(result)).toHaveLength(250);
    for (const id of placed) expect(result[id]).toMatchObject({ ok: true, info: { status: 'pending' } });
    for (const id of unknown) expect(result[id]).toEqual({ ok: false, error: 'Incorrect order ID' });
  });

  it('asks nothing for an empty list', async () => {
    expect(await api().statuses([])).toEqual({});
    expect(sandbox.requests).toHaveLength(0);
  });
});
