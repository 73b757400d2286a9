/** The order form of the orders tab: the chosen service, the typed values, the check and the sending. */

import { batch, computed, signal, type ReadonlySignal } from '@preact/signals';
import type { Balance } from '../api/balance';
import { isPanelError } from '../api/errors';
import type { OrderService } from '../api/orders/types';
import type { Settings } from '../settings';
import type { Send } from '../stores/types';
import { balanceCovers } from './charge';
import { formFields, isOrderable, offersDripFeed } from './fields';
import type { OrderDraft, OrderFormValues, TrackedOrder } from './types';
import { estimateCharge, validateOrder } from './validate';

/** The sentence under the order form; components put it in words. */
export type FormNote =
  | { kind: 'invalid' }
  | { kind: 'low_balance'; balance: Balance; charge: number }
  | { kind: 'placed'; id: number }
  | { kind: 'failed'; error: unknown; mayHaveCharged: boolean };

export interface OrderFormDeps {
  send: Send;
  services: ReadonlySignal<OrderService[]>;
  /** The stored orders of this panel: a placed order is shown from here. */
  orders: ReadonlySignal<TrackedOrder[]>;
  draft: ReadonlySignal<OrderDraft>;
  setDraft: (patch: Partial<OrderDraft>, now?: boolean) => void;
  tabUrl: ReadonlySignal<string | null>;
  balance: ReadonlySignal<Balance | null>;
  settings: ReadonlySignal<Settings>;
  newRequestId: () => string;
}

/** Creates the form's signals and actions. */
export function createOrderForm(deps: OrderFormDeps) {
  const { draft, setDraft } = deps;
  const placing = signal(false);
  const confirming = signal<number | null>(null);
  const submitted = signal(false);
  const formNote = signal<FormNote | null>(null);

  const selected = computed<OrderService | null>(
    () => deps.services.value.find((s) => s.id === draft.value.serviceId) ?? null,
  );
  const dripFeed = computed(() => {
    const s = selected.value;
    return (
      s !== null &&
      offersDripFeed(
        s,
        deps.services.value.some((x) => x.dripfeed),
      )
    );
  });
  /** The form as typed; the link defaults to the tab's URL until the person types one. */
  const values = computed<OrderFormValues>(() => {
    const v = draft.value.values;
    return v.link === undefined && deps.tabUrl.value ? { ...v, link: deps.tabUrl.value } : v;
  });
  const validation = computed(() =>
    selected.value ? validateOrder(selected.value, values.value, dripFeed.value) : null,
  );
  const charge = computed(() =>
    selected.value ? estimateCharge(selected.value, values.value, dripFeed.value) : null,
  );

  /** Sends the order (once for this click) and shows the outcome; the order itself comes from storage. */
  async function place(requestId: string, serviceId: number, form: OrderFormValues): Promise<void> {
    placing.value = true;
    formNote.value = null;
    try {
      const { id } = await deps.send('placeOrder', { requestId, service: serviceId, values: form });
      batch(() => {
        formNote.value = { kind: 'placed', id };
        submitted.value = false;
        // A new order starts from an empty form; the link stays for a second service on the same page.
        setDraft({ values: { link: form.link ?? '' }, pendingRequestId: null, view: 'orders' }, true);
      });
    } catch (error) {
      const mayHaveCharged = isPanelError(error) && error.mayHaveCharged;
      formNote.value = { kind: 'failed', error, mayHaveCharged };
      setDraft({ pendingRequestId: null }, true);
    } finally {
      placing.value = false;
    }
  }

  /** The order button: validates, compares with the balance, asks above the set amount, then sends. */
  function submit(): void {
    const service = selected.value;
    const check = validation.value;
    if (!service || !check || placing.value) return;
    submitted.value = true;
    if (!check.ok) {
      formNote.value = { kind: 'invalid' };
      return;
    }
    const balance = deps.balance.value;
    if (balance && !balanceCovers(balance.amount, check.order.charge)) {
      formNote.value = { kind: 'low_balance', balance, charge: check.order.charge };
      return;
    }
    if (check.order.charge > deps.settings.value.confirmOrderAbove && confirming.value === null) {
      formNote.value = null;
      confirming.value = check.order.charge;
      return;
    }
    confirming.value = null;
    const requestId = deps.newRequestId();
    const form = { ...values.value };
    // Saved before sending, so a popup closed mid-request learns the outcome when it opens again.
    setDraft({ pendingRequestId: requestId, values: form }, true);
    void place(requestId, service.id, form);
  }

  return {
    placing: placing as ReadonlySignal<boolean>,
    confirming: confirming as ReadonlySignal<number | null>,
    submitted: submitted as ReadonlySignal<boolean>,
    formNote: formNote as ReadonlySignal<FormNote | null>,
    /** The order just placed, once storage holds it (its charge and currency). */
    placedOrder: computed<TrackedOrder | null>(() => {
      const note = formNote.value;
      return note?.kind === 'placed' ? (deps.orders.value.find((o) => o.id === note.id) ?? null) : null;
    }),
    selected,
    dripFeed,
    values,
    validation,
    charge,
    fields: computed(() => (selected.value ? formFields(selected.value, dripFeed.value) : [])),
    orderable: computed(() => selected.value !== null && isOrderable(selected.value.type)),
    place,
    submit,
    /** Confirms an order above the set amount. */
    confirm: submit,
    cancelConfirm: () => (confirming.value = null),
    dismissNote: () => (formNote.value = null),
    /** Forgets the form's outcome and question (another service, or a field changed). */
    resetNote(keepFailure: boolean): void {
      confirming.value = null;
      if (!keepFailure || formNote.value?.kind !== 'failed') formNote.value = null;
      if (!keepFailure) submitted.value = false;
    },
  };
}
