import { I18nContext, usePageI18n } from '../../components/I18n';
import { OptionsAccount } from '../../components/OptionsAccount';
import { OptionsAutofill } from '../../components/OptionsAutofill';
import { OptionsData } from '../../components/OptionsData';
import { OptionsGeneral } from '../../components/OptionsGeneral';
import { OptionsNote } from '../../components/OptionsNote';
import { OptionsNumbers } from '../../components/OptionsNumbers';
import { Skeleton } from '../../components/Skeleton';
import type { OptionsStore } from '../../utils/stores/options';

/** The options page: account, numbers, automatic fill, language and amounts, data. */
export function App({ store }: { store: OptionsStore }) {
  const i18n = usePageI18n(store, (t) => `${t('extName')} — ${t('options_title')}`);
  const t = i18n.t;

  return (
    <I18nContext.Provider value={i18n}>
      <main class="options">
        <h1>{store.loaded.value ? t('options_title') : ''}</h1>
        {!store.loaded.value ? (
          <Skeleton rows={8} />
        ) : (
          <>
            <OptionsAccount store={store} />
            <OptionsNumbers store={store} />
            <OptionsNote note={store.notes.value.settings} testId="settings-note" />
            <OptionsAutofill store={store} />
            <OptionsGeneral store={store} />
            <OptionsData store={store} />
          </>
        )}
      </main>
    </I18nContext.Provider>
  );
}
