import { useSignal, type ReadonlySignal } from '@preact/signals';
import { normalizeOrigin } from '../utils/settings';
import type { KeyCheck } from '../utils/stores/popupState';
import { useI18n } from './I18n';
import { KeyCheckResult } from './KeyCheckResult';
import { SecretField } from './SecretField';

interface Props {
  idPrefix: string;
  check: ReadonlySignal<KeyCheck>;
  /** The saved panel origin (the origin field starts with it). */
  origin: string;
  showOrigin: boolean;
  onTest: (key: string, origin: string) => void;
  onSave: (key: string, origin: string) => Promise<boolean> | void;
  /** The Save button's text where "Save" alone would be ambiguous (the options page). */
  saveLabel?: string;
}

/** The API key field with Test and Save, the panel origin (first run), and where to find the key. */
export function KeyForm({ idPrefix, check, origin, showOrigin, onTest, onSave, saveLabel }: Props) {
  const { t } = useI18n();
  const key = useSignal('');
  const originText = useSignal(origin);
  const busy = check.value.status === 'checking';
  const accountOrigin = normalizeOrigin(originText.value) ?? origin;

  return (
    <form
      noValidate
      class="stack"
      onSubmit={(e) => {
        e.preventDefault();
        void Promise.resolve(onSave(key.value, showOrigin ? originText.value : origin)).then((ok) => {
          if (ok) key.value = ''; // the key is stored by the background; the page keeps no copy
        });
      }}
    >
      <SecretField
        id={`${idPrefix}-key`}
        label={t('ui_key_label')}
        value={key.value}
        onInput={(v) => (key.value = v)}
        placeholder={t('ui_key_placeholder')}
      />
      <p class="hint">
        {t('ui_key_where')}{' '}
        <a href={`${accountOrigin}/account`} target="_blank" rel="noreferrer">
          {t('ui_key_account_link')}
        </a>
      </p>
      {showOrigin && (
        <div class="field">
          <label for={`${idPrefix}-origin`}>{t('ui_origin_label')}</label>
          <input
            id={`${idPrefix}-origin`}
            type="url"
            value={originText.value}
            spellcheck={false}
            aria-describedby={`${idPrefix}-origin-hint`}
            onInput={(e) => (originText.value = e.currentTarget.value)}
          />
          <p id={`${idPrefix}-origin-hint`} class="hint">
            {t('ui_origin_hint')}
          </p>
        </div>
      )}
      <div class="row">
        <button
          type="button"
          class="btn"
          disabled={busy}
          onClick={() => onTest(key.value, showOrigin ? originText.value : origin)}
        >
          {t('ui_key_test')}
        </button>
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {saveLabel ?? t('ui_key_save')}
        </button>
      </div>
      <KeyCheckResult check={check} />
    </form>
  );
}
