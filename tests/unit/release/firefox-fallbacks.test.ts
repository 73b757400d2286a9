// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { copyFromBackground } from '../../../entrypoints/background/clipboard';
import background from '../../../entrypoints/background/index';
import { applyMessage, rented, startRental } from '../../../utils/rentals/machine';
import { rentalsItem } from '../../../utils/storage';
import { serveCatalogsToFetch } from '../background/catalog-fetch';
import { fakeEvent, patchFakeBrowser } from '../background/fake-events';

/** The fake browser as a bag of namespaces, so a test can take away what Firefox does not have. */
const fb = fakeBrowser as unknown as Record<string, Record<string, unknown> | undefined>;
const undo: (() => void)[] = [];

/** Replaces `obj[key]` for one test (undefined: the API is missing, as on Firefox). */
function replace(obj: Record<string, unknown>, key: string, value: unknown): void {
  const before = Object.getOwnPropertyDescriptor(obj, key);
  Object.defineProperty(obj, key, { value, configurable: true, writable: true });
  undo.push(() => (before ? Object.defineProperty(obj, key, before) : delete obj[key]));
}

/** A number whose code arrived a moment ago and was not seen yet (no poll is due for an hour). */
function rentalWithUnseenCode(now: number) {
  const start = startRental(
    {
      serviceId: 41,
      serviceName: 'Telegram Endonezya',
      categoryName: 'Telegram',
      price: 0.1,
      requestId: 'ff',
    },
    'ff-rental',
    now,
  );
  const waiting = rented(start, { number: '+620000000', numberId: 1000 }, now, 20 * 60_000, 0);
  const got = applyMessage(waiting, { numberId: 1000, state: 'received', code: '482913' }, now);
  return { ...got, nextPollAt: now + 3_600_000 };
}

describe('Firefox fallbacks: what the background does without the APIs Firefox lacks', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    serveCatalogsToFetch();
    patchFakeBrowser();
  });

  afterEach(async () => {
    // Nothing left to poll, so the background's loop ends.
    await rentalsItem.setValue([]);
    while (undo.length) undo.pop()!();
    vi.unstubAllGlobals();
  });

  it('starts without notification buttons and with browserAction instead of action, and resumes its rentals', async () => {
    const action = fb.action!;
    replace(fb.notifications!, 'onButtonClicked', undefined);
    replace(fb, 'browserAction', action);
    replace(fb, 'action', undefined);
    await rentalsItem.setValue([rentalWithUnseenCode(Date.now())]);

    expect(() => background.main()).not.toThrow();
    // The start went all the way to resume(): the badge is painted through browserAction.
    await vi.waitFor(async () => {
      const text = await (action as unknown as typeof fakeBrowser.action).getBadgeText({});
      expect(text).toBe('1');
    });
  });

  it('copies a code from the background without offscreen documents, through the page clipboard', async () => {
    replace(fb, 'offscreen', undefined);
    const writeText = vi.fn(async (_text: string) => undefined);
    vi.stubGlobal('navigator', { clipboard: { writeText } });
    expect(await copyFromBackground('482913')).toBe(true);
    expect(writeText).toHaveBeenCalledWith('482913');
  });

  it('keeps the notification-click fallback (open the popup) when there are no buttons', async () => {
    const onClicked = fakeEvent();
    replace(fb.notifications!, 'onClicked', onClicked);
    replace(fb.notifications!, 'onButtonClicked', undefined);
    const openPopup = vi.fn(async () => undefined);
    replace(fb, 'browserAction', { ...fb.action, openPopup });
    replace(fb, 'action', undefined);
    background.main();
    await onClicked.trigger('code:ff-rental');
    expect(openPopup).toHaveBeenCalledTimes(1);
  });
});
