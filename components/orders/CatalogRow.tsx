import type { OrderService } from '../../utils/api/orders/types';
import { formatMoney } from '../../utils/money';
import type { OrdersStore } from '../../utils/orders/store';
import { useI18n } from '../I18n';
import { rateText, rangeText } from './format';

interface Props {
  store: OrdersStore;
  service: OrderService;
  favorite: boolean;
  currency: string | null;
}

// The open button is named by its visible content (an aria-label hid it: axe label-content-name-mismatch).
/** One service of the catalogue: name, id, rate per 1000, min–max, refill/cancel/drip-feed marks, a star. */
export function CatalogRow({ store, service, favorite, currency }: Props) {
  const { t, locale } = useI18n();
  const price = formatMoney(service.rate, currency, locale);
  return (
    <li class="oservice" data-testid="order-service" data-service-id={service.id}>
      <button
        type="button"
        class={`star${favorite ? ' star-on' : ''}`}
        aria-pressed={favorite}
        aria-label={t(favorite ? 'orders_favorite_remove' : 'orders_favorite_add', { name: service.name })}
        onClick={() => void store.toggleFavorite(service.id)}
      >
        <span aria-hidden="true">{favorite ? '★' : '☆'}</span>
      </button>
      <button type="button" class="oservice-main" onClick={() => store.selectService(service.id)}>
        <span class="oservice-name">{service.name}</span>
        <span class="small muted">
          #{service.id} · <span class="price">{rateText(service, price, t)}</span> ·{' '}
          {rangeText(service, t, locale)}
        </span>
        {(service.refill || service.cancel || service.dripfeed) && (
          <span class="marks">
            {service.refill && <span class="mark">{t('orders_mark_refill')}</span>}
            {service.cancel && <span class="mark">{t('orders_mark_cancel')}</span>}
            {service.dripfeed && <span class="mark">{t('orders_mark_dripfeed')}</span>}
          </span>
        )}
      </button>
    </li>
  );
}
