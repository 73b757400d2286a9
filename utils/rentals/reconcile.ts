// Every rent is checked against the balance: how much it cost, and whether the panel charged twice
// (a browser re-send) or charged at all when the answer was lost. Pure logic over an injected world.
import { createSerialQueue } from '../async';
import type { Clock } from './poller';

/** Panel calls that move money (rent, order, cancel, refill): begun so far, and running now. */
export interface MoneyActivity {
  started: number;
  inflight: number;
}

/** One balance reading, with the money activity when the read began and when it ended. */
export interface BalanceReading {
  amount: number;
  at: number;
  from: MoneyActivity;
  to: MoneyActivity;
}

/**
 * What the balance says about one rent.
 * once / twice: the number came and the balance fell by one price / two prices;
 * charged / not_charged: the answer was lost, and the balance fell by one price / not at all;
 * unclear: no verdict (balance unreadable, other money moved meanwhile, or an amount that fits nothing).
 */
export type MoneyVerdict = 'once' | 'twice' | 'charged' | 'not_charged' | 'unclear';

/** Why a check has no verdict. */
export type UnclearReason = 'no_balance' | 'busy' | 'amount';

/** The stored result of a rent's balance check. */
export interface MoneyCheck {
  verdict: MoneyVerdict;
  /** How much the balance fell for this rent (others' known moves taken out); null when not known. */
  charged: number | null;
  reason?: UnclearReason;
  /** The balance after the rent, when it was read. */
  balance: number | null;
  at: number;
}

/** What one rent's window saw. `others` are money calls other than the rent itself that overlapped it. */
export interface RentWindow {
  price: number;
  /** getNumber answered with a number. */
  answered: boolean;
  before: BalanceReading | null;
  after: BalanceReading | null;
}

/** Panels round to cents; a price itself may be shown rounded. */
function tolerance(price: number): number {
  return Math.max(0.011, Math.abs(price) * 0.02);
}

const near = (a: number, b: number, tol: number) => Math.abs(a - b) <= tol;
const round = (n: number) => Math.round(n * 1e6) / 1e6;

/** Money calls that are not this rent overlapped the window: its balance change cannot be read alone. */
export function othersInWindow(before: BalanceReading, after: BalanceReading): boolean {
  const startedBetween = after.to.started - before.from.started;
  return (
    startedBetween !== 1 ||
    before.from.inflight > 0 ||
    before.to.inflight > 0 ||
    after.from.inflight > 0 ||
    after.to.inflight > 0
  );
}

/** Judges one rent from the balance before and after it; never names a double charge it cannot prove. */
export function judgeRent(w: RentWindow, now: number): MoneyCheck {
  const balance = w.after?.amount ?? null;
  const unclear = (reason: UnclearReason, charged: number | null = null): MoneyCheck => ({
    verdict: 'unclear',
    reason,
    charged,
    balance,
    at: now,
  });
  if (!w.before || !w.after) return unclear('no_balance');
  if (othersInWindow(w.before, w.after)) return unclear('busy');
  const charged = round(w.before.amount - w.after.amount);
  const tol = tolerance(w.price);
  const check = (verdict: MoneyVerdict): MoneyCheck => ({ verdict, charged, balance, at: now });
  if (near(charged, 0, tol)) return w.answered ? unclear('amount', charged) : check('not_charged');
  if (w.price > 0 && near(charged, w.price, tol)) return check(w.answered ? 'once' : 'charged');
  if (w.price > 0 && near(charged, 2 * w.price, 2 * tol)) return check('twice');
  // A price that changed since the catalogue was read: charged, but not a known multiple.
  if (!w.answered && charged > 0 && w.price <= 0) return check('charged');
  return unclear('amount', charged);
}

/** What the reconciler takes from its world. */
export interface ReconcileWorld {
  /** Reads the panel's balance (the numbers API; both APIs share it). */
  readBalance: () => Promise<number>;
  /** utils/api/http.ts `moneyCalls`: the money calls begun and running. */
  activity: () => MoneyActivity;
  clock: Pick<Clock, 'now' | 'sleep'>;
}

/** A reading this young, with no money call since, stands for the balance before a rent. */
export const REUSE_READING_MS = 10_000;
/** The balance read before a rent never holds the rent back longer than this. */
export const BEFORE_READ_BUDGET_MS = 3_000;
/** A lost answer that shows no charge is read again this much later (a slow panel may charge late). */
export const SETTLE_MS = 2_000;

/**
 * The per-panel money lane: rents and cancels run one after another inside it, each rent between
 * two balance readings, so our own rents and refunds never blur each other's check. Money calls
 * made outside the lane (orders) are seen through `activity` and make a check unclear, never an alarm.
 */
export function createReconciler(world: ReconcileWorld) {
  const lane = createSerialQueue();
  let last: BalanceReading | null = null;

  const read = async (budgetMs?: number): Promise<BalanceReading | null> => {
    const from = world.activity();
    const reading = world.readBalance().then(
      (amount) => ({ amount, at: world.clock.now(), from, to: world.activity() }),
      () => null,
    );
    const got = budgetMs === undefined ? await reading : await Promise.race([reading, timeout(budgetMs)]);
    if (got) last = got;
    return got;
  };
  const timeout = (ms: number) => world.clock.sleep(ms).then(() => null);

  const fresh = (r: BalanceReading | null): r is BalanceReading => {
    if (!r) return false;
    const now = world.activity();
    return (
      world.clock.now() - r.at <= REUSE_READING_MS &&
      now.started === r.to.started &&
      now.inflight === 0 &&
      r.from.started === r.to.started
    );
  };

  return {
    /** Runs a money job alone in the lane (rents, cancels). */
    serial: lane,
    /** A balance read elsewhere (the header's refresh), with the activity when that read began. */
    note(amount: number, from: MoneyActivity): void {
      last = { amount, at: world.clock.now(), from, to: world.activity() };
    },
    /** The balance right before a rent: a very recent reading, or a quick fresh one. */
    async before(): Promise<BalanceReading | null> {
      return fresh(last) ? last : read(BEFORE_READ_BUDGET_MS);
    },
    /** Reads the balance after a rent and judges it; a lost answer with no charge is read once more. */
    async after(before: BalanceReading | null, price: number, answered: boolean): Promise<MoneyCheck> {
      // Read even without a before: the balance now is still worth saying.
      let check = judgeRent({ price, answered, before, after: await read() }, world.clock.now());
      if (before && !answered && check.verdict === 'not_charged') {
        await world.clock.sleep(SETTLE_MS);
        check = judgeRent({ price, answered, before, after: await read() }, world.clock.now());
      }
      return check;
    },
  };
}

export type Reconciler = ReturnType<typeof createReconciler>;
