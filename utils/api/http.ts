/** The request layer both panel clients share: POST, timeout, safe retries, tolerant parsing, one error type. */

import { ofetch } from 'ofetch';
import { isObject } from './coerce.ts';
import {
  classifyPanelText,
  PanelError,
  redactCause,
  redactSecret,
  toPanelError,
  type PanelErrorKind,
} from './errors.ts';

/** How a client reaches the panel; everything but origin and getKey is injectable for tests. */
export interface ApiOptions {
  origin: string;
  getKey: () => string | Promise<string>;
  fetch?: typeof fetch;
  timeoutMs?: number;
  retries?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** One call to the panel. */
export interface PanelRequest {
  /** Name of the call for errors and counting ("getNumber", "status"); never holds the key. */
  endpoint: string;
  /** Path under the origin; "{key}" is replaced by the URL-encoded key. */
  path: string;
  /** Sent form-encoded when present. */
  form?: Record<string, string | number | undefined>;
  /** Adds `key` to the form (orders API). */
  keyInForm?: boolean;
  /** Spends money (getNumber, add): never retried, and an ambiguous failure says it may have charged. */
  spends?: boolean;
  /** False for calls that change state without spending (refill, cancel): they are not retried either. */
  retry?: boolean;
  /** `{success: false, message}` is an answer, not an error (cancelNumber); a bad-key text still throws. */
  acceptFailure?: boolean;
}

export const DEFAULT_TIMEOUT_MS = 12_000;
export const DEFAULT_RETRIES = 2;
/** Never wait longer than this for Retry-After; a longer wait is left to the caller (the error carries it). */
export const MAX_RETRY_AFTER_MS = 30_000;
const BASE_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 8_000;
const PANEL_TEXT_LIMIT = 300;
const RETRYABLE: ReadonlySet<PanelErrorKind> = new Set(['network', 'timeout', 'unavailable', 'rate_limited']);
/** Kinds after which a spending call may or may not have gone through. */
const AMBIGUOUS: ReadonlySet<PanelErrorKind> = new Set(['network', 'timeout', 'unavailable', 'unexpected']);

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Builds the request function of one client (one `ofetch.create` per client). */
export function createPanelHttp(opts: ApiOptions): (req: PanelRequest) => Promise<unknown> {
  const origin = opts.origin.trim().replace(/\/+$/, '');
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const retries = Math.max(0, opts.retries ?? DEFAULT_RETRIES);
  const sleep = opts.sleep ?? defaultSleep;
  const random = opts.random ?? Math.random;
  // We read the body ourselves: no ofetch retries, no throwing on 4xx/5xx, always text.
  const $fetch = ofetch.create(
    { baseURL: origin, method: 'POST', retry: false, ignoreResponseError: true, responseType: 'text' },
    opts.fetch ? { fetch: opts.fetch } : {},
  );

  async function attempt(req: PanelRequest, key: string | undefined): Promise<unknown> {
    const path = key === undefined ? req.path : req.path.replace('{key}', encodeURIComponent(key));
    const headers: Record<string, string> = { accept: 'application/json, text/plain, */*' };
    let body: string | undefined;
    if (req.form || req.keyInForm) {
      body = formBody({ ...(req.keyInForm ? { key } : {}), ...req.form });
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    const controller = new AbortController();
    let timedOut = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Our own timer (not ofetch's) so it also covers reading the body, even from a fetch that ignores the signal.
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
        reject(new Error(`No answer within ${timeoutMs} ms`));
      }, timeoutMs);
    });
    let status: number;
    let responseHeaders: Headers;
    let text: string;
    try {
      // Browsers re-send a request whose reused keep-alive connection closed before any answer, POST
      // included. Spending calls go without credentials, which gives them a connection pool of their
      // own, so the constant read traffic (polls, balance) never hands them a stale connection.
      const credentials: RequestCredentials | undefined = req.spends ? 'omit' : undefined;
      const pending = $fetch.raw<string, 'text'>(path, {
        body,
        headers,
        signal: controller.signal,
        credentials,
      });
      pending.catch(() => {}); // it may lose the race; its late rejection is expected
      const res = await Promise.race([pending, deadline]);
      status = res.status;
      responseHeaders = res.headers;
      text = typeof res._data === 'string' ? res._data : '';
    } catch (e) {
      const cause = redactCause(e, key);
      const kind = timedOut ? 'timeout' : 'network';
      throw new PanelError({ kind, endpoint: req.endpoint, cause, mayHaveCharged: !!req.spends });
    } finally {
      clearTimeout(timer);
    }
    return interpretAnswer(req, key, status, responseHeaders, text);
  }

  return async function request(req: PanelRequest): Promise<unknown> {
    const needsKey = req.keyInForm || req.path.includes('{key}');
    const key = needsKey ? await readKey(opts, req.endpoint) : undefined;
    const mayRetry = !req.spends && req.retry !== false;
    for (let n = 0; ; n++) {
      try {
        return await attempt(req, key);
      } catch (e) {
        const err = toPanelError(e, req.endpoint, key);
        const wait = err.retryAfterMs ?? backoffMs(n, random);
        const retry = mayRetry && n < retries && RETRYABLE.has(err.kind) && wait <= MAX_RETRY_AFTER_MS;
        if (!retry) throw err;
        await sleep(wait);
      }
    }
  };
}

