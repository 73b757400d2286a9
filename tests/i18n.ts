import en from '../public/_locales/en/messages.json';
import tr from '../public/_locales/tr/messages.json';
import { translatorOf, type Catalog, type Lang, type Translate } from '../utils/i18n';

/** The shipped catalogs, for tests (the extension loads them at run time). */
export const catalogs: Record<Lang, Catalog> = { en, tr };

/** A translator over a shipped catalog, for tests. */
export function createT(lang: Lang): Translate {
  return translatorOf(catalogs[lang]);
}
