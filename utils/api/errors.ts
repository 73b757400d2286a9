/** The one error type for both panel APIs, its mapping to catalogue sentences, and panel-text classification. */

import type { MessageKey, Translate } from '../i18n.ts';
import { redactCause } from './redact.ts';

export { redactCause, redactSecret } from './redact.ts';
export { classifyPanelText, htmlSummary, saysKeyIsWrong } from './panelText.ts';

export type PanelErrorKind =
  | 'bad_key'
  | 'insufficient_funds'
  | 'out_of_stock'
  | 'active_order'
  | 'service_disabled'
  | 'invalid_input'
  | 'not_found'
  | 'rate_limited'
  | 'refused'
  | 'unavailable'
  | 'network'
  | 'timeout'
  | 'unexpected';

/** Every kind, for code that rebuilds errors from the wire and for the catalogue test. */
export const PANEL_ERROR_KINDS: readonly PanelErrorKind[] = [
  'bad_key',
  'insufficient_funds',
  'out_of_stock',
  'active_order',
  'service_disabled',
  'invalid_input',
  'not_found',
  'rate_limited',
  'refused',
  'unavailable',
  'network',
  'timeout',
  'unexpected',
];

/** The plain-object form that crosses the messaging boundary (background → popup). */
export interface SerializedPanelError {
  name: 'PanelError';
  kind: PanelErrorKind;
  message: string;
  panelText?: string;
  status?: number;
  retryAfterMs?: number;
  mayHaveCharged: boolean;
  endpoint: string;
  redirect?: PanelRedirect;
}

/** A redirect the panel answered with (never followed); host is null when the browser hides where it pointed. */
export interface PanelRedirect {
  host: string | null;
}

/** What a PanelError is built from; its message is a log text made from kind, endpoint and status. */
export interface PanelErrorInit {
  kind: PanelErrorKind;
  endpoint: string;
  panelText?: string;
  status?: number;
  retryAfterMs?: number;
  mayHaveCharged?: boolean;
  /** Set when the panel answered with a redirect; the host only, never a path (it may hold the key). */
  redirect?: PanelRedirect;
  /** The original error; pass it through redactCause first so it never holds the key. */
  cause?: unknown;
}

// Compile-time check that every kind has its sentence in _locales (MessageKey comes from en/messages.json).
const KIND_MESSAGE: Record<PanelErrorKind, MessageKey> = {
  bad_key: 'error_bad_key',
  insufficient_funds: 'error_insufficient_funds',
  out_of_stock: 'error_out_of_stock',
  active_order: 'error_active_order',
  service_disabled: 'error_service_disabled',
  invalid_input: 'error_invalid_input',
  not_found: 'error_not_found',
  rate_limited: 'error_rate_limited',
  refused: 'error_refused',
  unavailable: 'error_unavailable',
  network: 'error_network',
  timeout: 'error_timeout',
  unexpected: 'error_unexpected',
};

/** The catalogue key of a kind's sentence (what `errorSentence` starts with). */
export function panelErrorKey(kind: PanelErrorKind): MessageKey {
  return KIND_MESSAGE[kind] ?? 'error_unexpected';
}

/** A short text for logs and tests ("bad_key from getBalance, HTTP 401"); a person never sees it. */
function logText(init: PanelErrorInit): string {
  const parts = [`${init.kind} from ${init.endpoint || 'panel'}`];
  if (init.status !== undefined) parts.push(`HTTP ${init.status}`);
  if (init.redirect) parts.push(`redirect to ${init.redirect.host ?? 'an unknown place'}`);
  if (init.mayHaveCharged) parts.push('may have charged');
  return parts.join(', ');
}

/**
 * Any failure of a panel call: HTTP, HTML page, bad JSON, timeout, dropped connection or panel error text.
 * A person sees `errorSentence(err, t)` in the page's language, never `message`.
 */
export class PanelError extends Error {
  override readonly name = 'PanelError' as const;
  readonly kind: PanelErrorKind;
  readonly panelText?: string;
  readonly status?: number;
  readonly retryAfterMs?: number;
  /** True when a spending call (getNumber, add) failed ambiguously: money may have left the balance. */
  readonly mayHaveCharged: boolean;
  /** Which call failed ("getNumber", "status"…); never a URL, so never the key. */
  readonly endpoint: string;
  /** Set when the panel answered with a redirect, which is never followed. */
  readonly redirect?: PanelRedirect;

