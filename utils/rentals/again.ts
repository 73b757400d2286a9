import { isPanelError, type PanelErrorKind } from '../api/errors';
import { createSingleFlight } from '../async';
import { MessageError } from '../messaging/errors';
import type { Renter } from './renter';
import type { RentalStore } from './store';
import { endedWithoutCode, type AgainNote, type Rental, type RentRequest } from './types';

/** Panel errors that mean the cancel was not done (the panel answered, and said no). */
const DEFINITE: readonly PanelErrorKind[] = [
  'bad_key',
  'rate_limited',
  'not_found',
  'invalid_input',
  'refused',
];

/** What "Rent another" / "Cancel and rent another" send: the number, the click's id, the popup's tab. */
export interface AgainRequest {
  rentalId: string;
  requestId: string;
  /** The tab the popup is over: used when the original number's tab is gone. */
  site?: string | null;
  tabId?: number | null;
}

export interface AgainDeps {
  store: RentalStore;
  cancel: Renter['cancel'];
  /** The normal rent path (spend guard, single-flight per service and requestId, recents). */
  rent: (req: RentRequest) => Promise<Rental>;
  /** Whether a browser tab is still open. */
  tabExists: (tabId: number) => Promise<boolean>;
}

/**
 * Renting one more of a number's service (same service and country), for the site and tab of the
 * original number when that tab is still open, else the popup's.
 */
export function createRentAgain(deps: AgainDeps) {
  const flights = createSingleFlight<string>();

  const find = async (id: string): Promise<Rental> => {
    const r = (await deps.store.get(id)) ?? (await deps.store.history()).find((h) => h.id === id);
    if (!r) throw new MessageError('not_found');
    return r;
  };

  const requestFor = async (old: Rental, req: AgainRequest): Promise<RentRequest> => {
    const sameTab = old.tabId !== null && (await deps.tabExists(old.tabId).catch(() => false));
    return {
      serviceId: old.serviceId,
      serviceName: old.serviceName,
      categoryName: old.categoryName,
      price: old.price,
      currency: old.currency,
      requestId: req.requestId,
      site: sameTab ? old.site : (req.site ?? null),
      tabId: sameTab ? old.tabId : (req.tabId ?? null),
    };
  };

  const note = (id: string, again: AgainNote) => deps.store.update(id, (r) => ({ ...r, again }));

  /** Rents the new number once (the requestId makes a re-send answer the same rental). */
  const rentFor = async (old: Rental, req: AgainRequest): Promise<void> => {
    await note(old.id, { requestId: req.requestId, step: 'renting' });
    try {
      const fresh = await deps.rent(await requestFor(old, req));
      await note(old.id, { requestId: req.requestId, step: 'rented', rentalId: fresh.id });
    } catch (e) {
      await note(old.id, { requestId: req.requestId, step: 'rent_failed' });
      throw e;
    }
  };

  /** A re-sent message of a click already handled: never a second cancel; a rent only by its requestId. */
  const resume = async (old: Rental, req: AgainRequest): Promise<void> => {
    if (old.again?.step === 'rented' || old.again?.step === 'refused') return;
    if (old.state === 'cancelled' && old.cancel?.refunded) return rentFor(old, req);
    throw new MessageError('again_unclear');
  };

  const cancelThenRent = async (req: AgainRequest): Promise<void> => {
    const old = await find(req.rentalId);
    if (old.again?.requestId === req.requestId) return resume(old, req);
    if (old.state !== 'waiting' || old.numberId === null) throw new MessageError('not_waiting');
    await note(old.id, { requestId: req.requestId, step: 'cancelling' });
    let after: Rental;
    try {
      after = await deps.cancel(old.id);
    } catch (e) {
      // No clear answer to the cancel: it may or may not have been refunded, so nothing is rented.
      const unclear = !(e instanceof MessageError) && !(isPanelError(e) && DEFINITE.includes(e.kind));
      await note(old.id, { requestId: req.requestId, step: unclear ? 'unclear' : 'failed' });
      throw unclear ? new MessageError('again_unclear') : e;
    }
    if (after.state !== 'cancelled' || !after.cancel?.refunded) {
      await note(old.id, { requestId: req.requestId, step: 'refused' });
      return;
    }
    await rentFor(after, req);
  };

  return {
    /** "Rent another" for a number that ended without a code: the normal rent, once per requestId. */
    async rentAgain(req: AgainRequest): Promise<Rental> {
      const old = await find(req.rentalId);
      if (!endedWithoutCode(old)) throw new MessageError('not_ended');
      return deps.rent(await requestFor(old, req));
    },
    /**
     * "Cancel and rent another" for a waiting number: one cancel; only a confirmed refund rents one
     * more, once. A refused cancel rents nothing (the rental says when to try); a lost answer neither.
     */
    cancelAndRentAnother: (req: AgainRequest): Promise<void> =>
      flights(req.requestId, () => cancelThenRent(req)),
  };
}
