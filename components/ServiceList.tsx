import { useMemo, useRef } from 'preact/hooks';
import { arrangedServices } from '../utils/stores/arranged';
import type { PopupStore } from '../utils/stores/popup';
import { canRetry, errorText, panelErrorOf, rentErrorText } from '../utils/stores/errors';
import type { ServiceGroup } from '../utils/stores/services';
import { ErrorNote } from './ErrorNote';
import { useI18n } from './I18n';
import { ServiceRow } from './ServiceRow';
import { Skeleton } from './Skeleton';
import { usePriceRequests } from './usePriceRequests';

const GROUP_TITLE = {
  favorite: 'ui_group_favorites',
  recent: 'ui_group_recent',
  other: 'ui_group_all',
} as const satisfies Record<ServiceGroup, string>;

/** The services of the open category: favourites and recent ones first, then the rest, searchable. */
export function ServiceList({ store, categoryId }: { store: PopupStore; categoryId: number }) {
  const { t } = useI18n();
  const status = store.servicesStatus.value[String(categoryId)];
  const rows = useMemo(() => arrangedServices(store), [store]).value;
  const rentError = store.rentError.value;
  const currency = store.headerBalance.value?.currency ?? null;
  const retryLoad = () => void store.loadServices(categoryId);
  const loading = status?.loading ?? false;
  const list = useRef<HTMLDivElement>(null);
  usePriceRequests(store, rows?.map((r) => r.service) ?? [], loading, list);
  // A 429 storm while some prices arrived: those rows stay rentable, the rest come later.
  const loadError = status?.error ?? store.pricesStatus.value.error;
  const loadErrorText =
    rows?.length && panelErrorOf(loadError)?.kind === 'rate_limited'
      ? t('ui_prices_later')
      : errorText(loadError, t);

  if (rows === null && status?.error)
    return <ErrorNote text={errorText(status.error, t)} onRetry={retryLoad} />;
  if (rows === null) return <Skeleton rows={6} />;

  const failed = rentError && store.services.value?.find((s) => s.id === rentError.serviceId);
  const groups = [...new Set(rows.map((r) => r.group))];
  const total = store.services.value?.length ?? 0;
  return (
    <div class="stack" ref={list}>
      {failed && (
        <ErrorNote
          text={rentErrorText(rentError.error, failed.name, t)}
          onRetry={canRetry(rentError.error) ? () => void store.rent(failed) : undefined}
        />
      )}
      {loadError && <ErrorNote text={loadErrorText} onRetry={retryLoad} />}
      {total === 0 && <p class="empty">{t('ui_services_empty')}</p>}
      {total > 0 && rows.length === 0 && (
        <p class="empty">{t('ui_search_no_match', { query: store.draft.value.search })}</p>
      )}
      {groups.map((group) => (
        <section key={group} aria-label={t(GROUP_TITLE[group])}>
          {groups.length > 1 && <h3 class="group-title">{t(GROUP_TITLE[group])}</h3>}
          <ul class="service-list">
            {rows
              .filter((r) => r.group === group)
              .map((row) => (
                <ServiceRow
                  key={row.service.id}
                  store={store}
                  row={row}
                  currency={currency}
                  waiting={loading}
                />
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
