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
