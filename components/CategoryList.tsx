import type { PopupStore } from '../utils/stores/popup';
import { errorText } from '../utils/stores/errors';
import { ErrorNote } from './ErrorNote';
import { useI18n } from './I18n';
import { lazyComponent } from './Lazy';
import { Skeleton } from './Skeleton';

/** Searching every service is for the few opens where someone types: its code loads then. */
const SearchResults = lazyComponent(() => import('./SearchResults').then((m) => m.SearchResults), 3);

/** The number categories (Google, Discord, WhatsApp…); picking one shows its services. */
export function CategoryList({ store }: { store: PopupStore }) {
  const { t } = useI18n();
  const status = store.categoriesStatus.value;
  const all = store.catalog.value.categories;
  const shown = store.visibleCategories.value;
  const query = store.draft.value.search;

  if (all.length === 0 && status.loading) return <Skeleton rows={5} />;
  if (all.length === 0 && status.error !== null)
    return <ErrorNote text={errorText(status.error, t)} onRetry={() => void store.loadCategories()} />;
  if (all.length === 0)
    return (
      <div class="empty">
        <p>{t('ui_categories_empty')}</p>
        <button type="button" class="btn" onClick={() => void store.loadCategories()}>
          {t('ui_reload')}
        </button>
      </div>
    );
  return (
    <>
      {status.error !== null && (
        <ErrorNote text={errorText(status.error, t)} onRetry={() => void store.loadCategories()} />
      )}
      {shown.length > 0 && (
        <ul class="category-list" aria-label={t('ui_categories')}>
          {shown.map((c) => (
            <li key={c.id}>
              <button type="button" class="category" onClick={() => store.selectCategory(c.id)}>
                <span>{c.name}</span>
                <span aria-hidden="true" class="chevron">
                  ›
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {query.trim() && <SearchResults store={store} categoriesShown={shown.length} />}
    </>
  );
}