/** Exponential backoff with equal jitter: half fixed, half random, so clients do not retry in step. */
function backoffMs(attempt: number, random: () => number): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** attempt);
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

async function readKey(opts: ApiOptions, endpoint: string): Promise<string> {
  let key: string;
  try {
    key = (await opts.getKey()) ?? '';
  } catch (e) {
    throw toPanelError(e, endpoint);
  }
  // A pasted key often carries a trailing newline or space.
  key = String(key).trim();
  if (!key) throw new PanelError({ kind: 'bad_key', endpoint, message: 'No API key is set.' });
  return key;
}

function formBody(fields: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    if (value !== undefined) params.append(name, String(value));
  }
  return params.toString();
}

type Parsed = { ok: true; value: unknown } | { ok: false; why: 'empty' | 'html' | 'malformed' };

/** Parses a body that should be JSON but may be served as text/html, with blank lines, a BOM or PHP notices. */
export function parsePanelBody(text: string): Parsed {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') return { ok: false, why: 'empty' };
  try {
    return { ok: true, value: JSON.parse(trimmed) };
  } catch {
    // PHP panels sometimes print a warning before the JSON: take the JSON that ends the body.
    const salvaged = salvageJson(trimmed);
    if (salvaged !== undefined) return { ok: true, value: salvaged };
    return { ok: false, why: looksLikeHtml(trimmed) ? 'html' : 'malformed' };
  }
}

function salvageJson(text: string): unknown {
  const last = text[text.length - 1];
  if (last !== '}' && last !== ']') return undefined;
  const open = last === '}' ? '{' : '[';
  // A few tries only: the notice before the JSON is short, and a big broken body must not cost O(n²).
  for (let i = text.indexOf(open), tries = 0; i > 0 && tries < 5; i = text.indexOf(open, i + 1), tries++) {
    try {
      const value = JSON.parse(text.slice(i));
      return typeof value === 'object' && value !== null ? value : undefined;
    } catch {
      // keep looking
    }
  }
  return undefined;
}

function looksLikeHtml(text: string): boolean {
  return /^<(!doctype|html|head|body|\?xml|!--|meta|title|div|p|h\d|center|br)\b/i.test(text);
}

function htmlTitle(text: string): string | undefined {
  const m = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(text) ?? /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(text);
  if (!m) return undefined;
  const title = m[1]
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => HTML_ENTITIES[e] ?? ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return title || undefined;
}
const HTML_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#39': "'",
  nbsp: ' ',
};

