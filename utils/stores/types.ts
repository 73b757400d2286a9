import type { MessageData, MessageRes, MessageType } from '../messaging/protocol';

/** The part of a WXT storage item a page reads (through `itemSignal`). */
export interface ReadableItem<T> {
  getValue(): Promise<T>;
  watch(cb: (newValue: T, oldValue: T) => void): () => void;
}

/** An item the page itself writes (its own draft and favourites: the page is their only writer). */
export interface WatchedItem<T> extends ReadableItem<T> {
  setValue(value: T): Promise<void>;
}

/** Sends one protocol message to the background (sendMessage, or a fake in tests). */
export type Send = <K extends MessageType>(type: K, data: MessageData<K>) => Promise<MessageRes<K>>;

/** The tab a Fill goes to and the site a number is rented for. */
export interface TargetTab {
  tabId: number | null;
  /** The tab's origin when it is an http(s) page. */
  site: string | null;
}

/** Host permission requests, made from the click handler that changes an origin. */
export interface OriginPermissions {
  request(origin: string): Promise<boolean>;
  remove(origin: string): Promise<boolean>;
}

/**
 * The match pattern that grants access to an origin: `scheme://host:port/*` in Chrome; in Firefox
 * `scheme://host/*`, since a Firefox match pattern carries no port (one with a port is refused).
 */
export function originPattern(origin: string, browser: string = import.meta.env.BROWSER): string {
  const url = new URL(origin);
  return browser === 'firefox' ? `${url.protocol}//${url.hostname}/*` : `${url.origin}/*`;
}
