/** The request layer both panel clients share: POST, timeout, safe retries, tolerant parsing, one error type. */

import { ofetch } from 'ofetch';
import { interpretAnswer, isRedirect, redirectError } from './answer.ts';
import { PanelError, redactCause, toPanelError, type PanelErrorKind } from './errors.ts';

export { failureText, parsePanelBody, parseRetryAfter } from './answer.ts';

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
  /** How many times a read may be retried (default: the client's); 0 for a caller that retries itself. */
  retries?: number;
}

export const DEFAULT_TIMEOUT_MS = 12_000;
export const DEFAULT_RETRIES = 2;
/** Never wait longer than this for Retry-After; a longer wait is left to the caller (the error carries it). */
export const MAX_RETRY_AFTER_MS = 30_000;
const BASE_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 8_000;
const RETRYABLE: ReadonlySet<PanelErrorKind> = new Set(['network', 'timeout', 'unavailable', 'rate_limited']);

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// Panel calls that move money, counted across clients: the rent check (utils/rentals/reconcile.ts)
// learns from them whether anything else could have changed the balance during a rent.
const money = { started: 0, inflight: 0 };

/** Money-moving panel calls (spending, cancel, refill) begun so far and running now. */
export function moneyCalls(): { started: number; inflight: number } {
  return { ...money };
}

/** Builds the request function of one client (one `ofetch.create` per client). */
export function createPanelHttp(opts: ApiOptions): (req: PanelRequest) => Promise<unknown> {
  const origin = opts.origin.trim().replace(/\/+$/, '');
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const retries = Math.max(0, opts.retries ?? DEFAULT_RETRIES);
  const sleep = opts.sleep ?? defaultSleep;
  const random = opts.random ?? Math.random;
  // We read the body ourselves: no ofetch retries, no throwing on 4xx/5xx, always text.
  // A redirect is never followed: a followed 307 would re-send the request, key included, elsewhere.
  const $fetch = ofetch.create(
    {
      baseURL: origin,
      method: 'POST',
      retry: false,
      ignoreResponseError: true,
      responseType: 'text',
      redirect: 'manual',
    },
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
    let redirected = false;
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
      redirected = isRedirect(res.status, res.type) || res.redirected;
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
    if (redirected) {
      throw redirectError(req, key, status, responseHeaders.get('location'), `${origin}/`);
    }
    return interpretAnswer(req, key, status, responseHeaders, text);
  }

  return async function request(req: PanelRequest): Promise<unknown> {
    const needsKey = req.keyInForm || req.path.includes('{key}');
    const key = needsKey ? await readKey(opts, req.endpoint) : undefined;
    const mayRetry = !req.spends && req.retry !== false;
    if (!mayRetry) {
      money.started++;
      money.inflight++;
    }
    try {
      return await send(req, key, mayRetry);
    } finally {
      if (!mayRetry) money.inflight--;
    }
  };

  async function send(req: PanelRequest, key: string | undefined, mayRetry: boolean): Promise<unknown> {
    for (let n = 0; ; n++) {
      try {
        return await attempt(req, key);
      } catch (e) {
        const err = toPanelError(e, req.endpoint, key);
        const wait = err.retryAfterMs ?? backoffMs(n, random);
        // A redirect is not a passing fault: sending again would only meet it again.
        const retry =
          mayRetry &&
          !err.redirect &&
          n < (req.retries ?? retries) &&
          RETRYABLE.has(err.kind) &&
          wait <= MAX_RETRY_AFTER_MS;
        if (!retry) throw err;
        await sleep(wait);
      }
    }
  }
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
  if (!key) throw new PanelError({ kind: 'bad_key', endpoint });
  return key;
}

function formBody(fields: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    if (value !== undefined) params.append(name, String(value));
  }
  return params.toString();
}
