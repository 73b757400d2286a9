import { computed, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import type { Balance, NumberCategory } from '../api/numbers/types';
import { DEFAULT_ORIGIN, sanitizeSettings } from '../settings';
import type { CatalogService, NumbersCatalog, PopupDraft } from '../storage';
import type { PageI18n } from './pageI18n';
import { DEFAULT_DRAFT, EMPTY_CATALOG, type StoredPopup } from './popupItems';
import { matchesQuery } from './search';

export { DEFAULT_DRAFT, EMPTY_CATALOG } from './popupItems';

/** A request in flight, or the error of the last one. */
export interface LoadStatus {
  loading: boolean;
  error: unknown;
}
export const IDLE: LoadStatus = { loading: false, error: null };

/** What a rental is busy with (its buttons are disabled meanwhile). */
export type RentalAction = 'cancel' | 'again' | 'fillCode' | 'fillNumber' | 'finish' | 'autofill';

/** A short sentence shown under a rental or at the top of the list. */
export interface Note {
  tone: 'ok' | 'warn' | 'error';
  text: string;
}
export interface Notice extends Note {
  id: number;
  /** The number it is about: hidden while that number's card (which says the same) is on the list. */
  rentalId?: string;
}

/** The first-run / options key check; a saved key shows the stored balance (null until it is read). */
export type KeyCheck =
  | { status: 'idle' }
  | { status: 'checking' }
  | { status: 'ok'; balance: Balance | null; saved: boolean }
  | { status: 'error'; error: unknown; sentence?: string };

/**
 * Every signal of the popup. Persisted state comes from storage (`stored`) only; actions write the
 * local signals (requests in flight, notes), components only read.
 */
export function createPopupState(now: number, stored: StoredPopup, i18n: PageI18n) {
  const settings = computed(() => sanitizeSettings(stored.settings.value));
  const origin = computed(() => stored.origin.value || DEFAULT_ORIGIN);
  const balance = stored.balance;
  // A catalogue cached from another panel would offer services this one does not sell.
  const catalog = computed<NumbersCatalog>(() => {
    const c = stored.catalog.value;
    return !c.origin || c.origin === origin.value ? c : EMPTY_CATALOG;
  });
  /** What the person changed in this popup, over the stored draft (saved a moment later). */
  const draftEdits = signal<Partial<PopupDraft>>({});
  const draft = computed<PopupDraft>(() => ({
    ...DEFAULT_DRAFT,
    ...stored.draft.value,
    ...draftEdits.value,
  }));
  const favorites = stored.favorites;
  const recents = stored.recents;

  const services = computed<CatalogService[] | null>(() => {
    const id = draft.value.categoryId;
    return id === null ? null : (catalog.value.services[String(id)]?.rows ?? null);
  });

  const servicesStatus = signal<Record<string, LoadStatus>>({});

  return {
    /** Storage has been read once: before that the popup shows a skeleton. */
    loaded: signal(false),
    keyHint: stored.keyHint,
    origin,
    settings,
    rentals: stored.rentals,
    history: stored.history,
    balance,
    catalog,
    favorites,
    recents,
    siteChoices: stored.siteChoices,
    /** The origin of the web page the popup was opened over, once the tab is known (null: none). */
    targetSite: signal<string | null>(null),
    draft,
    draftEdits,
    /** Ticks every second for the countdowns. */
    clock: signal(now),
    lang: i18n.lang,
    locale: i18n.locale,
    t: i18n.t,

    balanceStatus: signal<LoadStatus>(IDLE),
    categoriesStatus: signal<LoadStatus>(IDLE),
    servicesStatus,
    /** The last getPrices request (a 429 storm leaves its error here). */
    pricesStatus: signal<LoadStatus>(IDLE),
    /** Service ids whose rent is in flight. */
    renting: signal<ReadonlySet<number>>(new Set()),
    rentError: signal<{ serviceId: number; error: unknown } | null>(null),
    rentalBusy: signal<Record<string, RentalAction>>({}),
    rentalNotes: signal<Record<string, Note>>({}),
    notices: signal<Notice[]>([]),
    historyStatus: signal<LoadStatus>(IDLE),
    /** The text of the aria-live region. */
    announcement: signal(''),

    /** The balance shown in the header: the numbers API's, in the panel's currency when either API names it. */
    headerBalance: computed<Balance | null>(() => {
      const { numbers, orders } = balance.value;
      if (!numbers) return null;
      return { amount: numbers.amount, currency: numbers.currency ?? orders?.currency ?? null };
    }),
    lowBalance: computed(() => {
      const numbers = balance.value.numbers;
      return numbers !== null && numbers.amount < settings.value.lowBalance;
    }),
    selectedCategory: computed<NumberCategory | null>(
      () => catalog.value.categories.find((c) => c.id === draft.value.categoryId) ?? null,
    ),
    visibleCategories: computed(() =>
      catalog.value.categories.filter((c) => matchesQuery(c.name, draft.value.search)),
    ),
    services,
  };
}

export type PopupState = ReturnType<typeof createPopupState>;

/** The same state with every signal read-only, as components see it. */
export type ReadonlyPopupState = {
  readonly [K in keyof PopupState]: PopupState[K] extends Signal<infer V> ? ReadonlySignal<V> : PopupState[K];
};
