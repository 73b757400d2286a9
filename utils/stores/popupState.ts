import { computed, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import type { Balance, NumberCategory } from '../api/numbers/types';
import { localeOf, pickLang, translatorOf, type Catalog, type Lang } from '../i18n';
import type { Rental } from '../rentals/types';
import { DEFAULT_ORIGIN, DEFAULT_SETTINGS, type Settings } from '../settings';
import type { BalanceCache, CatalogService, NumbersCatalog, PopupDraft } from '../storage';
import { matchesQuery } from './search';
import { arrangeServices } from './services';

/** A request in flight, or the error of the last one. */
export interface LoadStatus {
  loading: boolean;
  error: unknown;
}
export const IDLE: LoadStatus = { loading: false, error: null };

/** What a rental is busy with (its buttons are disabled meanwhile). */
export type RentalAction = 'cancel' | 'fillCode' | 'fillNumber' | 'finish' | 'autofill';

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

/** The first-run / options key check. */
export type KeyCheck =
  | { status: 'idle' }
  | { status: 'checking' }
  | { status: 'ok'; balance: Balance; saved: boolean }
  | { status: 'error'; error: unknown; sentence?: string };

export const EMPTY_CATALOG: NumbersCatalog = { origin: '', categories: [], categoriesAt: 0, services: {} };
export const DEFAULT_DRAFT: PopupDraft = {
  tab: 'numbers',
  categoryId: null,
  search: '',
  sort: 'price',
  showHistory: false,
  order: {},
};

/** Every signal of the popup; actions write them, components only read them. */
export function createPopupState(now: number, uiLanguage: string) {
  const settings = signal<Settings>(DEFAULT_SETTINGS);
  const balance = signal<BalanceCache>({ numbers: null, orders: null, at: 0 });
  const catalog = signal<NumbersCatalog>(EMPTY_CATALOG);
  const draft = signal<PopupDraft>(DEFAULT_DRAFT);
  const favorites = signal<number[]>([]);
  const recents = signal<number[]>([]);
  const lang = computed(() => pickLang(settings.value.language, uiLanguage));
  const catalogs = signal<Partial<Record<Lang, Catalog>>>({});
  const locale = computed(() => localeOf(lang.value));

  const services = computed<CatalogService[] | null>(() => {
    const id = draft.value.categoryId;
    return id === null ? null : (catalog.value.services[String(id)]?.rows ?? null);
  });

  return {
    /** Storage has been read once: before that the popup shows a skeleton. */
    loaded: signal(false),
    keyHint: signal(''),
    origin: signal(DEFAULT_ORIGIN),
    settings,
    rentals: signal<Rental[]>([]),
    history: signal<Rental[]>([]),
    balance,
    catalog,
    favorites,
    recents,
    draft,
    /** Ticks every second for the countdowns. */
    clock: signal(now),
    lang,
    locale,
    /** Message catalogs loaded so far (the popup fetches only the language it shows). */
    catalogs,
    t: computed(() => translatorOf(catalogs.value[lang.value] ?? catalogs.value.en ?? {})),

    balanceStatus: signal<LoadStatus>(IDLE),
    categoriesStatus: signal<LoadStatus>(IDLE),
    servicesStatus: signal<Record<string, LoadStatus>>({}),
    /** Service ids whose rent is in flight. */
    renting: signal<ReadonlySet<number>>(new Set()),
    rentError: signal<{ serviceId: number; error: unknown } | null>(null),
    rentalBusy: signal<Record<string, RentalAction>>({}),
    rentalNotes: signal<Record<string, Note>>({}),
    notices: signal<Notice[]>([]),
    historyStatus: signal<LoadStatus>(IDLE),
    keyCheck: signal<KeyCheck>({ status: 'idle' }),
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
    arrangedServices: computed(() =>
      services.value
        ? arrangeServices(services.value, {
            query: draft.value.search,
            sort: draft.value.sort,
            favorites: favorites.value,
            recents: recents.value,
            locale: locale.value,
          })
        : null,
    ),
  };
}

export type PopupState = ReturnType<typeof createPopupState>;

/** The same state with every signal read-only, as components see it. */
export type ReadonlyPopupState = {
  readonly [K in keyof PopupState]: PopupState[K] extends Signal<infer V> ? ReadonlySignal<V> : PopupState[K];
};
