import { browser } from 'wxt/browser';
import type { Translate } from '../../utils/i18n';
import type { OrdersProtocolMap } from '../../utils/messaging/orders-protocol';
import type { Handlers } from '../../utils/messaging/router';
import { idsToTrack, type OrderTransition } from '../../utils/orders/status';
import { createMassRunner } from '../../utils/orders/massRunner';
import { createOrderTracker } from '../../utils/orders/tracker';
import type { TrackedOrder } from '../../utils/orders/types';
import type { Settings } from '../../utils/settings';
import {
  balanceItem,
  massOrderItem,
  orderRequestsItem,
  orderServicesItem,
  ordersItem,
  panelOriginItem,
} from '../../utils/storage';
import type { ApiProvider } from './apis';

/** The alarm that reads order statuses while any order is unfinished (none when all are finished). */
export const ORDERS_ALARM = 'orders-track';
/** Minutes between two background status checks. */
export const ORDERS_ALARM_MINUTES = 3;

/** Everything the orders feature needs from the background. */
export interface OrdersDeps {
  apis: ApiProvider;
  now: () => number;
  settings: () => Promise<Settings>;
  translator: () => Promise<Translate>;
  /** After an order is placed, so the header shows the balance it left. */
  refreshBalance: () => Promise<unknown>;
}

/** Keeps the tracking alarm in step with the list: on while an order of this panel is unfinished. */
async function syncAlarm(orders: readonly TrackedOrder[]): Promise<void> {
  const busy = idsToTrack(orders, await panelOriginItem.getValue()).length > 0;
  const existing = await browser.alarms.get(ORDERS_ALARM);
  // Created once, not on every change, so frequent refreshes never push the next check back.
  if (busy && !existing) {
    await browser.alarms.create(ORDERS_ALARM, {
      delayInMinutes: ORDERS_ALARM_MINUTES,
      periodInMinutes: ORDERS_ALARM_MINUTES,
    });
  } else if (!busy && existing) {
    await browser.alarms.clear(ORDERS_ALARM);
  }
}

/** A system notification when an order completes or ends Partial / Canceled. */
async function notifyFinished(t: Translate, { order }: OrderTransition): Promise<void> {
  const title =
    order.status === 'completed'
      ? t('orders_notify_completed', { id: order.id })
      : order.status === 'partial'
        ? t('orders_notify_partial', { id: order.id })
        : t('orders_notify_canceled', { id: order.id });
  const message = [order.serviceName, order.link].filter(Boolean).join(' · ') || order.statusText;
  await browser.notifications.create(`order:${order.id}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title,
    message,
  });
}

/** The message handlers of the orders feature (and, on creation, the tracking alarm brought in step). */
export function createOrderHandlers(deps: OrdersDeps): Pick<Handlers, keyof OrdersProtocolMap> {
  const tracker = createOrderTracker({
    api: deps.apis.orders,
    origin: () => panelOriginItem.getValue(),
    orders: ordersItem,
    services: orderServicesItem,
    requests: orderRequestsItem,
    now: deps.now,
    onChange: syncAlarm,
    onSpent: () =>
      deps.refreshBalance().then(
        () => undefined,
        () => undefined,
      ),
    async onFinished(transition) {
      if ((await deps.settings()).notifications) await notifyFinished(await deps.translator(), transition);
    },
  });
  // A browser restart may drop alarms: bring it back when orders still run.
  void ordersItem.getValue().then(syncAlarm, () => undefined);
  // The orders feature is the `massOrder` item's only writer; each line goes through the single-order path.
  const mass = createMassRunner({
    item: massOrderItem,
    place: (req) => tracker.place(req),
    services: () => tracker.services(),
    origin: () => panelOriginItem.getValue(),
    async readBalance() {
      await deps.refreshBalance();
      return (await balanceItem.getValue()).orders?.amount ?? null;
    },
    now: deps.now,
  });
  // A worker stopped mid-batch picks it up where storage says it was.
  void mass.resume().catch(() => undefined);

  const ack = { ok: true } as const;
  return {
    getOrderServices: ({ refresh }) => tracker.services(refresh === true).then(() => ack),
    placeOrder: (req) => tracker.place(req).then((order) => ({ id: order.id })),
    refreshOrders: ({ ids }) =>
      tracker.refresh(Array.isArray(ids) ? ids.map(Number) : undefined).then(() => ack),
    addOrderById: ({ id }) => tracker.addById(Number(id)).then(() => ack),
    refillOrder: ({ id }) => tracker.refill(Number(id)).then(() => ack),
    cancelOrder: ({ id }) => tracker.cancel(Number(id)).then(() => ack),
    removeOrder: ({ id }) => tracker.remove(Number(id)).then(() => ack),
    startMassOrder: (req) => mass.start(req).then(() => ack),
    retryMassOrder: ({ batchId }) => mass.retry(String(batchId)).then(() => ack),
    clearMassOrder: ({ batchId }) => mass.clear(String(batchId)).then(() => ack),
  };
}

/** The alarm's work: read the unfinished orders' statuses; a failure waits for the next alarm. */
export async function trackOrders(handlers: Pick<Handlers, 'refreshOrders'>): Promise<void> {
  await Promise.resolve(handlers.refreshOrders({}, {})).catch(() => undefined);
}
