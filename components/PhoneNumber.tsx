import type { Rental } from '../utils/rentals/types';
import type { PopupStore } from '../utils/stores/popup';
import { internationalForm, splitCallingCode } from '../utils/stores/phone';
import { useI18n } from './I18n';

interface Props {
  store: PopupStore;
  rental: Rental & { number: string };
  busy: boolean;
  /** Copy and Fill are offered while the number is live. */
  actions: boolean;
}

/** A rented number, big, with Copy (with and without the country prefix) and Fill into the page. */
export function PhoneNumber({ store, rental, busy, actions }: Props) {
  const { t } = useI18n();
  const full = internationalForm(rental.number);
  const { code, national } = splitCallingCode(rental.number);
  return (
    <div class="phone">
      <output class="phone-number" data-testid="phone-number">
        {code && <span class="phone-prefix">+{code} </span>}
        {national}
      </output>
      {actions && (
        <div class="row row-wrap">
          <button
            type="button"
            class="btn btn-small"
            aria-label={t('ui_copy_number_aria', { number: full })}
            onClick={() => void store.copyNumber(rental, full)}
          >
            {t('ui_copy')}
          </button>
          {code && (
            <button
              type="button"
              class="btn btn-small"
              aria-label={t('ui_copy_national_aria', { prefix: `+${code}`, number: national })}
              onClick={() => void store.copyNumber(rental, national)}
            >
              {t('ui_copy_without_prefix', { prefix: `+${code}` })}
            </button>
          )}
          <button
            type="button"
            class="btn btn-small"
            disabled={busy}
            aria-label={t('ui_fill_number_aria', { number: full })}
            onClick={() => void store.fillNumber(rental, full)}
          >
            {t('ui_fill_into_page')}
          </button>
        </div>
      )}
    </div>
  );
}
