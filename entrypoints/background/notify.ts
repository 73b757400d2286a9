import { browser, type Browser } from 'wxt/browser';
import type { Translate } from '../../utils/i18n';
import type { Rental } from '../../utils/rentals/types';

/** Notification ids carry what they are about: "code:<rentalId>", "refund:<rentalId>"… */
export type NoticeKind = 'code' | 'refund' | 'cancel-failed' | 'low-balance' | 'fill';

export function noticeId(kind: NoticeKind, ref: string): string {
  return `${kind}:${ref}`;
}

export function parseNoticeId(id: string): { kind: NoticeKind; ref: string } | null {
  const i = id.indexOf(':');
  if (i < 0) return null;
  return { kind: id.slice(0, i) as NoticeKind, ref: id.slice(i + 1) };
}

/** Chrome shows buttons on notifications; Firefox does not (clicking it opens the popup instead). */
export const NOTIFICATION_BUTTONS = import.meta.env.BROWSER !== 'firefox';

const icon = () => browser.runtime.getURL('/icon/128.png');

/** A system notification with the code, the number and the service (Copy / Fill buttons on Chrome). */
export async function notifyCode(rental: Rental, code: string, t: Translate): Promise<void> {
  const options: Browser.notifications.NotificationCreateOptions = {
    type: 'basic',
    iconUrl: icon(),
    title: t('notifyCodeTitle', { code }),
    message: t('notifyCodeBody', { number: rental.number ?? '', service: rental.serviceName }),
    priority: 2,
  };
  if (NOTIFICATION_BUTTONS) options.buttons = [{ title: t('actionCopy') }, { title: t('actionFill') }];
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
