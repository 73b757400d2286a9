// Switchable faults: what a panel, its proxy or the network does on a bad day.
import {
  REDIRECT_STATUSES,
  V1_ENDPOINTS,
  V2_ACTIONS,
  type Endpoint,
  type Fault,
  type ScriptAnswer,
} from './types';

/** A response as it goes on the wire. */
export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Faults waiting for the next calls of each endpoint. */
export interface FaultQueue {
  inject(endpoint: Endpoint, fault: Fault, times?: number): void;
  /** The fault the next call of this endpoint gets (used up), if any. */
  take(endpoint: Endpoint): Fault | undefined;
  clear(): void;
}

const JSON_TYPE = 'application/json; charset=utf-8';
const HTML_TYPE = 'text/html; charset=UTF-8';

const MAINTENANCE_PAGE = `<!DOCTYPE html>
<html lang="tr"><head><meta charset="utf-8"><title>Bakım Çalışması</title></head>
<body><h1>Sitemiz şu anda bakımda</h1><p>Kısa süre içinde tekrar hizmetinizdeyiz.</p></body></html>
`;
const BAD_GATEWAY_PAGE = `<html>
<head><title>502 Bad Gateway</title></head>
<body>
<center><h1>502 Bad Gateway</h1></center>
<hr><center>nginx</center>
</body>
</html>
`;

