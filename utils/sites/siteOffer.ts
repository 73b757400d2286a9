import { computed, effect, signal } from '@preact/signals';
import type { NumberCategory } from '../api/numbers/types';
import type { Rental } from '../rentals/types';
import type { CatalogService } from '../storage';
import type { PopupStore } from '../stores/popup';
import { findSiteEntry, matchCategory, siteOfOrigin, type SiteEntry } from './match';
import { preselectService, rentableRow } from './preselect';

/** The part of the popup store the site card uses (tests pass the real store). */
export type SiteOfferPopup = Pick<
  PopupStore,
  | 'targetSite'
  | 'siteChoices'
  | 'catalog'
  | 'rentals'
  | 'history'
  | 'renting'
  | 'send'
  | 'rent'
  | 'loadServices'
  | 'servicesStatus'
>;

/**
 * The card that offers the site's service first: which category and service (country) it shows,
 * and the person's corrections, remembered per site by the background.
 */
export function createSiteOffer(popup: SiteOfferPopup, table: readonly SiteEntry[]) {
  const site = computed(() => siteOfOrigin(popup.targetSite.value));
  const choice = computed(() => (site.value ? popup.siteChoices.value[site.value] : undefined));
  const entry = computed(() => (site.value ? findSiteEntry(site.value, table) : null));
  /** A country the person just picked here (shown at once; storage brings the saved one a moment later). */
  const picked = signal<number | null>(null);

  const category = computed<{ category: NumberCategory; serviceIds: number[] | null } | null>(() => {
    const { categories, services } = popup.catalog.value;
    const chosen = choice.value?.categoryId;
    const own = chosen != null ? categories.find((c) => c.id === chosen) : undefined;
    if (own) return { category: own, serviceIds: null };
    const match = entry.value ? matchCategory(entry.value, categories, services) : null;
    const found = match && categories.find((c) => c.id === match.categoryId);
    return found ? { category: found, serviceIds: match.serviceIds } : null;
  });

  /** The category's services, null until they were read once. */
  const rows = computed<CatalogService[] | null>(() => {
    const c = category.value;
    if (!c) return null;
    const all = popup.catalog.value.services[String(c.category.id)]?.rows;
    if (!all) return null;
    return c.serviceIds ? all.filter((r) => c.serviceIds!.includes(r.id)) : all;
  });

  const selected = computed<CatalogService | null>(() => {
    const list = rows.value;
    if (!list) return null;
    const mine = picked.value ?? choice.value?.serviceId ?? null;
    const used: Rental[] = [...popup.rentals.value, ...popup.history.value];
    return preselectService(list, mine, used);
  });

  /** Whether the card shows: a recognised site (or one the person gave a category) not hidden by them. */
  const visible = computed(() => site.value !== null && category.value !== null && !choice.value?.hidden);
  /** Hidden on this site by the person: a quiet link offers the card again. */
  const hidden = computed(
    () => site.value !== null && category.value !== null && choice.value?.hidden === true,
  );

  const save = (patch: { serviceId?: number | null; categoryId?: number | null; hidden?: boolean }) =>
    site.value ? popup.send('saveSiteChoice', { site: site.value, ...patch }) : Promise.resolve();

  /** Reads the shown category's services once per category (the cached rows show meanwhile). */
  function follow(): () => void {
    const asked = new Set<number>();
    return effect(() => {
      const c = visible.value ? category.value : null;
      if (!c || asked.has(c.category.id)) return;
      asked.add(c.category.id);
      void popup.loadServices(c.category.id);
    });
  }

  return {
    site,
    entry,
    category,
    rows,
    selected,
    visible,
    hidden,
    /** The selected service can be rented now (priced, in stock, no rent of it running). */
    canRent: computed(() => {
      const s = selected.value;
      return s !== null && rentableRow(s) && !popup.renting.value.has(s.id);
    }),
    follow,
    /** The person picked another country: shown now, remembered for this site. */
    chooseService(serviceId: number) {
      picked.value = serviceId;
      return save({ serviceId });
    },
    /** The person picked another category for this site: its usual country is offered. */
    chooseCategory(categoryId: number) {
      picked.value = null;
      return save({ categoryId, serviceId: null, hidden: false });
    },
    /** "Not this site's service": no card on this site from now on. */
    hide: () => save({ hidden: true }),
    /** Undoes "not this site's service": the card is offered on this site again. */
    show: () => save({ hidden: false }),
    /** One click, one rent, through the popup's rent path (its double-click guard and the tab's site). */
    rent() {
      const s = selected.value;
      return s && rentableRow(s) ? popup.rent(s) : Promise.resolve(null);
    },
  };
}

export type SiteOffer = ReturnType<typeof createSiteOffer>;
