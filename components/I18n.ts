import { createContext } from 'preact';
import { useContext, useEffect, useMemo } from 'preact/hooks';
import { translatorOf, type Translate } from '../utils/i18n';
import type { PageI18n } from '../utils/stores/pageI18n';

/** The translator and Intl locale of the page, provided once by each app. */
export interface I18nValue {
  t: Translate;
  locale: string;
}

export const I18nContext = createContext<I18nValue>({ t: translatorOf({}), locale: 'en-US' });

/** The page's translator and locale. */
export function useI18n(): I18nValue {
  return useContext(I18nContext);
}

/** Sets the page's language and title from its page i18n, and answers the value for its I18nContext.Provider. */
export function usePageI18n(i18n: Pick<PageI18n, 't' | 'locale' | 'lang'>, title: (t: Translate) => string) {
  const t = i18n.t.value;
  const locale = i18n.locale.value;
  const lang = i18n.lang.value;
  const text = title(t);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = text;
  }, [lang, text]);
  return useMemo<I18nValue>(() => ({ t, locale }), [t, locale]);
}
