import { browser, type Browser } from 'wxt/browser';
import type { Translate } from '../../utils/i18n';
import { pageOrigin } from '../../utils/otp/site';
import { latestCode } from '../../utils/rentals/machine';
import type { CodeEntry, Rental } from '../../utils/rentals/types';
import type { Core } from './core';
import type { FillFeature } from './fill';

/** Notification ids carry what they are about: "code:<rentalId>", "refund:<rentalId>"… */
export type NoticeKind = 'code' | 'refund' | 'cancel-failed' | 'charged-twice' | 'low-balance' | 'fill';

/** The id of a notification about `ref` (a rental id, or a fixed word). */
export function noticeId(kind: NoticeKind, ref: string): string {
  return `${kind}:${ref}`;
}

/** The kind and subject of a notification id; null for ids the extension did not make. */
export function parseNoticeId(id: string): { kind: NoticeKind; ref: string } | null {
  const i = id.indexOf(':');
  if (i < 0) return null;
  return { kind: id.slice(0, i) as NoticeKind, ref: id.slice(i + 1) };
}

/** Chrome shows buttons on notifications; Firefox does not (clicking it opens the popup instead). */
export const NOTIFICATION_BUTTONS = import.meta.env.BROWSER !== 'firefox';

const icon = () => browser.runtime.getURL('/icon/128.png');

/**
 * A system notification with the code found in the SMS (the whole text below it), the number and the
 * service, with Copy / Fill buttons on Chrome. A message without a code is shown as it is, without buttons.
 */
export async function notifyCode(rental: Rental, entry: CodeEntry, t: Translate): Promise<void> {
  const about = t('notifyCodeBody', { number: rental.number ?? '', service: rental.serviceName });
  const { code, message } = entry;
  const options: Browser.notifications.NotificationCreateOptions = {
    type: 'basic',
    iconUrl: icon(),
    title: code !== null ? t('notifyCodeTitle', { code }) : t('notifyMessageTitle'),
    message: message ? `${message}\n${about}` : about,
    priority: 2,
  };
  if (NOTIFICATION_BUTTONS && code !== null)
    options.buttons = [{ title: t('actionCopy') }, { title: t('actionFill') }];
  await browser.notifications.create(noticeId('code', rental.id), options);
}

/** A plain notification (refund, failed cancel, low balance, fill result). */
export async function notifyText(
  kind: NoticeKind,
  ref: string,
  title: string,
  message: string,
): Promise<void> {
  await browser.notifications.create(noticeId(kind, ref), { type: 'basic', iconUrl: icon(), title, message });
}

/** What a click on a code notification needs from the other features. */
interface NoticeDeps {
  store: Pick<Core['store'], 'get'>;
  fill: Pick<FillFeature, 'copyCode' | 'fillForTrigger'>;
}

/** The notifications' click handlers: Copy / Fill buttons (Chrome) and a click on the notification. */
export function createNoticeClicks({ store, fill }: NoticeDeps) {
  return {
    /** Copy (button 0) or Fill (button 1) the code of the notification's own number. */
    async onButtonClicked(id: string, index: number) {
      const notice = parseNoticeId(id);
      if (notice?.kind !== 'code') return;
      const rental = await store.get(notice.ref);
      const latest = latestCode(rental ? [rental] : []);
      if (!rental || !latest) return;
      if (index === 0) {
        await fill.copyCode(rental, latest.code);
      } else {
        // The tab the number was rented from, else the active tab; either way only on the number's site.
        const tabs = await browser.tabs.query({ active: true, lastFocusedWindow: true });
        const own = rental.tabId !== null ? await browser.tabs.get(rental.tabId).catch(() => null) : null;
        const onSite = [own, tabs[0]].find((tab) => tab && pageOrigin(tab.url) === rental.site);
        await fill.fillForTrigger((onSite ?? own ?? tabs[0])?.id, rental);
      }
      await browser.notifications.clear(id);
    },
    /** Opens the popup; where the browser refuses to open it from here, in a tab instead. */
    async onClicked(id: string) {
      await browser.notifications.clear(id);
      const action =
        browser.action ?? (browser as unknown as { browserAction?: typeof browser.action }).browserAction;
      const opened = await Promise.resolve(action?.openPopup?.()).then(
        () => Boolean(action?.openPopup),
        () => false,
      );
      if (!opened) await browser.tabs.create({ url: browser.runtime.getURL('/popup.html') });
    },
  };
}
