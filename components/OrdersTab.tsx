import { formatMoney } from '../utils/money';
import type { PopupStore } from '../utils/stores/popup';
import { useI18n } from './I18n';

/** The orders tab: for now the orders balance and what will appear here (the orders issue fills it). */
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
      <p class="empty">{t('ui_orders_empty')}</p>
    </section>
  );
}
