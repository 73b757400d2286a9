import { useSignal } from '@preact/signals';
import type { OptionsStore } from '../utils/stores/options';
import { ClearHistoryButton } from './ClearHistoryButton';
import { ExportCsvButton } from './ExportCsvButton';
import { useI18n } from './I18n';
import { OptionsNote } from './OptionsNote';

/** A file that changes the panel address or the key: both shown, nothing applied before Import. */
function ImportConfirm({ store }: { store: OptionsStore }) {
  const { t } = useI18n();
  const plan = store.pendingImport.value;
  if (!plan) return null;
  return (
    <div
      class="notice"
      role="alertdialog"
      aria-labelledby="import-confirm-title"
      data-testid="import-confirm"
    >
      <p id="import-confirm-title">{t('options_import_confirm_title')}</p>
      {plan.to && <p>{t('options_import_confirm_origin', { from: plan.from, to: plan.to })}</p>}
      {plan.replacesKey && <p>{t('options_import_confirm_key')}</p>}
      {plan.forgetsKey && plan.to && (
        <p>{t('options_import_confirm_key_dropped', { from: plan.from, to: plan.to })}</p>
      )}
      <div class="row">
        <button type="button" class="btn btn-primary" onClick={() => void store.confirmImport()}>
          {t('options_import_apply')}
        </button>
        <button type="button" class="btn" onClick={() => store.cancelImport()}>
          {t('options_import_cancel')}
        </button>
      </div>
    </div>
  );
}

/** Clear the history of numbers; export and import the settings as a JSON file (the key only if asked). */
export function OptionsData({ store }: { store: OptionsStore }) {
  const { t } = useI18n();
  const includeKey = useSignal(false);

  const download = async () => {
    const json = await store.exportFile(includeKey.value);
    const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'sms-panel-settings.json';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <section class="options-section" aria-labelledby="data-title">
      <h2 id="data-title">{t('options_data')}</h2>
      <ClearHistoryButton busy={!!store.busy.value.history} onClear={() => void store.clearHistory()} />
      <OptionsNote note={store.notes.value.history} />
      <div class="row">
        <ExportCsvButton what="numbers" />
        <ExportCsvButton what="orders" />
      </div>
      <p class="hint">{t('export_csv_hint')}</p>
      <div class="row">
        <button type="button" class="btn" onClick={() => void download()}>
          {t('options_export')}
        </button>
        <label class="btn file-btn">
          {t('options_import')}
          <input
            type="file"
            accept="application/json,.json"
            class="visually-hidden"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (file) void file.text().then((text) => store.importFile(text));
            }}
          />
        </label>
      </div>
      <label class="check">
        <input
          type="checkbox"
          checked={includeKey.value}
          onChange={(e) => (includeKey.value = e.currentTarget.checked)}
        />{' '}
        {t('options_export_include_key')}
      </label>
      <p class="hint">{t(includeKey.value ? 'options_export_key_warning' : 'options_export_hint')}</p>
      <ImportConfirm store={store} />
      <OptionsNote note={store.notes.value.file} testId="file-note" />
    </section>
  );
}
