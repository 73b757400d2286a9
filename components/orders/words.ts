/** The orders tab's sentences: field errors, statuses, and the note under the form. */

import type { OrderStatus } from '../../utils/api/orders/types';
import type { MessageKey, Translate } from '../../utils/i18n';
import type { FieldName } from '../../utils/orders/fields';
import type { TrackedOrder } from '../../utils/orders/types';
import type { FieldError } from '../../utils/orders/validate';

/** The label of a form field. */
export function fieldLabel(name: FieldName, t: Translate): string {
  return t(`orders_field_${name}` as MessageKey);
}

/** The sentence for a field error, with its numbers in the person's format. */
export function fieldErrorText(error: FieldError, t: Translate, locale: string): string {
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(error.params ?? {})) {
    params[k] = typeof v === 'number' ? new Intl.NumberFormat(locale).format(v) : v;
  }
  return t(`orders_err_${error.code}` as MessageKey, params);
}

const KNOWN: Record<Exclude<OrderStatus, 'unknown'>, MessageKey> = {
  pending: 'orders_status_pending',
  in_progress: 'orders_status_in_progress',
  processing: 'orders_status_processing',
  completed: 'orders_status_completed',
  partial: 'orders_status_partial',
  canceled: 'orders_status_canceled',
};

/** A known status in the person's language; any other text exactly as the panel sent it. */
export function statusLabel(order: Pick<TrackedOrder, 'status' | 'statusText'>, t: Translate): string {
  if (order.status === 'unknown') return order.statusText || t('orders_status_unknown');
  return t(KNOWN[order.status]);
}
