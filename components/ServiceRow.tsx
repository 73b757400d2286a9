import { formatMoney } from '../utils/money';
import type { PopupStore } from '../utils/stores/popup';
import { priceAge, type ArrangedService } from '../utils/stores/services';
import { useI18n } from './I18n';

interface Props {
  store: PopupStore;
  row: ArrangedService;
  currency: string | null;
  /** The row's category is being read: a missing price is on its way. */
  waiting?: boolean;
}

/** The muted age of a cached price ("3 h ago"); reads the clock only for a stale price. */
function PriceAge({ store, at }: { store: PopupStore; at: number | null }) {
  const { t } = useI18n();
  const age = priceAge(at, store.clock.value);
  return age && <span class="muted"> · {t(age.key, { count: age.count })}</span>;
}

/** One service (usually a country) with price and stock, a favourite star, and the rent button. */
export function ServiceRow({ store, row, currency, waiting }: Props) {
  const { t, locale } = useI18n();
  const { service, favorite, outOfStock } = row;
  const renting = store.renting.value.has(service.id);
  const price = service.price === null ? null : formatMoney(service.price, currency, locale);
  const stock =
    service.stock === null
      ? '…'
      : outOfStock
        ? t('ui_out_of_stock')
        : t('ui_in_stock', { count: new Intl.NumberFormat(locale).format(service.stock) });
  const nameId = `service-${service.id}`;
  return (
    <li
      class={`service${outOfStock ? ' service-out' : ''}`}
      data-testid="service-row"
      data-service-id={service.id}
    >
      <button
        type="button"
        class={`star${favorite ? ' star-on' : ''}`}
        aria-pressed={favorite}
        aria-label={t(favorite ? 'ui_unfavorite' : 'ui_favorite', { name: service.name })}
        onClick={() => void store.toggleFavorite(service.id)}
      >
        <span aria-hidden="true">{favorite ? '★' : '☆'}</span>
      </button>
      <div class="service-info">
        <span id={nameId} class="service-name">
          {service.name}
        </span>
        <span class={`service-stock${outOfStock ? ' warn' : ''}`}>
          {stock}
          {price !== null && <PriceAge store={store} at={service.pricedAt} />}
        </span>
      </div>
      <button
        type="button"
        class="btn btn-primary btn-rent"
        disabled={outOfStock || price === null || renting}
        aria-busy={renting}
        aria-describedby={nameId}
        onClick={() => void store.rent(service)}
      >
        {renting
          ? t('ui_renting')
          : price === null
            ? t(waiting ? 'ui_price_coming' : 'ui_price_unknown')
            : outOfStock
              ? t('ui_out_of_stock_short')
              : t('ui_rent_for', { price })}
      </button>
    </li>
  );
}
