import { useEffect } from 'preact/hooks';
import type { PopupStore } from '../utils/stores/popup';
import { CategoryList } from './CategoryList';
import { useI18n } from './I18n';
import { lazyComponent } from './Lazy';

/**
 * A category's services (arrangement, progressive prices, price requests) load when a category is
 * open: most popup opens start on the categories (first-paint budget).
 */
export const ServiceList = lazyComponent(() => import('./ServiceList').then((m) => m.ServiceList), 6);

/** Renting: pick a category, then a service; one search field filters whichever list is shown. */
export function RentPanel({ store }: { store: PopupStore }) {
  const { t } = useI18n();
  // After the first paint, so a click on a category waits only for the panel.
  useEffect(() => void ServiceList.preload().catch(() => undefined), []);
  const draft = store.draft.value;
  const category = store.selectedCategory.value;
  const categoryId = draft.categoryId;
  const refreshing = categoryId !== null && store.servicesStatus.value[String(categoryId)]?.loading;

  return (
    <section class="stack" aria-labelledby="rent-title">
      <div class="section-head">
        {categoryId !== null ? (
          <button
            type="button"
            class="link-btn"
            // The name holds the visible word (WCAG 2.5.3, axe label-content-name-mismatch) in both languages.
            aria-label={t('ui_back_to_categories')}
            onClick={() => store.selectCategory(null)}
          >
            <span aria-hidden="true">‹ </span>
            {t('ui_categories')}
          </button>
        ) : null}
        <h2 id="rent-title" class="section-title">
          {categoryId !== null ? (category?.name ?? t('ui_rent_title')) : t('ui_rent_title')}
        </h2>
        {refreshing && store.services.value !== null && (
          <span class="muted small" role="status">
            {t('ui_refreshing')}
          </span>
        )}
      </div>
      <div class="toolbar">
        <input
          type="search"
          class="search"
          aria-label={categoryId !== null ? t('ui_search_services') : t('ui_search_everything')}
          placeholder={categoryId !== null ? t('ui_search_services') : t('ui_search_everything')}
          value={draft.search}
          onInput={(e) => store.setSearch(e.currentTarget.value)}
        />
        {categoryId !== null && (
          <select
            aria-label={t('ui_sort_by')}
            value={draft.sort}
            onChange={(e) => store.setSort(e.currentTarget.value === 'name' ? 'name' : 'price')}
          >
            <option value="price">{t('ui_sort_price')}</option>
            <option value="name">{t('ui_sort_name')}</option>
          </select>
        )}
      </div>
      {categoryId === null ? (
        <CategoryList store={store} />
      ) : (
        <ServiceList store={store} categoryId={categoryId} />
      )}
    </section>
  );
}
