// @vitest-environment node
// One background per file: a background's poll loop outlives its test, so pace is measured once here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../../entrypoints/background/index';
import { sendMessage } from '../../../utils/messaging/client';
import { DEFAULT_SETTINGS } from '../../../utils/settings';
import { apiKeyItem, keyHintItem, panelOriginItem, settingsItem } from '../../../utils/storage';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { serveCatalogsToFetch } from './catalog-fetch';
import { fakeEvent, patchFakeBrowser } from './fake-events';
import { sendAsOwnPage } from './wire';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ codeDelayMs: Number.POSITIVE_INFINITY });
});
afterAll(() => sandbox.close());

const until = async (probe: () => boolean, ms: number) => {
  const end = Date.now() + ms;
  while (!probe()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
};
const polls = () => sandbox.requests.filter((r) => r.endpoint === 'getMessage').map((r) => r.at);
const gaps = (at: number[]) => at.slice(1).map((t, i) => t - at[i]!);

describe('one-second polling while a popup watches (background through its listeners, sandbox panel)', () => {
  it("only an own page's popup-watch port speeds a waiting number to 1 s; its disconnect brings the 2 s setting back", async () => {
    fakeBrowser.reset();
    serveCatalogsToFetch();
    patchFakeBrowser();
    sendAsOwnPage();
    await apiKeyItem.setValue(sandbox.key);
    await keyHintItem.setValue('••••abc');
    await panelOriginItem.setValue(sandbox.url);
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, pollIntervalSec: 2, notifications: false });
    background.main();
    await sendMessage('rent', {
      serviceId: 41,
      serviceName: 'Telegram Endonezya',
      categoryName: 'Telegram',
      price: 0.1,
      requestId: 'watched',
    });
    await until(() => polls().length >= 1, 5_000);
    const runtime = fakeBrowser.runtime as unknown as { id: string; onConnect: ReturnType<typeof fakeEvent> };
    const popupUrl = fakeBrowser.runtime.getURL('/popup.html');

    // A web page's port, or a port of another name: the setting's pace goes on.
    await runtime.onConnect.trigger({
      name: 'popup-watch',
      sender: { id: runtime.id, url: 'https://evil.example/' },
      onDisconnect: fakeEvent(),
    });
    await runtime.onConnect.trigger({
      name: 'other',
      sender: { id: runtime.id, url: popupUrl },
      onDisconnect: fakeEvent(),
    });
    let from = polls().length;
    await until(() => polls().length >= from + 2, 10_000);
    expect(gaps(polls().slice(from)).every((g) => g >= 1_650)).toBe(true);

    // The popup's port: every second.
    const onDisconnect = fakeEvent();
    const port = { name: 'popup-watch', sender: { id: runtime.id, url: popupUrl }, onDisconnect };
    await runtime.onConnect.trigger(port);
    from = polls().length;
    await until(() => polls().length >= from + 4, 8_000);
    const watched = gaps(polls().slice(from));
    expect(
      watched.every((g) => g >= 900 && g < 1_500),
      `gaps while watched: ${watched}`,
    ).toBe(true);

    // The popup closed (its port disconnects): after the poll already planned, 2 s ± 15% again.
    await onDisconnect.trigger(port);
    from = polls().length;
    await until(() => polls().length >= from + 3, 9_000);
    const after = gaps(polls().slice(from + 1));
    expect(
      after.every((g) => g >= 1_650),
      `gaps after the popup closed: ${after}`,
    ).toBe(true);
  }, 40_000);
});
