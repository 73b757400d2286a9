import { endedWithoutCode } from '../utils/rentals/types';
import type { PopupStore } from '../utils/stores/popup';
import { useI18n } from './I18n';

/** Outcomes that outlive their number (a refund, a refused cancel), each dismissable. */
export function Notices({ store }: { store: PopupStore }) {
  const { t } = useI18n();
  const onList = new Set(store.rentals.value.map((r) => r.id));
  const notices = store.notices.value.filter((n) => !n.rentalId || !onList.has(n.rentalId));
  if (notices.length === 0) return null;
  return (
    <ul class="notices">
      {notices.map((n) => {
        // A number that ended without a code (now in the history) offers another of its service here too.
        const ended = store.history.value.find((r) => r.id === n.rentalId);
        return (
          <li key={n.id} class={`note note-${n.tone}`} data-testid="notice">
            <span>{n.text}</span>
            {ended && endedWithoutCode(ended) && (
              <button
                type="button"
                class="btn btn-small"
                disabled={!!store.rentalBusy.value[ended.id]}
                onClick={() => void store.rentAgain(ended)}
              >
                {t('ui_rent_again')}
              </button>
            )}
            <button
              type="button"
              class="icon-btn icon-btn-small"
              aria-label={t('ui_dismiss_notice')}
              onClick={() => store.dismissNotice(n.id)}
            >
              <span aria-hidden="true">×</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
