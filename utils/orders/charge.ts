/** What an order costs, computed in whole millionths so "0.9 × 55 / 1000" is 0.0495 and never 0.049499999. */

import type { OrderService } from '../api/orders/types';

const MICRO = 1_000_000;

/** Money as whole millionths (BigInt, so rate × quantity × runs never overflows). */
function toMicro(amount: number): bigint {
  return BigInt(Math.round(amount * MICRO));
}

/** Millionths back to a number; dividing two exact values gives the nearest double to the decimal. */
function fromMicro(micro: bigint): number {
  return Number(micro) / MICRO;
}

/** rate (per 1000 units) × units / 1000, rounded half up to a millionth. */
export function chargeFor(ratePer1000: number, units: number): number {
  if (!Number.isFinite(ratePer1000) || !Number.isSafeInteger(units) || units <= 0) return 0;
  const product = toMicro(ratePer1000) * BigInt(units);
  return fromMicro((product + 500n) / 1000n);
}

/** How an order's price is counted for a service type: per 1000 units, or one price for the package. */
export function orderCharge(service: Pick<OrderService, 'type' | 'rate'>, units: number): number {
  // A package (also a custom-comments package) is sold as one item at its rate, as the panels charge it.
  if (service.type === 'package' || service.type === 'custom_comments_package')
    return fromMicro(toMicro(service.rate));
  return chargeFor(service.rate, units);
}

/** True when the balance covers the charge (compared in millionths, so equal amounts are enough). */
export function balanceCovers(balance: number, charge: number): boolean {
  return toMicro(balance) >= toMicro(charge);
}
