import { lazyComponent } from '../Lazy';

/**
 * The orders tab's body, loaded on first use: the numbers tab (what most people open the popup for)
 * stays within the popup's script budget.
 */
export const PopupOrders = lazyComponent(() => import('./OrdersPanel').then((m) => m.OrdersPanel));
