import type { LangSetting } from './i18n';

/** Everything the person can set in the options page (the API key lives apart). */
export interface Settings {
  /** Seconds between two getMessage calls for a waiting number. */
  pollIntervalSec: number;
  /** How long a rented number lives, in minutes. */
  numberWindowMin: number;
  /** Cancel (refund) a number with no code shortly before its window ends. */
  autoCancel: boolean;
  notifications: boolean;
  language: LangSetting;
  /** Warn when the balance falls below this amount. */
  lowBalance: number;
  /** Ask for a confirmation before an order that costs more than this. */
  confirmOrderAbove: number;
  /** Origins where a code arriving for that site is filled without a click. */
  autofillSites: string[];
}

export const DEFAULT_ORIGIN = 'https://smmonayim.com';

export const DEFAULT_SETTINGS: Settings = {
  pollIntervalSec: 3,
  numberWindowMin: 20,
  autoCancel: true,
  notifications: true,
  language: 'auto',
  lowBalance: 1,
  confirmOrderAbove: 5,
  autofillSites: [],
};

/** Clamps every field into its allowed range, keeping what is valid. */
export function sanitizeSettings(input: Partial<Settings> | null | undefined): Settings {
  const s = { ...DEFAULT_SETTINGS, ...(input ?? {}) };
  const num = (v: unknown, min: number, max: number, dflt: number) =>
    typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : dflt;
  return {
    pollIntervalSec: num(s.pollIntervalSec, 1, 60, DEFAULT_SETTINGS.pollIntervalSec),
    numberWindowMin: num(s.numberWindowMin, 2, 60, DEFAULT_SETTINGS.numberWindowMin),
    autoCancel: Boolean(s.autoCancel),
    notifications: Boolean(s.notifications),
    language: s.language === 'en' || s.language === 'tr' ? s.language : 'auto',
    lowBalance: num(s.lowBalance, 0, 1e9, DEFAULT_SETTINGS.lowBalance),
    confirmOrderAbove: num(s.confirmOrderAbove, 0, 1e9, DEFAULT_SETTINGS.confirmOrderAbove),
    autofillSites: Array.isArray(s.autofillSites)
      ? [
          ...new Set(
            s.autofillSites.filter((o): o is string => typeof o === 'string' && /^https?:\/\//.test(o)),
          ),
        ]
      : [],
  };
}

/** Normalises a panel origin typed by a person ("panel.com/" → "https://panel.com"); null when not a URL. */
export function normalizeOrigin(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  try {
    const url = new URL(/^[a-z]+:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return url.origin;
  } catch {
    return null;
  }
}

/** True for a host that is this machine: 127.0.0.0/8, `localhost`, `[::1]`. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * True for an origin a key or a code may travel to: https, or plain http only on this machine
 * (anything else would carry the key in clear on every request).
 */
export function isSecureOrigin(origin: string): boolean {
  try {
    const url = new URL(origin);
    return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
  } catch {
    return false;
  }
}

/** Why an address is refused: not a web address, or plain http away from this machine. */
export type OriginProblem = 'bad_origin' | 'insecure_origin';

/**
 * The exact origin (scheme, host, port) of a typed address that passes the https rule, or the
 * reason it does not. The one rule for the panel and for automatic-fill sites.
 */
export function checkOrigin(text: string): { origin: string } | { problem: OriginProblem; origin?: string } {
  const origin = normalizeOrigin(text);
  if (!origin) return { problem: 'bad_origin' };
  return isSecureOrigin(origin) ? { origin } : { problem: 'insecure_origin', origin };
}
