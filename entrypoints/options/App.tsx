import { useEffect, useMemo } from 'preact/hooks';
import { I18nContext } from '../../components/I18n';
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
  const t = store.t.value;
  const locale = store.locale.value;
  const lang = store.lang.value;
  const i18n = useMemo(() => ({ t, locale }), [t, locale]);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `${t('extName')} — ${t('options_title')}`;
  }, [lang, t]);

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
