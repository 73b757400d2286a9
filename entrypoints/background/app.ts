import { browser } from 'wxt/browser';
import type { Balance } from '../../utils/api/numbers/types';
import { formatMoney } from '../../utils/money';
import {
  loadShippedCatalog,
  localeOf,
  pickLang,
  translatorOf,
  type Catalog,
  type Lang,
  type Translate,
} from '../../utils/i18n';
import { MessageError } from '../../utils/messaging/client';
import type { Handlers } from '../../utils/messaging/router';
import { finish, isFinished, latestCode, markSeen, recover } from '../../utils/rentals/machine';
import { createPoller } from '../../utils/rentals/poller';
import { createRenter } from '../../utils/rentals/renter';
import { createRentalStore } from '../../utils/rentals/store';
import type { Rental } from '../../utils/rentals/types';
import { normalizeOrigin, sanitizeSettings } from '../../utils/settings';
import {
  apiKeyItem,
  balanceItem,
  HISTORY_LIMIT,
  keyHintItem,
  lowBalanceWarnedItem,
  panelOriginItem,
  recentServicesItem,
  rentalHistoryItem,
  rentalsItem,
  rentRequestsItem,
  settingsItem,
} from '../../utils/storage';
import { createApiProvider } from './apis';
import { paintBadge } from './badge';
import { refreshCategories, refreshServices } from './catalog';
import { copyFromBackground } from './clipboard';
import { fillInTab } from './fill';
import { notifyCode, notifyText } from './notify';
import { createOrderHandlers } from './orders';

/** The watchdog alarm that restarts the poll loop after Chrome stopped the worker. */
export const WATCHDOG_ALARM = 'poll-watchdog';

const realClock = {
  now: () => Date.now(),
  sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)),
};

/** A non-secret hint of a key: its last three characters. */
const hintOf = (key: string) => `••••${key.slice(-3)}`;

/** What the background takes from its world (tests pass their own). */
export interface BackgroundWorld {
  /** Loads a shipped `_locales` catalog. */
  loadCatalog: (lang: Lang) => Promise<Catalog>;
}

const realWorld: BackgroundWorld = {
  loadCatalog: loadShippedCatalog,
};