/** The panel's error text in a JSON answer, or undefined when the answer is not a failure. */
export function failureText(v: unknown): { text: string; form: 'error' | 'success_false' } | undefined {
  if (!isObject(v)) return undefined;
  const err = v.error ?? v.errors;
  if (typeof err === 'string' && err.trim()) return { text: err, form: 'error' };
  if (isObject(err)) return { text: firstText(err.message, err.title, err.text, err.code), form: 'error' };
  if (Array.isArray(err) && err.length > 0) return { text: firstText(...err), form: 'error' };
  const words = firstText(v.message, v.title, v.msg, v.text, typeof err === 'string' ? err : undefined);
  if (err === true || err === 1) return { text: words, form: 'error' };
  if (v.success === false || v.success === 0 || v.success === '0' || v.success === 'false') {
    return { text: words, form: 'success_false' };
  }
  if (typeof v.status === 'string' && /^(error|fail(ed|ure)?)$/i.test(v.status))
    return { text: words, form: 'error' };
  return undefined;
}

function firstText(...values: unknown[]): string {
  for (const v of values) {
    if (typeof v === 'string' && v.trim()) return v;
    if (typeof v === 'number') return String(v);
  }
  return '';
}

function clip(text: string, key: string | undefined): string | undefined {
  const clean = redactSecret(text, key).replace(/\s+/g, ' ').trim();
  if (!clean) return undefined;
  return clean.length > PANEL_TEXT_LIMIT ? `${clean.slice(0, PANEL_TEXT_LIMIT - 1)}…` : clean;
}

/** Seconds ("2") or an HTTP-date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

function interpretAnswer(
  req: PanelRequest,
  key: string | undefined,
  status: number,
  headers: Headers,
  text: string,
): unknown {
  const parsed = parsePanelBody(text);
  const fail = (kind: PanelErrorKind, panelText: string | undefined, why: string, retryAfterMs?: number) =>
    new PanelError({
      kind,
      endpoint: req.endpoint,
      status,
      panelText: panelText === undefined ? undefined : clip(panelText, key),
      retryAfterMs,
      mayHaveCharged: !!req.spends && AMBIGUOUS.has(kind) && why !== 'panel',
      cause: new Error(`HTTP ${status} from ${req.endpoint}: ${why}`),
    });
  const failure = parsed.ok ? failureText(parsed.value) : undefined;
  const htmlText = !parsed.ok && parsed.why === 'html' ? htmlTitle(text) : undefined;
  const panelText = failure?.text || htmlText;

  if (status >= 200 && status < 300) {
    if (!parsed.ok) {
      const kind = parsed.why === 'malformed' ? 'unexpected' : 'unavailable';
      throw fail(kind, htmlText, `${parsed.why} body`);
    }
    if (!failure) return parsed.value;
    const kind = classifyPanelText(failure.text);
    if (
      req.acceptFailure &&
      failure.form === 'success_false' &&
      kind !== 'bad_key' &&
      kind !== 'rate_limited'
    ) {
      return parsed.value;
    }
    throw fail(kind, failure.text, 'panel');
  }

  const retryAfterMs = parseRetryAfter(headers.get('retry-after')) ?? undefined;
  if (status === 429) throw fail('rate_limited', panelText, 'rate limited', retryAfterMs);
  if (status >= 500) throw fail('unavailable', panelText, `server error`, retryAfterMs);
  if (status === 401 || status === 403) throw fail('bad_key', panelText, 'refused', undefined);
  if (status === 408) throw fail('timeout', panelText, 'request timeout');
  const textKind = failure ? classifyPanelText(failure.text) : 'unexpected';
  if (status === 404) throw fail(textKind === 'unexpected' ? 'not_found' : textKind, panelText, 'panel');
  if (status >= 400) {
    const kind =
      textKind !== 'unexpected'
        ? textKind
        : status === 400 || status === 422
          ? 'invalid_input'
          : 'unexpected';
    throw fail(kind, panelText, 'panel');
  }
  // 1xx/3xx that fetch did not resolve: nothing we can read.
  throw fail('unexpected', panelText, `status ${status}`);
}
