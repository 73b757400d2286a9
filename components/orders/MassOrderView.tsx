import { computed } from '@preact/signals';
import { useEffect, useMemo } from 'preact/hooks';
import { balanceCovers } from '../../utils/orders/charge';
import { isFieldError, type MassLineCheck, MASS_MAX_LINES } from '../../utils/orders/mass';
import { createMassStore, type MassStore } from '../../utils/orders/massStore';
import type { OrdersStore } from '../../utils/orders/store';
import { formatMoney } from '../../utils/money';
import { sendMessage } from '../../utils/messaging/client';
import type { MessageKey } from '../../utils/i18n';
import { massOrderItem } from '../../utils/storage';
import { errorText } from '../../utils/stores/errors';
import { useI18n } from '../I18n';
import { MassResults } from './MassResults';
import { fieldErrorText, fieldLabel } from './words';

/** The sentences of a refused line. */
function LineErrors({ check }: { check: Extract<MassLineCheck, { ok: false }> }) {
  const { t, locale } = useI18n();
  return (
    <li class="mass-line" data-testid="mass-line-error" data-line={check.line}>
      <strong>{t('mass_line', { line: check.line })}</strong> <code class="mass-text">{check.text}</code>
      {check.errors.map((e, i) => (
        <p key={i} class="field-error">
          {isFieldError(e)
            ? `${e.field === 'form' ? '' : `${fieldLabel(e.field, t)}: `}${fieldErrorText(e, t, locale)}`
            : t(`mass_err_${e.code}` as MessageKey, e.params)}
        </p>
      ))}
    </li>
  );
}

/** The editor: the lines, each refused line with its reasons, the total against the balance, one confirmation. */
function MassEditor({ store, money }: { store: MassStore; money: (n: number) => string }) {
  const { t } = useI18n();
  const check = store.check.value;
  const shown = store.submitted.value;
  const note = store.note.value;
  const balance = store.balance.value;
  const refused = check.lines.filter((l): l is Extract<MassLineCheck, { ok: false }> => !l.ok);
  const count = check.lines.length;
  const total = money(check.total);
  return (
    <form
      class="stack oform"
      noValidate
      data-testid="mass-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (store.confirming.value) void store.confirm();
        else store.submit();
      }}
    >
      <div class="field">
        <label class="label" for="mass-text">
          {t('mass_label')}
        </label>
        <textarea
          id="mass-text"
          rows={6}
          spellcheck={false}
          value={store.text.value}
          aria-describedby="mass-hint"
          aria-invalid={shown && refused.length > 0 ? true : undefined}
          data-testid="mass-text"
          disabled={store.sending.value}
          onInput={(e) => store.setText(e.currentTarget.value)}
        />
        <p id="mass-hint" class="hint">
          {t('mass_hint')}
        </p>
      </div>
      {shown && refused.length > 0 && (
        <ul class="olist mass-errors">
          {refused.map((l) => (
            <LineErrors key={l.line} check={l} />
          ))}
        </ul>
      )}
      {check.ok && (
        <div class="ocharge" data-testid="mass-summary" aria-live="polite">
          <p>{t('mass_total', { count, total })}</p>
          {balance && balanceCovers(balance.amount, check.total) && (
            <p class="hint">
              {t('mass_balance_after', {
                balance: money(balance.amount),
                after: money(balance.amount - check.total),
              })}
            </p>
          )}
        </div>
      )}
      {store.confirming.value ? (
        <div class="note note-warn oconfirm" role="alertdialog" aria-labelledby="mass-confirm-text">
          <p id="mass-confirm-text">
            {t('mass_confirm', { count, total, after: balance ? money(balance.amount - check.total) : '—' })}
          </p>
          <div class="row">
            <button type="submit" class="btn btn-primary" data-testid="mass-confirm">
              {t('mass_confirm_yes')}
            </button>
            <button type="button" class="btn" onClick={store.cancelConfirm}>
              {t('mass_confirm_no')}
            </button>
          </div>
        </div>
      ) : (
        <button
          type="submit"
          class="btn btn-primary"
          disabled={store.sending.value}
          data-testid="mass-submit"
        >
          {check.ok ? t('mass_submit', { count, total }) : t('mass_check')}
        </button>
      )}
      {note && (
        <p class="note note-error" role="alert" data-testid="mass-note">
          {note.kind === 'empty'
            ? t('mass_empty')
            : note.kind === 'too_many'
              ? t('mass_too_many', { max: MASS_MAX_LINES })
              : note.kind === 'invalid'
                ? t('mass_invalid_note')
                : note.kind === 'low_balance'
                  ? t('mass_balance_low', { balance: money(note.balance.amount), total: money(note.total) })
                  : errorText(note.error, t)}
        </p>
      )}
    </form>
  );
}

// One mass store per orders store, kept across view switches.
const stores = new WeakMap<OrdersStore, MassStore>();

/** The mass-order view of the orders tab (a lazy chunk of its own). */
export function MassOrderView({ store }: { store: OrdersStore }) {
  const mass = useMemo(() => {
    let s = stores.get(store);
    if (!s) {
      s = createMassStore({
        send: sendMessage,
        services: store.services,
        balance: store.balance,
        batch: massOrderItem,
        text: computed(() => store.draft.value.massText ?? ''),
        setText: store.setMassText,
        newBatchId: () => crypto.randomUUID(),
      });
      stores.set(store, s);
    }
    return s;
  }, [store]);
  useEffect(() => () => void store.flushDraft(), [store]);
  return <MassBody store={mass} />;
}

/** The editor, or the batch's results once there is one. */
export function MassBody({ store }: { store: MassStore }) {
  const { locale } = useI18n();
  const currency = store.balance.value?.currency ?? null;
  const money = (n: number) => formatMoney(n, currency, locale);
  const batch = store.batch.value;
  return batch ? (
    <MassResults store={store} batch={batch} money={money} />
  ) : (
    <MassEditor store={store} money={money} />
  );
}
