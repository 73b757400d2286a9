import type { LangSetting } from '../utils/i18n';
import type { OptionsStore } from '../utils/stores/options';
import { useI18n } from './I18n';
import { NumberSetting } from './NumberSetting';

/** Language, the low-balance warning and the order confirmation amount. */
export function OptionsGeneral({ store }: { store: OptionsStore }) {
  const { t } = useI18n();
  const s = store.settings.value;
  return (
    <section class="options-section" aria-labelledby="general-title">
      <h2 id="general-title">{t('options_general')}</h2>
      <div class="field">
        <label for="language">{t('options_language_label')}</label>
        <select
          id="language"
          value={s.language}
          onChange={(e) => void store.updateSettings({ language: e.currentTarget.value as LangSetting })}
        >
          <option value="auto">{t('options_language_auto')}</option>
          <option value="en" lang="en">
            English
          </option>
          <option value="tr" lang="tr">
            Türkçe
          </option>
        </select>
      </div>
      <NumberSetting
        id="low-balance"
        label={t('options_low_balance_label')}
        hint={t('options_low_balance_hint')}
        value={s.lowBalance}
        min={0}
        max={1e9}
        step={0.01}
        onCommit={(v) => void store.updateSettings({ lowBalance: v })}
      />
      <NumberSetting
        id="confirm-above"
        label={t('options_confirm_label')}
        hint={t('options_confirm_hint')}
        value={s.confirmOrderAbove}
        min={0}
        max={1e9}
        step={0.01}
        onCommit={(v) => void store.updateSettings({ confirmOrderAbove: v })}
      />
    </section>
  );
}
