import type { Balance } from '../api/numbers/types';
import type { CatalogService } from '../storage';
import type { NumberCategory } from '../api/numbers/types';
import type { Rental, RentRequest } from '../rentals/types';
import type { OrdersProtocolMap } from './orders-protocol';

/** The result of a fill: how many inputs now hold the code (or number), and why not when 0. */
export interface FillResult {
  filled: number;
  reason?: string;
}

/**
 * Every message an extension page can send the background: its data and its answer.
 * The background answers `{ res }` or `{ err }`; `sendMessage` unwraps both.
 */
export interface ProtocolMap extends OrdersProtocolMap {
  /** Checks a key against a panel (a balance call) without saving it. */
  testKey: { data: { key?: string; origin?: string }; res: Balance };
  /** Checks then saves the key (and origin); answers the balance. */
  saveKey: { data: { key: string; origin?: string }; res: Balance };
  /** The saved key, for a settings export the person asked to include it in (extension pages only). */
  exportKey: { data: Record<string, never>; res: { key: string } };
  /** Forgets the key. */
  clearKey: { data: Record<string, never>; res: { ok: true } };
  /** Sets the panel origin (the page asked for host permission first). */
  setOrigin: { data: { origin: string }; res: { origin: string } };
  /** Fresh balances of both APIs (each null when it failed; errors listed). */
  getBalance: { data: Record<string, never>; res: { numbers: Balance | null; orders: Balance | null } };
  /** Number categories, fresh from the panel (also cached in storage). */
  getCategories: { data: Record<string, never>; res: NumberCategory[] };
  /** Services of a category with price and stock (also cached in storage). */
  getServices: { data: { categoryId: number }; res: CatalogService[] };
  /** Rents a number: single-flight per service and per requestId. */
  rent: { data: RentRequest; res: Rental };
  /** Cancels a number for a refund; idempotent. */
  cancelRental: { data: { rentalId: string }; res: Rental };
  /** The person saw the codes of a rental (clears the badge count). */
  markSeen: { data: { rentalId: string }; res: { ok: true } };
  /** Marks a rental done (code used) or removes an unknown/finished entry from the active list. */
  finishRental: { data: { rentalId: string }; res: { ok: true } };
  /** Clears the history of finished numbers. */
  clearHistory: { data: Record<string, never>; res: { ok: true } };
  /** Fills a code into the tab's one-time-code field (every frame). */
  fillCode: { data: { tabId: number; code: string }; res: FillResult };
  /** Fills a rented number into the tab's phone field. */
  fillNumber: { data: { tabId: number; number: string }; res: FillResult };
  /** Turns automatic fill on or off for a site (the page asked for host permission first). */
  setAutofillSite: { data: { origin: string; enabled: boolean }; res: { sites: string[] } };
}

export type MessageType = keyof ProtocolMap;
export type MessageData<K extends MessageType> = ProtocolMap[K]['data'];
export type MessageRes<K extends MessageType> = ProtocolMap[K]['res'];

/** The envelope on the wire. */
export interface Envelope<K extends MessageType = MessageType> {
  type: K;
  data: MessageData<K>;
}
/** The answer on the wire. */
export type Reply<K extends MessageType = MessageType> =
  { res: MessageRes<K> } | { err: { name: string; message: string; kind?: string; [k: string]: unknown } };
