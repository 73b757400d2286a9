import { useI18n } from './I18n';

interface Props {
  id: string;
  label: string;
  hint?: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  onCommit: (value: number) => void;
}

/** A number field saved when the person leaves it or presses Enter (the store clamps it). */
export function NumberSetting({ id, label, hint, value, min, max, step = 1, onCommit }: Props) {
  const { locale } = useI18n();
  const commit = (text: string) => {
    const n = Number(text.replace(',', '.'));
    if (Number.isFinite(n) && text.trim() !== '') onCommit(n);
  };
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        lang={locale}
        min={min}
        max={max}
        step={step}
        value={value}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => commit(e.currentTarget.value)}
      />
      {hint && (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      )}
    </div>
  );
}
