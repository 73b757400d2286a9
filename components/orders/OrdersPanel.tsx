import { useEffect, useMemo } from 'preact/hooks';
import { browserOrdersDeps } from '../../utils/orders/browserDeps';
import { createOrdersStore, type OrdersStore } from '../../utils/orders/store';
import type { PopupStore } from '../../utils/stores/popup';
import { OrdersView } from './OrdersView';
import './orders.css';

// One orders store per popup page, kept across tab switches so the catalogue and statuses load once.
const stores = new WeakMap<PopupStore, OrdersStore>();

/** The orders view in the popup, over the popup's balance, settings and origin. */
export function OrdersPanel({ popup }: { popup: PopupStore }) {
  const store = useMemo(() => {
    let s = stores.get(popup);
    if (!s) stores.set(popup, (s = createOrdersStore(browserOrdersDeps(popup, location))));
    return s;
  }, [popup]);
  useEffect(() => {
    void store.start();
    // A popup closes without warning: save what was typed as soon as it is hidden.
    const save = () => void store.flushDraft();
    const onHidden = () => document.visibilityState === 'hidden' && save();
    document.addEventListener('visibilitychange', onHidden);
    addEventListener('pagehide', save);
    return () => {
      document.removeEventListener('visibilitychange', onHidden);
      removeEventListener('pagehide', save);
      save();
    };
  }, [store]);
  return <OrdersView store={store} />;
}
