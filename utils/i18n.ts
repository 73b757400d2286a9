import en from '../public/_locales/en/messages.json';
import tr from '../public/_locales/tr/messages.json';

/** The languages the extension speaks. */
export type Lang = 'en' | 'tr';
/** The person's choice: follow the browser, or one language. */
export type LangSetting = 'auto' | Lang;
/** Every message key; English is the reference set and Turkish must have each one. */
export type MessageKey = keyof typeof en;
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const catalogs: Record<Lang, Record<string, { message: string }>> = { en, tr };

/** Picks the language from the setting, else from the browser's UI language ("tr-TR" → tr). */
export function pickLang(setting: LangSetting | undefined, uiLanguage: string | undefined): Lang {
  if (setting === 'en' || setting === 'tr') return setting;
  return (uiLanguage ?? '').toLowerCase().startsWith('tr') ? 'tr' : 'en';
}

/** A translator over `_locales/<lang>/messages.json`; `{name}` placeholders are filled from params. */
export function createT(lang: Lang): Translate {
  const catalog = catalogs[lang];
  return (key, params) => {
    const text = catalog[key]?.message ?? catalogs.en[key]?.message ?? key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
  };
}

/** The locale tag used by Intl for numbers, money and dates. */
export function localeOf(lang: Lang): string {
  return lang === 'tr' ? 'tr-TR' : 'en-US';
}
