import type { PopupStore } from '../utils/stores/popup';
import { errorText } from '../utils/stores/errors';
import { ErrorNote } from './ErrorNote';
import { useI18n } from './I18n';
import { Skeleton } from './Skeleton';

/** The number categories (Google, Discord, WhatsApp…); picking one shows its services. */
export function CategoryList({ store }: { store: PopupStore }) {
  const { t } = useI18n();
  const status = store.categoriesStatus.value;
  const all = store.catalog.value.categories;
  const shown = store.visibleCategories.value;

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
      {shown.length === 0 ? (
        <p class="empty">{t('ui_search_no_match', { query: store.draft.value.search })}</p>
      ) : (
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
    </>
  );
}
