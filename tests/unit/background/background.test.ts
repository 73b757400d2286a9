// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { serveCatalogsToFetch } from './catalog-fetch';
import { patchFakeBrowser } from './fake-events';
import { createBackground, WATCHDOG_ALARM } from '../../../entrypoints/background/app';
import background from '../../../entrypoints/background/index';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { apiKeyItem, keyHintItem, panelOriginItem, rentalsItem, settingsItem } from '../../../utils/storage';
import { DEFAULT_SETTINGS } from '../../../utils/settings';
import type { Rental } from '../../../utils/rentals/types';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ codeDelayMs: 200 });
});
afterAll(() => sandbox.close());

const until = async <T>(probe: () => Promise<T>, ms = 5000): Promise<NonNullable<T>> => {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
};

async function firstService(bg: ReturnType<typeof createBackground>) {
  const cats = await bg.handlers.getCategories({} as never, {});
  const rows = await bg.handlers.getServices({ categoryId: cats[0]!.id }, {});
  return rows.find((r) => (r.stock ?? 0) > 0)!;
}

describe('background with fake browser APIs and the sandbox panel', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    serveCatalogsToFetch();
    patchFakeBrowser();
    sandbox.reset();
    await apiKeyItem.setValue(sandbox.key);
    await keyHintItem.setValue('••••abc');
    await panelOriginItem.setValue(sandbox.url);
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, pollIntervalSec: 1 });
  });

  it('main() registers listeners and, with nothing waiting, sends no request and sets no alarm', async () => {
    background.main();
    await new Promise((r) => setTimeout(r, 100));
    expect(sandbox.requests).toHaveLength(0);
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('rent → badge counts the waiting number → code arrives → green badge, notification, code stored', async () => {
    const bg = createBackground();
    const svc = await firstService(bg);
    const rental = await bg.handlers.rent(
      { serviceId: svc.id, serviceName: svc.name, categoryName: 'c', price: svc.price ?? 0, requestId: 'u1' },
      {},
    );
    expect(rental.state).toBe('waiting');
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    const withCode = await until(async () => (await rentalsItem.getValue()).find((r) => r.codes.length));
    expect(withCode.codes[0]!.code).toBe(sandbox.numbers()[0]!.codes[0]!.code);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    const notes = await until(async () => {
      const all = (await fakeBrowser.notifications.getAll()) as Record<
        string,
        { title: string; message: string }
      >;
      return all[`code:${rental.id}`];
    });
    expect(notes.title).toContain(withCode.codes[0]!.code);
    expect(notes.message).toContain(rental.number!);
    expect((await fakeBrowser.alarms.getAll()).map((a) => a.name)).toContain(WATCHDOG_ALARM);
    await bg.handlers.markSeen({ rentalId: rental.id }, {});
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it("a balance under the warning level notifies once, in the person's language and number format", async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, lowBalance: 5, language: 'tr' });
    sandbox.setBalance(0.5);
    const bg = createBackground();
    const res = await bg.handlers.getBalance({} as never, {});
    expect(res.numbers?.amount).toBe(0.5);
    const notes = (await fakeBrowser.notifications.getAll()) as Record<
      string,
      { title: string; message: string }
    >;
    expect(notes['low-balance:now']).toMatchObject({ title: 'Bakiye düşük' });
    expect(notes['low-balance:now']!.message).toContain('0,50');
    await fakeBrowser.notifications.clear('low-balance:now');
    await bg.handlers.getBalance({} as never, {});
    // A worker that starts again remembers it already warned.
    await createBackground().handlers.getBalance({} as never, {});
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
    // Back above the level, then under it again: a new warning.
    sandbox.setBalance(10);
    await bg.handlers.getBalance({} as never, {});
    sandbox.setBalance(0.25);
    await bg.handlers.getBalance({} as never, {});
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual(['low-balance:now']);
  });

  it('a worker that starts again turns a rent cut off mid-flight into an unknown entry, never re-sent', async () => {
    const cut: Rental = {
      id: 'cut',
      serviceId: 1,
      serviceName: 's',
      categoryName: 'c',
      price: 1,
      currency: null,
      number: null,
      numberId: null,
      state: 'renting',
      createdAt: Date.now(),
      rentedAt: null,
      expiresAt: null,
      endedAt: null,
      codes: [],
      site: null,
      tabId: null,
      cancel: null,
      error: null,
      nextPollAt: 0,
      failures: 0,
    };
    await rentalsItem.setValue([cut]);
    await createBackground().resume();
    expect((await rentalsItem.getValue())[0]).toMatchObject({
      state: 'unknown',
      error: { mayHaveCharged: true },
    });
    expect(sandbox.count('getNumber')).toBe(0);
  });

  it('the watchdog alarm restarts polling after the worker was stopped', async () => {
    const bg = createBackground();
    const svc = await firstService(bg);
    sandbox.setCodeDelay(60_000);
    const rental = await bg.handlers.rent(
      { serviceId: svc.id, serviceName: svc.name, categoryName: 'c', price: 1, requestId: 'w1' },
      {},
    );
    // A new worker (fresh module state) wakes on the alarm.
    background.main();
    sandbox.deliverCode(rental.numberId!, '012345');
    await fakeBrowser.alarms.onAlarm.trigger({ name: WATCHDOG_ALARM, scheduledTime: Date.now() });
    const got = await until(async () =>
      (await rentalsItem.getValue()).find((r) => r.id === rental.id && r.codes.length),
    );
    expect(got.codes[0]!.code).toBe('012345');
  });
});
