// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../../entrypoints/background/index';
import { ORDERS_ALARM } from '../../../entrypoints/background/orders';
import { sendMessage } from '../../../utils/messaging/client';
import { serveCatalogsToFetch } from './catalog-fetch';
import { patchFakeBrowser } from './fake-events';
import { sendAsOwnPage } from './wire';
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
import { startSandbox, type Sandbox } from '../../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ orderStepMs: 1000 });
});
afterAll(() => sandbox.close());

const notifications = async () =>
  (await fakeBrowser.notifications.getAll()) as Record<string, { title: string; message: string }>;
const alarmNames = async () => (await fakeBrowser.alarms.getAll()).map((a) => a.name);
/** Fires the tracking alarm the way the browser does: through the background's onAlarm listener. */
const fireOrdersAlarm = () =>
  fakeBrowser.alarms.onAlarm.trigger({ name: ORDERS_ALARM, scheduledTime: Date.now(), periodInMinutes: 3 });
const place = async (requestId: string, service: number, link: string, quantity: string) => {
  const { id } = await sendMessage('placeOrder', { requestId, service, values: { link, quantity } });
  return (await ordersItem.getValue()).find((o) => o.id === id)!;
};

describe('orders in the background (fake browser, sandbox panel)', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    patchFakeBrowser();
    serveCatalogsToFetch();
    sendAsOwnPage();
    sandbox.reset();
    await apiKeyItem.setValue(sandbox.key);
    await keyHintItem.setValue('••••abc');
    await panelOriginItem.setValue(sandbox.url);
    await settingsItem.setValue({ ...DEFAULT_SETTINGS });
  });

  it('order → tracked with an alarm → advanced → completes with a notification, alarm gone', async () => {
    background.main();
    await expect(sendMessage('getOrderServices', {})).resolves.toEqual({ ok: true });
    expect((await orderServicesItem.getValue()).services.length).toBeGreaterThan(10);
    expect((await orderServicesItem.getValue()).origin).toBe(sandbox.url);
    const before = sandbox.balance();

    const placed = await place('r1', 2, 'https://instagram.com/ayse', '1000');
    expect(placed).toMatchObject({ serviceId: 2, charge: 0.35, quantity: 1000, status: 'pending' });
    expect(sandbox.count('add')).toBe(1);
    expect(sandbox.balance()).toBeCloseTo(before - 0.35, 6);
    expect((await ordersItem.getValue()).map((o) => o.id)).toEqual([placed.id]);
    await vi.waitFor(async () =>
      expect((await balanceItem.getValue()).orders?.amount).toBeCloseTo(before - 0.35, 6),
    );
    expect(await alarmNames()).toContain(ORDERS_ALARM);

    sandbox.advance(3_000);
    await sendMessage('refreshOrders', {});
    const mid = (await ordersItem.getValue())[0]!;
    expect(mid.status).toBe('in_progress');
    expect(mid.remains).toBeLessThan(1000);
    expect(await notifications()).toEqual({});

    sandbox.advance(60_000);
    const statusBefore = sandbox.count('status');
    await fireOrdersAlarm();
    expect(sandbox.count('status')).toBe(statusBefore + 1);
    const done = (await ordersItem.getValue())[0]!;
    expect(done.status).toBe('completed');
    expect(done.remains).toBe(0);
    const note = (await notifications())[`order:${placed.id}`];
    expect(note?.title).toMatch(new RegExp(`#${placed.id} (completed|tamamlandı)`));
    expect(note?.message).toContain('https://instagram.com/ayse');
    expect(await alarmNames()).not.toContain(ORDERS_ALARM);

    // Nothing unfinished: the alarm's work (awaited to its end by trigger) sends no request.
    const statusCalls = sandbox.count('status');
    await fireOrdersAlarm();
    expect(sandbox.count('status')).toBe(statusCalls);
  });

  it('no notification when the person turned them off', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, notifications: false });
    background.main();
    const placed = await place('r2', 3, 'https://instagram.com/p/1', '100');
    sandbox.advance(120_000);
    await sendMessage('refreshOrders', {});
    expect((await ordersItem.getValue())[0]!.id).toBe(placed.id);
    expect((await ordersItem.getValue())[0]!.status).not.toBe('pending');
    expect(await notifications()).toEqual({});
  });

  it('a low balance: the panel refuses, nothing is remembered, the sentence says funds', async () => {
    sandbox.setBalance(0.1);
    background.main();
    const err = await place('r3', 1, 'https://x.com/a', '1000').catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'PanelError', kind: 'insufficient_funds', mayHaveCharged: false });
    expect(await ordersItem.getValue()).toEqual([]);
    expect(await alarmNames()).not.toContain(ORDERS_ALARM);
  });

  it('a worker start brings the alarm back while an order is unfinished', async () => {
    background.main();
    await place('r4', 2, 'https://instagram.com/b', '100');
    await fakeBrowser.alarms.clearAll();
    fakeBrowser.runtime.onMessage.removeAllListeners();
    background.main();
    await vi.waitFor(async () => expect(await alarmNames()).toContain(ORDERS_ALARM));
  });
});
