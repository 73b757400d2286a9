/** Small formatters the catalogue rows and the order form share. */

import type { OrderService } from '../../utils/api/orders/types';
import type { Translate } from '../../utils/i18n';

/** "0,90 $ / 1000", or the price of one package. */
export function rateText(service: Pick<OrderService, 'type'>, price: string, t: Translate): string {
  const flat = service.type === 'package' || service.type === 'custom_comments_package';
  return flat ? t('orders_rate_package', { price }) : t('orders_rate', { price });
}

/** "Min 50 – max 10,000" in the person's number format. */
export function rangeText(service: Pick<OrderService, 'min' | 'max'>, t: Translate, locale: string): string {
  const n = new Intl.NumberFormat(locale);
  return t('orders_range', { min: n.format(service.min), max: n.format(service.max) });
}
