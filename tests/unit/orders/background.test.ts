// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackground } from '../../../entrypoints/background/app';
import { ORDERS_ALARM, trackOrders } from '../../../entrypoints/background/orders';
import { DEFAULT_SETTINGS } from '../../../utils/settings';
import {
  apiKeyItem,
  balanceItem,
  keyHintItem,
  orderServicesItem,
  ordersItem,
  panelOriginItem,
  settingsItem,
} from '../../../utils/storage';
import en from '../../../public/_locales/en/messages.json';
import tr from '../../../public/_locales/tr/messages.json';
import { startSandbox, type Sandbox } from '../../sandbox/server';

// The shipped catalogs, read from disk instead of the extension's URL.
const world = { loadCatalog: async (lang: 'en' | 'tr') => (lang === 'tr' ? tr : en) };

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ orderStepMs: 1000 });
});
afterAll(() => sandbox.close());

const notifications = async () =>
  (await fakeBrowser.notifications.getAll()) as Record<string, { title: string; message: string }>;
const alarmNames = async () => (await fakeBrowser.alarms.getAll()).map((a) => a.name);

describe('orders in the background (fake browser, sandbox panel)', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    (fakeBrowser.runtime as unknown as Record<string, unknown>).getPlatformInfo = vi.fn(async () => ({
      os: 'linux',
    }));
    sandbox.reset();
    await apiKeyItem.setValue(sandbox.key);
    await keyHintItem.setValue('••••abc');
    await panelOriginItem.setValue(sandbox.url);
    await settingsItem.setValue({ ...DEFAULT_SETTINGS });
  });

  it('order → tracked with an alarm → advanced → completes with a notification, alarm gone', async () => {
    const bg = createBackground(world);
    const services = await bg.handlers.getOrderServices({}, {});
    expect(services.length).toBeGreaterThan(10);
    expect((await orderServicesItem.getValue()).origin).toBe(sandbox.url);
    const before = sandbox.balance();

    const placed = await bg.handlers.placeOrder(
      { requestId: 'r1', service: 2, values: { link: 'https://instagram.com/ayse', quantity: '1000' } },
      {},
    );
    expect(placed).toMatchObject({ serviceId: 2, charge: 0.35, quantity: 1000, status: 'pending' });
    expect(sandbox.count('add')).toBe(1);
    expect(sandbox.balance()).toBeCloseTo(before - 0.35, 6);
    expect((await ordersItem.getValue()).map((o) => o.id)).toEqual([placed.id]);
    await vi.waitFor(async () =>
      expect((await balanceItem.getValue()).orders?.amount).toBeCloseTo(before - 0.35, 6),
    );
    expect(await alarmNames()).toContain(ORDERS_ALARM);

    sandbox.advance(3_000);
    const mid = (await bg.handlers.refreshOrders({}, {}))[0]!;
    expect(mid.status).toBe('in_progress');
    expect(mid.remains).toBeLessThan(1000);
    expect(await notifications()).toEqual({});

    sandbox.advance(60_000);
    await trackOrders(bg.handlers); // what the alarm does
    const done = (await ordersItem.getValue())[0]!;
    expect(done.status).toBe('completed');
    expect(done.remains).toBe(0);
    const note = (await notifications())[`order:${placed.id}`];
    expect(note?.title).toMatch(new RegExp(`#${placed.id} (completed|tamamlandı)`));
    expect(note?.message).toContain('https://instagram.com/ayse');
    expect(await alarmNames()).not.toContain(ORDERS_ALARM);

    // Nothing unfinished: the alarm's work sends no request.
    const statusCalls = sandbox.count('status');
    await trackOrders(bg.handlers);
    expect(sandbox.count('status')).toBe(statusCalls);
  });

  it('no notification when the person turned them off', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, notifications: false });
    const bg = createBackground(world);
    const placed = await bg.handlers.placeOrder(
      { requestId: 'r2', service: 3, values: { link: 'https://instagram.com/p/1', quantity: '100' } },
      {},
    );
    sandbox.advance(120_000);
    await bg.handlers.refreshOrders({}, {});
    expect((await ordersItem.getValue())[0]!.id).toBe(placed.id);
    expect((await ordersItem.getValue())[0]!.status).not.toBe('pending');
    expect(await notifications()).toEqual({});
  });

  it('a low balance: the panel refuses, nothing is remembered, the sentence says funds', async () => {
    sandbox.setBalance(0.1);
    const bg = createBackground(world);
    const err = await Promise.resolve(
      bg.handlers.placeOrder(
        { requestId: 'r3', service: 1, values: { link: 'https://x.com/a', quantity: '1000' } },
        {},
      ),
    ).catch((e) => e);
    expect(err).toMatchObject({ name: 'PanelError', kind: 'insufficient_funds', mayHaveCharged: false });
    expect(await ordersItem.getValue()).toEqual([]);
    expect(await alarmNames()).not.toContain(ORDERS_ALARM);
  });

  it('a worker start brings the alarm back while an order is unfinished', async () => {
    const bg = createBackground(world);
    await bg.handlers.placeOrder(
      { requestId: 'r4', service: 2, values: { link: 'https://instagram.com/b', quantity: '100' } },
      {},
    );
    await fakeBrowser.alarms.clearAll();
    createBackground(world);
    await vi.waitFor(async () => expect(await alarmNames()).toContain(ORDERS_ALARM));
  });
});
