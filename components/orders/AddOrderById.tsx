import { useSignal } from '@preact/signals';
import type { OrdersStore } from '../../utils/orders/store';
import { errorText } from '../../utils/stores/errors';
import { useI18n } from '../I18n';

/** Adds an order placed elsewhere (the website, another device) by its id; the panel's error when it is unknown. */
export function AddOrderById({ store }: { store: OrdersStore }) {
  const { t } = useI18n();
  const text = useSignal('');
  const load = store.addLoad.value;
  const added = store.added.value;
  const error =
    load.error === 'bad_id' ? t('orders_add_bad_id') : load.error !== null ? errorText(load.error, t) : null;
  return (
    <form
      class="oadd"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        if (await store.addById(text.value)) text.value = '';
      }}
    >
      <label class="visually-hidden" for="order-add-id">
        {t('orders_add_label')}
      </label>
      <div class="row">
        <input
          id="order-add-id"
          class="search"
          inputMode="numeric"
          autoComplete="off"
          value={text.value}
          placeholder={t('orders_add_placeholder')}
          title={t('orders_add_label')}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'order-add-err' : undefined}
          data-testid="order-add-id"
          onInput={(e) => (text.value = e.currentTarget.value)}
        />
        <button type="submit" class="btn" disabled={load.loading} aria-busy={load.loading}>
          {t('orders_add_button')}
        </button>
      </div>
      {error && (
        <p id="order-add-err" class="field-error" role="alert" data-testid="order-add-error">
          {error}
        </p>
      )}
      {added !== null && !error && (
        <p class="hint" role="status">
          {t('orders_added', { id: added })}
        </p>
      )}
    </form>
  );
}
