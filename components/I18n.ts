import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { translatorOf, type Translate } from '../utils/i18n';

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
