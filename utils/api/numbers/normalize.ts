/** Turns raw /api/v1 answers into the typed model; tolerant of strings for numbers, objects for arrays, extra fields. */

import { isObject, toId, toInt, toList, toNonBlank, toText, toBool, type JsonObject } from '../coerce.ts';
import { parseAmount } from '../../money.ts';
import type {
  CancelResult,
  MessageResult,
  MessageState,
  NumberCategory,
  NumberService,
  NumberServiceDetails,
  RentedNumber,
} from './types.ts';

function records(raw: unknown, idFields: readonly string[]): JsonObject[] {
  return toList(raw, idFields).filter(isObject);
}

function uniqueById<T extends { id: number }>(items: T[]): T[] {
  const seen = new Set<number>();
  return items.filter((item) => !seen.has(item.id) && seen.add(item.id));
}

function nameOf(r: JsonObject, id: number): string {
  return toNonBlank(r.name ?? r.title) ?? `#${id}`;
}

/** `[{id, name}]` → categories; entries without a usable id are dropped. */
export function normalizeCategories(raw: unknown): NumberCategory[] {
  const out: NumberCategory[] = [];
  for (const r of records(raw, ['id'])) {
    const id = toId(r.id ?? r.category_id);
    if (id !== null) out.push({ id, name: nameOf(r, id) });
  }
  return uniqueById(out);
}

/** `[{id, name, category}]` → services; the category falls back to the one asked for. */
export function normalizeServices(raw: unknown, categoryId: number): NumberService[] {
  const out: NumberService[] = [];
  for (const r of records(raw, ['id'])) {
    const id = toId(r.id ?? r.service_id);
    if (id === null) continue;
    out.push({ id, name: nameOf(r, id), categoryId: toId(r.category ?? r.category_id) ?? categoryId });
  }
  return uniqueById(out);
}

/**
 * `[{id, price, stock}]` or a single object → every usable entry, once per id (ids as strings or
 * numbers); an entry without an id is the service asked for. A panel may list a whole category.
 */
export function normalizeServiceDetails(raw: unknown, serviceId: number): NumberServiceDetails[] {
  const usable: NumberServiceDetails[] = [];
  for (const r of records(raw, ['id', 'price'])) {
    const price = parseAmount(r.price ?? r.cost);
    if (price === null) continue;
    const stock = toInt(r.stock ?? r.count ?? r.quantity);
    usable.push({ id: toId(r.id ?? r.service_id) ?? serviceId, price, stock: Math.max(0, stock ?? 0) });
  }
  return uniqueById(usable);
}

/** `{success, number_id, number}` → the rented number; null when either field is missing. */
export function normalizeRentedNumber(raw: unknown): RentedNumber | null {
  if (!isObject(raw)) return null;
  const numberId = toId(raw.number_id ?? raw.numberId ?? raw.id);
  const number = toNonBlank(raw.number ?? raw.phone ?? raw.phone_number);
  return numberId !== null && number !== null ? { numberId, number } : null;
}

/** The code as text: a string stays as sent (trimmed), a number becomes its digits; never padded. */
export function normalizeCode(v: unknown): string | null {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : null;
  return toNonBlank(v);
}

const CANCELLED_WORDS = /cancel|iptal|expired|refund|timeout/i;

function messageState(status: unknown, code: string | null): MessageState {
  const n = toInt(status);
  if (n !== null) {
    if (n < 0) return 'cancelled';
    // Status 1 means "the code is shown"; without a code there is nothing to show yet.
    return n === 1 && code !== null ? 'received' : 'waiting';
  }
  if (typeof status === 'string' && CANCELLED_WORDS.test(status)) return 'cancelled';
  return code !== null ? 'received' : 'waiting';
}

/** `{code, id, status}` → message result; null when the answer is not an object. */
export function normalizeMessage(raw: unknown, numberId: number): MessageResult | null {
  if (!isObject(raw)) return null;
  const code = normalizeCode(raw.code ?? raw.sms_code ?? raw.otp);
  const state = messageState(raw.status, code);
  return {
    numberId: toId(raw.id ?? raw.number_id) ?? numberId,
    state,
    code: state === 'received' ? code : null,
  };
}

/** `{success, title, message}` → cancel result; success false is an answer (not refunded), not an error. */
export function normalizeCancel(raw: unknown): CancelResult | null {
  if (!isObject(raw)) return null;
  return {
    refunded: toBool(raw.success),
    title: toText(raw.title).trim(),
    message: toText(raw.message).trim(),
  };
}
