import type { PopupStore } from '../utils/stores/popup';
import { ActiveRentals } from './ActiveRentals';
import { useI18n } from './I18n';
import { lazyComponent } from './Lazy';
import { Notices } from './Notices';
import { RentPanel } from './RentPanel';

/** The history is opened on few popup opens: its code loads then (popup first-paint budget). */
export const HistoryView = lazyComponent(() => import('./HistoryView').then((m) => m.HistoryView));
/** The site's own card (its table and matcher too) loads only when the popup is over a web page. */
const SiteCard = lazyComponent(() => import('./site/SiteCard').then((m) => m.SiteCard), 0);

/** The numbers tab: outcomes, active numbers on top, then renting (or the history). */
export function NumbersTab({ store }: { store: PopupStore }) {
  const { t } = useI18n();
  const showHistory = store.draft.value.showHistory;
  return (
    <div class="stack">
      <Notices store={store} />
      <ActiveRentals store={store} />
      {store.targetSite.value && !showHistory && <SiteCard store={store} />}
      {showHistory ? <HistoryView store={store} /> : <RentPanel store={store} />}
      {!showHistory && (
        <button type="button" class="link-btn history-link" onClick={() => store.setShowHistory(true)}>
          {t('ui_history_open', { count: store.history.value.length })}
        </button>
      )}
    </div>
  );
}
