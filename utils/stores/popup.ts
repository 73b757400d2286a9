import { computed, effect } from '@preact/signals';
import type { Catalog, Lang } from '../i18n';
import type { Rental } from '../rentals/types';
import type { PopupDraft } from '../storage';
import { createDraftSaver } from './draftSaver';
import { createKeyActions } from './keyActions';
import { createPageI18n } from './pageI18n';
import { createCatalogActions } from './popupCatalog';
import { readPopupItems, type PopupItems } from './popupItems';
import { createPopupState, IDLE, type Note, type ReadonlyPopupState } from './popupState';
import { createRentalActions } from './popupRentals';
import type { OriginPermissions, Send, TargetTab } from './types';

export type { PopupItems } from './popupItems';

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
  const { items, send } = deps;
  const stored = readPopupItems(items);
  const i18n = createPageI18n({
    loadCatalog: deps.loadCatalog,
    uiLanguage: deps.uiLanguage,
    language: computed(() => stored.settings.value.language),
    languageReady: stored.ready,
  });
  const s = createPopupState(deps.now(), stored, i18n);
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
  const keys = createKeyActions(
    deps,
    computed(() => s.balance.value.numbers),
    () => s.origin.value,
    t,
  );
  const catalogActions = createCatalogActions(s, send);

  /** Announces new codes and state changes of the stored list, and marks visible codes seen. */
  function followRentals(): () => void {
    let before: Map<string, Rental> | null = null;
    return effect(() => {
      const next = s.rentals.value;
      const tr = s.t.peek();
      for (const rental of next) {
        const old = before?.get(rental.id);
        if (old && rental.codes.length > old.codes.length) {
          const { code, message } = rental.codes[rental.codes.length - 1]!;
          announce(
            code !== null
              ? tr('ui_code_received', { code })
              : tr('ui_message_received', { message: message ?? '' }),
          );
        } else if (old && old.state !== rental.state) {
          announce(`${rental.number ?? rental.serviceName}: ${tr(`ui_state_${rental.state}`)}`);
        }
        if (deps.isVisible?.() ?? true) void rentals.markSeen(rental);
      }
      before = new Map(next.map((r) => [r.id, r]));
    });
  }

  /** Fills the popup when a key is saved while it is open (first run). */
  function followKey(): () => void {
    let hadKey = Boolean(s.keyHint.peek());
    return effect(() => {
      const hasKey = Boolean(s.keyHint.value);
      if (hasKey && !hadKey) void refresh();
      hadKey = hasKey;
    });
  }

  function setDraft(patch: Partial<PopupDraft>): void {
    s.draftEdits.value = { ...s.draftEdits.value, ...patch };
    draftSaver.save(patch);
  }

  /** Opens a category (null goes back to the list); its cached services show at once and are refreshed. */
  function selectCategory(categoryId: number | null): void {
    rentals.clearRentError();
    setDraft({ categoryId, search: '' });
    if (categoryId !== null) void catalogActions.loadServices(categoryId);
  }

  async function toggleFavorite(serviceId: number): Promise<void> {
    const list = s.favorites.value;
    const ids = list.includes(serviceId) ? list.filter((id) => id !== serviceId) : [serviceId, ...list];
    await send('saveFavorites', { ids });
  }

  async function clearHistory(): Promise<void> {
    s.historyStatus.value = { loading: true, error: null };
    try {
      await send('clearHistory', {});
      s.historyStatus.value = IDLE;
      announce(t()('ui_history_cleared'));
    } catch (error) {
      s.historyStatus.value = { loading: false, error };
    }
  }

  /** Paints from storage (and the language's catalogue), then follows it and refreshes from the panel. */
  async function start(): Promise<void> {
    await stored.ready;
    await i18n.ready;
    s.loaded.value = true;
    unwatchers.push(followRentals(), followKey());
    deps.target().then(
      (tab) => (s.targetSite.value = tab.site),
      () => undefined,
    );
    const tick = deps.clockMs ?? 1000;
    if (tick > 0) clockTimer = setInterval(() => (s.clock.value = deps.now()), tick);
    void refresh();
  }

  /** Asks the background to refresh what the popup shows (balance, categories, the open category). */
  async function refresh(): Promise<void> {
    if (!s.keyHint.value) return;
    void catalogActions.indexServices();
    const categoryId = s.draft.value.categoryId;
    await Promise.all([
      catalogActions.refreshBalance(),
      catalogActions.loadCategories(),
      categoryId !== null ? catalogActions.loadServices(categoryId) : Promise.resolve(),
    ]);
  }

  /** Saves the draft now and stops watching storage (the popup is closing). */
  async function dispose(): Promise<void> {
    unwatchers.splice(0).forEach((unwatch) => unwatch());
    stored.dispose();
    i18n.dispose();
    if (clockTimer) clearInterval(clockTimer);
    clockTimer = null;
    await draftSaver.flush();
  }

  const state: ReadonlyPopupState = s;
  return {
    ...state,
    keyCheck: keys.keyCheck,
    start,
    dispose,
    refresh,
    ...catalogActions,
    selectCategory,
    toggleFavorite,
    clearHistory,
    ...rentals,
    testKey: keys.testKey,
    saveKey: keys.saveKey,
    announce,
    /** The background, for parts of the popup loaded later (the site card). */
    send,
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
