import { formatMoney } from '../utils/money';
import { errorText, panelErrorOf } from '../utils/stores/errors';
import type { PopupStore } from '../utils/stores/popup';
import { useI18n } from './I18n';
import { RefreshButton } from './RefreshButton';

interface Props {
  store: PopupStore;
  onOpenOptions: () => void;
}

/** The balance with its currency (cached at once, refreshed on open), a refresh button and settings. */
export function Header({ store, onOpenOptions }: Props) {
  const { t, locale } = useI18n();
  const balance = store.headerBalance.value;
  const status = store.balanceStatus.value;
  const hasKey = Boolean(store.keyHint.value);
  return (
    <header class="header">
      {/* The popup's one level-one heading, inside the banner landmark (axe page-has-heading-one, region). */}
      <h1 class="visually-hidden">{t('extName')}</h1>
      <div class="balance" data-testid="balance">
        {hasKey && (
          <>
            <span class="balance-label">{t('ui_balance')}</span>{' '}
            <strong class="balance-amount" data-testid="balance-amount">
              {balance ? formatMoney(balance.amount, balance.currency, locale) : '—'}
            </strong>
          </>
        )}
        {!hasKey && <strong>{t('extName')}</strong>}
      </div>
      <div class="header-actions">
        {hasKey && (
          <RefreshButton
            label={t('ui_balance_refresh')}
            loading={status.loading}
            onClick={() => void store.refreshBalance()}
          />
        )}
        <button
          type="button"
          class="icon-btn"
          aria-label={t('ui_open_options')}
          title={t('ui_open_options')}
          onClick={onOpenOptions}
        >
          <span aria-hidden="true">⚙</span>
        </button>
      </div>
      {hasKey && store.lowBalance.value && (
        <p class="banner banner-warn" role="status" data-testid="low-balance">
          {t('ui_balance_low', {
            limit: formatMoney(store.settings.value.lowBalance, balance?.currency ?? null, locale),
          })}
        </p>
      )}
      {hasKey && status.error !== null && !status.loading && (
        <p class="banner banner-error" role="alert">
          {t('ui_balance_failed')}
          {panelErrorOf(status.error) ? ` ${errorText(status.error, t)}` : ''}{' '}
          <button type="button" class="link-btn" onClick={() => void store.refreshBalance()}>
            {t('ui_retry')}
          </button>
        </p>
      )}
    </header>
  );
}
