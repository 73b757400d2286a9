// Money faults on getNumber that the generic fault queue (faults.ts) cannot express: a panel that
// rents two numbers for one request, and a connection dropped before the panel charged anything.

/** `double-charge`: two numbers rented and charged, the answer names one. `drop-before-charge`: the
 * connection closes before the panel did any work (nothing charged). */
export type MoneyFault = 'double-charge' | 'drop-before-charge';

export const MONEY_FAULTS: readonly MoneyFault[] = ['double-charge', 'drop-before-charge'];

/** Money faults waiting for the next getNumber calls. */
export function createMoneyFaults() {
  const queue: { fault: MoneyFault; left: number }[] = [];
  return {
    inject(fault: MoneyFault, times = 1): void {
      if (!MONEY_FAULTS.includes(fault)) throw new RangeError(`unknown money fault ${String(fault)}`);
      if (!Number.isInteger(times) || times < 1) throw new RangeError('times must be an integer >= 1');
      queue.push({ fault, left: times });
    },
    /** The fault the next getNumber gets (used up), if any. */
    take(): MoneyFault | undefined {
      const next = queue[0];
      if (!next) return undefined;
      if (--next.left === 0) queue.shift();
      return next.fault;
    },
    clear(): void {
      queue.length = 0;
    },
  };
}
