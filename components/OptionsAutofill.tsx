import { useSignal } from '@preact/signals';
import type { OptionsStore } from '../utils/stores/options';
import { useI18n } from './I18n';
import { OptionsNote } from './OptionsNote';

/** The sites where a code is filled without a click: each can be revoked; a new one asks for access. */
export function OptionsAutofill({ store }: { store: OptionsStore }) {
  const { t } = useI18n();
  const site = useSignal('');
  const sites = store.settings.value.autofillSites;
  return (
    <section class="options-section" aria-labelledby="autofill-title">
      <h2 id="autofill-title">{t('options_autofill')}</h2>
      <p class="hint">{t('options_autofill_intro')}</p>
      {sites.length === 0 ? (
        <p class="empty">{t('options_autofill_empty')}</p>
      ) : (
        <ul class="site-list" aria-label={t('options_autofill')}>
          {sites.map((origin) => (
            <li key={origin} class="site">
              <span class="mono">{origin}</span>
              <button
                type="button"
                class="btn btn-small btn-danger"
                aria-label={t('options_site_revoke_aria', { site: origin })}
                onClick={() => void store.removeAutofillSite(origin)}
              >
                {t('options_site_revoke')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        noValidate
        class="field"
        onSubmit={(e) => {
          e.preventDefault();
          void store.addAutofillSite(site.value).then((ok) => {
            if (ok) site.value = '';
          });
        }}
      >
        <label for="autofill-site">{t('options_site_add_label')}</label>
        <div class="field-row">
          <input
            id="autofill-site"
            type="url"
            placeholder="https://example.com"
            spellcheck={false}
            value={site.value}
            onInput={(e) => (site.value = e.currentTarget.value)}
          />
          <button type="submit" class="btn">
            {t('options_site_add')}
          </button>
        </div>
      </form>
      <OptionsNote note={store.notes.value.autofill} testId="autofill-note" />
    </section>
  );
}
