import type { OrderService } from '../../utils/api/orders/types';
import { formatMoney } from '../../utils/money';
import type { FieldName, FieldSpec } from '../../utils/orders/fields';
import type { OrdersStore } from '../../utils/orders/store';
import { splitLines } from '../../utils/orders/validate';
import { useI18n } from '../I18n';
import { ChargeBox } from './ChargeBox';
import { FormNoteView } from './FormNoteView';
import { OrderField } from './OrderField';
import { rateText, rangeText } from './format';
import { fieldErrorText, fieldLabel } from './words';

const DRIP: ReadonlySet<FieldName> = new Set(['runs', 'interval']);

/** The order form that fits the service's type, with the charge, the balance, and a confirmation above the set amount. */
export function OrderForm({ store, service }: { store: OrdersStore; service: OrderService }) {
  const { t, locale } = useI18n();
  const values = store.values.value;
  const check = store.validation.value;
  const placing = store.placing.value;
  const confirming = store.confirming.value;
  const currency = store.balance.value?.currency ?? null;
  const money = (n: number) => formatMoney(n, currency, locale);
  const n = new Intl.NumberFormat(locale);
  // Errors appear after the first Order click (not on blur, which would move the button under the pointer).
  const showErrors = store.submitted.value;

  const errorOf = (name: FieldName) => {
    if (!check || check.ok || !showErrors) return null;
    const e = check.errors.find((x) => x.field === name);
    return e ? fieldErrorText(e, t, locale) : null;
  };
  const hintOf = (spec: FieldSpec): string | null => {
    if (spec.name === 'link' && store.draft.value.values.link === undefined && values.link) {
      return t('orders_link_from_tab');
    }
    if (spec.name === 'quantity')
      return t('orders_hint_range', { min: n.format(service.min), max: n.format(service.max) });
    const linesAreQuantity =
      (spec.name === 'comments' &&
        (service.type === 'custom_comments' || service.type === 'comment_replies')) ||
      (spec.name === 'usernames' && service.type === 'mentions_custom_list');
    if (linesAreQuantity) {
      const count = splitLines(values[spec.name]).length;
      return t('orders_hint_lines', { count, min: n.format(service.min), max: n.format(service.max) });
    }
    return null;
  };
  const field = (spec: FieldSpec) => (
    <OrderField
      key={spec.name}
      spec={spec}
      label={fieldLabel(spec.name, t)}
      value={values[spec.name] ?? ''}
      hint={hintOf(spec)}
      error={errorOf(spec.name)}
      onInput={(v) => store.setField(spec.name, v)}
    />
  );
  const fields = store.fields.value;
  const charge = store.charge.value;

  return (
    <form
      class="stack oform"
      noValidate
      data-testid="order-form"
      onSubmit={(e) => {
        e.preventDefault();
        store.submit();
      }}
    >
      <button type="button" class="link-btn" onClick={() => store.selectService(null)}>
        ← {t('orders_back')}
      </button>
      <div>
        <h3 class="card-title">{service.name}</h3>
        <p class="small muted">
          #{service.id} · {service.typeText} · {rateText(service, money(service.rate), t)} ·{' '}
          {rangeText(service, t, locale)}
        </p>
        {service.description && <p class="small odesc">{service.description}</p>}
      </div>
      {!store.orderable.value ? (
        <p class="note note-warn">{t('orders_unsupported', { type: service.typeText })}</p>
      ) : (
        <>
          <fieldset class="ofields" disabled={placing}>
            {fields.filter((f) => !DRIP.has(f.name)).map(field)}
            {store.dripFeed.value && (
              <fieldset class="odrip">
                <legend class="label">{t('orders_dripfeed')}</legend>
                <p class="hint">{t('orders_dripfeed_hint')}</p>
                <div class="field-row">{fields.filter((f) => DRIP.has(f.name)).map(field)}</div>
              </fieldset>
            )}
          </fieldset>
          <ChargeBox store={store} money={money} />
          {confirming !== null ? (
            <div
              class="note note-warn oconfirm"
              role="alertdialog"
              aria-label={t('orders_confirm', { amount: money(confirming) })}
            >
              <p>{t('orders_confirm', { amount: money(confirming) })}</p>
              <div class="row">
                <button type="submit" class="btn btn-primary" data-testid="order-confirm">
                  {t('orders_confirm_yes')}
                </button>
                <button type="button" class="btn" onClick={store.cancelConfirm}>
                  {t('orders_confirm_no')}
                </button>
              </div>
            </div>
          ) : (
            <button
              type="submit"
              class="btn btn-primary obtn-order"
              disabled={placing}
              aria-busy={placing}
              data-testid="order-submit"
            >
              {placing
                ? t('orders_placing')
                : charge !== null
                  ? t('orders_submit', { amount: money(charge) })
                  : t('orders_submit_plain')}
            </button>
          )}
          <FormNoteView store={store} money={money} />
        </>
      )}
    </form>
  );
}
