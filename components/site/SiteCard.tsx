import { useEffect, useMemo } from 'preact/hooks';
import { formatMoney } from '../../utils/money';
import table from '../../utils/sites/sites.json';
import { createSiteOffer, type SiteOffer } from '../../utils/sites/siteOffer';
import type { CatalogService } from '../../utils/storage';
import { canRetry, rentErrorText } from '../../utils/stores/errors';
import type { PopupStore } from '../../utils/stores/popup';
import { ErrorNote } from '../ErrorNote';
import { useI18n } from '../I18n';

/** The value of the service select that hides the card on this site. */
const NOT_THIS = 'none';

// One offer per popup store: the country picked a moment ago survives a re-render.
const offers = new WeakMap<PopupStore, SiteOffer>();

/**
 * The site's service first: opened over a sign-up page the popup recognises, a card with the
 * site's service, the person's usual country with price and stock, and one Rent button. The
 * person can pick another country or category, or say it is not this site's service.
 */
export function SiteCard({ store }: { store: PopupStore }) {
  const offer = useMemo(() => {
    let o = offers.get(store);
    if (!o) offers.set(store, (o = createSiteOffer(store, table)));
    return o;
  }, [store]);
  useEffect(() => offer.follow(), [offer]);
  const { t, locale } = useI18n();
  const host = store.targetSite.value ? new URL(store.targetSite.value).host : '';
  if (offer.hidden.value)
    return (
      <button type="button" class="link-btn" data-testid="site-show-again" onClick={() => void offer.show()}>
        {t('ui_site_show_again', {
          service: offer.category.value!.category.name,
          site: host,
        })}
      </button>
    );
  if (!offer.visible.value) return null;

  const { category } = offer.category.value!;
  const rows = offer.rows.value;
  const selected = offer.selected.value;
  const currency = store.headerBalance.value?.currency ?? null;
  const status = store.servicesStatus.value[String(category.id)];
  const renting = selected !== null && store.renting.value.has(selected.id);
  const rentError = store.rentError.value;
  const failed = rentError && selected && rentError.serviceId === selected.id;
  const price = (s: CatalogService) =>
    s.price === null ? t('ui_site_price_loading') : formatMoney(s.price, currency, locale);
  const stock = (s: CatalogService) =>
    s.stock === null
      ? ''
      : s.stock <= 0
        ? t('ui_out_of_stock')
        : t('ui_in_stock', { count: new Intl.NumberFormat(locale).format(s.stock) });

  const onCategory = (value: string) =>
    void (value === NOT_THIS ? offer.hide() : offer.chooseCategory(Number(value)));

  return (
    <section class="card site-card stack" aria-labelledby="site-card-title" data-testid="site-card">
      <div class="card-head">
        <h2 id="site-card-title" class="card-title">
          {t('ui_site_title', { site: host })}
        </h2>
        {status?.loading && rows !== null && (
          <span class="muted small" role="status">
            {t('ui_refreshing')}
          </span>
        )}
      </div>
      <div class="field">
        <label for="site-service">{t('ui_site_service')}</label>
        <select
          id="site-service"
          value={String(category.id)}
          onChange={(e) => onCategory(e.currentTarget.value)}
        >
          {store.catalog.value.categories.map((c) => (
            <option key={c.id} value={String(c.id)}>
              {c.name}
            </option>
          ))}
          <option value={NOT_THIS}>{t('ui_site_not_this')}</option>
        </select>
      </div>
      {rows === null ? (
        <p class="muted small" role="status">
          {t('ui_loading')}
        </p>
      ) : rows.length === 0 || selected === null ? (
        <p class="empty">{t('ui_services_empty')}</p>
      ) : (
        <>
          <div class="field">
            <label for="site-country">{t('ui_site_country')}</label>
            <select
              id="site-country"
              value={String(selected.id)}
              onChange={(e) => void offer.chooseService(Number(e.currentTarget.value))}
            >
              {rows.map((r) => (
                <option key={r.id} value={String(r.id)}>
                  {`${r.name} · ${price(r)}`}
                </option>
              ))}
            </select>
          </div>
          <div class="card-head">
            <span class="service-name" data-testid="site-service-name">
              {selected.name}
            </span>
            <span class="price">{price(selected)}</span>
          </div>
          <span class={`service-stock${selected.stock !== null && selected.stock <= 0 ? ' warn' : ''}`}>
            {stock(selected)}
          </span>
          {failed && (
            <ErrorNote
              text={rentErrorText(rentError.error, selected.name, t)}
              onRetry={canRetry(rentError.error) ? () => void offer.rent() : undefined}
            />
          )}
          <button
            type="button"
            class="btn btn-primary"
            data-testid="site-rent"
            disabled={!offer.canRent.value}
            aria-busy={renting}
            onClick={() => void offer.rent()}
          >
            {renting
              ? t('ui_renting')
              : selected.price === null
                ? t('ui_site_price_loading')
                : t('ui_site_rent', { service: selected.name, price: price(selected) })}
          </button>
        </>
      )}
    </section>
  );
}
