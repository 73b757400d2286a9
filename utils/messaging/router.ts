import { isPanelError } from '../api/errors';
import { MessageError } from './errors';
import type { MessageData, MessageRes, MessageType, ProtocolMap, Reply } from './protocol';

/** The sender fields the router looks at. */
export interface SenderInfo {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

/** One handler per message type. */
export type Handlers = {
  [K in MessageType]: (data: MessageData<K>, sender: SenderInfo) => Promise<MessageRes<K>> | MessageRes<K>;
};

/**
 * Only the extension's own pages may talk to the background: the sender must carry our id and
 * its URL must be one of our pages. A content script's sender URL is the web page's, so it fails.
 */
export function isOwnPage(sender: SenderInfo, extensionId: string, extensionBase: string): boolean {
  if (sender.id !== extensionId) return false;
  const url = sender.url ?? '';
  if (!url.startsWith(extensionBase)) return false;
  if (sender.origin !== undefined && !extensionBase.startsWith(sender.origin)) return false;
  return true;
}

/**
 * Turns anything thrown into a wire error: a panel error keeps its kind, a MessageError its code;
 * anything else becomes the code 'failed', so no English text of a bug ever reaches a page.
 */
export function toWireError(e: unknown): Extract<Reply, { err: unknown }>['err'] {
  if (isPanelError(e)) return { ...e.toJSON() };
  if (e instanceof MessageError) return { ...e.toJSON() };
  return { ...new MessageError('failed').toJSON() };
}

/**
 * Builds the runtime.onMessage listener: refuses foreign senders, dispatches by `type`,
 * and answers `{ res }` or `{ err }`. Messages that are not ours are left to other listeners.
 */
export function createRouter(handlers: Handlers, isAllowed: (sender: SenderInfo) => boolean) {
  return (message: unknown, sender: SenderInfo): Promise<Reply> | undefined => {
    if (!message || typeof message !== 'object') return undefined;
    const { type, data } = message as { type?: unknown; data?: unknown };
    if (typeof type !== 'string' || !Object.hasOwn(handlers, type)) return undefined;
    if (!isAllowed(sender)) {
      return Promise.resolve({ err: { ...new MessageError('forbidden').toJSON() } });
    }
    const handler = handlers[type as MessageType] as (d: unknown, s: SenderInfo) => unknown;
    return Promise.resolve()
      .then(() => handler((data ?? {}) as ProtocolMap[MessageType]['data'], sender))
      .then(
        (res) => ({ res }) as Reply,
        (e: unknown) => ({ err: toWireError(e) }),
      );
  };
}
