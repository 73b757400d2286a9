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

  /** Reads a category's services (price and stock) again. */
  async function loadServices(categoryId: number): Promise<void> {
    const key = String(categoryId);
    if (s.servicesStatus.value[key]?.loading) return;
    s.servicesStatus.value = { ...s.servicesStatus.value, [key]: { loading: true, error: null } };
    let status = IDLE;
    try {
      await send('getServices', { categoryId });
    } catch (error) {
      status = { loading: false, error };
    }
    s.servicesStatus.value = { ...s.servicesStatus.value, [key]: status };
  }

  return { refreshBalance, loadCategories, loadServices };
}
