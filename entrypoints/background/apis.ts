import { createNumbersApi, type NumbersApi } from '../../utils/api/numbers';
import { createOrdersApi, type OrdersApi } from '../../utils/api/orders';
import { keyVault as defaultVault, type KeyVault } from '../../utils/keyVault';
import { panelOriginItem } from '../../utils/storage';

/**
 * The two panel clients for the saved origin and key. The key is read at call time, so a changed
 * key or origin takes effect at once; clients are rebuilt when the origin changes. A client gets the
 * key only when it was saved for that client's origin: otherwise no key, and so no request at all.
 */
export function createApiProvider(vault: KeyVault = defaultVault) {
  let cached: { origin: string; numbers: NumbersApi; orders: OrdersApi } | null = null;
  const keyFor = (origin: string) => async () => {
    const entry = await vault.get();
    return entry && entry.origin === origin ? entry.key : '';
  };
  const current = async () => {
    const origin = await panelOriginItem.getValue();
    if (cached?.origin !== origin) {
      const getKey = keyFor(origin);
      cached = {
        origin,
        numbers: createNumbersApi({ origin, getKey }),
        orders: createOrdersApi({ origin, getKey }),
      };
    }
    return cached;
  };
  return {
    numbers: async () => (await current()).numbers,
    orders: async () => (await current()).orders,
    /** Clients for a key and origin being tested, not saved. */
    forTrial: (origin: string, key: string) => ({
      numbers: createNumbersApi({ origin, getKey: () => key }),
      orders: createOrdersApi({ origin, getKey: () => key }),
    }),
  };
}

export type ApiProvider = ReturnType<typeof createApiProvider>;
