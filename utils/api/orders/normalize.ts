/** Turns raw /api/v2 answers into the typed model; tolerant of the many dialects of the standard SMM panel API. */

import {
  isObject,
  toBool,
  toId,
  toInt,
  toList,
  toNonBlank,
  toNumber,
  toText,
  type JsonObject,
} from '../coerce.ts';
import type {
  CancelOrderResult,
  OrderService,
  OrderStatus,
  OrderStatusInfo,
  ServiceType,
  StatusResult,
} from './types.ts';
import { fold } from '../../fold.ts';

/** Folds "Custom Comments", "custom_comments", "Custom-Comments", "İptal" to one lowercase slug. */
function slug(text: string): string {
  return fold(text.replace(/([a-z])([A-Z])/g, '$1_$2'))
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

const SERVICE_TYPES: Record<string, ServiceType> = {
  default: 'default',
  custom_comments: 'custom_comments',
  custom_comment: 'custom_comments',
  package: 'package',
  custom_comments_package: 'custom_comments_package',
  custom_comment_package: 'custom_comments_package',
  invites_from_groups: 'invites_from_groups',
  invites_from_group: 'invites_from_groups',
  invites: 'invites_from_groups',
  mentions_hastag: 'mentions_hashtag',
  mentions_with_hashtags: 'mentions_with_hashtags',
  mentions_with_hashtag: 'mentions_with_hashtags',
  mentions_custom_list: 'mentions_custom_list',
  mentions_hashtag: 'mentions_hashtag',
  mentions_user_followers: 'mentions_user_followers',
  mentions_media_likers: 'mentions_media_likers',
  comment_likes: 'comment_likes',
  comment_like: 'comment_likes',
  comment_replies: 'comment_replies',
  comment_reply: 'comment_replies',
  poll: 'poll',
  seo: 'seo',
  subscriptions: 'subscriptions',
  subscription: 'subscriptions',
  mentions: 'mentions',
  mention: 'mentions',
};

/** "Custom Comments" / "custom_comments" / "Mentions with Hashtags" → the ServiceType; missing → 'default'. */
export function normalizeServiceType(raw: unknown): ServiceType {
  const s = slug(toText(raw));
  if (s === '') return 'default';
  return SERVICE_TYPES[s] ?? 'other';
}

/** One entry of the `services` list; null when it has no id or no readable rate. */
export function normalizeOrderService(r: JsonObject): OrderService | null {
  const id = toId(r.service ?? r.id ?? r.service_id);
  const rate = toNumber(r.rate ?? r.price);
  if (id === null || rate === null) return null;
  const min = Math.max(0, toInt(r.min) ?? 1);
  // A missing maximum means the panel named no upper bound.
  const max = Math.max(min, toInt(r.max) ?? Number.MAX_SAFE_INTEGER);
  const typeText = toNonBlank(r.type) ?? 'Default';
  return {
    id,
    name: toNonBlank(r.name) ?? `#${id}`,
    type: normalizeServiceType(r.type),
    typeText,
    category: toNonBlank(r.category) ?? '',
    rate,
    min,
    max,
    refill: toBool(r.refill),
    cancel: toBool(r.cancel),
    dripfeed: toBool(r.dripfeed ?? r.drip_feed),
    description: toText(r.description ?? r.desc).trim(),
  };
}

/** The `services` answer (array, keyed object or wrapped) → services, first of each id kept. */
export function normalizeOrderServices(raw: unknown): OrderService[] {
  const seen = new Set<number>();
  const out: OrderService[] = [];
  for (const r of toList(raw, ['service', 'id'])) {
    if (!isObject(r)) continue;
    const service = normalizeOrderService(r);
    if (service && !seen.has(service.id)) {
      seen.add(service.id);
      out.push(service);
    }
  }
  return out;
}

const STATUS_WORDS: [RegExp, OrderStatus][] = [
  [/^(partial|partially_completed|kismi|kismen(_tamamlandi)?)$/, 'partial'],
  [/^(pending|beklemede|bekliyor|sirada|waiting|queued)$/, 'pending'],
  [/^(in_?progress|inprogress|devam_ediyor|active|started|yukleniyor)$/, 'in_progress'],
  [/^(processing|isleniyor|isleme_alindi)$/, 'processing'],
  [/^(completed?|tamamlandi|tamamlanmis|done|finished|success)$/, 'completed'],
  [/^(cancell?ed|canceled|cancel|iptal|iptal_edildi|refunded|iade_edildi)$/, 'canceled'],
];

/** "In progress" / "Inprogress" / "in_progress" / "Tamamlandı" / "Cancelled"… → OrderStatus; else 'unknown'. */
export function normalizeOrderStatus(raw: unknown): OrderStatus {
  const s = slug(toText(raw));
  for (const [pattern, status] of STATUS_WORDS) {
    if (pattern.test(s)) return status;
  }
  return 'unknown';
}

/** `{charge, start_count, status, remains, currency}` → status info; null when there is no status field. */
export function normalizeStatusInfo(raw: unknown): OrderStatusInfo | null {
  if (!isObject(raw) || !('status' in raw) || isObject(raw.status)) return null;
  return {
    status: normalizeOrderStatus(raw.status),
    statusText: toText(raw.status).trim(),
    charge: toNumber(raw.charge),
    startCount: toNumber(raw.start_count ?? raw.startCount),
    remains: toNumber(raw.remains),
    currency: toNonBlank(raw.currency),
  };
}

/** The error text of one entry: `{error: "..."}` or a bare string. */
function entryError(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || 'Error';
  if (isObject(v) && v.error !== undefined && v.error !== null && v.error !== false) {
    return toNonBlank(v.error) ?? toNonBlank(v.message) ?? 'Error';
  }
  return null;
}

/** Reads a multi-status answer keyed by id (or an array of `{order, ...}`) into one result per asked id. */
export function normalizeStatuses(raw: unknown, ids: readonly number[]): Record<number, StatusResult> {
  const byId = keyedById(raw, ['order', 'id']);
  // Some panels answer a one-id batch with a plain status object instead of `{ "<id>": {...} }`.
  if (ids.length === 1 && !byId.has(ids[0]) && normalizeStatusInfo(raw)) byId.set(ids[0], raw);
  const out: Record<number, StatusResult> = {};
  for (const id of ids) {
    const entry = byId.get(id);
    const error = entryError(entry);
    const info = error === null ? normalizeStatusInfo(entry) : null;
    out[id] = info ? { ok: true, info } : { ok: false, error: error ?? 'No status in the panel answer' };
  }
  return out;
}

/** `[{order, cancel: 1 | {error}}]` (or keyed by id) → one result per asked id. */
export function normalizeCancelResults(
  raw: unknown,
  ids: readonly number[],
): Record<number, CancelOrderResult> {
  const byId = keyedById(raw, ['order', 'id']);
  const out: Record<number, CancelOrderResult> = {};
  for (const id of ids) {
    const entry = byId.get(id);
    if (isObject(entry) && !('cancel' in entry)) {
      out[id] = { ok: false, error: entryError(entry) ?? 'Not cancelled' };
      continue;
    }
    const value = isObject(entry) ? entry.cancel : entry;
    // `cancel: 1`, `"1"`, `true`, or an object without an error, is a success.
    const accepted = isObject(value) ? entryError(value) === null : toBool(value);
    out[id] = accepted ? { ok: true } : { ok: false, error: entryError(value) ?? 'Not cancelled' };
  }
  return out;
}

/** Maps an answer keyed by id, or an array of records carrying their id, to id → value. */
function keyedById(raw: unknown, idFields: readonly string[]): Map<number, unknown> {
  const map = new Map<number, unknown>();
  if (Array.isArray(raw)) {
    for (const r of raw) {
      if (!isObject(r)) continue;
      const id = idFields.map((f) => toId(r[f])).find((n) => n !== null);
      if (id != null && !map.has(id)) map.set(id, r);
    }
  } else if (isObject(raw)) {
    for (const [key, value] of Object.entries(raw)) {
      const id = toId(key);
      if (id !== null) map.set(id, value);
    }
  }
  return map;
}

/** `{order: 23501}` → the new order id; null when absent. */
export function normalizeAddResult(raw: unknown): number | null {
  return isObject(raw) ? toId(raw.order ?? raw.order_id ?? raw.id) : null;
}

/** `{refill: "1"}` → the refill id as text; null when absent. */
export function normalizeRefillId(raw: unknown): string | null {
  if (!isObject(raw)) return null;
  return toNonBlank(raw.refill ?? raw.refill_id ?? raw.id);
}
