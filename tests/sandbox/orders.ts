// The orders API (/api/v2): services, add, status (one or many), refill, cancel, balance.
import { ORDER_SERVICES, type OrderService } from './catalog';
import { roundMoney, type SandboxContext } from './context';
import { readOrderForm } from './order-form';
import { V2_ACTIONS, type Answer, type OrderStatus, type SandboxOrder, type V2Action } from './types';

/** The orders API's state and its request handler. */
export interface OrdersPanel {
  /** Answers one /api/v2 call from its form fields (key and action included). */
  handle(params: Record<string, string>): Answer;
  /** Moves orders along to the virtual now (and pays partial refunds). */
  settle(): void;
  list(): SandboxOrder[];
  reset(): void;
}

interface OrderRecord extends SandboxOrder {
  /** Passes through a Processing step before it ends. */
  processing: boolean;
  finalRemains: number;
  /** The status no longer changes. */
  done: boolean;
}

const FIRST_ORDER_ID = 23501;
const MAX_STATUS_IDS = 100;
const IN_PROGRESS_STEPS = 3;
const BAD_ORDER = 'Incorrect order ID';

const ok = (body: unknown): Answer => ({ status: 200, body });
const fail = (error: string, status = 200): Answer => ({ status, body: { error } });
const ACTIVE_ORDER = 'You have active order with this link. Please wait until order being completed.';
/** Panels send money as strings with 5 decimals. */
const money = (amount: number): string => roundMoney(amount).toFixed(5);
const orderIds = (list: string | undefined): string[] =>
  (list ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
const isAction = (action: string | undefined): action is V2Action =>
  (V2_ACTIONS as readonly string[]).includes(action ?? '');

/** Creates the orders API over the shared context. */
export function createOrdersPanel(ctx: SandboxContext): OrdersPanel {
  let orders = new Map<number, OrderRecord>();
  let refills = new Map<number, number>();
  let nextOrderId = FIRST_ORDER_ID;
  let nextRefillId = 1;

  function init(): void {
    orders = new Map();
    refills = new Map();
    nextOrderId = FIRST_ORDER_ID;
    nextRefillId = 1;
  }
  init();

  const findService = (id: number): OrderService | undefined => ORDER_SERVICES.find((s) => s.service === id);
  const findOrder = (id: string | undefined): OrderRecord | undefined =>
    /^\d{1,12}$/.test(id ?? '') ? orders.get(Number(id)) : undefined;

  // Pending for one step, In progress for a few (more for drip-feed), maybe Processing, then the outcome.
  function phaseAt(o: OrderRecord, now: number): { status: OrderStatus; remains: number } {
    const steps = Math.floor((now - o.createdAt) / ctx.settings.orderStepMs);
    if (steps < 1) return { status: 'Pending', remains: o.total };
    const running = IN_PROGRESS_STEPS + Math.min(o.runs ?? 0, 10);
    const target = o.total - o.finalRemains;
    const k = Math.min(steps - 1, running - 1);
    const remains = o.total - Math.floor((target * (k + 1)) / (running + 1));
    if (steps - 1 < running) return { status: 'In progress', remains };
    if (o.processing && steps - 1 === running) return { status: 'Processing', remains };
    return { status: o.outcome, remains: o.finalRemains };
  }

  /** Ends an order: its status is fixed and the undelivered part is paid back. */
  function finish(o: OrderRecord, status: OrderStatus, remains: number): void {
    const refund = roundMoney((o.charge * remains) / o.total);
    o.status = status;
    o.remains = remains;
    o.done = true;
    o.charge = roundMoney(o.charge - refund);
    ctx.refund(refund);
  }

  function settle(): void {
    const now = ctx.now();
    for (const o of orders.values()) {
      if (o.done) continue;
      const p = phaseAt(o, now);
      if (p.status === 'Completed' || p.status === 'Partial') finish(o, p.status, p.remains);
      else Object.assign(o, p);
    }
  }

  function statusOf(o: OrderRecord) {
    return {
      charge: money(o.charge),
      start_count:
        o.status === 'Pending' || (o.status === 'Canceled' && o.remains === o.total)
          ? '0'
          : String(o.startCount),
      status: o.status,
      remains: String(o.remains),
      currency: 'USD',
    };
  }

  function add(params: Record<string, string>): Answer {
    const service = /^\d{1,9}$/.test(params.service ?? '') ? findService(Number(params.service)) : undefined;
    if (!service) return fail('Hatalı servis ID');
    const dialect = ctx.settings.orderDialect;
    const form = readOrderForm(service, params, dialect);
    if ('error' in form) return fail(form.error, form.status);
    // The Laravel scripts take one running order per link.
    const sameLink = (o: OrderRecord) => !o.done && !!params.link && o.params.link === params.link;
    if (dialect === 'laravel' && [...orders.values()].some(sameLink)) {
      return fail(ACTIVE_ORDER, 422);
    }
    if (dialect === 'laravel' && !ctx.spend(form.charge)) return fail('Not enough funds on balance', 422);
    if (dialect === 'smart' && !ctx.spend(form.charge)) return fail('Not enough funds on balance');
    if (dialect === 'perfect' && !ctx.spend(form.charge)) {
      // Drip-feed and subscription orders go through another path on these panels, which leaks raw keys.
      const raw = form.runs !== null || service.type === 'Subscriptions';
      return fail(raw ? 'neworder.error.not_enough_funds' : 'Not enough funds on balance');
    }
    const id = nextOrderId++;
    const { key: _key, action: _action, ...fields } = params;
    const partial = form.total >= 10 && (id % 5 === 4 || /partial/i.test(params.link ?? ''));
    orders.set(id, {
      id,
      serviceId: service.service,
      type: service.type,
      params: fields,
      ...form,
      startCount: ctx.randomInt(100, 20000),
      createdAt: ctx.now(),
      status: 'Pending',
      remains: form.total,
      outcome: partial ? 'Partial' : 'Completed',
      processing: id % 2 === 0,
      finalRemains: partial ? Math.max(1, Math.floor(form.total * 0.2)) : 0,
      done: false,
    });
    return ok({ order: id });
  }

  function status(params: Record<string, string>): Answer {
    if (params.orders !== undefined) {
      const ids = orderIds(params.orders);
      if (ids.length === 0) return fail('Incorrect request');
      if (ids.length > MAX_STATUS_IDS) return fail(`Too many orders: at most ${MAX_STATUS_IDS} per request`);
      const answer: Record<string, unknown> = {};
      for (const id of ids) {
        const o = findOrder(id);
        // An id that is not a number comes back as a bare string, as some panels do.
        answer[id] = o ? statusOf(o) : /^\d+$/.test(id) ? { error: BAD_ORDER } : BAD_ORDER;
      }
      return ok(answer);
    }
    if (params.order === undefined) return fail('Incorrect request');
    const o = findOrder(params.order);
    return o ? ok(statusOf(o)) : fail(BAD_ORDER);
  }

  function refill(params: Record<string, string>): Answer {
    const o = findOrder(params.order);
    if (!o) return fail(BAD_ORDER);
    if (!findService(o.serviceId)?.refill) return fail('Refill is disabled for this service');
    const id = nextRefillId++;
    refills.set(id, o.id);
    return ok({ refill: String(id) });
  }

  function cancelOne(id: string): unknown {
    const o = findOrder(id);
    const order = /^\d+$/.test(id) ? Number(id) : id;
    if (!o) return { order, cancel: { error: BAD_ORDER } };
    if (!findService(o.serviceId)?.cancel || o.done)
      return { order, cancel: { error: 'Order cannot be canceled' } };
    // Not started: cancelled with a full refund; started: ends Partial, the rest paid back.
    finish(o, o.status === 'Pending' ? 'Canceled' : 'Partial', o.remains);
    return { order, cancel: 1 };
  }

  function cancel(params: Record<string, string>): Answer {
    const ids = orderIds(params.orders ?? params.order);
    if (ids.length === 0) return fail('Incorrect request');
    if (ids.length > MAX_STATUS_IDS) return fail(`Too many orders: at most ${MAX_STATUS_IDS} per request`);
    return ok(ids.map(cancelOne));
  }

  function handle(params: Record<string, string>): Answer {
    if (params.key !== ctx.key) return fail('Invalid API key');
    const action = params.action;
    if (!isAction(action)) return fail('Incorrect request');
    settle();
    switch (action) {
      case 'services':
        return ok(structuredClone(ORDER_SERVICES));
      case 'add':
        return add(params);
      case 'status':
        return status(params);
      case 'refill':
        return refill(params);
      case 'refill_status':
        return refills.has(Number(params.refill)) ? ok({ status: 'Completed' }) : fail('Incorrect refill ID');
      case 'cancel':
        return cancel(params);
      case 'balance':
        return ok({ balance: money(ctx.balance()), currency: 'USD' });
    }
  }

  return {
    handle,
    settle,
    list() {
      settle();
      return [...orders.values()].map(({ processing: _p, finalRemains: _f, done: _d, ...o }) =>
        structuredClone(o),
      );
    },
    reset: init,
  };
}
