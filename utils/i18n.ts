import { browser } from 'wxt/browser';
import type en from '../public/_locales/en/messages.json';

/** The languages the extension speaks. */
export type Lang = 'en' | 'tr';
/** The person's choice: follow the browser, or one language. */
export type LangSetting = 'auto' | Lang;
/** Every message key; English is the reference set and Turkish must have each one. */
export type MessageKey = keyof typeof en;
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;
/** A `_locales/<lang>/messages.json` catalog. */
export type Catalog = Partial<Record<string, { message: string }>>;

/** Picks the language from the setting, else from the browser's UI language ("tr-TR" → tr). */
export function pickLang(setting: LangSetting | undefined, uiLanguage: string | undefined): Lang {
  if (setting === 'en' || setting === 'tr') return setting;
  return (uiLanguage ?? '').toLowerCase().startsWith('tr') ? 'tr' : 'en';
}

/**
 * A translator over one catalog; `{name}` placeholders are filled from params; a missing key
 * shows as itself. Catalogs are loaded at run time, not bundled, which keeps every bundle small.
 */
export function translatorOf(catalog: Catalog): Translate {
  return (key, params) => {
    const text = catalog[key]?.message ?? key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
  };
}

/** Loads a catalog the extension ships (`/_locales/<lang>/messages.json`); `url` maps a path to its URL. */
export async function loadCatalog(lang: Lang, url: (path: string) => string): Promise<Catalog> {
  const res = await fetch(url(`/_locales/${lang}/messages.json`));
  return (await res.json()) as Catalog;
}

/** Loads a catalog from the extension's own files (pages and the background). */
export function loadShippedCatalog(lang: Lang): Promise<Catalog> {
  return loadCatalog(lang, (path) => browser.runtime.getURL(path as '/'));
}

/** The locale tag used by Intl for numbers, money and dates. */
export function localeOf(lang: Lang): string {
  return lang === 'tr' ? 'tr-TR' : 'en-US';
}
