/** Checks an order form before anything is sent, and turns it into the `add` parameters and the charge. */

import type { AddOrderParams, OrderService } from '../api/orders/types';
import { orderCharge } from './charge';
import { formFields, quantitySource, type FieldName, type FieldSpec } from './fields';
import type { OrderFormValues } from './types';

/** Why a field (or the whole form) is not accepted; each code has a sentence `orders_err_<code>`. */
export type FormErrorCode =
  | 'required'
  | 'no_lines'
  | 'bad_url'
  | 'not_whole'
  | 'too_few'
  | 'too_many'
  | 'at_least'
  | 'runs_min'
  | 'drip_pair'
  | 'drip_total'
  | 'min_over_max'
  | 'bad_date'
  | 'unsupported';

export interface FieldError {
  field: FieldName | 'form';
  code: FormErrorCode;
  params?: Record<string, number | string>;
}

/** An accepted form: what is sent, what it costs, and what the orders list needs to know. */
export interface ValidOrder {
  params: AddOrderParams;
  charge: number;
  /** Units to deliver in all (quantity × runs, lines, 1 package); null when it has no fixed total. */
  total: number | null;
  link: string;
  runs: number | null;
  interval: number | null;
}

export type OrderValidation = { ok: true; order: ValidOrder } | { ok: false; errors: FieldError[] };

const WHOLE = /^\d{1,12}$/;

