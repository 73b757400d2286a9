import type { OrdersStore } from '../../utils/orders/store';
import { errorText } from '../../utils/stores/errors';
import { useI18n } from '../I18n';

/** The sentence under the order button: fields to fix, a balance too low, or why the order failed. */
export function FormNoteView({ store, money }: { store: OrdersStore; money: (n: number) => string }) {
  const { t } = useI18n();
  const note = store.formNote.value;
  if (!note || note.kind === 'placed') return null;
  let text: string;
  let tone = 'note-error';
  if (note.kind === 'invalid') text = t('orders_invalid');
  else if (note.kind === 'low_balance') {
    text = t('orders_balance_low', { balance: money(note.balance.amount), charge: money(note.charge) });
  } else if (note.mayHaveCharged) {
    // Never "try again" here: the first order may exist.
    tone = 'note-warn';
    text = t('orders_may_have_charged');
  } else text = errorText(note.error, t);
  return (
    <div class={`note ${tone}`} role="alert" data-testid="order-note">
      <span>{text}</span>
    </div>
  );
}
