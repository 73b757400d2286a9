import { createContext } from 'preact';
import { useContext, useEffect, useMemo } from 'preact/hooks';
import { translatorOf, type Lang, type Translate } from '../utils/i18n';

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

/** Sets the page's language and title, and answers the context value for its I18nContext.Provider. */
export function usePageI18n(t: Translate, locale: string, lang: Lang, title: string): I18nValue {
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = title;
  }, [lang, title]);
  return useMemo(() => ({ t, locale }), [t, locale]);
}
