/** The balance answer, the same shape in both APIs: `{balance: "100.84292", currency: "USD"}` or `{balance: 100}`. */

import { isObject, toNonBlank } from './coerce.ts';
import { parseAmount } from '../money.ts';

export interface Balance {
  amount: number;
  /** The panel's currency code when it names one ("USD"); the numbers API usually does not. */
  currency: string | null;
}

/** Reads a balance answer; null when there is no readable amount. */
export function normalizeBalance(raw: unknown): Balance | null {
  if (!isObject(raw)) return null;
  const amount = parseAmount(raw.balance ?? raw.amount);
  if (amount === null) return null;
  return { amount, currency: toNonBlank(raw.currency) };
}
