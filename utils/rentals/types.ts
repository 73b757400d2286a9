import type { SerializedPanelError } from '../api/errors';
import type { MoneyCheck } from './reconcile';

/**
 * Where a rented number is in its life:
 * renting → waiting → received (→ newer codes) → done; or cancelled / expired;
 * unknown when the rent's answer was lost (the panel may have charged).
 */
export type RentalState =
  'renting' | 'waiting' | 'received' | 'cancelling' | 'done' | 'cancelled' | 'expired' | 'unknown';

/** One SMS as it arrived: the code found in it, the whole text, and whether the person has seen it. */
export interface CodeEntry {
  /** What is filled, copied, shown big and notified; null when the text holds no code (nothing is filled). */
  code: string | null;
  /** The panel's whole text when it is more than the bare code (shown beside the code, as text). */
  message?: string;
  at: number;
  seen: boolean;
}

/** The panel's answer to the last cancel request. */
export interface CancelNote {
  refunded: boolean;
  title: string;
  message: string;
  at: number;
  auto: boolean;
  /** A refused cancel: when the panel should accept one (read from its words, else a minute later). */
  retryAt?: number;
}

/**
 * "Cancel and rent another" on this number: the click's requestId (a re-sent message never cancels
 * or rents twice) and how far it got; `rentalId` is the new number once rented.
 */
export interface AgainNote {
  requestId: string;
  step: 'cancelling' | 'refused' | 'unclear' | 'failed' | 'renting' | 'rented' | 'rent_failed';
  rentalId?: string;
}

/** A rented number with everything the person and the poller need. */
export interface Rental {
  id: string;
  serviceId: number;
  serviceName: string;
  categoryName: string;
  price: number;
  currency: string | null;
  number: string | null;
  numberId: number | null;
  state: RentalState;
  createdAt: number;
  rentedAt: number | null;
  expiresAt: number | null;
  endedAt: number | null;
  codes: CodeEntry[];
  /** Origin of the tab the number was rented for, when it was a web page. */
  site: string | null;
  tabId: number | null;
  cancel: CancelNote | null;
  error: SerializedPanelError | null;
  /** What the balance said about this rent (utils/rentals/reconcile.ts); absent until checked. */
  money?: MoneyCheck | null;
  /** Cancel and rent another, when the person asked for it on this number. */
  again?: AgainNote;
  /** Poll schedule: when the next getMessage is due, consecutive failures. */
  nextPollAt: number;
  failures: number;
}

/** What the popup sends to rent a number. */
export interface RentRequest {
  serviceId: number;
  serviceName: string;
  categoryName: string;
  price: number;
  currency?: string | null;
  /** Same id for the same click: a re-sent message never rents twice. */
  requestId: string;
  site?: string | null;
  tabId?: number | null;
}

export const ACTIVE_STATES: readonly RentalState[] = [
  'renting',
  'waiting',
  'received',
  'cancelling',
  'unknown',
];
export const POLLED_STATES: readonly RentalState[] = ['waiting', 'received'];

/** True for a number that ended without a code (cancelled or expired): it offers "Rent another". */
export function endedWithoutCode(r: Rental): boolean {
  return (r.state === 'cancelled' || r.state === 'expired') && r.codes.length === 0;
}
