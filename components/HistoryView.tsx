import type { PopupStore } from '../utils/stores/popup';
import { errorText } from '../utils/stores/errors';
import { ClearHistoryButton } from './ClearHistoryButton';
import { ErrorNote } from './ErrorNote';
import { ExportCsvButton } from './ExportCsvButton';
import { HistoryItem } from './HistoryItem';
import { useI18n } from './I18n';

/** Finished numbers with their codes, newest first, and a two-step "Clear history". */
export function HistoryView({ store }: { store: PopupStore }) {
  const { t } = useI18n();
  const history = store.history.value;
  const status = store.historyStatus.value;
  return (
    <section class="stack" aria-labelledby="history-title">
      <div class="section-head">
        <button type="button" class="link-btn" onClick={() => store.setShowHistory(false)}>
          ‹ {t('ui_back_to_renting')}
        </button>
        <h2 id="history-title" class="section-title">
          {t('ui_history')}
        </h2>
      </div>
      {status.error !== null && (
        <ErrorNote text={errorText(status.error, t)} onRetry={() => void store.clearHistory()} />
      )}
      {history.length === 0 ? (
        <p class="empty">{t('ui_history_empty')}</p>
      ) : (
        <>
          <ul class="history-list">
            {history.map((r) => (
              <HistoryItem
                key={r.id}
                rental={r}
                now={store.clock.peek()}
                currency={store.headerBalance.value?.currency ?? null}
                busy={!!store.rentalBusy.value[r.id]}
                onRentAgain={() => void store.rentAgain(r)}
              />
            ))}
          </ul>
          <div class="row">
            <ExportCsvButton what="numbers" small />
          </div>
          <ClearHistoryButton busy={status.loading} onClear={() => void store.clearHistory()} />
        </>
      )}
    </section>
  );
}
