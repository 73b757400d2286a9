import { formatMoney } from '../utils/money';
import type { PopupStore } from '../utils/stores/popup';
import { useI18n } from './I18n';
import { PopupOrders } from './orders/PopupOrders';

/** The orders tab: the orders balance, then the catalogue, the order form and the orders list. */
export function OrdersTab({ store }: { store: PopupStore }) {
  const { t, locale } = useI18n();
  const orders = store.balance.value.orders;
  const loading = store.balanceStatus.value.loading;
  return (
    <section class="stack" aria-labelledby="orders-title">
      <h2 id="orders-title" class="section-title">
        {t('ui_orders_title')}
      </h2>
      <p class="orders-balance" data-testid="orders-balance">
        {t('ui_orders_balance')}{' '}
        <strong>
          {orders ? formatMoney(orders.amount, orders.currency, locale) : loading ? t('ui_loading') : '—'}
        </strong>
      </p>
      <PopupOrders popup={store} />
    </section>
  );
}
