/** Reading a panel answer: tolerant JSON parsing, the panel's error text, and the status → error kind mapping. */

import { isObject } from './coerce.ts';
import {
  classifyPanelText,
  htmlSummary,
  PanelError,
  redactSecret,
  saysKeyIsWrong,
  type PanelErrorKind,
} from './errors.ts';
import type { PanelRequest } from './http.ts';

const PANEL_TEXT_LIMIT = 300;
/** Kinds after which a spending call may or may not have gone through. */
const AMBIGUOUS: ReadonlySet<PanelErrorKind> = new Set(['network', 'timeout', 'unavailable', 'unexpected']);

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

/** True for an answer that is a redirect: a 3xx, or the browser's opaque answer to `redirect: 'manual'`. */
export function isRedirect(status: number, type: string | undefined): boolean {
  return type === 'opaqueredirect' || (status >= 300 && status < 400 && status !== 304);
}

/**
 * The error for a redirect, which is never followed: the panel's address may have moved, or someone
 * wants the key. It names the host it pointed to when the runtime shows it (never the path, which
 * may carry the key back); a browser's opaque redirect shows nothing, so the host is null.
 */
export function redirectError(
  req: PanelRequest,
  key: string | undefined,
  status: number,
  location: string | null,
  requestUrl: string,
): PanelError {
  let host: string | null = null;
  if (location) {
    try {
      host = redactSecret(new URL(location, requestUrl).host, key) || null;
    } catch {
      host = null;
    }
  }
  return new PanelError({
    kind: 'unavailable',
    endpoint: req.endpoint,
    status: status || undefined,
    redirect: { host },
    // A POST answered with a redirect may have been done first (post/redirect/get).
    mayHaveCharged: !!req.spends,
    cause: new Error(`HTTP ${status || 'opaque'} redirect from ${req.endpoint}, not followed`),
  });
}

/** Turns one HTTP answer into the panel's value, or throws the PanelError it amounts to. */
export function interpretAnswer(
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
  const htmlText = !parsed.ok && parsed.why === 'html' ? htmlSummary(text) : undefined;
  // Outside 2xx a JSON body's bare `message` ("CSRF token mismatch.", "Server Error") is the panel's word too.
  const looseText =
    parsed.ok && isObject(parsed.value) ? firstText(parsed.value.message, parsed.value.msg) : '';
  const panelText = failure?.text || htmlText || (status >= 300 ? looseText || undefined : undefined);

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
  // 419 is Laravel's CSRF "Page Expired": a web form's guard, not the API's answer.
  if (status === 401 || status === 403 || status === 419) {
    // The panel's own JSON refusal means the key (or its account) unless its words say otherwise; an HTML or
    // text page is a firewall, a CSRF or a host's "forbidden" page unless its words say the key is wrong.
    const jsonKind = parsed.ok ? classifyPanelText(panelText ?? '') : null;
    const kind =
      jsonKind === null
        ? panelText !== undefined && saysKeyIsWrong(panelText)
          ? 'bad_key'
          : 'refused'
        : jsonKind === 'unexpected'
          ? 'bad_key'
          : jsonKind;
    throw fail(kind, panelText, 'refused');
  }
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