  constructor(init: PanelErrorInit) {
    const mayHaveCharged = init.mayHaveCharged ?? false;
    super(logText({ ...init, mayHaveCharged }), init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.endpoint = init.endpoint;
    this.mayHaveCharged = mayHaveCharged;
    if (init.panelText !== undefined) this.panelText = init.panelText;
    if (init.status !== undefined) this.status = init.status;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
    if (init.redirect) this.redirect = { host: init.redirect.host };
  }

  /** The serialisable form (no cause, no stack). */
  toJSON(): SerializedPanelError {
    const s: SerializedPanelError = {
      name: 'PanelError',
      kind: this.kind,
      message: this.message,
      mayHaveCharged: this.mayHaveCharged,
      endpoint: this.endpoint,
    };
    if (this.panelText !== undefined) s.panelText = this.panelText;
    if (this.status !== undefined) s.status = this.status;
    if (this.retryAfterMs !== undefined) s.retryAfterMs = this.retryAfterMs;
    if (this.redirect) s.redirect = { host: this.redirect.host };
    return s;
  }

  /** Rebuilds an error sent across contexts; an unknown kind becomes 'unexpected'; the message is rebuilt too. */
  static fromJSON(s: SerializedPanelError): PanelError {
    return new PanelError({
      kind: PANEL_ERROR_KINDS.includes(s.kind) ? s.kind : 'unexpected',
      endpoint: String(s.endpoint ?? ''),
      panelText: s.panelText,
      status: s.status,
      retryAfterMs: s.retryAfterMs,
      mayHaveCharged: s.mayHaveCharged === true,
      redirect: redirectOf(s.redirect),
    });
  }
}

/** A redirect field from the wire, checked: a short host text or null; anything else is dropped. */
function redirectOf(v: unknown): PanelRedirect | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const host = (v as { host?: unknown }).host;
  if (host === null) return { host: null };
  return typeof host === 'string' && /^[\w.:[\]-]{1,255}$/.test(host) ? { host } : { host: null };
}

/** True for a PanelError, also one from another realm (same name and a kind). */
export function isPanelError(e: unknown): e is PanelError {
  if (e instanceof PanelError) return true;
  return (
    e instanceof Error &&
    e.name === 'PanelError' &&
    typeof (e as { kind?: unknown }).kind === 'string' &&
    typeof (e as { mayHaveCharged?: unknown }).mayHaveCharged === 'boolean'
  );
}

/** The sentence for a person: what went wrong, whether money may have gone, and the panel's own words. */
export function errorSentence(
  e: Pick<SerializedPanelError, 'kind' | 'mayHaveCharged' | 'panelText'> & { redirect?: unknown },
  t: Translate,
): string {
  const parts = [t(panelErrorKey(e.kind))];
  const redirect = redirectOf(e.redirect);
  if (redirect) {
    parts.push(redirect.host ? t('error_redirected_to', { host: redirect.host }) : t('error_redirected'));
  }
  if (e.mayHaveCharged) parts.push(t('error_may_have_charged'));
  const panelText = e.panelText?.trim();
  if (panelText) parts.push(t('error_panel_said', { text: panelText }));
  return parts.join(' ');
}

function isSerializedPanelError(e: unknown): e is SerializedPanelError {
  return (
    typeof e === 'object' &&
    e !== null &&
    (e as { name?: unknown }).name === 'PanelError' &&
    typeof (e as { kind?: unknown }).kind === 'string'
  );
}

/** Turns anything thrown into a PanelError: timeouts, network failures, serialized errors; otherwise 'unexpected'. */
export function toPanelError(e: unknown, endpoint: string, secret?: string): PanelError {
  if (e instanceof PanelError) return e;
  if (isSerializedPanelError(e)) return PanelError.fromJSON(e);
  const cause = redactCause(e, secret);
  if (e instanceof Error && (e.name === 'AbortError' || e.name === 'TimeoutError')) {
    return new PanelError({ kind: 'timeout', endpoint, cause });
  }
  if (e instanceof TypeError && /fetch|network|terminated|socket|connection/i.test(e.message)) {
    return new PanelError({ kind: 'network', endpoint, cause });
  }
  return new PanelError({ kind: 'unexpected', endpoint, cause });
}
