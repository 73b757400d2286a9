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
const SITE = 'https://signup.example';

/** A tab showing `url`; its id. */
const openTab = async (url: string) => (await fakeBrowser.tabs.create({ url })).id!;
const notices = async () =>
  Object.values((await fakeBrowser.notifications.getAll()) as Record<string, { message: string }>);
const command = (tabId: number) =>
  (fakeBrowser.commands.onCommand as unknown as FakeEvent).trigger('fill-latest-code', { id: tabId });

describe('fill and copy triggers', () => {
  it("the command fills the code into a tab of the number's site: all frames, only that origin, marked seen", async () => {
    const tabId = await openTab(`${SITE}/verify`);
    await command(tabId);
    expect(injected[0]).toMatchObject({
      target: { tabId, allFrames: true },
      files: ['/autofill.js'],
    });
    expect(fills()[0]!.args).toEqual(['code', '048213', 0, [SITE]]);
    expect((await rentalsItem.getValue())[0]!.codes[0]!.seen).toBe(true);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('the context menu fills the tab it was clicked in', async () => {
    const tabId = await openTab(`${SITE}/`);
    await (fakeBrowser.contextMenus.onClicked as unknown as FakeEvent).trigger(
      { menuItemId: 'fill-latest-code' },
      { id: tabId },
    );
    expect(fills()[0]!.target.tabId).toBe(tabId);
  });

  it('on another site the command fills nothing and a notification names both sites', async () => {
    const tabId = await openTab('https://example.com/login');
    await command(tabId);
    expect(fills()).toEqual([]);
    const messages = (await notices()).map((n) => n.message);
    expect(messages).toEqual([expect.stringMatching(/signup\.example.*example\.com/)]);
    expect((await rentalsItem.getValue())[0]!.codes[0]!.seen).toBe(false);
  });

  it("the command types the code of the number rented for the tab's site, not a newer one of another site", async () => {
    const other = rental({
      id: 'r2',
      site: 'https://else.example',
      codes: [{ code: '999999', at: Date.now() + 5, seen: false }],
    });
    await rentalsItem.setValue([other, rental()]);
    await command(await openTab(`${SITE}/`));
    expect(fills()[0]!.args!.slice(0, 2)).toEqual(['code', '048213']);
  });

  it('an implausible code is never typed by the command: a notification shows it instead', async () => {
    await rentalsItem.setValue([
      rental({ codes: [{ code: 'ABCDEFGHIJKLMNOP', at: Date.now(), seen: false }] }),
    ]);
    await command(await openTab(`${SITE}/`));
    expect(injected).toEqual([]);
    expect((await notices()).some((n) => n.message.includes('ABCDEFGHIJKLMNOP'))).toBe(true);
  });

  it('a field only in a frame of another origin is not filled: no waiting pass, a notification names that site', async () => {
    const answers = [
      { filled: 0, reason: 'no_field' },
      { filled: 0, reason: 'other_origin', origin: 'https://pay.example' },
    ];
    (fakeBrowser as unknown as Fake).scripting!.executeScript = vi.fn(
      async (details: (typeof injected)[number]) => {
        injected.push(details);
        return answers.map((result) => ({ result: details.files ? undefined : result }));
      },
    );
    await command(await openTab(`${SITE}/`));
    expect(fills()).toHaveLength(1);
    expect((await notices()).map((n) => n.message)).toEqual([
      expect.stringMatching(/pay\.example.*signup\.example/),
    ]);
    expect((await rentalsItem.getValue())[0]!.codes[0]!.seen).toBe(false);
  });

  it('a page without a code field gets a second, waiting pass, then a notification; nothing is marked seen', async () => {
    filledPerFrame = [0, 0];
    const tabId = await openTab(`${SITE}/`);
    await (fakeBrowser.contextMenus.onClicked as unknown as FakeEvent).trigger(
      { menuItemId: 'fill-latest-code' },
      { id: tabId },
    );
    expect(fills().map((d) => d.args![2])).toEqual([0, 4000]);
    expect((await notices()).some((n) => n.message.includes('048213'))).toBe(true);
    expect((await rentalsItem.getValue())[0]!.codes[0]!.seen).toBe(false);
  });

  it('with no code yet, the command says so instead of filling anything', async () => {
    await rentalsItem.setValue([rental({ codes: [], state: 'waiting' })]);
    await command(await openTab(`${SITE}/`));
    expect(injected).toEqual([]);
    const notes = await fakeBrowser.notifications.getAll();
    expect(Object.keys(notes)).toContain('fill:none');
  });

  it("the notification's Fill button fills the tab the number was rented from", async () => {
    const tabId = await openTab(`${SITE}/`);
    await rentalsItem.setValue([rental({ tabId })]);
    await fakeBrowser.notifications.onButtonClicked.trigger('code:r1', 1);
    expect(fills()[0]!.target.tabId).toBe(tabId);
  });
});

describe("a code notification's buttons act on that notification's number", () => {
  it('Fill fills its own code, not a newer code of another number', async () => {
    const tabId = await openTab(`${SITE}/`);
    const older = rental({ tabId, codes: [{ code: '111111', at: Date.now() - 60_000, seen: false }] });
    const newer = rental({ id: 'r2', tabId: null, codes: [{ code: '222222', at: Date.now(), seen: false }] });
    await rentalsItem.setValue([newer, older]);
    await fakeBrowser.notifications.onButtonClicked.trigger('code:r1', 1);
    expect(fills()[0]).toMatchObject({ target: { tabId }, args: ['code', '111111', 0, [SITE]] });
  });

  it('Fill over a page of another site fills nothing and names both sites', async () => {
    const tabId = await openTab('https://example.com/');
    await rentalsItem.setValue([rental({ tabId })]);
    await fakeBrowser.notifications.onButtonClicked.trigger('code:r1', 1);
    expect(fills()).toEqual([]);
    expect((await notices()).map((n) => n.message)).toEqual([
      expect.stringMatching(/signup\.example.*example\.com/),
    ]);
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
