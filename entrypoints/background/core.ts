import { browser } from 'wxt/browser';
import {
  loadShippedCatalog,
  localeOf,
  pickLang,
  translatorOf,
  type Catalog,
  type Lang,
  type LangSetting,
  type Translate,
} from '../../utils/i18n';
import { MessageError } from '../../utils/messaging/client';
import { createRentalStore } from '../../utils/rentals/store';
import { checkOrigin, sanitizeSettings } from '../../utils/settings';
import { HISTORY_LIMIT, rentalHistoryItem, rentalsItem, settingsItem } from '../../utils/storage';
import { createApiProvider } from './apis';
import { paintBadge } from './badge';

/** What the background takes from its world (tests pass their own). */
export interface BackgroundWorld {
  /** Loads a shipped `_locales` catalog. */
  loadCatalog: (lang: Lang) => Promise<Catalog>;
}

export const realWorld: BackgroundWorld = { loadCatalog: loadShippedCatalog };

/** The clock the renter and the poller run on. */
export const realClock = {
  now: () => Date.now(),
  sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)),
};

/** The one origin check of every handler that takes a web address: its secure origin, or a coded refusal. */
export function requireOrigin(text: string): string {
  const checked = checkOrigin(text);
  if ('problem' in checked) {
    throw new MessageError(checked.problem, checked.origin ? { origin: checked.origin } : undefined);
  }
  return checked.origin;
}

function uiLanguage(): string {
  try {
    return browser.i18n.getUILanguage();
  } catch {
    return globalThis.navigator?.language ?? 'en';
  }
}

/** The person's language and its translator; a catalog that fails to load is tried again next time. */
function createTranslator(world: BackgroundWorld, settings: () => Promise<{ language: LangSetting }>) {
  const catalogs = new Map<Lang, Promise<Catalog>>();
  const lang = async () => pickLang((await settings()).language, uiLanguage());
  const translator = async (): Promise<Translate> => {
    const l = await lang();
    let catalog = catalogs.get(l);
    if (!catalog) {
      catalog = world.loadCatalog(l);
      catalogs.set(l, catalog);
      catalog.catch(() => catalogs.delete(l));
    }
    return translatorOf(await catalog);
  };
  return { translator, locale: async () => localeOf(await lang()) };
}

/** What every feature module shares: the clients, the rentals store, settings, words and the badge. */
export function createCore(world: BackgroundWorld) {
  const apis = createApiProvider();
  const store = createRentalStore({
    active: rentalsItem,
    history: rentalHistoryItem,
    historyLimit: HISTORY_LIMIT,
  });
  const settings = async () => sanitizeSettings(await settingsItem.getValue());
  const { translator, locale } = createTranslator(world, settings);
  const repaint = async () => paintBadge(await store.list());
  return { apis, store, settings, translator, locale, repaint };
}

export type Core = ReturnType<typeof createCore>;
