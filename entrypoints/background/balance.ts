import type { Balance } from '../../utils/api/numbers/types';
import { moneyCalls } from '../../utils/api/http';
import type { Handlers } from '../../utils/messaging/router';
import { createReconciler } from '../../utils/rentals/reconcile';
import { formatMoney } from '../../utils/money';
import { balanceItem, lowBalanceWarnedItem } from '../../utils/storage';
import { realClock, type Core } from './core';
import { notifyText } from './notify';

/**
 * The balance feature: reads both APIs' balances into the `balance` item (its only writer) and
 * warns once per browser session when the balance falls under the person's threshold.
 */
export function createBalance(core: Core) {
  /** Reads both balances; a failed one keeps its last value. Rejects only when both failed. */
  const refresh = async (): Promise<void> => {
    const from = moneyCalls();
    const [numbers, orders] = await Promise.allSettled([
      (await core.apis.numbers()).getBalance(),
      (await core.apis.orders()).balance(),
    ]);
    const value = (r: PromiseSettledResult<Balance>) => (r.status === 'fulfilled' ? r.value : null);
    const prev = await balanceItem.getValue();
    const next = {
      numbers: value(numbers) ?? prev.numbers,
      orders: value(orders) ?? prev.orders,
      at: Date.now(),
    };
    await balanceItem.setValue(next);
    if (numbers.status === 'fulfilled') reconciler.note(numbers.value.amount, from);
    if (numbers.status === 'rejected' && orders.status === 'rejected') throw numbers.reason;
    await warnWhenLow(next);
  };

  const warnWhenLow = async (b: { numbers: Balance | null; orders: Balance | null }) => {
    const s = await core.settings();
    const shown = b.numbers ?? b.orders;
    const low = shown !== null && shown.amount < s.lowBalance;
    const warned = await lowBalanceWarnedItem.getValue();
    if (low && !warned && s.notifications) {
      const t = await core.translator();
      const amount = formatMoney(shown.amount, shown.currency, await core.locale());
      await notifyText(
        'low-balance',
        'now',
        t('notifyLowBalanceTitle'),
        t('notifyLowBalanceBody', { amount }),
      );
    }
    if (low !== warned) await lowBalanceWarnedItem.setValue(low);
  };

  /** After money moved: refresh in the background, never failing the caller. */
  const refreshQuietly = () => void refresh().catch(() => undefined);

  /** Stores a balance read elsewhere (a key check), so the header shows it at once. */
  const store = async (numbers: Balance) => {
    const prev = await balanceItem.getValue();
    await balanceItem.setValue({ ...prev, numbers, at: Date.now() });
  };

  // The money lane and the balance check of every rent; its readings also refresh the header.
  const reconciler = createReconciler({
    readBalance: async () => {
      const numbers = await (await core.apis.numbers()).getBalance();
      await store(numbers);
      return numbers.amount;
    },
    activity: moneyCalls,
    clock: realClock,
  });

  const handlers: Pick<Handlers, 'getBalance'> = {
    getBalance: async () => {
      await refresh();
      return { ok: true };
    },
  };
  return { refresh, refreshQuietly, store, handlers, reconciler };
}

export type BalanceFeature = ReturnType<typeof createBalance>;
