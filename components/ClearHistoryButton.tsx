import { useSignal } from '@preact/signals';
import { useI18n } from './I18n';

/** "Clear history" that asks once more before it clears (popup history view and options page). */
export function ClearHistoryButton({ busy, onClear }: { busy: boolean; onClear: () => void }) {
  const { t } = useI18n();
  const confirming = useSignal(false);
  if (!confirming.value) {
    return (
      <button type="button" class="btn" disabled={busy} onClick={() => (confirming.value = true)}>
        {t('ui_history_clear')}
      </button>
    );
  }
  return (
    <div class="row" role="group" aria-label={t('ui_history_clear_confirm')}>
      <span>{t('ui_history_clear_confirm')}</span>
      <button
        type="button"
        class="btn btn-danger"
        disabled={busy}
        onClick={() => {
          confirming.value = false;
          onClear();
        }}
      >
        {t('ui_history_clear_yes')}
      </button>
      <button type="button" class="btn" onClick={() => (confirming.value = false)}>
        {t('ui_keep')}
      </button>
    </div>
  );
}
