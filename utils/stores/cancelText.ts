import type { Translate } from '../i18n';
import type { CancelNote, Rental } from '../rentals/types';
import { formatCountdown } from './time';

/** The sentence for the panel's answer to a cancel: refunded, or refused with the panel's reason. */
export function cancelSentence(
  cancel: CancelNote | null,
  t: Translate,
): { tone: 'ok' | 'warn'; text: string } {
  if (!cancel) return { tone: 'ok', text: t('ui_state_cancelled') };
  if (cancel.refunded) return { tone: 'ok', text: t('ui_cancel_refunded') };
  const reason = [cancel.title, cancel.message]
    .map((x) => (x ?? '').trim())
    .filter(Boolean)
    .join(' — ');
  return {
    tone: 'warn',
    text: reason ? t('ui_cancel_refused_reason', { text: reason }) : t('ui_cancel_refused'),
  };
}

/** A refused cancel's next chance, while it is ahead: "You can cancel at 22:41 — in 0:58." */
export function retrySentence(
  cancel: CancelNote | null,
  now: number,
  t: Translate,
  locale: string,
): string | null {
  const at = cancel && !cancel.refunded ? cancel.retryAt : undefined;
  if (at === undefined || at <= now) return null;
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(at);
  return t('ui_cancel_retry_at', { time, left: formatCountdown(at - now) });
}

/** How "Cancel and rent another" ended, on the old number's card (null while it runs or when it failed). */
export function againSentence(r: Rental, rentals: readonly Rental[], t: Translate): string | null {
  const step = r.again?.step;
  if (step === 'rented') {
    const number = rentals.find((x) => x.id === r.again?.rentalId)?.number ?? '';
    return t('ui_again_rented', { number });
  }
  return step === 'refused' || step === 'unclear' || step === 'rent_failed' ? t(`ui_again_${step}`) : null;
}
