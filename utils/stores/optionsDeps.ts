import { browser } from 'wxt/browser';
import { loadShippedCatalog } from '../i18n';
import { balanceItem, favoriteServicesItem, keyHintItem, panelOriginItem, settingsItem } from '../storage';
import type { OptionsDeps } from './options';
import { sendMessage } from '../messaging/client';
import { uiLanguage } from './popupDeps';
import { originPattern } from './types';

/** The real world for the options page: storage items, the background, host permissions. */
export function browserOptionsDeps(): OptionsDeps {
  return {
    send: sendMessage,
    items: {
      keyHint: keyHintItem,
      origin: panelOriginItem,
      settings: settingsItem,
      balance: balanceItem,
      favorites: favoriteServicesItem,
    },
    permissions: {
      request: (origin) => browser.permissions.request({ origins: [originPattern(origin)] }),
      remove: (origin) => browser.permissions.remove({ origins: [originPattern(origin)] }),
    },
    uiLanguage: uiLanguage(),
    loadCatalog: loadShippedCatalog,
    now: () => Date.now(),
  };
}
