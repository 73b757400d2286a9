import { formatMoney } from '../../utils/money';
import { isFinished, progressOf } from '../../utils/orders/status';
import type { OrdersStore } from '../../utils/orders/store';
import type { TrackedOrder } from '../../utils/orders/types';
import { errorText } from '../../utils/stores/errors';
import { ErrorNote } from '../ErrorNote';
import { useI18n } from '../I18n';
import { statusLabel } from './words';

/** One order: status (as the panel wrote it when unknown), start count, remains, a progress bar, refill/cancel. */
export function OrderCard({ store, order }: { store: OrdersStore; order: TrackedOrder }) {
  const { t, locale } = useI18n();
  const n = new Intl.NumberFormat(locale);
  const busy = store.busy.value[order.id];
  const failure = store.orderErrors.value[order.id];
  const progress = progressOf(order);
  const finished = isFinished(order);
  const currency = order.currency ?? store.balance.value?.currency ?? null;
  const facts = [
    order.charge !== null
      ? t('orders_order_charge', { amount: formatMoney(order.charge, currency, locale) })
      : '',
    order.startCount !== null ? t('orders_start_count', { count: n.format(order.startCount) }) : '',
    order.remains !== null ? t('orders_remains', { count: n.format(order.remains) }) : '',
    order.runs !== null && order.interval !== null
      ? t('orders_drip_info', { runs: order.runs, interval: order.interval })
      : '',
  ].filter(Boolean);
  const note = order.note;
  const noteText = !note
    ? null
    : note.action === 'refill'
      ? note.ok
        ? t('orders_refill_ok', { id: note.text })
        : t('orders_refill_failed', { text: note.text })
      : note.ok
        ? t('orders_cancel_ok')
        : t('orders_cancel_failed', { text: note.text });
  return (
    <li class="card ocard" data-testid="order-card" data-order-id={order.id} data-status={order.status}>
      <div class="card-head">
        <span class="card-title">
          #{order.id} <span class="muted">{order.serviceName || t('orders_added_by_id')}</span>
        </span>
        <span
          class={`ostatus ostatus-${order.status}`}
          title={order.statusText || undefined}
          data-testid="order-status"
        >
          {statusLabel(order, t)}
        </span>
      </div>
      {order.link && (
        <p class="small muted olink" title={order.link}>
          {order.link}
        </p>
      )}
      {progress && (
        <>
          <div
            class="oprogress"
            role="progressbar"
            aria-label={t('orders_progress')}
            aria-valuemin={0}
            aria-valuemax={order.quantity ?? 0}
            aria-valuenow={progress.delivered}
            data-testid="order-progress"
          >
            <div class="oprogress-bar" style={{ width: `${Math.round(progress.fraction * 1000) / 10}%` }} />
          </div>
          <p class="small">
            {t('orders_delivered', {
              delivered: n.format(progress.delivered),
              total: n.format(order.quantity ?? 0),
            })}
          </p>
        </>
      )}
      {facts.length > 0 && <p class="small muted">{facts.join(' · ')}</p>}
      {order.error && <p class="small owarn">{t('orders_status_error', { text: order.error })}</p>}
      {noteText && (
        <p class={`small ${note?.ok ? 'ook' : 'owarn'}`} role="status" data-testid="order-note">
          {noteText}
        </p>
      )}
      {failure !== undefined && <ErrorNote text={errorText(failure, t)} />}
      <div class="row row-end">
        {order.canRefill && finished && order.status !== 'canceled' && (
          <button
            type="button"
            class="btn btn-small"
            disabled={!!busy}
            onClick={() => void store.refill(order.id)}
          >
            {t('orders_refill')}
          </button>
        )}
        {order.canCancel && !finished && (
          <button
            type="button"
            class="btn btn-small btn-danger"
            disabled={!!busy}
            onClick={() => void store.cancel(order.id)}
          >
            {t('orders_cancel')}
          </button>
        )}
        <button
          type="button"
          class="link-btn small"
          disabled={!!busy}
          onClick={() => void store.remove(order.id)}
        >
          {t('orders_remove')}
        </button>
      </div>
    </li>
  );
}
