import type { ReadonlySignal } from '@preact/signals';
import { formatCountdown } from '../utils/stores/time';
import { useI18n } from './I18n';

interface Props {
  expiresAt: number;
  clock: ReadonlySignal<number>;
}

/** Time left in a number's window ("14:32 left"); only this element re-renders every second. */
export function Countdown({ expiresAt, clock }: Props) {
  const { t } = useI18n();
  const left = expiresAt - clock.value;
  if (left <= 0) return <span class="countdown countdown-over">{t('ui_window_over')}</span>;
  return (
    <span class={`countdown${left < 120_000 ? ' countdown-soon' : ''}`} data-testid="countdown">
      {t('ui_time_left', { time: formatCountdown(left) })}
    </span>
  );
}