const CLOUDFLARE_PAGE = `<!DOCTYPE html>
<html lang="en-US"><head><title>Attention Required! | Cloudflare</title>
<style>body{font-family:sans-serif}</style></head>
<body><div id="cf-wrapper"><h1 data-translate="block_headline">Sorry, you have been blocked</h1>
<h2 class="cf-subheadline">You are unable to access this panel</h2>
<p>This website is using a security service to protect itself from online attacks. The action you just performed triggered the security solution.</p>
</div></body></html>
`;
const LARAVEL_419_PAGE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Page Expired</title></head>
<body><div class="flex-center"><div class="code">419</div><div class="message">Page Expired</div></div></body></html>
`;

const json = (status: number, body: unknown): RawResponse => jsonResponse(status, body);
const html = (status: number, body: string): RawResponse => ({
  status,
  headers: { 'Content-Type': HTML_TYPE },
  body,
});

/**
 * Answers worded exactly as the common SMM panel scripts word them, with the statuses they send: the
 * CodeIgniter script answers every error with HTTP 200 (English or its Turkish translation), the Laravel
 * scripts with 401/422, Perfect Panel-style panels leak raw translation keys. Firewall and CSRF pages come
 * from what sits in front of a panel.
 */
export const SCRIPT_ANSWERS: Record<ScriptAnswer, RawResponse> = {
  wrongKeySmart: json(200, { error: 'API is Disable for this user or User Not Found! Contact the Support' }),
  wrongKeySmartTr: json(200, {
    error: 'API bu kullanıcı için Devre Dışı Bırak veya Kullanıcı Bulunamadı! Destek ile iletişime geçin',
  }),
  suspended: json(401, { error: 'Your account has been suspended.' }),
  fundsRaw: json(200, { error: 'neworder.error.not_enough_funds' }),
  fundsTr: json(200, { error: 'Hesapta Yeterli Bakiyeniz Yok' }),
  funds422: json(422, { error: 'Not enough funds on balance' }),
  badLink422: json(422, { error: 'Bad link' }),
  invalidLinkTr: json(200, { error: 'Geçersiz Link' }),
  minQuantity422: json(422, { error: 'Quantity less than minimal 50' }),
  quantityRequired: json(200, { error: 'Quantity is required' }),
  minimumAmount: json(200, { error: 'Quantity must to be greater than or equal to minimum amount 1' }),
  serviceDisabled: json(200, { error: 'Service is disabled' }),
  activeOrder422: json(422, {
    error: 'You have active order with this link. Please wait until order being completed.',
  }),
  csrf419: html(419, LARAVEL_419_PAGE),
  firewall403: html(403, CLOUDFLARE_PAGE),
  csrfJson403: json(403, { message: 'CSRF token mismatch.' }),
};

/** Whether a value names an endpoint. */
export function isEndpoint(value: unknown): value is Endpoint {
  return typeof value === 'string' && ([...V1_ENDPOINTS, ...V2_ACTIONS] as string[]).includes(value);
}

const nonNegative = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v) && v >= 0;

const isOrigin = (v: unknown): boolean => {
  try {
    return typeof v === 'string' && /^https?:$/.test(new URL(v).protocol);
  } catch {
    return false;
  }
};

/** Checks a fault that came as JSON (control surface); null when it is not one. */
export function parseFault(value: unknown): Fault | null {
  if (typeof value !== 'object' || value === null) return null;
  const f = value as Record<string, unknown>;
  switch (f.type) {
    case 'http500':
    case 'http502':
    case 'malformed':
    case 'empty':
    case 'drop':
    case 'jsonAsHtml':
      return { type: f.type };
    case 'html':
      return f.status === undefined || f.status === 200 || f.status === 503
        ? { type: 'html', status: f.status }
        : null;
    case 'rateLimit':
      return nonNegative(f.retryAfterSec)
        ? { type: 'rateLimit', retryAfterSec: f.retryAfterSec as number }
        : null;
    case 'slow':
      return nonNegative(f.ms) ? { type: 'slow', ms: f.ms as number } : null;
    case 'redirect':
      return REDIRECT_STATUSES.includes(f.status as never) && isOrigin(f.to)
        ? { type: 'redirect', status: f.status as 301, to: f.to as string }
        : null;
    case 'script':
      return typeof f.answer === 'string' && Object.hasOwn(SCRIPT_ANSWERS, f.answer)
        ? { type: 'script', answer: f.answer as ScriptAnswer }
        : null;
    case 'panelError': {
      const statusOk = f.status === undefined || (Number.isInteger(f.status) && (f.status as number) >= 200);
      if (typeof f.text !== 'string' || !statusOk || (f.status as number) > 599) return null;
      return { type: 'panelError', text: f.text, status: f.status as number | undefined };
    }
    default:
      return null;
  }
}

/** Creates an empty fault queue. */
export function createFaultQueue(): FaultQueue {
  const queues = new Map<Endpoint, { fault: Fault; left: number }[]>();
  return {
    inject(endpoint, fault, times = 1) {
      if (!isEndpoint(endpoint)) throw new RangeError(`unknown endpoint ${String(endpoint)}`);
      if (!parseFault(fault)) throw new RangeError('not a fault');
      if (!Number.isInteger(times) || times < 1) throw new RangeError('times must be an integer >= 1');
      const queue = queues.get(endpoint) ?? [];
      queue.push({ fault, left: times });
      queues.set(endpoint, queue);
    },
    take(endpoint) {
      const queue = queues.get(endpoint);
      const next = queue?.[0];
      if (!queue || !next) return undefined;
      if (--next.left === 0) queue.shift();
      return next.fault;
    },
    clear() {
      queues.clear();
    },
  };
}

/** Whether the fault lets the panel do its work first (the others answer before reaching it). */
export function faultDoesWork(fault: Fault | undefined): boolean {
  return !fault || fault.type === 'slow' || fault.type === 'drop' || fault.type === 'jsonAsHtml';
}

/** A JSON body as the panel writes it. */
export function jsonResponse(status: number, body: unknown): RawResponse {
  return { status, headers: { 'Content-Type': JSON_TYPE }, body: JSON.stringify(body) };
}

/** The response a fault puts in place of the answer; null for faults that only delay or drop it. */
export function faultResponse(
  fault: Fault,
  api: 'v1' | 'v2',
  answer: RawResponse | null,
  path = '/',
): RawResponse | null {
  switch (fault.type) {
    case 'redirect':
      return {
        status: fault.status,
        headers: { 'Content-Type': HTML_TYPE, Location: `${fault.to.replace(/\/+$/, '')}${path}` },
        body: `<html><head><title>Moved</title></head><body>Moved</body></html>`,
      };
    case 'http500':
      return jsonResponse(500, { message: 'Server Error' });
    case 'http502':
      return { status: 502, headers: { 'Content-Type': 'text/html' }, body: BAD_GATEWAY_PAGE };
    case 'html':
      return { status: fault.status ?? 200, headers: { 'Content-Type': HTML_TYPE }, body: MAINTENANCE_PAGE };
    case 'rateLimit':
      return {
        ...jsonResponse(429, { message: 'Too Many Attempts.' }),
        headers: { 'Content-Type': JSON_TYPE, 'Retry-After': String(fault.retryAfterSec) },
      };
    case 'malformed':
      return {
        status: 200,
        headers: { 'Content-Type': JSON_TYPE },
        body: '{"success":true,"data":[{"id":1,',
      };
    case 'empty':
      return { status: 200, headers: { 'Content-Type': JSON_TYPE }, body: '' };
    case 'panelError': {
      const body = api === 'v1' ? { success: false, message: fault.text } : { error: fault.text };
      return jsonResponse(fault.status ?? 200, body);
    }
    case 'script':
      return structuredClone(SCRIPT_ANSWERS[fault.answer]);
    case 'jsonAsHtml':
      return answer && { ...answer, headers: { 'Content-Type': HTML_TYPE }, body: `\n\n${answer.body}` };
    case 'slow':
    case 'drop':
      return null;
  }
}
