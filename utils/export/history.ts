/** The rentals and the orders as CSV files a person can take away, with headers in their language. */

import { fold } from '../fold';
import type { Translate } from '../i18n';
import type { TrackedOrder } from '../orders/types';
import type { Rental } from '../rentals/types';
import { isoLocal, toCsv } from './csv';

/** The country of a numbers service: its name after the category's ("Whatsapp Fransa" in WhatsApp → "Fransa"). */
export function countryOf(serviceName: string, categoryName: string): string {
  const name = serviceName.trim();
  const category = categoryName.trim();
  if (!category || name.length <= category.length) return '';
  // Compared folded ("Whatsapp" and "WhatsApp", "İnstagram" and "Instagram" are one name).
  if (fold(name.slice(0, category.length)) !== fold(category)) return '';
  const rest = name.slice(category.length);
  return /^[\s\-–—:/·]/.test(rest) ? rest.replace(/^[\s\-–—:/·]+/, '').trim() : '';
}

/** Live and finished numbers, newest first: date, service, country, number, code(s), price, status. */
export function rentalsCsv(
  rentals: readonly Rental[],
  t: Translate,
  offset?: (ms: number) => number,
): string {
  const at = (ms: number) => isoLocal(ms, offset?.(ms));
  const rows = [...rentals]
    .sort((a, b) => (b.rentedAt ?? b.createdAt) - (a.rentedAt ?? a.createdAt))
    .map((r) => [
      at(r.rentedAt ?? r.createdAt),
      r.serviceName,
      countryOf(r.serviceName, r.categoryName),
      r.number ?? '',
      r.codes
        .map((c) => c.code)
        .filter((c): c is string => !!c)
        .join(' '),
      r.price,
      t(`ui_state_${r.state}`),
    ]);
  const header = [
    'csv_date',
    'csv_service',
    'csv_country',
    'csv_number',
    'csv_code',
    'csv_price',
    'csv_status',
  ] as const;
  return toCsv([header.map((k) => t(k)), ...rows]);
}

/** Orders, newest first: date, service, link, quantity, charge, status, order id. */
export function ordersCsv(
  orders: readonly TrackedOrder[],
  t: Translate,
  status: (o: TrackedOrder) => string,
  offset?: (ms: number) => number,
): string {
  const rows = [...orders]
    .sort((a, b) => b.placedAt - a.placedAt)
    .map((o) => [
      isoLocal(o.placedAt, offset?.(o.placedAt)),
      o.serviceName || (o.serviceId === null ? '' : `#${o.serviceId}`),
      o.link,
      o.quantity,
      o.charge,
      status(o),
      o.id,
    ]);
  const header = [
    'csv_date',
    'csv_service',
    'csv_link',
    'csv_quantity',
    'csv_charge',
    'csv_status',
    'csv_order_id',
  ] as const;
  return toCsv([header.map((k) => t(k)), ...rows]);
}

/** A file name with today's local date: `sms-panel-numbers-2026-12-01.csv`. */
export function csvFileName(what: 'numbers' | 'orders', now: number): string {
  return `sms-panel-${what}-${isoLocal(now).slice(0, 10)}.csv`;
}
