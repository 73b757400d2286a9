import { useSignal } from '@preact/signals';
import { useI18n } from './I18n';

interface Props {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  hint?: string;
  placeholder?: string;
}

/** A masked text field with a Show/Hide toggle (for the API key). */
export function SecretField({ id, label, value, onInput, hint, placeholder }: Props) {
  const { t } = useI18n();
  const shown = useSignal(false);
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <div class="field-row">
        <input
          id={id}
          // Preact types `type` as a union per input kind; both kinds take the same attributes here.
          type={(shown.value ? 'text' : 'password') as 'password'}
          value={value}
          placeholder={placeholder}
          autoComplete="off"
          spellcheck={false}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onInput={(e) => onInput(e.currentTarget.value)}
        />
        <button
          type="button"
          class="btn btn-small"
          aria-pressed={shown.value}
          aria-controls={id}
          onClick={() => (shown.value = !shown.value)}
        >
          {shown.value ? t('ui_hide') : t('ui_show')}
        </button>
      </div>
      {hint && (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      )}
    </div>
  );
}
