// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../../entrypoints/background/index';
import { sendMessage } from '../../../utils/messaging/client';
import { DEFAULT_SETTINGS } from '../../../utils/settings';
import {
  apiKeyItem,
  keyHintItem,
  panelOriginItem,
  rentalHistoryItem,
  rentalsItem,
  settingsItem,
} from '../../../utils/storage';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { serveCatalogsToFetch } from './catalog-fetch';
import { patchFakeBrowser } from './fake-events';
import { storedRental } from './rental';
import { sendAsOwnPage } from './wire';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ codeDelayMs: Number.POSITIVE_INFINITY });
});
afterAll(() => sandbox.close());

/** Telegram Endonezya (0.1), in stock: every rent here rents it. */
const SERVICE = { serviceId: 41, serviceName: 'Telegram Endonezya', categoryName: 'Telegram', price: 0.1 };

async function rent(requestId: string, tab: { site: string; tabId: number } | null = null) {
  const { rentalId } = await sendMessage('rent', { ...SERVICE, requestId, ...tab });
  return (await rentalsItem.getValue()).find((r) => r.id === rentalId)!;
}
const stored = async (id: string) => (await rentalsItem.getValue()).find((r) => r.id === id);

describe('another number when no code comes (background, sandbox panel, real client)', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    serveCatalogsToFetch();
    patchFakeBrowser();
    sendAsOwnPage();
    sandbox.reset();
    await apiKeyItem.setValue(sandbox.key);
    await keyHintItem.setValue('••••abc');
    await panelOriginItem.setValue(sandbox.url);
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, pollIntervalSec: 3, notifications: false });
    background.main();
  });

  it('Cancel and rent another: one cancel, then one rent of the same service for the same tab; a re-send does neither again', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://signup.example/join' });
    const old = await rent('first', { site: 'https://signup.example', tabId: tab.id! });
    const req = { rentalId: old.id, requestId: 'again-1', site: 'https://other.example', tabId: 99 };
    await expect(sendMessage('cancelAndRentAnother', req)).resolves.toEqual({ ok: true });
    expect([sandbox.count('cancelNumber'), sandbox.count('getNumber')]).toEqual([1, 2]);
    const after = (await stored(old.id))!;
    expect(after).toMatchObject({ state: 'cancelled', again: { requestId: 'again-1', step: 'rented' } });
    const fresh = (await stored(after.again!.rentalId!))!;
    expect(fresh).toMatchObject({
      state: 'waiting',
      serviceId: 41,
      site: 'https://signup.example',
      tabId: tab.id,
    });
    expect(fresh.numberId).not.toBe(old.numberId);
    // The same click's message again (a popup that re-sent it): nothing more reaches the panel.
    await expect(sendMessage('cancelAndRentAnother', req)).resolves.toEqual({ ok: true });
    await Promise.all([sendMessage('cancelAndRentAnother', req), sendMessage('cancelAndRentAnother', req)]);
    expect([sandbox.count('cancelNumber'), sandbox.count('getNumber')]).toEqual([1, 2]);
  });

  it('a cancel the panel refuses rents nothing, and the number says when a cancel will be possible', async () => {
    sandbox.refuseCancelsFor(120_000);
    const old = await rent('first');
    await expect(
      sendMessage('cancelAndRentAnother', { rentalId: old.id, requestId: 'again-2' }),
    ).resolves.toEqual({ ok: true });
    expect([sandbox.count('cancelNumber'), sandbox.count('getNumber')]).toEqual([1, 1]);
    const after = (await stored(old.id))!;
    expect(after).toMatchObject({
      state: 'waiting',
      again: { step: 'refused' },
      cancel: { refunded: false, message: 'Numara ilk 2 dakika içinde iptal edilemez' },
    });
    // "ilk 2 dakika": two minutes after the rent.
    expect(after.cancel!.retryAt! - after.rentedAt!).toBe(120_000);
    // The same message again never sends a second cancel.
    await sendMessage('cancelAndRentAnother', { rentalId: old.id, requestId: 'again-2' });
    expect([sandbox.count('cancelNumber'), sandbox.count('getNumber')]).toEqual([1, 1]);
  });

  it('a cancel whose answer is lost rents nothing, and says the refund is unknown', async () => {
    const old = await rent('first');
    sandbox.injectFault('cancelNumber', { type: 'drop' });
    await expect(
      sendMessage('cancelAndRentAnother', { rentalId: old.id, requestId: 'again-3' }),
    ).rejects.toMatchObject({ name: 'MessageError', code: 'again_unclear' });
    expect((await stored(old.id))!.again).toMatchObject({ step: 'unclear' });
    await expect(
      sendMessage('cancelAndRentAnother', { rentalId: old.id, requestId: 'again-3' }),
    ).rejects.toMatchObject({ code: 'again_unclear' });
    expect([sandbox.count('cancelNumber'), sandbox.count('getNumber')]).toEqual([1, 1]);
  });

  it('Rent another for a number that expired without a code: its service, for the popup tab when its own tab is gone', async () => {
    const expired = storedRental({
      id: 'old',
      ...SERVICE,
      state: 'expired',
      number: '+62811',
      numberId: 1,
      site: 'https://gone.example',
      tabId: 4242,
      endedAt: Date.now(),
    });
    await rentalHistoryItem.setValue([expired]);
    const req = { rentalId: 'old', requestId: 'again-4', site: 'https://now.example', tabId: 5 };
    const { rentalId } = await sendMessage('rentAgain', req);
    expect(await stored(rentalId)).toMatchObject({
      serviceId: 41,
      state: 'waiting',
      site: 'https://now.example',
      tabId: 5,
    });
    await sendMessage('rentAgain', req); // a re-sent message answers the same rental
    expect(sandbox.count('getNumber')).toBe(1);
  });

  it('Rent another is refused for a number that got its code, and Cancel and rent another for one not waiting', async () => {
    await rentalHistoryItem.setValue([
      storedRental({ id: 'coded', state: 'done', codes: [{ code: '1', at: 1, seen: true }] }),
    ]);
    await expect(sendMessage('rentAgain', { rentalId: 'coded', requestId: 'x' })).rejects.toMatchObject({
      code: 'not_ended',
    });
    await expect(
      sendMessage('cancelAndRentAnother', { rentalId: 'coded', requestId: 'y' }),
    ).rejects.toMatchObject({ code: 'not_waiting' });
    expect(sandbox.requests.filter((r) => r.endpoint !== 'getBalance')).toEqual([]);
  });
});
