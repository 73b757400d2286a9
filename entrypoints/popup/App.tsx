import { Header } from '../../components/Header';
import { I18nContext, usePageI18n } from '../../components/I18n';
import { KeySetup } from '../../components/KeySetup';
import { LiveRegion } from '../../components/LiveRegion';
import { NumbersTab } from '../../components/NumbersTab';
import { OrdersTab } from '../../components/OrdersTab';
import { Skeleton } from '../../components/Skeleton';
import { TabBar } from '../../components/TabBar';
import type { PopupStore } from '../../utils/stores/popup';

interface Props {
  store: PopupStore;
  onOpenOptions: () => void;
}

/** The toolbar popup: header with balance, then first-run setup or the Numbers | Orders tabs. */
export function App({ store, onOpenOptions }: Props) {
  const i18n = usePageI18n(store, (t) => t('extName'));
  const t = i18n.t;

  const tab = store.draft.value.tab;
  let body;
  if (!store.loaded.value) body = <Skeleton rows={6} />;
  else if (!store.keyHint.value) body = <KeySetup store={store} />;
  else
    body = (
      <TabBar
        label={t('ui_tabs_label')}
        tabs={[
          { key: 'numbers', label: t('ui_tab_numbers') },
          { key: 'orders', label: t('ui_tab_orders') },
        ]}
        selected={tab}
        onSelect={(key) => store.setTab(key)}
      >
        {tab === 'orders' ? <OrdersTab store={store} /> : <NumbersTab store={store} />}
      </TabBar>
    );

  return (
    <I18nContext.Provider value={i18n}>
      <div class="popup">
        <Header store={store} onOpenOptions={onOpenOptions} />
        <main class="popup-main">{body}</main>
        <LiveRegion text={store.announcement.value} />
      </div>
    </I18nContext.Provider>
  );
}
