import type { FieldSpec } from '../../utils/orders/fields';

interface Props {
  spec: FieldSpec;
  label: string;
  value: string;
  hint?: string | null;
  /** The sentence shown under the field when it is not accepted. */
  error?: string | null;
  onInput: (value: string) => void;
  onBlur?: () => void;
}

/** One field of the order form: a textarea for one-per-line lists, a date picker, or a text input. */
export function OrderField({ spec, label, value, hint, error, onInput, onBlur }: Props) {
  const id = `of-${spec.name}`;
  const mode: 'numeric' | 'url' | undefined =
    spec.kind === 'count' ? 'numeric' : spec.kind === 'url' ? 'url' : undefined;
  const describedBy =
    [hint ? `${id}-hint` : '', error ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: spec.name,
    value,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    'aria-required': spec.required,
    'data-testid': `order-field-${spec.name}`,
    onBlur,
  };
  return (
    <div class="field">
      <label class="label" for={id}>
        {label}
      </label>
      {spec.kind === 'lines' ? (
        <textarea {...common} rows={4} onInput={(e) => onInput(e.currentTarget.value)} />
      ) : spec.kind === 'date' ? (
        <input {...common} type="date" onInput={(e) => onInput(e.currentTarget.value)} />
      ) : (
        <input
          {...common}
          type="text"
          inputMode={mode}
          autoComplete="off"
          onInput={(e) => onInput(e.currentTarget.value)}
        />
      )}
      {hint && (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-err`} class="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
