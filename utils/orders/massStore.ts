/** The mass-order view's state: the pasted lines checked against the catalogue, the total, one confirmation. */

import { computed, signal, type ReadonlySignal } from '@preact/signals';
import type { Balance } from '../api/balance';
import type { OrderService } from '../api/orders/types';
import { itemSignal } from '../stores/itemSignal';
import type { ReadableItem, Send } from '../stores/types';
import { balanceCovers } from './charge';
import { checkMassOrder } from './mass';
import type { MassBatch } from './types';

/** The sentence under the mass-order form; components put it in words. */
export type MassNote =
  | { kind: 'empty' }
  | { kind: 'too_many' }
  | { kind: 'invalid' }
  | { kind: 'low_balance'; balance: Balance; total: number }
  | { kind: 'failed'; error: unknown };

export interface MassStoreDeps {
  send: Send;
  services: ReadonlySignal<OrderService[]>;
  balance: ReadonlySignal<Balance | null>;
  /** The `massOrder` item (the background writes it). */
  batch: ReadableItem<MassBatch | null>;
  text: ReadonlySignal<string>;
  setText: (text: string) => void;
  newBatchId: () => string;
}

/** Creates the mass-order store; `dispose()` stops watching storage. */
export function createMassStore(deps: MassStoreDeps) {
  const batchRead = itemSignal<MassBatch | null>(deps.batch, null);
  const submitted = signal(false);
  const confirming = signal(false);
  const sending = signal(false);
  const note = signal<MassNote | null>(null);
  const check = computed(() => checkMassOrder(deps.text.value, deps.services.value));

  /** Runs a request to the background; its error becomes the note. */
  async function request(run: () => Promise<unknown>): Promise<boolean> {
    sending.value = true;
    try {
      await run();
      return true;
    } catch (error) {
      note.value = { kind: 'failed', error };
      return false;
    } finally {
      sending.value = false;
    }
  }

  return {
    batch: batchRead.value,
    ready: batchRead.ready,
    text: deps.text,
    check,
    submitted: submitted as ReadonlySignal<boolean>,
    confirming: confirming as ReadonlySignal<boolean>,
    sending: sending as ReadonlySignal<boolean>,
    note: note as ReadonlySignal<MassNote | null>,
    balance: deps.balance,

    setText(text: string): void {
      deps.setText(text);
      confirming.value = false;
      if (note.value?.kind !== 'invalid') note.value = null;
    },

    /** The order button: every line checked, the total compared with the balance, then the one question. */
    submit(): void {
      if (sending.value) return;
      submitted.value = true;
      const c = check.value;
      note.value = null;
      if (c.lines.length === 0) note.value = { kind: 'empty' };
      else if (c.tooMany) note.value = { kind: 'too_many' };
      else if (!c.ok) note.value = { kind: 'invalid' };
      else if (deps.balance.value && !balanceCovers(deps.balance.value.amount, c.total))
        note.value = { kind: 'low_balance', balance: deps.balance.value, total: c.total };
      else confirming.value = true;
    },

    /** The person said yes: the batch goes to the background (once for this confirmation). */
    async confirm(): Promise<void> {
      const c = check.value;
      if (!confirming.value || !c.ok) return;
      // Cleared before anything is awaited, so a second click on Yes sends nothing.
      confirming.value = false;
      const batchId = deps.newBatchId();
      await request(() =>
        deps.send('startMassOrder', {
          batchId,
          text: deps.text.value,
          total: c.total,
          balance: deps.balance.value?.amount ?? null,
        }),
      );
    },
    cancelConfirm: () => (confirming.value = false),

    /** The person's retry of a stopped batch (never automatic). */
    retry: (batchId: string) => request(() => deps.send('retryMassOrder', { batchId })),

    /** Forgets a finished or stopped batch and the text, for a new mass order. */
    async startOver(batchId: string): Promise<void> {
      if (await request(() => deps.send('clearMassOrder', { batchId }))) {
        deps.setText('');
        submitted.value = false;
        note.value = null;
      }
    },

    dispose: () => batchRead.dispose(),
  };
}

export type MassStore = ReturnType<typeof createMassStore>;
