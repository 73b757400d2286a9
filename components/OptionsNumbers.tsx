import type { OptionsStore } from '../utils/stores/options';
import { CheckSetting } from './CheckSetting';
import { useI18n } from './I18n';
import { NumberSetting } from './NumberSetting';

/** Polling interval, number window, auto-cancel and notifications. */
export function OptionsNumbers({ store }: { store: OptionsStore }) {
  const { t } = useI18n();
  const s = store.settings.value;
  return (
    <section class="options-section" aria-labelledby="numbers-title">
      <h2 id="numbers-title">{t('options_numbers')}</h2>
      <NumberSetting
        id="poll-interval"
        label={t('options_poll_label')}
        hint={t('options_poll_hint')}
        value={s.pollIntervalSec}
        min={1}
        max={60}
        onCommit={(v) => void store.updateSettings({ pollIntervalSec: v })}
      />
      <NumberSetting
        id="number-window"
        label={t('options_window_label')}
        hint={t('options_window_hint')}
        value={s.numberWindowMin}
        min={2}
        max={60}
        onCommit={(v) => void store.updateSettings({ numberWindowMin: v })}
      />
      <CheckSetting
        id="auto-cancel"
        label={t('options_autocancel_label')}
        hint={t('options_autocancel_hint')}
        checked={s.autoCancel}
        onChange={(v) => void store.updateSettings({ autoCancel: v })}
      />
      <CheckSetting
        id="notifications"
        label={t('options_notifications_label')}
        hint={t('options_notifications_hint')}
        checked={s.notifications}
        onChange={(v) => void store.updateSettings({ notifications: v })}
      />
    </section>
  );
}
