/**
 * Runs a mass order in the background: each line through the single-order path under its own requestId, one
 * after another, stopping at the first failure. The batch lives in storage, so a closed popup loses nothing and
 * a restarted worker picks it up; a line whose answer was lost is asked for by the same requestId, which the
 * placing layer answers from its record and never sends again.
 */

import { isPanelError } from '../api/errors';
import type { OrderService } from '../api/orders/types';
import { createSerialQueue, createSingleFlight } from '../async';
import { MessageError } from '../messaging/errors';
import type { ValueItem } from './list';
import { checkMassOrder } from './mass';
import type { MassBatch, MassLine, PlaceOrderRequest } from './types';

export interface MassRunnerDeps {
  /** The `massOrder` item; the runner is its only writer. */
  item: ValueItem<MassBatch | null>;
  /** The single-order path: once per requestId, never retried after an ambiguous failure. */
  place: (req: PlaceOrderRequest) => Promise<{ id: number }>;
  services: () => Promise<OrderService[]>;
  origin: () => Promise<string>;
  /** Reads the orders balance (null when it cannot be read). */
  readBalance: () => Promise<number | null>;
  now: () => number;
}

/** What the popup sends to start a batch: the text the person confirmed and the total they saw. */
export interface MassOrderRequest {
  /** One id per confirmation: a re-sent start never starts a second batch. */
  batchId: string;
  text: string;
  total: number;
  balance?: number | null;
}

const sameMoney = (a: number, b: number) => Math.round(a * 1e6) === Math.round(b * 1e6);

/** A thrown error as it is stored on a line (the wire form, no stack). */
function stored(e: unknown): MassLine['error'] {
  if (isPanelError(e) || e instanceof MessageError) return { ...e.toJSON() };
  return { ...new MessageError('failed').toJSON() };
}

/** Creates the runner over its storage item and the single-order path. */
export function createMassRunner(deps: MassRunnerDeps) {
  const serial = createSerialQueue();
  const runOnce = createSingleFlight<'run'>();

  /** Read-modify-write of the batch, one at a time. */
  const update = (change: (b: MassBatch) => MassBatch) =>
    serial(async () => {
      const b = await deps.item.getValue();
      if (!b) return null;
      const next = change(b);
      await deps.item.setValue(next);
      return next;
    });
  const setLine = (index: number, patch: Partial<MassLine>) =>
    update((b) => ({ ...b, lines: b.lines.map((l, i) => (i === index ? { ...l, ...patch } : l)) }));

  /** Sends the batch's lines in order until one fails or none is left. */
  async function loop(): Promise<void> {
    for (;;) {
      const batch = await deps.item.getValue();
      if (!batch || batch.state !== 'running') return;
      const index = batch.lines.findIndex((l) => l.state === 'queued' || l.state === 'sending');
      if (index < 0) {
        await update((b) => ({ ...b, state: 'done' }));
        return;
      }
      const line = batch.lines[index]!;
      // A line left 'sending' by a stopped worker is asked for again under the same requestId: the
      // placing layer answers what became of it (placed, refused, or "may have been charged").
      if (line.state === 'queued') await setLine(index, { state: 'sending' });
      try {
        const { id } = await deps.place({
          requestId: line.requestId,
          service: line.service,
          values: line.values,
        });
        await setLine(index, { state: 'placed', orderId: id, error: null });
      } catch (e) {
        const ambiguous = isPanelError(e) && e.mayHaveCharged;
        await update((b) => ({
          ...b,
          state: 'stopped',
          lines: b.lines.map((l, i) =>
            i === index
              ? { ...l, state: ambiguous ? 'unknown' : 'failed', error: stored(e) }
              : l.state === 'queued'
                ? { ...l, state: 'not_sent' }
                : l,
          ),
        }));
        if (ambiguous) {
          const amount = await deps.readBalance().catch(() => null);
          await update((b) => ({ ...b, balanceAfter: amount, balanceAt: deps.now() }));
        }
        return;
      }
    }
  }

  const run = () => runOnce('run', loop);

  return {
    /** Checks the text again against the catalogue and starts the batch (a re-sent start only resumes it). */
    async start(req: MassOrderRequest): Promise<void> {
      if (!req || typeof req.batchId !== 'string' || !req.batchId || typeof req.text !== 'string') {
        throw new MessageError('bad_request');
      }
      const current = await deps.item.getValue();
      if (current?.id === req.batchId) return void run();
      if (current?.state === 'running') throw new MessageError('mass_busy');
      const check = checkMassOrder(req.text, await deps.services());
      if (!check.ok) throw new MessageError('mass_invalid');
      // The catalogue changed since the person confirmed: they confirm the new total first.
      if (!sameMoney(check.total, Number(req.total))) throw new MessageError('mass_changed');
      const lines: MassLine[] = check.lines.map((l, i) => ({
        line: l.line,
        text: l.text,
        service: l.ok ? l.service.id : 0,
        serviceName: l.ok ? l.service.name : '',
        values: l.ok ? l.values : {},
        charge: l.ok ? l.order.charge : 0,
        requestId: `${req.batchId}:${i}`,
        state: 'queued',
        orderId: null,
        error: null,
      }));
      await serial(() =>
        deps.item.setValue({
          id: req.batchId,
          origin: '',
          createdAt: deps.now(),
          state: 'running',
          lines,
          total: check.total,
          balanceBefore: typeof req.balance === 'number' ? req.balance : null,
          balanceAfter: null,
          balanceAt: null,
        }),
      );
      const origin = await deps.origin();
      await update((b) => ({ ...b, origin }));
      void run();
    },

    /**
     * The person's retry of a stopped batch: the refused line (under a new requestId: the panel said no, so
     * nothing was charged) and the lines not sent. Placed and unknown lines are never sent again.
     */
    async retry(batchId: string): Promise<void> {
      const b = await deps.item.getValue();
      if (!b || b.id !== batchId) throw new MessageError('bad_request');
      if (b.state === 'running') return void run();
      if (b.state !== 'stopped') return;
      const attempt = deps.now().toString(36);
      await update((x) => ({
        ...x,
        state: 'running',
        lines: x.lines.map((l) =>
          l.state === 'failed'
            ? { ...l, state: 'queued', error: null, requestId: `${l.requestId}:r${attempt}` }
            : l.state === 'not_sent'
              ? { ...l, state: 'queued' }
              : l,
        ),
      }));
      void run();
    },

    /** Forgets a batch that is not running (its placed orders stay in the orders list). */
    async clear(batchId: string): Promise<void> {
      const b = await deps.item.getValue();
      if (!b || b.id !== batchId) return;
      if (b.state === 'running') throw new MessageError('mass_busy');
      await serial(() => deps.item.setValue(null));
    },

    /** Runs a batch a stopped worker left running (worker start); resolves when it ends or stops. */
    resume: () => run(),
  };
}

export type MassRunner = ReturnType<typeof createMassRunner>;
