import type { Rental } from '../utils/rentals/types';
import type { PopupStore } from '../utils/stores/popup';
import { useI18n } from './I18n';

interface Props {
  store: PopupStore;
  rental: Rental;
  busy: boolean;
}

/** The newest code in large digits with Copy and Fill (and the question a Fill may ask first), the SMS it came in beside it; earlier codes below. */
export function CodeDisplay({ store, rental, busy }: Props) {
  const { t } = useI18n();
  const latest = rental.codes[rental.codes.length - 1];
  if (!latest) return null;
  const earlier = rental.codes.slice(0, -1).reverse();
  const ask = store.fillAsks.value[rental.id];
  const code = latest.code;
  return (
    <div class="code-box">
      {code !== null ? (
        <div class="code-row">
          <output class="code" data-testid="code" aria-label={t('ui_code_aria', { code })}>
            {code}
          </output>
          <div class="row">
            <button
              type="button"
              class="btn btn-primary"
              aria-label={t('ui_copy_code_aria', { code })}
              onClick={() => void store.copyCode(rental, code)}
            >
              {t('ui_copy')}
            </button>
            <button
              type="button"
              class="btn"
              disabled={busy}
              aria-label={t('ui_fill_code_aria', { code })}
              onClick={() => void store.fillCode(rental, code)}
            >
              {t('ui_fill')}
            </button>
          </div>
        </div>
      ) : (
        <p class="note note-warn" data-testid="code-none">
          {t('ui_sms_no_code')}
        </p>
      )}
      {latest.message && (
        <p class="hint code-message" data-testid="code-message">
          {t('ui_sms_message_label')} <span>{latest.message}</span>
        </p>
      )}
      {ask && (
        <div class="note note-warn" role="alertdialog" aria-label={ask.text} data-testid="fill-ask">
          <p>{ask.text}</p>
          <div class="row">
            <button
              type="button"
              class="btn btn-primary"
              disabled={busy}
              onClick={() => void store.confirmFill(rental)}
            >
              {t('ui_fill_confirm')}
            </button>
            <button type="button" class="btn" onClick={() => store.declineFill(rental)}>
              {t('ui_fill_decline')}
            </button>
          </div>
        </div>
      )}
      {earlier.length > 0 && (
        <p class="hint">
          {t('ui_earlier_codes')} {earlier.map((c) => c.code ?? c.message).join(', ')}
        </p>
      )}
    </div>
  );
}
