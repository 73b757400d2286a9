import { isPanelError, toPanelError } from '../api/errors';
import { createRememberedRequests, createSingleFlight } from '../async';
import { MessageError } from '../messaging/client';
import type { NumbersApi } from '../api/numbers';
import type { Settings } from '../settings';
import { cancelAnswered, cancelFailed, cancelRequested, rented, rentUnknown, startRental } from './machine';
import type { Clock } from './poller';
import type { BalanceReading, MoneyCheck, Reconciler } from './reconcile';
import type { RentalStore, ValueItem } from './store';
import type { Rental, RentRequest } from './types';

/** How many recent requestIds are remembered to answer a re-sent rent. */
const REMEMBERED_REQUESTS = 50;
/** The first getMessage comes this soon after a rent. */
const FIRST_POLL_MS = 1_500;

export interface RenterDeps {
  store: RentalStore;
  api: () => Promise<Pick<NumbersApi, 'getNumber' | 'cancelNumber'>>;
  settings: () => Promise<Settings>;
  clock: Pick<Clock, 'now'>;
  /** The money lane: rents and cancels one at a time, each rent checked against the balance. */
  reconciler: Reconciler;
  newId: () => string;
  /** requestId → rentalId, persisted so a re-sent message after a worker restart is still known. */
  requests: ValueItem<Record<string, string>>;
  /** A number was rented or cancelled: start the poller, update the badge, notify. */
  onRented?: (rental: Rental) => void | Promise<void>;
  onCancelled?: (rental: Rental, auto: boolean) => void | Promise<void>;
  /** The balance check of a rent is stored on it. */
  onChecked?: (rental: Rental, check: MoneyCheck) => void | Promise<void>;
}

/**
 * Renting and cancelling, safe with money: one getNumber per click (single-flight per service
 * and per requestId), never retried after an ambiguous failure; cancel is idempotent.
 */
export function createRenter(deps: RenterDeps) {
  const rentOnce = createSingleFlight<number>();
  const cancelOnce = createSingleFlight<string>();
  const requests = createRememberedRequests(deps.requests, REMEMBERED_REQUESTS);

  const findKnown = async (requestId: string): Promise<Rental | null> => {
    const rentalId = await requests.get(requestId);
    if (!rentalId) return null;
    return (
      (await deps.store.get(rentalId)) ?? (await deps.store.history()).find((r) => r.id === rentalId) ?? null
    );
  };

  /** getNumber once; an ambiguous failure leaves an unknown entry and is never sent again. */
  const spend = async (req: RentRequest, rental: Rental): Promise<Rental> => {
    const api = await deps.api();
    try {
      const got = await api.getNumber(req.serviceId);
      const s = await deps.settings();
      const done = await deps.store.update(rental.id, (r) =>
        rented(r, got, deps.clock.now(), s.numberWindowMin * 60_000, FIRST_POLL_MS),
      );
      if (!done) throw new MessageError('gone');
      return done;
    } catch (e) {
      const err = isPanelError(e) ? e : toPanelError(e, 'getNumber');
      if (err.mayHaveCharged) {
        // The answer was lost: keep a visible entry, never send getNumber again for this click.
        await deps.store.update(rental.id, (r) => rentUnknown(r, err.toJSON(), deps.clock.now()));
      } else {
        await deps.store.remove(rental.id);
      }
      throw err;
    }
  };

  /** Reads the balance after the rent and stores the verdict on the rental. */
  const check = async (rentalId: string, price: number, before: BalanceReading | null, answered: boolean) => {
    const money = await deps.reconciler.after(before, price, answered);
    const next = await deps.store.update(rentalId, (r) => ({ ...r, money }));
    if (next) await deps.onChecked?.(next, money);
  };

  const doRent = async (req: RentRequest): Promise<Rental> => {
    const now = deps.clock.now();
    const rental = startRental(req, deps.newId(), now);
    await deps.store.add(rental);
    await requests.remember(req.requestId, rental.id);
    // The caller gets getNumber's outcome at once; the lane stays held until the balance check ends,
    // so the next rent or cancel never falls inside this rent's window.
    const done = await new Promise<Rental>((resolve, reject) => {
      void deps.reconciler.serial(async () => {
        const before = await deps.reconciler.before();
        let answered = false;
        try {
          resolve(await spend(req, rental));
          answered = true;
        } catch (e) {
          reject(e);
        }
        const lost = !answered && (await deps.store.get(rental.id))?.state === 'unknown';
        if (answered || lost) await check(rental.id, req.price, before, answered).catch(() => undefined);
      });
    });
    await deps.onRented?.(done);
    return done;
  };

  const cancelNow = (rental: Rental, auto: boolean): Promise<Rental> =>
    deps.reconciler.serial(() => cancelInLane(rental, auto));

  const cancelInLane = async (rental: Rental, auto: boolean): Promise<Rental> => {
    const api = await deps.api();
    await deps.store.update(rental.id, cancelRequested);
    try {
      const res = await api.cancelNumber(rental.numberId!);
      const next = await deps.store.update(rental.id, (r) => cancelAnswered(r, res, deps.clock.now(), auto));
      if (next) await deps.onCancelled?.(next, auto);
      return next ?? rental;
    } catch (e) {
      await deps.store.update(rental.id, (r) => cancelFailed(r, deps.clock.now()));
      throw e;
    }
  };

  return {
    /** Rents a number; the same requestId or a rent in flight for the service answers the same rental. */
    async rent(req: RentRequest): Promise<Rental> {
      const known = await findKnown(req.requestId);
      if (known) return known;
      return rentOnce(req.serviceId, () => doRent(req));
    },
    /** Cancels a number for a refund; a second call while one runs or after it ended changes nothing. */
    cancel(rentalId: string, auto = false): Promise<Rental> {
      // Registered before the first await, so a concurrent call finds it.
      return cancelOnce(rentalId, async () => {
        const rental = await deps.store.get(rentalId);
        if (!rental) {
          const old = (await deps.store.history()).find((r) => r.id === rentalId);
          if (old) return old;
          throw new MessageError('not_found');
        }
        if (rental.state !== 'waiting' && rental.state !== 'received') return rental;
        if (rental.numberId === null) throw new MessageError('not_rented');
        return cancelNow(rental, auto);
      });
    },
  };
}

export type Renter = ReturnType<typeof createRenter>;