/** Composes the background: stores, clients, renter, poller, and the message handlers. */
export function createBackground(world: BackgroundWorld = realWorld) {
  const apis = createApiProvider();
  const store = createRentalStore({
    active: rentalsItem,
    history: rentalHistoryItem,
    historyLimit: HISTORY_LIMIT,
  });
  const settings = async () => sanitizeSettings(await settingsItem.getValue());
  const uiLanguage = () => {
    try {
      return browser.i18n.getUILanguage();
    } catch {
      return globalThis.navigator?.language ?? 'en';
    }
  };
  const catalogs = new Map<Lang, Promise<Catalog>>();
  /** The person's language's translator; a catalog that fails to load is tried again next time. */
  const currentLang = async () => pickLang((await settings()).language, uiLanguage());
  const translator = async (): Promise<Translate> => {
    const lang = await currentLang();
    let catalog = catalogs.get(lang);
    if (!catalog) {
      catalog = world.loadCatalog(lang);
      catalogs.set(lang, catalog);
      catalog.catch(() => catalogs.delete(lang));
    }
    return translatorOf(await catalog);
  };

  const repaint = async () => paintBadge(await store.list());

  const refreshBalance = async () => {
    const [numbers, orders] = await Promise.allSettled([
      (await apis.numbers()).getBalance(),
      (await apis.orders()).balance(),
    ]);
    const value = (r: PromiseSettledResult<Balance>) => (r.status === 'fulfilled' ? r.value : null);
    const prev = await balanceItem.getValue();
    const next = {
      numbers: value(numbers) ?? prev.numbers,
      orders: value(orders) ?? prev.orders,
      at: Date.now(),
    };
    await balanceItem.setValue(next);
    if (numbers.status === 'rejected' && orders.status === 'rejected') throw numbers.reason;
    const s = await settings();
    const amount = next.numbers?.amount ?? next.orders?.amount;
    const low = amount !== undefined && amount < s.lowBalance;
    const warned = await lowBalanceWarnedItem.getValue();
    if (low && !warned && s.notifications) {
      const t = await translator();
      const cur = next.numbers ? next.numbers.currency : (next.orders?.currency ?? null);
      await notifyText(
        'low-balance',
        'now',
        t('notifyLowBalanceTitle'),
        t('notifyLowBalanceBody', { amount: formatMoney(amount, cur, localeOf(await currentLang())) }),
      );
    }
    if (low !== warned) await lowBalanceWarnedItem.setValue(low);
    return { numbers: value(numbers), orders: value(orders) };
  };

  const fillLatest = async (tabId: number, code: string, rental: Rental | null) => {
    const res = await fillInTab(tabId, 'code', code);
    if (rental && res.filled) await store.update(rental.id, markSeen);
    await repaint();
    return res;
  };

  /** Automatic fill: a code for a site the person allowed goes into that site's open tab. */
  const autoFill = async (rental: Rental, code: string) => {
    const s = await settings();
    if (!rental.site || !s.autofillSites.includes(rental.site)) return;
    const granted = await browser.permissions.contains({ origins: [`${rental.site}/*`] }).catch(() => false);
    if (!granted) return;
    const tabs = await browser.tabs.query({ url: `${rental.site}/*` });
    const ordered = tabs.sort((a, b) => Number(b.id === rental.tabId) - Number(a.id === rental.tabId));
    for (const tab of ordered) {
      if (tab.id === undefined) continue;
      const res = await fillLatest(tab.id, code, rental).catch(() => ({ filled: 0 }));
      if (res.filled) return;
    }
  };

  const renter = createRenter({
    store,
    api: apis.numbers,
    settings,
    clock: realClock,
    newId: () => crypto.randomUUID(),
    requests: rentRequestsItem,
    onRented: async () => {
      await repaint();
      void poller.ensureRunning();
      void refreshBalance().catch(() => undefined);
    },
    onCancelled: async (rental, auto) => {
      await repaint();
      void refreshBalance().catch(() => undefined);
      const s = await settings();
      if (!s.notifications || !rental.cancel) return;
      const t = await translator();
      const number = rental.number ?? '';
      if (rental.cancel.refunded) {
        await notifyText(
          'refund',
          rental.id,
          t('notifyRefundedTitle'),
          t(auto ? 'notifyAutoRefundedBody' : 'notifyRefundedBody', { number }),
        );
      } else {
        const reason = rental.cancel.message || rental.cancel.title || t('cancelRefusedReason');
        await notifyText(
          'cancel-failed',
          rental.id,
          t('notifyCancelFailedTitle'),
          t('notifyCancelFailedBody', { number, reason }),
        );
      }
    },
  });

  const poller = createPoller({
    store,
    api: apis.numbers,
    settings,
    clock: realClock,
    onCode: async (rental, code) => {
      await repaint();
      const s = await settings();
      if (s.notifications)
        await translator()
          .then((t) => notifyCode(rental, code, t))
          .catch(() => undefined);
      await autoFill(rental, code).catch(() => undefined);
    },
    autoCancel: (rental) => renter.cancel(rental.id, true),
    onChange: async () => {
      await repaint();
      await store.archive(Date.now());
    },
    onBusy: async (busy) => {
      if (busy) await browser.alarms.create(WATCHDOG_ALARM, { periodInMinutes: 0.5 });
      else await browser.alarms.clear(WATCHDOG_ALARM);
    },
    keepAlive: () => browser.runtime.getPlatformInfo(),
  });

  /** On every worker start: recover cut-off work, repaint, resume polling when a number waits. */
  const resume = async () => {
    const now = Date.now();
    await store.updateAll((r) => recover(r, now));
    await store.archive(now);
    await repaint();
    void poller.ensureRunning();
  };

  const handlers: Handlers = {
    ...createOrderHandlers({ apis, now: () => Date.now(), settings, translator, refreshBalance }),
    async testKey({ key, origin }) {
      const o = origin ? normalizeOrigin(origin) : await panelOriginItem.getValue();
      if (!o) throw new MessageError('This is not a web address.', 'bad_origin');
      const k = key?.trim() || (await apiKeyItem.getValue());
      if (!k) throw new MessageError('There is no API key to test.', 'no_key');
      return apis.forTrial(o, k).numbers.getBalance();
    },
    async saveKey({ key, origin }) {
      const k = key.trim();
      if (!k) throw new MessageError('Paste your API key first.', 'no_key');
      const o = origin ? normalizeOrigin(origin) : await panelOriginItem.getValue();
      if (!o) throw new MessageError('This is not a web address.', 'bad_origin');
      const balance = await apis.forTrial(o, k).numbers.getBalance();
      await apiKeyItem.setValue(k);
      await keyHintItem.setValue(hintOf(k));
      await panelOriginItem.setValue(o);
      void refreshBalance().catch(() => undefined);
      return balance;
    },
    exportKey: async () => ({ key: await apiKeyItem.getValue() }),
    async clearKey() {
      await apiKeyItem.setValue('');
      await keyHintItem.setValue('');
      await balanceItem.setValue({ numbers: null, orders: null, at: 0 });
      return { ok: true };
    },
    async setOrigin({ origin }) {
      const o = normalizeOrigin(origin);
      if (!o) throw new MessageError('This is not a web address.', 'bad_origin');
      await panelOriginItem.setValue(o);
      return { origin: o };
    },
    getBalance: () => refreshBalance(),
    getCategories: async () => refreshCategories(await apis.numbers(), Date.now()),
    getServices: async ({ categoryId }) =>
      refreshServices(await apis.numbers(), Number(categoryId), Date.now()),
    async rent(req) {
      if (!req || typeof req.serviceId !== 'number' || typeof req.requestId !== 'string' || !req.requestId) {
        throw new MessageError('This rent request is incomplete.', 'bad_request');
      }
      const rental = await renter.rent(req);
      const recent = await recentServicesItem.getValue();
      await recentServicesItem.setValue(
        [req.serviceId, ...recent.filter((id) => id !== req.serviceId)].slice(0, 8),
      );
      return rental;
    },
    // A cancel that failed or was refused leaves the number waiting: the loop may have stopped meanwhile.
    cancelRental: ({ rentalId }) => renter.cancel(rentalId).finally(() => void poller.ensureRunning()),
    async markSeen({ rentalId }) {
      await store.update(rentalId, markSeen);
      await repaint();
      return { ok: true };
    },
    async finishRental({ rentalId }) {
      const now = Date.now();
      await store.update(rentalId, (r) =>
        r.state === 'waiting' || r.state === 'received' ? finish(r, now) : markSeen(r),
      );
      await store.archive(now, (r) => r.id === rentalId && (isFinished(r) || r.state === 'unknown'));
      await repaint();
      return { ok: true };
    },
    async clearHistory() {
      await store.clearHistory();
      return { ok: true };
    },
    async fillCode({ tabId, code }) {
      if (typeof tabId !== 'number' || typeof code !== 'string' || !code.trim()) {
        throw new MessageError('Nothing to fill.', 'bad_request');
      }
      const rental = (await store.list()).find((r) => r.codes.some((c) => c.code === code)) ?? null;
      return fillLatest(tabId, code.trim(), rental);
    },
    async fillNumber({ tabId, number }) {
      if (typeof tabId !== 'number' || typeof number !== 'string' || !number.trim()) {
        throw new MessageError('Nothing to fill.', 'bad_request');
      }
      return fillInTab(tabId, 'phone', number.trim());
    },
    async setAutofillSite({ origin, enabled }) {
      const o = normalizeOrigin(origin);
      if (!o) throw new MessageError('This is not a web address.', 'bad_origin');
      const s = await settings();
      const sites = enabled ? [...new Set([...s.autofillSites, o])] : s.autofillSites.filter((x) => x !== o);
      await settingsItem.setValue({ ...s, autofillSites: sites });
      return { sites };
    },
  };

  /** "Fill latest code" from a command, the context menu or a notification button. */
  const fillLatestInTab = async (tabId: number | undefined, only?: Rental) => {
    const latest = latestCode(only ? [only] : await store.list());
    const t = await translator();
    if (!latest) {
      await notifyText('fill', 'none', t('notifyNoCodeTitle'), t('notifyNoCodeBody'));
      return;
    }
    const res =
      tabId === undefined
        ? { filled: 0 }
        : await fillLatest(tabId, latest.code, latest.rental).catch(() => ({ filled: 0 }));
    if (!res.filled) {
      await copyFromBackground(latest.code).catch(() => false);
      await notifyText(
        'fill',
        latest.rental.id,
        t('notifyFillFailedTitle'),
        t('notifyFillFailedBody', { code: latest.code }),
      );
    }
  };

  /** Copies a code from the worker; a copied code counts as seen. */
  const copyCode = async (rental: Rental, code: string) => {
    const copied = await copyFromBackground(code).catch(() => false);
    if (copied) {
      await store.update(rental.id, markSeen);
      await repaint();
    }
    return copied;
  };

  const copyLatest = async () => {
    const latest = latestCode(await store.list());
    const t = await translator();
    if (!latest) return notifyText('fill', 'none', t('notifyNoCodeTitle'), t('notifyNoCodeBody'));
    if (await copyCode(latest.rental, latest.code)) {
      await notifyText('fill', latest.rental.id, t('notifyCopiedTitle'), latest.code);
    }
  };

  return {
    handlers,
    resume,
    poller,
    store,
    renter,
    repaint,
    fillLatestInTab,
    copyCode,
    copyLatest,
    translator,
  };
}

export type Background = ReturnType<typeof createBackground>;
