import type { ReadonlySignal } from '@preact/signals';
import { formatMoney } from '../utils/money';
import { errorText } from '../utils/stores/errors';
import type { KeyCheck } from '../utils/stores/popupState';
import { useI18n } from './I18n';

/** The answer of a key check: checking…, accepted with the balance, or the error sentence. */
export function KeyCheckResult({ check }: { check: ReadonlySignal<KeyCheck> }) {
  const { t, locale } = useI18n();
  const c = check.value;
  if (c.status === 'idle') return null;
  if (c.status === 'checking')
    return (
      <p class="note" role="status">
        {t('ui_key_checking')}
      </p>
    );
  if (c.status === 'error')
    return (
      <p class="note note-error" role="alert" data-testid="key-error">
        {c.sentence ?? errorText(c.error, t)}
      </p>
    );
  const balance = c.balance ? formatMoney(c.balance.amount, c.balance.currency, locale) : '—';
  return (
    <p class="note note-ok" role="status" data-testid="key-ok">
      {t(c.saved ? 'ui_key_saved' : 'ui_key_works', { balance })}
    </p>
  );
}
