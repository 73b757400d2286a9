import { formatMoney } from '../utils/money';
import type { PopupStore } from '../utils/stores/popup';
import type { ArrangedService } from '../utils/stores/services';
import { useI18n } from './I18n';

interface Props {
  store: PopupStore;
  row: ArrangedService;
  currency: string | null;
}

/** One service (usually a country) with price and stock, a favourite star, and the rent button. */
export function ServiceRow({ store, row, currency }: Props) {
  const { t, locale } = useI18n();
  const { service, favorite, outOfStock } = row;
  const renting = store.renting.value.has(service.id);
  const price = service.price === null ? null : formatMoney(service.price, currency, locale);
  const stock =
    service.stock === null
      ? ''
      : outOfStock
        ? t('ui_out_of_stock')
        : t('ui_in_stock', { count: new Intl.NumberFormat(locale).format(service.stock) });
  const nameId = `service-${service.id}`;
  return (
    <li class={`service${outOfStock ? ' service-out' : ''}`} data-testid="service-row">
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
        <span class={`service-stock${outOfStock ? ' warn' : ''}`}>{stock}</span>
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
            ? t('ui_price_unknown')
            : outOfStock
              ? t('ui_out_of_stock_short')
              : t('ui_rent_for', { price })}
      </button>
    </li>
  );
}
