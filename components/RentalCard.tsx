import { formatMoney } from '../utils/money';
import { endedWithoutCode, type Rental } from '../utils/rentals/types';
import { againSentence, cancelSentence, retrySentence } from '../utils/stores/cancelText';
import { storedErrorText } from '../utils/stores/errors';
import { moneyKnown, moneySentence } from '../utils/stores/moneyText';
import type { PopupStore } from '../utils/stores/popup';
import { CodeDisplay } from './CodeDisplay';
import { Countdown } from './Countdown';
import { useI18n } from './I18n';
import { PhoneNumber } from './PhoneNumber';

/** States a number can linger in on the active list for a moment before it moves to the history. */
const FINISHED: ReadonlySet<Rental['state']> = new Set(['done', 'cancelled', 'expired']);

/** One active number: the number, its service and price, window, status, code, and its actions. */
export function RentalCard({ store, rental }: { store: PopupStore; rental: Rental }) {
  const { t, locale } = useI18n();
  const busy = store.rentalBusy.value[rental.id];
  const note = store.rentalNotes.value[rental.id];
  const hasCode = rental.codes.length > 0;
  const live = rental.state === 'waiting' || rental.state === 'received';
  const titleId = `rental-${rental.id}-title`;
  const money = moneySentence(rental, t, locale);
  // Read the clock only while a refused cancel waits for its time (the card re-renders each second then).
  const retry =
    rental.state === 'waiting' && rental.cancel?.retryAt
      ? retrySentence(rental.cancel, store.clock.value, t, locale)
      : null;
  const again = againSentence(rental, store.rentals.value, t);

  return (
    <article class={`card rental rental-${rental.state}`} aria-labelledby={titleId} data-testid="rental">
      <div class="card-head">
        <h3 id={titleId} class="card-title">
          {rental.serviceName}
          {rental.categoryName && <span class="muted"> · {rental.categoryName}</span>}
        </h3>
        <span class="price">
          {formatMoney(rental.price, rental.currency ?? store.headerBalance.value?.currency ?? null, locale)}
        </span>
      </div>

      {rental.number && (
        <PhoneNumber
          store={store}
          rental={{ ...rental, number: rental.number }}
          busy={!!busy}
          actions={!FINISHED.has(rental.state)}
        />
      )}

      <p class="status-line">
        <span class={`status status-${rental.state}`} data-testid="rental-status">
          {t(`ui_state_${rental.state}`)}
        </span>
        {live && rental.expiresAt !== null && (
          <>
            {' · '}
            <Countdown expiresAt={rental.expiresAt} clock={store.clock} />
          </>
        )}
      </p>

      {hasCode && <CodeDisplay store={store} rental={rental} busy={!!busy} />}

      {rental.state === 'unknown' && (
        <div class="note note-error" role="alert">
          {/* Once the balance told whether this rent was charged, "may have been charged" is not said. */}
          <p>
            {storedErrorText(
              rental.error && moneyKnown(rental) ? { ...rental.error, mayHaveCharged: false } : rental.error,
              t,
            )}
          </p>
          {!rental.error?.mayHaveCharged && !moneyKnown(rental) && <p>{t('error_may_have_charged')}</p>}
        </div>
      )}
      {money && (
        <p
          class={`note note-${money.tone}`}
          role={money.tone === 'ok' ? undefined : 'alert'}
          data-testid="rental-money"
        >
          {money.text}
        </p>
      )}

      {rental.cancel && !note && (rental.state === 'cancelled' || !rental.cancel.refunded) && (
        <p class={`note note-${cancelSentence(rental.cancel, t).tone}`}>
          {cancelSentence(rental.cancel, t).text}
        </p>
      )}
      {retry && (
        <p class="hint" data-testid="cancel-retry">
          {retry}
        </p>
      )}
      {again && (
        <p class="hint" data-testid="rental-again">
          {again}
        </p>
      )}
      {note && (
        <p class={`note note-${note.tone}`} data-testid="rental-note">
          {note.text}
        </p>
      )}

      {rental.site && (rental.state === 'waiting' || rental.state === 'received') && (
        <AutofillOffer store={store} rental={rental} busy={!!busy} />
      )}

      <div class="row row-end">
        {rental.state === 'waiting' && (
          <>
            <button
              type="button"
              class="btn btn-again"
              disabled={!!busy || !!retry}
              aria-busy={busy === 'again'}
              onClick={() => void store.cancelAndRentAnother(rental)}
            >
              {busy === 'again' ? t('ui_renting_again') : t('ui_cancel_rent_again')}
            </button>
            <button
              type="button"
              class="btn btn-danger"
              disabled={!!busy || !!retry}
              aria-busy={busy === 'cancel'}
              onClick={() => void store.cancel(rental)}
            >
              {busy === 'cancel' ? t('ui_cancelling') : t('ui_cancel_refund')}
            </button>
          </>
        )}
        {endedWithoutCode(rental) && rental.again?.step !== 'rented' && (
          <button
            type="button"
            class="btn btn-primary btn-again"
            disabled={!!busy}
            aria-busy={busy === 'again'}
            onClick={() => void store.rentAgain(rental)}
          >
            {busy === 'again' ? t('ui_renting_again') : t('ui_rent_again')}
          </button>
        )}
        {rental.state === 'received' && (
          <button type="button" class="btn" disabled={!!busy} onClick={() => void store.finish(rental)}>
            {t('ui_done')}
          </button>
        )}
        {(rental.state === 'unknown' || FINISHED.has(rental.state)) && (
          <button type="button" class="btn" disabled={!!busy} onClick={() => void store.finish(rental)}>
            {t('ui_dismiss')}
          </button>
        )}
      </div>
    </article>
  );
}

/** Offers automatic fill for the site the number was rented for, or says it is on. */
function AutofillOffer({ store, rental, busy }: { store: PopupStore; rental: Rental; busy: boolean }) {
  const { t } = useI18n();
  const site = rental.site!;
  const host = new URL(site).host;
  if (store.settings.value.autofillSites.includes(site)) {
    return <p class="hint">{t('ui_autofill_active', { site: host })}</p>;
  }
  return (
    <button
      type="button"
      class="btn btn-link"
      disabled={busy}
      onClick={() => void store.allowAutofill(rental)}
    >
      {t('ui_autofill_offer', { site: host })}
    </button>
  );
}
