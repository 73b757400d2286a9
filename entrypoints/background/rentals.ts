import { browser, type Browser } from 'wxt/browser';
import { MessageError } from '../../utils/messaging/client';
import type { Handlers } from '../../utils/messaging/router';
import { formatMoney } from '../../utils/money';
import { finish, isFinished, markSeen, recover } from '../../utils/rentals/machine';
import { createRentAgain } from '../../utils/rentals/again';
import { createPoller } from '../../utils/rentals/poller';
import { createRenter } from '../../utils/rentals/renter';
import type { Rental, RentRequest } from '../../utils/rentals/types';
import { recentServicesItem, rentRequestsItem } from '../../utils/storage';
import type { BalanceFeature } from './balance';
import { realClock, type Core } from './core';
import type { FillFeature } from './fill';
import { notifyCode, notifyText } from './notify';
import { createSpendGuard } from './spendGuard';

/** The watchdog alarm: it wakes a worker Chrome stopped while a number waits (see `resume`). */
export const WATCHDOG_ALARM = 'poll-watchdog';

/** The rentals feature: renting and cancelling (money), the poll loop, and the rentals' handlers. */
export function createRentals(
  core: Core,
  balance: BalanceFeature,
  fill: FillFeature,
  afterRent: () => void = () => undefined,
) {
  const { store } = core;
  const spendGuard = createSpendGuard();

  /** Tells the person a number was refunded, or why the panel refused the cancel. */
  const notifyCancel = async (rental: Rental, auto: boolean) => {
    const s = await core.settings();
    if (!s.notifications || !rental.cancel) return;
    const t = await core.translator();
    const number = rental.number ?? '';
    if (rental.cancel.refunded) {
      const body = t(auto ? 'notifyAutoRefundedBody' : 'notifyRefundedBody', { number });
      await notifyText('refund', rental.id, t('notifyRefundedTitle'), body);
    } else {
      const reason = rental.cancel.message || rental.cancel.title || t('cancelRefusedReason');
      const body = t('notifyCancelFailedBody', { number, reason });
      await notifyText('cancel-failed', rental.id, t('notifyCancelFailedTitle'), body);
    }
  };

  const renter = createRenter({
    store,
    api: core.apis.numbers,
    settings: core.settings,
    clock: realClock,
    newId: () => crypto.randomUUID(),
    requests: rentRequestsItem,
    reconciler: balance.reconciler,
    onRented: async () => {
      await core.repaint();
      void poller.ensureRunning();
      balance.refreshQuietly();
    },
    onChecked: async (rental, check) => {
      if (check.verdict !== 'twice' || !(await core.settings()).notifications) return;
      const t = await core.translator();
      const amount = formatMoney(check.charged ?? 0, rental.currency, await core.locale());
      const body = t('notifyChargedTwiceBody', { service: rental.serviceName, amount });
      await notifyText('charged-twice', rental.id, t('notifyChargedTwiceTitle'), body);
    },
    onCancelled: async (rental, auto) => {
      await core.repaint();
      balance.refreshQuietly();
      await notifyCancel(rental, auto);
    },
  });

  const poller = createPoller({
    store,
    api: core.apis.numbers,
    settings: core.settings,
    clock: realClock,
    onCode: async (rental, entry) => {
      await core.repaint();
      if ((await core.settings()).notifications) {
        await core
          .translator()
          .then((t) => notifyCode(rental, entry, t))
          .catch(() => undefined);
      }
      // A message without a code is shown, never typed.
      if (entry.code !== null) await fill.autoFill(rental, entry.code).catch(() => undefined);
    },
    autoCancel: (rental) => renter.cancel(rental.id, true),
    onChange: async () => {
      await core.repaint();
      await store.archive(Date.now());
    },
    onBusy: async (busy) => {
      if (busy) await browser.alarms.create(WATCHDOG_ALARM, { periodInMinutes: 0.5 });
      else await browser.alarms.clear(WATCHDOG_ALARM);
    },
    keepAlive: () => browser.runtime.getPlatformInfo(),
  });

  /**
   * On every worker start (a browser start, a message, or the watchdog alarm waking a stopped
   * worker): recover cut-off work, repaint, and resume polling when a number waits. This is the
   * one path that restarts the loop; the watchdog alarm only wakes the worker so it runs.
   */
  const resume = async () => {
    const now = Date.now();
    void spendGuard.ready();
    await store.updateAll((r) => recover(r, now));
    await store.archive(now);
    await core.repaint();
    void poller.ensureRunning();
  };

  /** The one rent path: the spend guard, the renter (once per requestId), then the recent services. */
  const rentNow = async (req: RentRequest): Promise<Rental> => {
    await spendGuard.ready(); // a rent never goes out on a connection the browser could replay
    const rental = await renter.rent(req);
    if (rental.numberId !== null) afterRent();
    const recent = await recentServicesItem.getValue();
    await recentServicesItem.setValue(
      [req.serviceId, ...recent.filter((id) => id !== req.serviceId)].slice(0, 8),
    );
    return rental;
  };

  const again = createRentAgain({
    store,
    cancel: (id) => renter.cancel(id).finally(() => void poller.ensureRunning()),
    rent: rentNow,
    // Chrome rejects for a closed tab; some runtimes answer nothing instead.
    tabExists: (tabId) => browser.tabs.get(tabId).then(Boolean, () => false),
  });

  /** Open popups (runtime ports named `popup-watch`): while one is connected, waiting numbers go faster. */
  let watchers = 0;
  const watch = (port: Browser.runtime.Port, own: boolean) => {
    if (port.name !== WATCH_PORT || !own) return;
    watchers++;
    poller.setWatched(true);
    void poller.ensureRunning();
    // A popup closed abruptly disconnects its port too (Chrome and Firefox).
    port.onDisconnect.addListener(() => {
      watchers = Math.max(0, watchers - 1);
      if (watchers === 0) poller.setWatched(false);
    });
  };

  const handlers: Pick<
    Handlers,
    | 'rent'
    | 'rentAgain'
    | 'cancelAndRentAnother'
    | 'cancelRental'
    | 'markSeen'
    | 'finishRental'
    | 'clearHistory'
  > = {
    async rent(req) {
      if (!req || typeof req.serviceId !== 'number' || !isRequestId(req.requestId)) {
        throw new MessageError('bad_request');
      }
      return { rentalId: (await rentNow(req)).id };
    },
    async rentAgain(req) {
      if (!req || typeof req.rentalId !== 'string' || !isRequestId(req.requestId)) {
        throw new MessageError('bad_request');
      }
      return { rentalId: (await again.rentAgain(req)).id };
    },
    async cancelAndRentAnother(req) {
      if (!req || typeof req.rentalId !== 'string' || !isRequestId(req.requestId)) {
        throw new MessageError('bad_request');
      }
      await again.cancelAndRentAnother(req);
      return { ok: true };
    },
    // A cancel that failed or was refused leaves the number waiting: the loop may have stopped meanwhile.
    async cancelRental({ rentalId }) {
      await renter.cancel(rentalId).finally(() => void poller.ensureRunning());
      return { ok: true };
    },
    async markSeen({ rentalId }) {
      await store.update(rentalId, markSeen);
      await core.repaint();
      return { ok: true };
    },
    async finishRental({ rentalId }) {
      const now = Date.now();
      await store.update(rentalId, (r) =>
        r.state === 'waiting' || r.state === 'received' ? finish(r, now) : markSeen(r),
      );
      await store.archive(now, (r) => r.id === rentalId && (isFinished(r) || r.state === 'unknown'));
      await core.repaint();
      return { ok: true };
    },
    async clearHistory() {
      await store.clearHistory();
      return { ok: true };
    },
  };

  return { handlers, resume, poller, renter, watch };
}

/** The name of the port an open popup holds to the background. */
export const WATCH_PORT = 'popup-watch';

const isRequestId = (id: unknown): id is string => typeof id === 'string' && id.length > 0;
