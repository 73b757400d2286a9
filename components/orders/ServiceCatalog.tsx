import type { OrdersStore } from '../../utils/orders/store';
import { errorText } from '../../utils/stores/errors';
import { ErrorNote } from '../ErrorNote';
import { useI18n } from '../I18n';
import { RefreshButton } from '../RefreshButton';
import { CatalogRow } from './CatalogRow';

/** Categories open by themselves when the whole list is this short (or a search is typed). */
const OPEN_ALL_UP_TO = 40;

/** The services catalogue: search, refresh, favourites first, then one collapsible group per category. */
export function ServiceCatalog({ store }: { store: OrdersStore }) {
  const { t } = useI18n();
  const query = store.draft.value.search;
  const groups = store.groups.value;
  const load = store.servicesLoad.value;
  const total = store.services.value.length;
  const currency = store.balance.value?.currency ?? null;
  const openAll = query.trim() !== '' || total <= OPEN_ALL_UP_TO;
  return (
    <div class="stack">
      <div class="toolbar">
        <input
          type="search"
          class="search"
          value={query}
          placeholder={t('orders_search')}
          aria-label={t('orders_search')}
          data-testid="orders-search"
          onInput={(e) => store.setSearch(e.currentTarget.value)}
        />
        <RefreshButton
          label={t('orders_refresh_services')}
          loading={load.loading}
          onClick={() => void store.refreshServices(true)}
        />
      </div>
      {load.error !== null && !load.loading && (
        <ErrorNote text={errorText(load.error, t)} onRetry={() => void store.refreshServices(true)} />
      )}
      {total === 0 && !load.loading && load.error === null && <p class="empty">{t('orders_no_services')}</p>}
      {total > 0 && groups.length === 0 && <p class="empty">{t('orders_no_match', { query })}</p>}
      {groups.map((group) => (
        <details key={group.category ?? '\u2605'} class="ogroup" open={openAll || group.category === null}>
          <summary class="group-title">
            {group.category ?? t('orders_favorites')} <span class="muted">({group.services.length})</span>
          </summary>
          <ul class="olist">
            {group.services.map((service) => (
              <CatalogRow
                key={service.id}
                store={store}
                service={service}
                favorite={store.favorites.value.includes(service.id)}
                currency={currency}
              />
            ))}
          </ul>
        </details>
      ))}
    </div>
  );
}
