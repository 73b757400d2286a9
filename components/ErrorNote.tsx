import { useI18n } from './I18n';

interface Props {
  /** The sentence to show (already in the person's language). */
  text: string;
  /** Offered only where trying again is safe. */
  onRetry?: () => void;
  retryLabel?: string;
}

/** An error as a sentence, with a "Try again" button when retrying is safe. */
export function ErrorNote({ text, onRetry, retryLabel }: Props) {
  const { t } = useI18n();
  return (
    <div class="note note-error" role="alert">
      <span>{text}</span>
      {onRetry && (
        <button type="button" class="btn btn-small" onClick={onRetry}>
          {retryLabel ?? t('ui_retry')}
        </button>
      )}
    </div>
  );
}
