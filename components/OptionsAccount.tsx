import { useSignal, useSignalEffect } from '@preact/signals';
import type { OptionsStore } from '../utils/stores/options';
import { useI18n } from './I18n';
import { KeyForm } from './KeyForm';
import { OptionsNote } from './OptionsNote';

/** The API key (masked, Test, Save, Clear) and the panel origin. */
export function OptionsAccount({ store }: { store: OptionsStore }) {
  const { t } = useI18n();
  const originText = useSignal(store.origin.value);
  // An imported file's origin (or a change made elsewhere) shows in the field, waiting for Save.
  useSignalEffect(() => {
    originText.value = store.pendingOrigin.value ?? store.origin.value;
  });
  const hint = store.keyHint.value;
  return (
    <section class="options-section" aria-labelledby="account-title">
      <h2 id="account-title">{t('options_account')}</h2>
      <p class="hint" data-testid="key-status">
        {hint ? t('options_key_set', { hint }) : t('options_key_none_for', { origin: store.origin.value })}
      </p>
      <KeyForm
        idPrefix="options"
        check={store.keyCheck}
        origin={store.origin.value}
        showOrigin={false}
        onTest={(key) => void store.testKey(key)}
        onSave={(key) => store.saveKey(key)}
        saveLabel={t('options_key_save')}
      />
      {hint && (
        <button
          type="button"
          class="btn btn-danger"
          disabled={store.busy.value.key}
          onClick={() => void store.clearKey()}
        >
          {t('options_key_clear')}
        </button>
      )}
      <OptionsNote note={store.notes.value.key} />

      <form
        noValidate
        class="field"
        onSubmit={(e) => {
          e.preventDefault();
          void store.saveOrigin(originText.value);
        }}
      >
        <label for="options-origin">{t('ui_origin_label')}</label>
        <div class="field-row">
          <input
            id="options-origin"
            type="url"
            spellcheck={false}
            value={originText.value}
            aria-describedby="options-origin-hint"
            onInput={(e) => (originText.value = e.currentTarget.value)}
          />
          <button type="submit" class="btn" disabled={store.busy.value.origin}>
            {t('options_origin_save')}
          </button>
        </div>
        <p id="options-origin-hint" class="hint">
          {t('options_origin_hint')}
        </p>
      </form>
      <OptionsNote note={store.notes.value.origin} testId="origin-note" />
    </section>
  );
}
