import { computed, effect, signal, type ReadonlySignal } from '@preact/signals';
import {
  localeOf,
  pickLang,
  translatorOf,
  type Catalog,
  type Lang,
  type LangSetting,
  type Translate,
} from '../i18n';

export interface PageI18nDeps {
  /** Loads the message catalogue of a language (fetched from _locales in a page). */
  loadCatalog: (lang: Lang) => Promise<Catalog>;
  /** The browser's UI language ("tr", "en-US"), used when the setting is 'auto'. */
  uiLanguage: string;
  /** The person's language setting, as read from storage. */
  language: ReadonlySignal<LangSetting>;
  /** Resolves when `language` holds the stored setting: no catalogue is fetched for the fallback before. */
  languageReady?: Promise<unknown>;
}

/** A page's language, Intl locale and translator; `ready` resolves when the first catalogue is in. */
export function createPageI18n(deps: PageI18nDeps) {
  const catalogs = signal<Partial<Record<Lang, Catalog>>>({});
  const lang = computed(() => pickLang(deps.language.value, deps.uiLanguage));
  let stop: (() => void) | null = null;
  let disposed = false;

  /** Loads a catalogue once; English stands in when another fails (a page shows keys only if that fails too). */
  async function ensure(l: Lang): Promise<void> {
    if (catalogs.peek()[l]) return;
    try {
      const catalog = await deps.loadCatalog(l);
      catalogs.value = { ...catalogs.peek(), [l]: catalog };
    } catch {
      if (l !== 'en') await ensure('en');
    }
  }

  const ready = Promise.resolve(deps.languageReady)
    .catch(() => undefined)
    .then(() => ensure(lang.peek()))
    .then(() => {
      // The language setting may change later (the options page, another window).
      if (!disposed) stop = effect(() => void ensure(lang.value));
    });

  return {
    lang,
    locale: computed(() => localeOf(lang.value)),
    t: computed<Translate>(() => translatorOf(catalogs.value[lang.value] ?? catalogs.value.en ?? {})),
    ready,
    dispose(): void {
      disposed = true;
      stop?.();
    },
  };
}

export type PageI18n = ReturnType<typeof createPageI18n>;
