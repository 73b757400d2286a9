// @vitest-environment node
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { serveCatalogsToFetch } from './catalog-fetch';
import { patchFakeBrowser, type FakeEvent } from './fake-events';
import background from '../../../entrypoints/background/index';
import { rentalsItem, settingsItem } from '../../../utils/storage';
import { DEFAULT_SETTINGS } from '../../../utils/settings';
import type { Rental } from '../../../utils/rentals/types';

const rental = (over: Partial<Rental> = {}): Rental => ({
  id: 'r1',
  serviceId: 11,
  serviceName: 'Whatsapp Türkiye',
  categoryName: 'WhatsApp',
  price: 8,
  currency: null,
  number: '+905551112233',
  numberId: 1000,
  state: 'received',
  createdAt: Date.now(),
  rentedAt: Date.now(),
  expiresAt: Date.now() + 600_000,
  endedAt: null,
  codes: [{ code: '048213', at: Date.now(), seen: false }],
  site: 'https://signup.example',
  tabId: 42,
  cancel: null,
  error: null,
  nextPollAt: Date.now() + 600_000,
  failures: 0,
  ...over,
});

type Fake = Record<string, Record<string, unknown>>;
let injected: { target: { tabId: number; allFrames: boolean }; files?: string[]; args?: unknown[] }[];
let filledPerFrame: number[];

beforeEach(async () => {
  fakeBrowser.reset();
  serveCatalogsToFetch();
  patchFakeBrowser();
  const fb = fakeBrowser as unknown as Fake;
  injected = [];
  filledPerFrame = [0, 6];
  fb.scripting!.executeScript = vi.fn(async (details: (typeof injected)[number]) => {
    injected.push(details);
    if (details.files) return filledPerFrame.map(() => ({ result: undefined }));
    return filledPerFrame.map((n) => ({ result: { filled: n } }));
  });
  await settingsItem.setValue({ ...DEFAULT_SETTINGS });
  await rentalsItem.setValue([rental()]);
  background.main();
  // The worker's start has run when it painted the badge for the received code.
  await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('1'));
});

const fills = () => injected.filter((d) => d.args);

describe('fill and copy triggers', () => {
  it('the keyboard command fills the latest code into the active tab, all frames, and marks it seen', async () => {
    await (fakeBrowser.commands.onCommand as unknown as FakeEvent).trigger('fill-latest-code', {
      id: 9,
    });
    expect(injected[0]).toMatchObject({
      target: { tabId: 9, allFrames: true },
      files: ['/content-scripts/autofill.js'],
    });
    expect(fills()[0]!.args).toEqual(['code', '048213', 0]);
    expect((await rentalsItem.getValue())[0]!.codes[0]!.seen).toBe(true);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('the context menu fills the tab it was clicked in', async () => {
    await (fakeBrowser.contextMenus.onClicked as unknown as FakeEvent).trigger(
      { menuItemId: 'fill-latest-code' },
      { id: 5 },
    );
    expect(fills()[0]!.target.tabId).toBe(5);
  });

  it('a page without a code field gets a second, waiting pass, then a notification; nothing is marked seen', async () => {
    filledPerFrame = [0, 0];
    await (fakeBrowser.contextMenus.onClicked as unknown as FakeEvent).trigger(
      { menuItemId: 'fill-latest-code' },
      { id: 5 },
    );
    expect(fills().map((d) => d.args![2])).toEqual([0, 4000]);
    const notes = (await fakeBrowser.notifications.getAll()) as Record<string, { message: string }>;
    expect(Object.values(notes).some((n) => n.message.includes('048213'))).toBe(true);
    expect((await rentalsItem.getValue())[0]!.codes[0]!.seen).toBe(false);
  });

  it('with no code yet, the command says so instead of filling anything', async () => {
    await rentalsItem.setValue([rental({ codes: [], state: 'waiting' })]);
    await (fakeBrowser.commands.onCommand as unknown as FakeEvent).trigger('fill-latest-code', {
      id: 9,
    });
    expect(injected).toEqual([]);
    const notes = await fakeBrowser.notifications.getAll();
    expect(Object.keys(notes)).toContain('fill:none');
  });

  it("the notification's Fill button fills the tab the number was rented from", async () => {
    await fakeBrowser.tabs.create({ url: 'https://signup.example/' });
    const tabs = await fakeBrowser.tabs.query({});
    await rentalsItem.setValue([rental({ tabId: tabs[tabs.length - 1]!.id! })]);
    await fakeBrowser.notifications.onButtonClicked.trigger('code:r1', 1);
    expect(fills()[0]!.target.tabId).toBe(tabs[tabs.length - 1]!.id);
  });
});

describe("a code notification's buttons act on that notification's number", () => {
  it('Fill fills its own code, not a newer code of another number', async () => {
    await fakeBrowser.tabs.create({ url: 'https://signup.example/' });
    const tabs = await fakeBrowser.tabs.query({});
    const tabId = tabs[tabs.length - 1]!.id!;
    const older = rental({ tabId, codes: [{ code: '111111', at: Date.now() - 60_000, seen: false }] });
    const newer = rental({ id: 'r2', tabId: null, codes: [{ code: '222222', at: Date.now(), seen: false }] });
    await rentalsItem.setValue([newer, older]);
    await fakeBrowser.notifications.onButtonClicked.trigger('code:r1', 1);
    expect(fills()[0]).toMatchObject({ target: { tabId }, args: ['code', '111111', 0] });
  });
});

describe('clicking a notification', () => {
  it('opens the popup, or the popup in a tab where the browser refuses', async () => {
    const action = fakeBrowser.action as unknown as { openPopup?: () => Promise<void> };
    const urls = async () => (await fakeBrowser.tabs.query({})).map((t) => t.url ?? '');
    const before = await urls();
    action.openPopup = vi.fn(async () => undefined);
    await fakeBrowser.notifications.onClicked.trigger('code:r1');
    expect(action.openPopup).toHaveBeenCalledTimes(1);
    expect(await urls()).toEqual(before);

    action.openPopup = vi.fn(async () => {
      throw new Error('openPopup is not allowed here');
    });
    await fakeBrowser.notifications.onClicked.trigger('code:r1');
    const added = (await urls()).slice(before.length);
    expect(added).toEqual([expect.stringMatching(/popup\.html$/)]);
  });
});
