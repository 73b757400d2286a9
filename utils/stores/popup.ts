import { batch, effect } from '@preact/signals';
import type { Catalog, Lang } from '../i18n';
import type { Rental } from '../rentals/types';
import { sanitizeSettings, type Settings } from '../settings';
import type { BalanceCache, NumbersCatalog, PopupDraft } from '../storage';
import { createDraftSaver } from './draftSaver';
import { createKeyActions } from './keyActions';
import { createPopupState, IDLE, type Note, type ReadonlyPopupState } from './popupState';
import { createRentalActions } from './popupRentals';
import type { OriginPermissions, Send, TargetTab, WatchedItem } from './types';

/** The storage items the popup reads and watches (WXT items, or in-memory ones in tests). */
export interface PopupItems {
  keyHint: WatchedItem<string>;
  origin: WatchedItem<string>;
  settings: WatchedItem<Settings>;
  rentals: WatchedItem<Rental[]>;
  history: WatchedItem<Rental[]>;
  balance: WatchedItem<BalanceCache>;
  catalog: WatchedItem<NumbersCatalog>;
  favorites: WatchedItem<number[]>;
  recents: WatchedItem<number[]>;
  draft: WatchedItem<PopupDraft>;
}

/** Everything the popup needs from the world, injected so tests can fake it. */
export interface PopupDeps {
  send: Send;
  items: PopupItems;
  now: () => number;
  uiLanguage: string;
  /** Loads the message catalog of a language (fetched from _locales in the popup). */
  loadCatalog: (lang: Lang) => Promise<Catalog>;
  /** The tab Fill goes to and the site a number is rented for. */
  target: () => Promise<TargetTab>;
  copyText: (text: string) => Promise<void>;
  newRequestId: () => string;
  permissions: Pick<OriginPermissions, 'request'>;
  /** Whether the person is looking at the popup: a code arriving then counts as seen. */
  isVisible?: () => boolean;
  draftDelayMs?: number;
  /** 0 turns the countdown clock off (tests tick it by hand). */
  clockMs?: number;
}

