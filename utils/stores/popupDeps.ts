import { browser } from 'wxt/browser';
import {
  balanceItem,
  favoriteServicesItem,
  keyHintItem,
  numbersCatalogItem,
  panelOriginItem,
  popupDraftItem,
  recentServicesItem,
  rentalHistoryItem,
  rentalsItem,
  settingsItem,
  siteChoicesItem,
} from '../storage';
import { loadShippedCatalog } from '../i18n';
import { sendMessage } from '../messaging/client';
import type { PopupDeps } from './popup';
import { originPattern, type TargetTab } from './types';

/** The real world for the popup: storage items, the background, the browser's tabs and clipboard. */
export function browserPopupDeps(location: Location): PopupDeps {
  let target: Promise<TargetTab> | null = null;
  return {
    send: sendMessage,
    items: {
      keyHint: keyHintItem,
      origin: panelOriginItem,
      settings: settingsItem,
      rentals: rentalsItem,
      history: rentalHistoryItem,
      balance: balanceItem,
      catalog: numbersCatalogItem,
      favorites: favoriteServicesItem,
      recents: recentServicesItem,
      siteChoices: siteChoicesItem,
      draft: popupDraftItem,
    },
    now: () => Date.now(),
    uiLanguage: uiLanguage(),
    loadCatalog: loadShippedCatalog,
    target: () => (target ??= findTargetTab(location.search)),
    copyText,
    newRequestId: () => crypto.randomUUID(),
    permissions: {
      request: (origin) => browser.permissions.request({ origins: [originPattern(origin)] }),
    },
    isVisible: () => document.visibilityState === 'visible',
  };
}

/** The browser's UI language ("tr", "en-US"); the extension API when present, else the page's. */
export function uiLanguage(): string {
  try {
    return browser.i18n.getUILanguage() || navigator.language;
  } catch {
    return navigator.language;
  }
}

/** The tab named by `?tab=<id>` (tests, the demo), else the active tab of the current window. */
export async function findTab(search: string): Promise<{ id?: number; url?: string } | null> {
  const param = new URLSearchParams(search).get('tab');
  if (param && /^\d+$/.test(param))
    return browser.tabs.get(Number(param)).catch(() => ({ id: Number(param) }));
  return (await browser.tabs.query({ active: true, currentWindow: true }).catch(() => []))[0] ?? null;
}

/** The tab to fill and the site a number is rented for. */
async function findTargetTab(search: string): Promise<TargetTab> {
  const tab = await findTab(search);
  if (!tab || tab.id === undefined) return { tabId: null, site: null };
  return { tabId: tab.id, site: webOrigin(tab.url) };
}

function webOrigin(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

/** Writes text to the clipboard; falls back to a hidden textarea where the async API is refused. */
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    if (!ok) throw new Error('copy refused');
  }
}
