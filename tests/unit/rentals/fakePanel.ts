import { PanelError } from '../../../utils/api/errors';
import type { CancelResult, RentedNumber } from '../../../utils/api/numbers/types';
import type { MoneyActivity } from '../../../utils/rentals/reconcile';

/** What the fake panel does with the next getNumber. */
export type RentFault = 'double' | 'drop-after' | 'drop-before' | 'late-charge';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * A panel with one balance, on the test's (fake) timers: each call takes `latencyMs`, and the money
 * moves halfway through, so a balance read in between sees it before the caller hears back. Money
 * calls are counted the way utils/api/http.ts counts them.
 */
export function createFakePanel(opts: { balance?: number; latencyMs?: number } = {}) {
  let balance = opts.balance ?? 100;
  const latency = opts.latencyMs ?? 200;
  const activity: MoneyActivity = { started: 0, inflight: 0 };
  const faults: RentFault[] = [];
  const numbers = new Map<number, { price: number; cancelled: boolean }>();
  let nextId = 1;
  let balanceReads = 0;

  const moneyCall = async <T>(work: () => T): Promise<T> => {
    activity.started++;
    activity.inflight++;
    try {
      await sleep(latency / 2);
      const out = work();
      await sleep(latency / 2);
      return out;
    } finally {
      activity.inflight--;
    }
  };
  const lost = (endpoint: string) => new PanelError({ kind: 'network', endpoint, mayHaveCharged: true });
  const rentOne = (price: number): RentedNumber => {
    balance = Math.round((balance - price) * 1e6) / 1e6;
    const id = nextId++;
    numbers.set(id, { price, cancelled: false });
    return { numberId: id, number: `+90555000${id}` };
  };

  return {
    activity: (): MoneyActivity => ({ ...activity }),
    balance: () => balance,
    balanceReads: () => balanceReads,
    fault(f: RentFault) {
      faults.push(f);
    },
    /** The numbers client as the renter sees it; `prices` maps a service id to its price. */
    api(prices: Record<number, number>) {
      return {
        getNumber: async (serviceId: number): Promise<RentedNumber> => {
          const fault = faults.shift();
          const price = prices[serviceId]!;
          if (fault === 'drop-before') {
            await moneyCall(() => undefined);
            throw lost('getNumber');
          }
          const got = await moneyCall(() => {
            if (fault === 'late-charge') return null;
            if (fault === 'double') rentOne(price);
            return rentOne(price);
          });
          // The panel charges after the client gave up waiting (a slow panel behind a timeout).
          if (fault === 'late-charge') setTimeout(() => rentOne(price), 1_000);
          if (!got || fault === 'drop-after') throw lost('getNumber');
          return got;
        },
        cancelNumber: (numberId: number): Promise<CancelResult> =>
          moneyCall(() => {
            const n = numbers.get(numberId)!;
            n.cancelled = true;
            balance = Math.round((balance + n.price) * 1e6) / 1e6;
            return { refunded: true, title: '', message: '' };
          }),
      };
    },
    /** A read: no money moves. */
    async getBalance(): Promise<number> {
      await sleep(latency / 2);
      balanceReads++;
      const seen = balance;
      await sleep(latency / 2);
      return seen;
    },
    /** An order placed outside the rent lane (the orders tab): money moves, counted like any other. */
    placeOrder: (charge: number) =>
      moneyCall(() => {
        balance = Math.round((balance - charge) * 1e6) / 1e6;
      }),
  };
}

export type FakePanel = ReturnType<typeof createFakePanel>;