/** The popup's state (read-only signals) and the actions that change it. */
export function createPopupStore(deps: PopupDeps) {
  const s = createPopupState(deps.now(), deps.uiLanguage);
  const { items, send } = deps;
  const t = () => s.t.value;
  const unwatchers: (() => void)[] = [];
  let clockTimer: ReturnType<typeof setInterval> | null = null;
  let noticeSeq = 0;
  const draftSaver = createDraftSaver(items.draft, deps.draftDelayMs ?? 300);

  function announce(text: string): void {
    // The same sentence twice in a row is still read out: clear first, set on the next tick.
    s.announcement.value = '';
    queueMicrotask(() => (s.announcement.value = text));
  }
  function notify(note: Note & { rentalId?: string }): void {
    s.notices.value = [{ ...note, id: ++noticeSeq }, ...s.notices.value].slice(0, 3);
  }

  const rentals = createRentalActions(s, {
    send,
    permissions: deps.permissions,
    target: deps.target,
    copyText: deps.copyText,
    newRequestId: deps.newRequestId,
    announce,
    notify,
  });
  const keys = createKeyActions(deps, s.keyCheck, () => s.origin.value, t);

  /** Applies a new active list: announces new codes and state changes, marks visible codes seen. */
  function applyRentals(next: Rental[], announceChanges: boolean): void {
    const before = new Map(s.rentals.value.map((r) => [r.id, r]));
    s.rentals.value = next;
    for (const rental of next) {
      const old = before.get(rental.id);
      if (announceChanges && old && rental.codes.length > old.codes.length) {
        announce(t()('ui_code_received', { code: rental.codes[rental.codes.length - 1]!.code }));
      } else if (announceChanges && old && old.state !== rental.state) {
        announce(`${rental.number ?? rental.serviceName}: ${t()(`ui_state_${rental.state}`)}`);
      }
      if (deps.isVisible?.() ?? true) void rentals.markSeen(rental);
    }
  }

  function setDraft(patch: Partial<PopupDraft>): void {
    s.draft.value = { ...s.draft.value, ...patch };
    draftSaver.save(patch);
  }

  async function refreshBalance(): Promise<void> {
    if (!s.keyHint.value || s.balanceStatus.value.loading) return;
    s.balanceStatus.value = { loading: true, error: null };
    try {
      const res = await send('getBalance', {});
      const prev = s.balance.value;
      s.balance.value = {
        numbers: res.numbers ?? prev.numbers,
        orders: res.orders ?? prev.orders,
        at: deps.now(),
      };
      const failed = res.numbers === null && res.orders === null;
      s.balanceStatus.value = { loading: false, error: failed ? new Error('') : null };
    } catch (error) {
      s.balanceStatus.value = { loading: false, error };
    }
  }

  async function loadCategories(): Promise<void> {
    if (s.categoriesStatus.value.loading) return;
    s.categoriesStatus.value = { loading: true, error: null };
    try {
      const categories = await send('getCategories', {});
      s.catalog.value = { ...s.catalog.value, categories, categoriesAt: deps.now() };
      s.categoriesStatus.value = IDLE;
    } catch (error) {
      s.categoriesStatus.value = { loading: false, error };
    }
  }

  async function loadServices(categoryId: number): Promise<void> {
    const key = String(categoryId);
    if (s.servicesStatus.value[key]?.loading) return;
    s.servicesStatus.value = { ...s.servicesStatus.value, [key]: { loading: true, error: null } };
    let status = IDLE;
    try {
      const rows = await send('getServices', { categoryId });
      const catalog = s.catalog.value;
      s.catalog.value = { ...catalog, services: { ...catalog.services, [key]: { rows, at: deps.now() } } };
    } catch (error) {
      status = { loading: false, error };
    }
    s.servicesStatus.value = { ...s.servicesStatus.value, [key]: status };
  }

  /** Opens a category (null goes back to the list); its cached services show at once and are refreshed. */
  function selectCategory(categoryId: number | null): void {
    rentals.clearRentError();
    setDraft({ categoryId, search: '' });
    if (categoryId !== null) void loadServices(categoryId);
  }

  async function toggleFavorite(serviceId: number): Promise<void> {
    const list = s.favorites.value;
    const next = list.includes(serviceId) ? list.filter((id) => id !== serviceId) : [serviceId, ...list];
    s.favorites.value = next;
    await items.favorites.setValue(next);
  }

  async function clearHistory(): Promise<void> {
    s.historyStatus.value = { loading: true, error: null };
    try {
      await send('clearHistory', {});
      s.history.value = [];
      s.historyStatus.value = IDLE;
      announce(t()('ui_history_cleared'));
    } catch (error) {
      s.historyStatus.value = { loading: false, error };
    }
  }

  /** Loads the catalog of a language once; the popup shows keys only if this fails. */
  async function ensureCatalog(lang: Lang): Promise<void> {
    if (s.catalogs.peek()[lang]) return;
    try {
      const catalog = await deps.loadCatalog(lang);
      s.catalogs.value = { ...s.catalogs.peek(), [lang]: catalog };
    } catch {
      if (lang !== 'en') await ensureCatalog('en');
    }
  }

  /** Subscribes an item to a signal-setting callback; kept for dispose. */
  function follow<T>(item: WatchedItem<T>, apply: (value: T) => void, fallback: T): void {
    unwatchers.push(item.watch((value) => apply(value ?? fallback)));
  }

  /** Paints from storage, then watches it and refreshes from the panel. */
  async function start(): Promise<void> {
    const [keyHint, origin, settings, rentalList, history, balance, catalog, favorites, recents, draft] =
      await Promise.all([
        items.keyHint.getValue(),
        items.origin.getValue(),
        items.settings.getValue(),
        items.rentals.getValue(),
        items.history.getValue(),
        items.balance.getValue(),
        items.catalog.getValue(),
        items.favorites.getValue(),
        items.recents.getValue(),
        items.draft.getValue(),
      ]);
    s.settings.value = sanitizeSettings(settings);
    await ensureCatalog(s.lang.value);
    batch(() => {
      s.keyHint.value = keyHint ?? '';
      if (origin) s.origin.value = origin;
      s.history.value = history ?? [];
      if (balance) s.balance.value = balance;
      // A catalogue cached from another panel would offer services this one does not sell.
      if (catalog && (!catalog.origin || catalog.origin === s.origin.value)) s.catalog.value = catalog;
      s.favorites.value = favorites ?? [];
      s.recents.value = recents ?? [];
      s.draft.value = { ...s.draft.value, ...(draft ?? {}) };
      applyRentals(rentalList ?? [], false);
      s.loaded.value = true;
    });

    follow(
      items.keyHint,
      (v) => {
        const hadKey = Boolean(s.keyHint.value);
        s.keyHint.value = v;
        if (!hadKey && v) void refresh(); // the key was just saved: fill the popup
      },
      '',
    );
    follow(items.origin, (v) => (s.origin.value = v), s.origin.value);
    follow(items.settings, (v) => (s.settings.value = sanitizeSettings(v)), s.settings.value);
    follow(items.rentals, (v) => applyRentals(v, true), []);
    follow(items.history, (v) => (s.history.value = v), []);
    follow(items.balance, (v) => (s.balance.value = v), s.balance.value);
    follow(items.catalog, (v) => (s.catalog.value = v), s.catalog.value);
    follow(items.favorites, (v) => (s.favorites.value = v), []);
    follow(items.recents, (v) => (s.recents.value = v), []);
    // Another writer (the orders tab) may change its own draft fields; ours stay as typed here.
    follow(items.draft, (v) => (s.draft.value = { ...v, ...pickOwnDraft(s.draft.value) }), s.draft.value);

    unwatchers.push(effect(() => void ensureCatalog(s.lang.value))); // the language setting changed
    const tick = deps.clockMs ?? 1000;
    if (tick > 0) clockTimer = setInterval(() => (s.clock.value = deps.now()), tick);
    void refresh();
  }

  /** Fetches what the popup shows from the panel (balance, categories, the open category). */
  async function refresh(): Promise<void> {
    if (!s.keyHint.value) return;
    const categoryId = s.draft.value.categoryId;
    await Promise.all([
      refreshBalance(),
      loadCategories(),
      categoryId !== null ? loadServices(categoryId) : Promise.resolve(),
    ]);
  }

  /** Saves the draft now and stops watching storage (the popup is closing). */
  async function dispose(): Promise<void> {
    unwatchers.splice(0).forEach((unwatch) => unwatch());
    if (clockTimer) clearInterval(clockTimer);
    clockTimer = null;
    await draftSaver.flush();
  }

  const state: ReadonlyPopupState = s;
  return {
    ...state,
    start,
    dispose,
    refresh,
    refreshBalance,
    loadCategories,
    loadServices,
    selectCategory,
    toggleFavorite,
    clearHistory,
    ...rentals,
    ...keys,
    /** Checks and saves the key; the balance it answered shows in the header at once. */
    saveKey: async (key: string, originText: string) => {
      const ok = await keys.saveKey(key, originText);
      const check = s.keyCheck.value;
      if (ok && check.status === 'ok')
        s.balance.value = { ...s.balance.value, numbers: check.balance, at: deps.now() };
      return ok;
    },
    announce,
    /** Removes a notice from the top of the list. */
    dismissNotice: (id: number) => (s.notices.value = s.notices.value.filter((n) => n.id !== id)),
    setSearch: (search: string) => setDraft({ search }),
    setSort: (sort: PopupDraft['sort']) => setDraft({ sort }),
    setTab: (tab: PopupDraft['tab']) => setDraft({ tab }),
    setShowHistory: (showHistory: boolean) => setDraft({ showHistory }),
    /** Sets the clock (tests; the timer does it every second otherwise). */
    tick: (at = deps.now()) => (s.clock.value = at),
    /** Saves the draft now (page hidden). */
    flushDraft: () => draftSaver.flush(),
  };
}

export type PopupStore = ReturnType<typeof createPopupStore>;

function pickOwnDraft(d: PopupDraft): Partial<PopupDraft> {
  return { tab: d.tab, categoryId: d.categoryId, search: d.search, sort: d.sort, showHistory: d.showHistory };
}
