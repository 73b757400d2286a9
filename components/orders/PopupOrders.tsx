import { useEffect, useState } from 'preact/hooks';
import type { PopupStore } from '../../utils/stores/popup';
import { Skeleton } from '../Skeleton';

type Panel = typeof import('./OrdersPanel').OrdersPanel;
let loading: Promise<Panel> | null = null;

/**
 * The orders tab's body, loaded on first use: the numbers tab (what most people open the popup for)
 * stays within the popup's script budget, and the orders code comes from the extension's own files.
 */
export function PopupOrders({ popup }: { popup: PopupStore }) {
  const [panel, setPanel] = useState<{ Panel: Panel } | null>(null);
  useEffect(() => {
    let live = true;
    loading ??= import('./OrdersPanel').then((m) => m.OrdersPanel);
    loading.then(
      (Panel) => live && setPanel({ Panel }),
      () => (loading = null),
    );
    return () => {
      live = false;
    };
  }, []);
  return panel ? <panel.Panel popup={popup} /> : <Skeleton rows={4} />;
}
