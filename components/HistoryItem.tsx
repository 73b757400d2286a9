import { formatMoney } from '../utils/money';
import { endedWithoutCode, type Rental } from '../utils/rentals/types';
import { cancelSentence } from '../utils/stores/cancelText';
import { formatWhen } from '../utils/stores/time';
import { useI18n } from './I18n';

/** The codes found in a rental's messages. */
const codesOf = (r: Rental) => r.codes.flatMap((c) => (c.code === null ? [] : [c.code]));
/** The whole texts that were more than a bare code. */
const messagesOf = (r: Rental) => r.codes.flatMap((c) => (c.message ? [c.message] : []));

/** One finished number: what, when, how it ended, and the codes it got. */
export function HistoryItem({
  rental,
  now,
  currency,
  busy,
  onRentAgain,
}: {
  rental: Rental;
  now: number;
  currency: string | null;
  busy?: boolean;
  /** "Rent another" (same service and country), offered when the number ended without a code. */
  onRentAgain?: () => void;
}) {
  const { t, locale } = useI18n();
  const when = formatWhen(rental.endedAt ?? rental.createdAt, now, locale);
  return (
    <li class="history-item" data-testid="history-item">
      <div class="card-head">
        <span class="card-title">
          {rental.serviceName}
          {rental.categoryName && <span class="muted"> · {rental.categoryName}</span>}
        </span>
        <span class="price">{formatMoney(rental.price, rental.currency ?? currency, locale)}</span>
      </div>
      <div class="history-meta">
        <span class="mono">{rental.number ?? '—'}</span>
        <span class={`status status-${rental.state}`}>{t(`ui_state_${rental.state}`)}</span>
        <time dateTime={new Date(rental.endedAt ?? rental.createdAt).toISOString()}>{when}</time>
      </div>
      {codesOf(rental).length > 0 && (
        <p class="history-codes">
          {t('ui_codes')} <strong class="mono">{codesOf(rental).join(', ')}</strong>
        </p>
      )}
      {messagesOf(rental).map((m, i) => (
        <p key={i} class="hint code-message">
          {t('ui_sms_message_label')} <span>{m}</span>
        </p>
      ))}
      {rental.state === 'cancelled' && <p class="hint">{cancelSentence(rental.cancel, t).text}</p>}
      {onRentAgain && endedWithoutCode(rental) && (
        <div class="row row-end">
          <button type="button" class="btn" disabled={busy} aria-busy={busy} onClick={onRentAgain}>
            {busy ? t('ui_renting_again') : t('ui_rent_again')}
          </button>
        </div>
      )}
    </li>
  );
}
