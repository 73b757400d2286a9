import type { Lang, MessageKey, Translate } from '../i18n';

/** A `_locales/<lang>/messages.json` catalog. */
export type Catalog = Partial<Record<string, { message: string }>>;

/**
 * A translator over one catalog, `{name}` placeholders filled from params (the same rules as createT).
 * Pages fetch the one catalog they need instead of bundling both: it keeps the popup small.
 */
export function translatorOf(catalog: Catalog): Translate {
  return (key: MessageKey, params?: Record<string, string | number>) => {
    const text = catalog[key]?.message ?? key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}

/** Loads a catalog the extension ships (`/_locales/<lang>/messages.json`) from a page. */
export async function fetchCatalog(lang: Lang, url: (path: string) => string): Promise<Catalog> {
  const res = await fetch(url(`/_locales/${lang}/messages.json`));
  return (await res.json()) as Catalog;
}