/** Non-empty trimmed lines of a multi-line field. */
export function splitLines(text: string | undefined): string[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/** A web address as typed ("instagram.com/p/x" gets https://); null when it is not one. */
export function normalizeLink(text: string | undefined): string | null {
  const trimmed = (text ?? '').trim();
  if (!trimmed || /\s/.test(trimmed)) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
  try {
    const url = new URL(withScheme);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    const host = url.hostname;
    if (!host.includes('.') && host !== 'localhost' && !host.startsWith('[')) return null;
    return withScheme;
  } catch {
    return null;
  }
}

/** "2025-03-09" (a date input) or "9/3/2025" → "09/03/2025" (d/m/Y, as panels want); null when not a date. */
export function toPanelDate(text: string | undefined): string | null {
  const t = (text ?? '').trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const dmy = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(t);
  const [y, m, d] = iso ? [+iso[1]!, +iso[2]!, +iso[3]!] : dmy ? [+dmy[3]!, +dmy[2]!, +dmy[1]!] : [0, 0, 0];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (!y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
}

/** Reads one field; the value to send, or the error. */
function readField(spec: FieldSpec, raw: string | undefined): { value: string | null } | FieldError {
  const text = (raw ?? '').trim();
  if (text === '') {
    if (!spec.required) return { value: null };
    return { field: spec.name, code: spec.kind === 'lines' ? 'no_lines' : 'required' };
  }
  switch (spec.kind) {
    case 'url': {
      const link = normalizeLink(text);
      return link ? { value: link } : { field: spec.name, code: 'bad_url' };
    }
    case 'count':
      return WHOLE.test(text) ? { value: String(Number(text)) } : { field: spec.name, code: 'not_whole' };
    case 'lines': {
      const lines = splitLines(text);
      return lines.length ? { value: lines.join('\n') } : { field: spec.name, code: 'no_lines' };
    }
    case 'date': {
      const date = toPanelDate(text);
      return date ? { value: date } : { field: spec.name, code: 'bad_date' };
    }
    case 'text':
      return { value: text };
  }
}

function rangeError(field: FieldName, n: number, min: number, max: number): FieldError | null {
  if (n < min) return { field, code: 'too_few', params: { min } };
  if (n > max) return { field, code: 'too_many', params: { max } };
  return null;
}

/**
 * Validates a form for a service: every field of its type, quantity within min–max, drip-feed runs ≥ 2 with
 * an interval and the total within max, comments not empty. On success: the `add` parameters and the charge.
 */
export function validateOrder(
  service: OrderService,
  values: OrderFormValues,
  dripFeed: boolean,
): OrderValidation {
  const source = quantitySource(service.type);
  if (source === null) return { ok: false, errors: [{ field: 'form', code: 'unsupported' }] };
  const errors: FieldError[] = [];
  const read: Partial<Record<FieldName, string>> = {};
  for (const spec of formFields(service, dripFeed)) {
    const r = readField(spec, values[spec.name]);
    if ('code' in r) errors.push(r);
    else if (r.value !== null) read[spec.name] = r.value;
  }
  const num = (name: FieldName) => (read[name] === undefined ? null : Number(read[name]));

  // Units per run: the quantity field, the line count, one package, or the subscription's max per post.
  let units: number | null = null;
  if (source === 'quantity') units = num('quantity');
  else if (source === 'package') units = 1;
  else if (source === 'subscription') units = num('max');
  else if (read[source.lines] !== undefined) units = splitLines(read[source.lines]).length;

  if (source === 'quantity' || typeof source === 'object') {
    const field: FieldName = typeof source === 'object' ? source.lines : 'quantity';
    const e = units === null ? null : rangeError(field, units, service.min, service.max);
    if (e) errors.push(e);
  }
  if (source === 'subscription') {
    const min = num('min');
    const max = num('max');
    const e =
      (min !== null ? rangeError('min', min, service.min, service.max) : null) ??
      (max !== null ? rangeError('max', max, service.min, service.max) : null);
    if (e) errors.push(e);
    else if (min !== null && max !== null && min > max) errors.push({ field: 'max', code: 'min_over_max' });
    const posts = num('posts');
    if (posts !== null && posts < 1) errors.push({ field: 'posts', code: 'at_least', params: { min: 1 } });
  }
  const answer = num('answer_number');
  if (answer !== null && answer < 1)
    errors.push({ field: 'answer_number', code: 'at_least', params: { min: 1 } });

  const runs = num('runs');
  const interval = num('interval');
  if (runs !== null || interval !== null) {
    if (runs === null) errors.push({ field: 'runs', code: 'drip_pair' });
    else if (runs < 2) errors.push({ field: 'runs', code: 'runs_min' });
    if (interval === null) errors.push({ field: 'interval', code: 'drip_pair' });
    else if (interval < 1) errors.push({ field: 'interval', code: 'at_least', params: { min: 1 } });
    if (runs !== null && runs >= 2 && units !== null && units * runs > service.max) {
      errors.push({ field: 'runs', code: 'drip_total', params: { max: service.max, total: units * runs } });
    }
  }
  if (errors.length || units === null) {
    return { ok: false, errors: errors.length ? errors : [{ field: 'quantity', code: 'required' }] };
  }

  const drip = runs !== null && interval !== null;
  const posts = source === 'subscription' ? (num('posts') ?? 1) : 1;
  const charged = units * (drip ? runs : 1) * posts;
  const params: AddOrderParams = { service: service.id };
  for (const [name, value] of Object.entries(read) as [FieldName, string][]) {
    (params as unknown as Record<string, string | number>)[name] =
      WHOLE.test(value) && isNumeric(name) ? Number(value) : value;
  }
  // Some common scripts read `quantity` for every type ("Quantity is required" without it): a package is
  // one, a line-counted type sends its line count; panels that count the lines themselves ignore it.
  if (source === 'package') params.quantity = 1;
  else if (typeof source === 'object') params.quantity = units;
  return {
    ok: true,
    order: {
      params,
      charge: orderCharge(service, charged),
      total: source === 'subscription' ? null : charged,
      link: read.link ?? '',
      runs: drip ? runs : null,
      interval: drip ? interval : null,
    },
  };
}

const NUMERIC: ReadonlySet<FieldName> = new Set([
  'quantity',
  'runs',
  'interval',
  'min',
  'max',
  'posts',
  'old_posts',
  'delay',
]);
function isNumeric(name: FieldName): boolean {
  return NUMERIC.has(name);
}

/**
 * The charge as far as the form tells it, before every field is right (shown while typing):
 * units from the quantity or the lines, times valid drip-feed runs; null when the units are unknown.
 */
export function estimateCharge(
  service: OrderService,
  values: OrderFormValues,
  dripFeed: boolean,
): number | null {
  const source = quantitySource(service.type);
  if (source === null) return null;
  const whole = (name: FieldName) => {
    const t = (values[name] ?? '').trim();
    return WHOLE.test(t) ? Number(t) : null;
  };
  let units: number | null;
  if (source === 'package') units = 1;
  else if (source === 'quantity') units = whole('quantity');
  else if (source === 'subscription')
    units = whole('max') === null ? null : whole('max')! * (whole('posts') || 1);
  else units = splitLines(values[source.lines]).length || null;
  if (units === null || units <= 0) return null;
  const runs = dripFeed ? whole('runs') : null;
  return orderCharge(service, units * (runs !== null && runs >= 2 ? runs : 1));
}
