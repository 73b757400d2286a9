import type { PopupStore } from '../utils/stores/popup';
import { useI18n } from './I18n';
import { KeyForm } from './KeyForm';

/** First run: no key yet. A short setup that checks the key against the panel. */
export function KeySetup({ store }: { store: PopupStore }) {
  const { t } = useI18n();
  return (
    <section class="setup" aria-labelledby="setup-title">
      <h2 id="setup-title">{t('ui_setup_title')}</h2>
      <p class="hint">{t('ui_setup_intro')}</p>
      <p class="hint">{t('ui_setup_for')}</p>
      <KeyForm
        idPrefix="setup"
        check={store.keyCheck}
        origin={store.origin.value}
        showOrigin
        onTest={(key, origin) => void store.testKey(key, origin)}
        onSave={(key, origin) => store.saveKey(key, origin)}
      />
    </section>
  );
}
