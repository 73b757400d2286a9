/**
 * Placing an order safely: one `add` per click (single-flight and remembered per requestId, so a
 * message re-sent after a worker restart is still known), never retried after an ambiguous failure.
 */

import type { OrderService } from '../api/orders/types';
import { isPanelError, PanelError, toPanelError } from '../api/errors';
import { createRememberedRequests, createSingleFlight } from '../async';
import { offersDripFeed } from './fields';
import type { OrderList, ValueItem } from './list';
import { newOrder, sameOrder } from './order';
import type { TrackerApi } from './tracker';
import type { OrderRequestRecord, PlaceOrderRequest, TrackedOrder } from './types';
import { validateOrder } from './validate';

/** How many placeOrder outcomes are remembered to answer a re-sent request. */
const REMEMBERED_REQUESTS = 50;

export interface PlacingDeps {
  api: () => Promise<Pick<TrackerApi, 'add'>>;
  origin: () => Promise<string>;
  now: () => number;
  /** requestId → outcome, persisted. */
  requests: ValueItem<Record<string, OrderRequestRecord>>;
  list: OrderList;
  /** The catalogue (cached unless `refresh`). */
  services: (refresh?: boolean) => Promise<OrderService[]>;
  /** The remembered order with this id (rejects when it is not in the list). */
  find: (id: number) => Promise<TrackedOrder>;
  /** The order was added to the list: the list as saved. */
  onPlaced: (saved: TrackedOrder[]) => Promise<void>;
}

/** Places an order once per requestId; a re-sent request answers the first one's outcome. */
export function createOrderPlacing(deps: PlacingDeps) {
  const placeOnce = createSingleFlight<string>();
  const requests = createRememberedRequests(deps.requests, REMEMBERED_REQUESTS);

  /** What an earlier request with this id ended in: its order, its error, or "unknown" when cut off. */
  async function outcomeOf(record: OrderRequestRecord): Promise<TrackedOrder> {
    if (record.state === 'failed') throw PanelError.fromJSON(record.error);
    if (record.state === 'pending') {
      // The worker stopped while `add` was on its way: the order may exist, so it is never sent again.
      throw new PanelError({ kind: 'unexpected', endpoint: 'add', mayHaveCharged: true });
    }
    return deps.find(record.orderId);
  }

  async function doPlace(req: PlaceOrderRequest): Promise<TrackedOrder> {
    const known = await requests.get(req.requestId);
    if (known) return outcomeOf(known);
    let catalogue = await deps.services();
    if (!catalogue.some((s) => s.id === req.service)) catalogue = await deps.services(true);
    const service = catalogue.find((s) => s.id === req.service);
    if (!service)
      throw new PanelError({ kind: 'invalid_input', endpoint: 'add', panelText: `#${req.service}` });
    const drip = offersDripFeed(
      service,
      catalogue.some((s) => s.dripfeed),
    );
    const checked = validateOrder(service, req.values ?? {}, drip);
    // The popup checks first; this only refuses a form that changed under it (a stale catalogue).
    if (!checked.ok) throw new PanelError({ kind: 'invalid_input', endpoint: 'add' });
    const { order: valid } = checked;
    const origin = await deps.origin();

    await requests.remember(req.requestId, { state: 'pending', at: deps.now() });
    let orderId: number;
    try {
      orderId = (await (await deps.api()).add(valid.params)).orderId;
    } catch (e) {
      const err = isPanelError(e) ? e : toPanelError(e, 'add');
      await requests.remember(req.requestId, { state: 'failed', at: deps.now(), error: err.toJSON() });
      throw err;
    }
    const order = newOrder(orderId, origin, deps.now(), {
      requestId: req.requestId,
      source: 'placed',
      serviceId: service.id,
      serviceName: service.name,
      serviceType: service.type,
      link: valid.link,
      quantity: valid.total,
      runs: valid.runs,
      interval: valid.interval,
      charge: valid.charge,
      remains: valid.total,
      canRefill: service.refill,
      canCancel: service.cancel,
    });
    const saved = await deps.list.update((all) => [
      order,
      ...all.filter((o) => !sameOrder(o, orderId, origin)),
    ]);
    await requests.remember(req.requestId, { state: 'done', at: deps.now(), orderId });
    await deps.onPlaced(saved);
    return order;
  }

  // Registered before the first await, so a second message for the same click finds it.
  return (req: PlaceOrderRequest): Promise<TrackedOrder> => placeOnce(req.requestId, () => doPlace(req));
}
