import { formatMoney } from '../../utils/money';
import type { OrdersStore } from '../../utils/orders/store';
import { errorText } from '../../utils/stores/errors';
import { ErrorNote } from '../ErrorNote';
import { ExportCsvButton } from '../ExportCsvButton';
import { useI18n } from '../I18n';
import { RefreshButton } from '../RefreshButton';
import { AddOrderById } from './AddOrderById';
import { OrderCard } from './OrderCard';

/** The orders the extension remembers, newest first, with refresh and "add by id". */
export function OrdersList({ store }: { store: OrdersStore }) {
  const { t, locale } = useI18n();
  const orders = store.orders.value;
  const load = store.ordersLoad.value;
  const note = store.formNote.value;
  const placed = store.placedOrder.value;
  return (
    <div class="stack">
      {note?.kind === 'placed' && (
        <div class="note note-ok" role="status" data-testid="order-placed">
          <span>
            {t('orders_placed', {
              id: note.id,
              amount:
                placed?.charge == null
                  ? '—'
                  : formatMoney(
                      placed.charge,
                      placed.currency ?? store.balance.value?.currency ?? null,
                      locale,
                    ),
            })}
          </span>
          <button
            type="button"
            class="icon-btn icon-btn-small"
            aria-label={t('ui_dismiss')}
            onClick={store.dismissNote}
          >
            <span aria-hidden="true">×</span>
          </button>
        </div>
      )}
      <div class="toolbar">
        <AddOrderById store={store} />
        <RefreshButton
          label={t('orders_refresh')}
          loading={load.loading}
          testId="orders-refresh"
          onClick={() => void store.refreshOrders()}
        />
      </div>
      {load.error !== null && !load.loading && (
        <ErrorNote text={errorText(load.error, t)} onRetry={() => void store.refreshOrders()} />
      )}
      {orders.length === 0 ? (
        <p class="empty">{t('orders_list_empty')}</p>
      ) : (
        <>
          <ul class="olist">
            {orders.map((order) => (
              <OrderCard key={`${order.origin} ${order.id}`} store={store} order={order} />
            ))}
          </ul>
          <div class="row">
            <ExportCsvButton what="orders" small />
          </div>
        </>
      )}
    </div>
  );
}
