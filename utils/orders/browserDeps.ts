/** The real world for the orders tab: storage items, the background, the tab the popup was opened over. */

import { computed } from '@preact/signals';
import { browser } from 'wxt/browser';
import { sendMessage } from '../messaging/client';
import { orderDraftItem, orderFavoritesItem, orderServicesItem, ordersItem } from '../storage';
import type { PopupStore } from '../stores/popup';
import type { OrdersStoreDeps } from './store';

/** The URL of the tab named by `?tab=<id>` (tests, the demo), else of the active tab; null unless http(s). */
export async function findTabUrl(search: string): Promise<string | null> {
  const param = new URLSearchParams(search).get('tab');
  try {
    const tab =
      param && /^\d+$/.test(param)
        ? await browser.tabs.get(Number(param))
        : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
    const url = tab?.url ?? '';
    return /^https?:\/\//i.test(url) ? url : null;
  } catch {
    return null;
  }
}

/** Deps for the orders store, sharing the popup's balance, settings and origin. */
export function browserOrdersDeps(popup: PopupStore, location: Location): OrdersStoreDeps {
  return {
    send: sendMessage,
    items: {
      orders: ordersItem,
      services: orderServicesItem,
      draft: orderDraftItem,
      favorites: orderFavoritesItem,
    },
    balance: computed(() => popup.balance.value.orders),
    settings: popup.settings,
    origin: popup.origin,
    tabUrl: () => findTabUrl(location.search),
    newRequestId: () => crypto.randomUUID(),
  };
}
