import type { OrdersStore } from '../../utils/orders/store';
import { useI18n } from '../I18n';
// The mass-order view rides in the orders tab's lazy chunk: a chunk of its own made the bundler split
// the popup's first-paint code into one more file (+0.35 kB gzipped).
import { MassOrderView as MassOrder } from './MassOrderView';
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
        : next === 'mass'
          ? t('orders_view_mass')
          : t('orders_view_orders', { count: store.orders.value.length })}
    </button>
  );
  return (
    <div class="orders stack">
      <div class="segmented" role="group" aria-label={t('orders_view_label')}>
        {switchTo('services')}
        {switchTo('mass')}
        {switchTo('orders')}
      </div>
      {view === 'orders' ? (
        <OrdersList store={store} />
      ) : view === 'mass' ? (
        <MassOrder store={store} />
      ) : selected ? (
        <OrderForm store={store} service={selected} />
      ) : (
        <ServiceCatalog store={store} />
      )}
    </div>
  );
}
