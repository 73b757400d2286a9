// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { serveCatalogsToFetch } from './catalog-fetch';
import { patchFakeBrowser } from './fake-events';
import { storedRental } from './rental';
import { sendAsOwnPage } from './wire';
import { WATCHDOG_ALARM } from '../../../entrypoints/background/app';
import background from '../../../entrypoints/background/index';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { sendMessage } from '../../../utils/messaging/client';
import {
  apiKeyItem,
  balanceItem,
  favoriteServicesItem,
  keyHintItem,
  numbersCatalogItem,
  panelOriginItem,
  rentalsItem,
  settingsItem,
} from '../../../utils/storage';
import { DEFAULT_SETTINGS } from '../../../utils/settings';

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

/** The first service in stock, read the way the popup reads it: from the catalogue item. */
async function firstService() {
  await sendMessage('getCategories', {});
  const categoryId = (await numbersCatalogItem.getValue()).categories[0]!.id;
  await sendMessage('getServices', { categoryId });
  const rows = (await numbersCatalogItem.getValue()).services[categoryId]!.rows;
  return rows.find((r) => (r.stock ?? 0) > 0)!;
}

async function rent(requestId: string) {
  const svc = await firstService();
  const { rentalId } = await sendMessage('rent', {
    serviceId: svc.id,
    serviceName: svc.name,
    categoryName: 'c',
    price: svc.price ?? 0,
    requestId,
  });
  return (await rentalsItem.getValue()).find((r) => r.id === rentalId)!;
}

const notices = async () =>
  (await fakeBrowser.notifications.getAll()) as Record<string, { title: string; message: string }>;

