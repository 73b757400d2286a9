import { IDLE, type PopupState } from './popupState';
import type { Send } from './types';

/**
 * Asks the background to refresh the balance and the numbers catalogue. The answers are only
 * acknowledgements: what they read reaches the popup through the `balance` and `catalog` items.
 */
export function createCatalogActions(s: PopupState, send: Send) {
  /** Reads both balances again; fails only when both calls failed (the cached amount stays). */
  async function refreshBalance(): Promise<void> {
    if (!s.keyHint.value || s.balanceStatus.value.loading) return;
    s.balanceStatus.value = { loading: true, error: null };
    try {
      await send('getBalance', {});
      s.balanceStatus.value = IDLE;
    } catch (error) {
      s.balanceStatus.value = { loading: false, error };
    }
  }

  /** Reads the categories again. */
  async function loadCategories(): Promise<void> {
    if (s.categoriesStatus.value.loading) return;
    s.categoriesStatus.value = { loading: true, error: null };
    try {
      await send('getCategories', {});
      s.categoriesStatus.value = IDLE;
    } catch (error) {
      s.categoriesStatus.value = { loading: false, error };
    }
  }

  // Ids already asked for in this load, and the ones waiting for the next request.
  const asked = new Set<number>();
  const pending = new Set<number>();

  /** Asks for the prices of the rows on screen first; batched, each id once per load. */
  function requestPrices(ids: readonly number[]): void {
    const fresh = ids.filter((id) => !asked.has(id));
    if (!fresh.length) return;
    if (!pending.size) setTimeout(() => void sendPrices(), 0);
    fresh.forEach((id) => (asked.add(id), pending.add(id)));
  }
  async function sendPrices(): Promise<void> {
    const serviceIds = [...pending];
    pending.clear();
    try {
      await send('getPrices', { serviceIds });
      s.pricesStatus.value = IDLE;
    } catch (error) {
      serviceIds.forEach((id) => asked.delete(id));
      s.pricesStatus.value = { loading: false, error };
    }
  }

  /** Reads a category's services (names at once, then each price as it comes) again. */
  async function loadServices(categoryId: number): Promise<void> {
    const key = String(categoryId);
    if (s.servicesStatus.value[key]?.loading) return;
    asked.clear();
    s.pricesStatus.value = IDLE;
    s.servicesStatus.value = { ...s.servicesStatus.value, [key]: { loading: true, error: null } };
    let status = IDLE;
    try {
      await send('getServices', { categoryId });
    } catch (error) {
      status = { loading: false, error };
    }
    s.servicesStatus.value = { ...s.servicesStatus.value, [key]: status };
  }

  /** Lets the background list every category's names for the first-screen search (it decides when). */
  const indexServices = () => send('indexServices', {}).catch(() => undefined);

  return { refreshBalance, loadCategories, loadServices, requestPrices, indexServices };
}
