import { balanceCovers } from '../../utils/orders/charge';
import type { OrdersStore } from '../../utils/orders/store';
import { useI18n } from '../I18n';

/** The charge before ordering (quantity × runs for drip-feed), and what the orders balance will be after it. */
export function ChargeBox({ store, money }: { store: OrdersStore; money: (n: number) => string }) {
  const { t, locale } = useI18n();
  const charge = store.charge.value;
  const balance = store.balance.value;
  const values = store.values.value;
  const n = new Intl.NumberFormat(locale);
  const runs = Number(values.runs);
  const quantity = Number(values.quantity);
  const drip = store.dripFeed.value && runs >= 2 && quantity > 0;
  return (
    <div class="ocharge" data-testid="order-charge" aria-live="polite">
      <p class="row">
        <span>{t('orders_charge')}</span>
        <strong class="price">{charge === null ? '—' : money(charge)}</strong>
      </p>
      {charge === null && <p class="hint">{t('orders_charge_unknown')}</p>}
      {charge !== null && drip && (
        <p class="hint">
          {t('orders_charge_drip', {
            quantity: n.format(quantity),
            runs: n.format(runs),
            total: n.format(quantity * runs),
          })}
        </p>
      )}
      {charge !== null &&
        balance &&
        (balanceCovers(balance.amount, charge) ? (
          <p class="hint">
            {t('orders_balance_after', {
              balance: money(balance.amount),
              after: money(balance.amount - charge),
            })}
          </p>
        ) : (
          <p class="hint owarn">
            {t('orders_balance_low', { balance: money(balance.amount), charge: money(charge) })}
          </p>
        ))}
    </div>
  );
}