describe('background with fake browser APIs and the sandbox panel, through the real client', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    serveCatalogsToFetch();
    patchFakeBrowser();
    sendAsOwnPage();
    sandbox.reset();
    await apiKeyItem.setValue(sandbox.key);
    await keyHintItem.setValue('••••abc');
    await panelOriginItem.setValue(sandbox.url);
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, pollIntervalSec: 1 });
  });

  it('main() registers a listener on every event the background serves', () => {
    const fb = fakeBrowser as unknown as Record<string, Record<string, { hasListeners(): boolean }>>;
    const events = [
      ['runtime', 'onMessage'],
      ['runtime', 'onInstalled'],
      ['runtime', 'onConnect'],
      ['alarms', 'onAlarm'],
      ['contextMenus', 'onClicked'],
      ['commands', 'onCommand'],
      ['notifications', 'onClicked'],
      ['notifications', 'onButtonClicked'],
    ] as const;
    const before = events.filter(([api, ev]) => fb[api]![ev]!.hasListeners());
    expect(before).toEqual([]);
    background.main();
    expect(events.filter(([api, ev]) => !fb[api]![ev]!.hasListeners())).toEqual([]);
  });

  it('a worker start with nothing waiting paints an empty badge and sets no alarm, sending no request', async () => {
    await fakeBrowser.action.setBadgeText({ text: 'stale' });
    background.main();
    // The start has run when it painted the badge from the (empty) rentals.
    await until(async () => (await fakeBrowser.action.getBadgeText({})) === '');
    await sendMessage('markSeen', { rentalId: 'none' }); // one round trip through the router after the start
    expect(sandbox.requests).toHaveLength(0);
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
  });

  it('rent → badge counts the waiting number → code arrives → green badge, notification, code stored', async () => {
    background.main();
    const rental = await rent('u1');
    expect(rental.state).toBe('waiting');
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    const withCode = await until(async () => (await rentalsItem.getValue()).find((r) => r.codes.length));
    expect(withCode.codes[0]!.code).toBe(sandbox.numbers()[0]!.codes[0]!.code);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    const note = await until(async () => (await notices())[`code:${rental.id}`]);
    expect(note.title).toContain(withCode.codes[0]!.code);
    expect(note.message).toContain(rental.number!);
    expect((await fakeBrowser.alarms.getAll()).map((a) => a.name)).toContain(WATCHDOG_ALARM);
    await sendMessage('markSeen', { rentalId: rental.id });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('actions answer an acknowledgement and write storage; the balance is read from its item', async () => {
    background.main();
    sandbox.setBalance(42.5);
    await expect(sendMessage('getBalance', {})).resolves.toEqual({ ok: true });
    expect((await balanceItem.getValue()).numbers?.amount).toBe(42.5);
    await expect(sendMessage('saveSettings', { patch: { pollIntervalSec: 7 } })).resolves.toEqual({
      ok: true,
    });
    await expect(
      sendMessage('setAutofillSite', { origin: 'https://signup.example/path', enabled: true }),
    ).resolves.toEqual({ ok: true });
    await expect(sendMessage('saveFavorites', { ids: [14, 14, -1, 13] })).resolves.toEqual({ ok: true });
    expect(await favoriteServicesItem.getValue()).toEqual([14, 13]);
    expect(await settingsItem.getValue()).toMatchObject({
      pollIntervalSec: 7,
      autofillSites: ['https://signup.example'],
    });
  });

  it('a bad web address is refused with its code, whatever message carries it', async () => {
    background.main();
    for (const send of [
      () => sendMessage('setOrigin', { origin: 'ftp://x' }),
      () => sendMessage('testKey', { key: 'k', origin: 'javascript:alert(1)' }),
      () => sendMessage('saveKey', { key: 'k', origin: '::' }),
      () => sendMessage('setAutofillSite', { origin: 'not a site', enabled: true }),
    ]) {
      await expect(send()).rejects.toMatchObject({ name: 'MessageError', code: 'bad_origin' });
    }
    expect(sandbox.requests).toHaveLength(0);
  });

  it('a fill with nothing to fill is refused with its code, and no page is touched', async () => {
    background.main();
    const inject = vi.fn();
    (fakeBrowser.scripting as unknown as { executeScript: unknown }).executeScript = inject;
    await expect(sendMessage('fillCode', { tabId: 1, code: '  ' })).rejects.toMatchObject({
      code: 'nothing_to_fill',
    });
    await expect(sendMessage('fillNumber', { tabId: 1, number: '' })).rejects.toMatchObject({
      code: 'nothing_to_fill',
    });
    expect(inject).not.toHaveBeenCalled();
  });

  it("a balance under the warning level notifies once, in the person's language and number format", async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, lowBalance: 5, language: 'tr' });
    sandbox.setBalance(0.5);
    background.main();
    await sendMessage('getBalance', {});
    expect((await balanceItem.getValue()).numbers?.amount).toBe(0.5);
    expect((await notices())['low-balance:now']).toMatchObject({ title: 'Bakiye düşük' });
    expect((await notices())['low-balance:now']!.message).toContain('0,50');
    await fakeBrowser.notifications.clear('low-balance:now');
    await sendMessage('getBalance', {});
    // A worker that starts again remembers it already warned.
    fakeBrowser.runtime.onMessage.removeAllListeners();
    background.main();
    await sendMessage('getBalance', {});
    expect(await notices()).toEqual({});
    // Back above the level, then under it again: a new warning.
    sandbox.setBalance(10);
    await sendMessage('getBalance', {});
    sandbox.setBalance(0.25);
    await sendMessage('getBalance', {});
    expect(Object.keys(await notices())).toEqual(['low-balance:now']);
  });

  it('a worker that starts again turns a rent cut off mid-flight into an unknown entry, never re-sent', async () => {
    const cut = storedRental({ id: 'cut', state: 'renting' });
    await rentalsItem.setValue([cut]);
    background.main();
    const recovered = await until(async () =>
      (await rentalsItem.getValue()).find((r) => r.state !== 'renting'),
    );
    expect(recovered).toMatchObject({ state: 'unknown', error: { mayHaveCharged: true } });
    expect(sandbox.count('getNumber')).toBe(0);
  });
});
