import type { Handlers } from '../../utils/messaging/router';
import { createBalance } from './balance';
import { createCatalog } from './catalog';
import { createCore, realWorld, type BackgroundWorld } from './core';
import { createFill } from './fill';
import { closeStorageToContentScripts, createKeys } from './keys';
import { createTriggers } from './menus';
import { createNoticeClicks } from './notify';
import { createOrderHandlers, ORDERS_ALARM, trackOrders } from './orders';
import { createRentals } from './rentals';
import { createSettings } from './settings';
import { createSiteChoices } from './sites';

export { WATCHDOG_ALARM } from './rentals';
export type { BackgroundWorld } from './core';

/** Composes the background from its features; each feature owns its handlers and its storage writes. */
export function createBackground(world: BackgroundWorld = realWorld) {
  const core = createCore(world);
  const balance = createBalance(core);
  const fill = createFill(core);
  const catalog = createCatalog(core);
  // After a rent, refresh the search index (once a day at most); a failure there is not the rent's.
  const rentals = createRentals(core, balance, fill, () => void catalog.index().catch(() => undefined));
  const handlers: Handlers = {
    ...createKeys(core, balance),
    ...createSettings(core),
    ...createSiteChoices(),
    ...balance.handlers,
    ...catalog.handlers,
    ...rentals.handlers,
    ...fill.handlers,
    ...createOrderHandlers({
      apis: core.apis,
      now: () => Date.now(),
      settings: core.settings,
      translator: core.translator,
      refreshBalance: balance.refresh,
    }),
  };

  return {
    handlers,
    store: core.store,
    translator: core.translator,
    poller: rentals.poller,
    renter: rentals.renter,
    triggers: createTriggers(core, fill),
    notices: createNoticeClicks({ store: core.store, fill }),
    /** A page connected a port; an open popup's `popup-watch` port speeds up its waiting numbers. */
    onConnect: rentals.watch,
    /** The alarms' work. The watchdog needs none: waking the worker ran `start`, which resumed polling. */
    async onAlarm(name: string) {
      if (name === ORDERS_ALARM) await trackOrders(handlers);
    },
    /** Runs on every worker start. */
    async start() {
      const closed = closeStorageToContentScripts();
      await rentals.resume();
      // Polling never waits on it, but a browser that refuses must be seen in the worker's console.
      await closed.catch((e: unknown) => console.error('Storage stays open to content scripts:', e));
    },
  };
}

export type Background = ReturnType<typeof createBackground>;
