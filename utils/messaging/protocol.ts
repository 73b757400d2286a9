import type { Balance } from '../api/numbers/types';
import type { AgainRequest } from '../rentals/again';
import type { RentRequest } from '../rentals/types';
import type { Settings } from '../settings';
import type { OrdersProtocolMap } from './orders-protocol';

/** The result of a fill: how many inputs now hold the code (or number), and why not when 0. */
export interface FillResult {
  filled: number;
  reason?: string;
  /** Origins of frames other than the top page's that have a fitting field, left unfilled. */
  blockedFrames?: string[];
}

/**
 * The answer of an action whose result is in storage: pages read storage items, never a second copy
 * from a reply.
 */
export interface Ack {
  ok: true;
}

/**
 * Every message an extension page can send the background: its data and its answer.
 * The background answers `{ res }` or `{ err }`; `sendMessage` unwraps both.
 */
export interface ProtocolMap extends OrdersProtocolMap {
  /** Checks a key against a panel (a balance call) without saving it. */
  testKey: { data: { key?: string; origin?: string }; res: Balance };
  /** Checks then saves the key (and origin) and the balance it read; nothing is saved when refused. */
  saveKey: { data: { key: string; origin?: string }; res: Ack };
  /** The saved key, for a settings export the person asked to include it in (extension pages only). */
  exportKey: { data: Record<string, never>; res: { key: string } };
  /** Forgets the key. */
  clearKey: { data: Record<string, never>; res: Ack };
  /** Sets the panel origin (the page asked for host permission first). */
  setOrigin: { data: { origin: string }; res: Ack };
  /** Reads both balances into the `balance` item; rejects only when both calls failed. */
  getBalance: { data: Record<string, never>; res: Ack };
  /** Reads the number categories into the `catalog` item. */
  getCategories: { data: Record<string, never>; res: Ack };
  /**
   * Lists a category's services into the `numbersCatalog` item at once (keeping cached prices), then
   * reads the prices not read in the last minute and writes them as they arrive. Answers when the
   * pass ends; rejects with the last error when any price could not be read (the rest are stored).
   */
  getServices: { data: { categoryId: number }; res: Ack };
  /** Reads these services' prices first (the rows a page shows), skipping those read in the last minute. */
  getPrices: { data: { serviceIds: number[] }; res: Ack };
  /** Lists every category's names for search, at most once a day per panel (`indexedAt`). */
  indexServices: { data: Record<string, never>; res: Ack };
  /** Rents a number: single-flight per service and per requestId. The rental is in the `rentals` item. */
  rent: { data: RentRequest; res: { rentalId: string } };
  /**
   * "Rent another" for a number cancelled or expired without a code: the same service, for the
   * original tab when it is still open, else the `site`/`tabId` given (the popup's tab). A rent.
   */
  rentAgain: { data: AgainRequest; res: { rentalId: string } };
  /**
   * "Cancel and rent another" for a waiting number: one cancel; only a confirmed refund rents one
   * more, once per requestId. How far it got is the rental's `again` (and its `cancel` when refused).
   */
  cancelAndRentAnother: { data: AgainRequest; res: Ack };
  /** Cancels a number for a refund; idempotent. The panel's answer is on the stored rental. */
  cancelRental: { data: { rentalId: string }; res: Ack };
  /** The person saw the codes of a rental (clears the badge count). */
  markSeen: { data: { rentalId: string }; res: Ack };
  /** Marks a rental done (code used) or removes an unknown/finished entry from the active list. */
  finishRental: { data: { rentalId: string }; res: Ack };
  /** Clears the history of finished numbers. */
  clearHistory: { data: Record<string, never>; res: Ack };
  /** Changes settings (the background is the settings item's only writer); the patch is sanitised. */
  saveSettings: { data: { patch: Partial<Settings> }; res: Ack };
  /** Sets the starred services (the background is the `favoriteServices` item's only writer). */
  saveFavorites: { data: { ids: number[] }; res: Ack };
  /**
   * Remembers the person's choice on the site card for a site ("discord"): the fields given replace
   * the stored ones (the background is the `siteChoices` item's only writer).
   */
  saveSiteChoice: {
    data: { site: string; serviceId?: number | null; categoryId?: number | null; hidden?: boolean };
    res: Ack;
  };
  /**
   * Fills a code into the tab's one-time-code field: the top frame and frames of its origin, plus
   * frames of `allowFrameOrigin` once the person confirmed that frame's site.
   */
  fillCode: { data: { tabId: number; code: string; allowFrameOrigin?: string }; res: FillResult };
  /** Fills a rented number into the tab's phone field. */
  fillNumber: { data: { tabId: number; number: string }; res: FillResult };
  /** Turns automatic fill on or off for a site (the page asked for host permission first). */
  setAutofillSite: { data: { origin: string; enabled: boolean }; res: Ack };
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
