/** The real world for the orders tab: storage items, the background, the tab the popup was opened over. */

import { computed } from '@preact/signals';
import { sendMessage } from '../messaging/client';
import { orderDraftItem, orderFavoritesItem, orderServicesItem, ordersItem } from '../storage';
import type { PopupStore } from '../stores/popup';
import { findTab } from '../stores/popupDeps';
import type { OrdersStoreDeps } from './store';

/** The URL of the tab named by `?tab=<id>` (tests, the demo), else of the active tab; null unless http(s). */
export async function findTabUrl(search: string): Promise<string | null> {
  const url = (await findTab(search))?.url ?? '';
  return /^https?:\/\//i.test(url) ? url : null;
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
