import type { OrdersProtocolMap } from '../../utils/messaging/orders-protocol';
import type { Handlers } from '../../utils/messaging/router';
import type { ApiProvider } from './apis';

/** Everything the orders feature needs from the background. */
export interface OrdersDeps {
  apis: ApiProvider;
  now: () => number;
}

/** The message handlers of the orders feature. */
export function createOrderHandlers(_deps: OrdersDeps): Pick<Handlers, keyof OrdersProtocolMap> {
  return {};
}
