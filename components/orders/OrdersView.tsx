import type { OrdersStore } from '../../utils/orders/store';
import { useI18n } from '../I18n';
import { OrderForm } from './OrderForm';
import { OrdersList } from './OrdersList';
import { ServiceCatalog } from './ServiceCatalog';

/** The orders tab's body: the services catalogue (or one service's order form), or the list of orders. */
export function OrdersView({ store }: { store: OrdersStore }) {
  const { t } = useI18n();
  const view = store.draft.value.view;
  const selected = store.selected.value;
  const switchTo = (next: typeof view) => (
    <button
      type="button"
      class="seg"
      aria-pressed={view === next}
      data-testid={`orders-view-${next}`}
      onClick={() => store.setView(next)}
    >
      {next === 'services'
        ? t('orders_view_services')
        : t('orders_view_orders', { count: store.orders.value.length })}
    </button>
  );
  return (
    <div class="orders stack">
      <div class="segmented" role="group" aria-label={t('orders_view_label')}>
        {switchTo('services')}
        {switchTo('orders')}
      </div>
      {view === 'orders' ? (
        <OrdersList store={store} />
      ) : selected ? (
        <OrderForm store={store} service={selected} />
      ) : (
        <ServiceCatalog store={store} />
      )}
    </div>
  );
}
