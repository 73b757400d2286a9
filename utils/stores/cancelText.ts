import type { Translate } from '../i18n';
import type { CancelNote } from '../rentals/types';

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
