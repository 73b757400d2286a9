import { useComputed } from '@preact/signals';
import { useRef } from 'preact/hooks';
import type { PopupStore } from '../utils/stores/popup';
import { rentErrorText, canRetry } from '../utils/stores/errors';
import { searchAllServices } from '../utils/stores/searchAll';
import { ErrorNote } from './ErrorNote';
import { useI18n } from './I18n';
import { ServiceRow } from './ServiceRow';
import { usePriceRequests } from './usePriceRequests';

/**
 * The first screen's search over every category's services (a lazy chunk: loaded when the person
 * types there). Each row rents in one click; its price is asked for when it is shown.
 */
export function SearchResults({ store, categoriesShown }: { store: PopupStore; categoriesShown: number }) {
  const { t } = useI18n();
  const query = store.draft.value.search;
  // Searched again only when the query or the catalogue changes (not on every price's re-render).
  const found = useComputed(() => searchAllServices(store.catalog.value, store.draft.value.search)).value;
  const favorites = store.favorites.value;
  const currency = store.headerBalance.value?.currency ?? null;
  const list = useRef<HTMLElement>(null);
  usePriceRequests(store, found.rows, false, list);
  const rentError = store.rentError.value;
  const failed = rentError && found.rows.find((s) => s.id === rentError.serviceId);

  if (!found.rows.length)
    return categoriesShown ? null : <p class="empty">{t('ui_search_no_match', { query })}</p>;
  return (
    <section class="stack" ref={list} aria-labelledby="search-results-title">
      <h3 id="search-results-title" class="group-title">
        {t('ui_search_results')}
      </h3>
      {failed && (
        <ErrorNote
          text={rentErrorText(rentError.error, failed.name, t)}
          onRetry={canRetry(rentError.error) ? () => void store.rent(failed) : undefined}
        />
      )}
      <ul class="service-list">
        {found.rows.map((service) => (
          <ServiceRow
            key={service.id}
            store={store}
            currency={currency}
            row={{
              service,
              group: 'other',
              favorite: favorites.includes(service.id),
              outOfStock: service.stock === 0,
            }}
          />
        ))}
      </ul>
      {found.more > 0 && <p class="muted small">{t('ui_search_more', { count: found.more })}</p>}
    </section>
  );
}
