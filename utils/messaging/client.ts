import { browser } from 'wxt/browser';
import { PanelError, type SerializedPanelError } from '../api/errors';
import { MessageError } from './errors';
import type { Envelope, MessageData, MessageRes, MessageType, Reply } from './protocol';

// Kept here too so existing `import { MessageError } from '.../client'` lines keep working.
export { MessageError, type MessageErrorCode } from './errors';

/** Sends one typed message to the background and unwraps its answer; errors arrive as errors. */
export async function sendMessage<K extends MessageType>(
  type: K,
  data: MessageData<K>,
): Promise<MessageRes<K>> {
  const envelope: Envelope<K> = { type, data };
  // A worker stopped mid-message rejects with the browser's own English text: it becomes a code too.
  const reply = (await browser.runtime.sendMessage(envelope).catch(() => undefined)) as Reply<K> | undefined;
  if (!reply || typeof reply !== 'object') throw new MessageError('no_answer');
  if ('err' in reply) {
    if (reply.err.name === 'PanelError')
      throw PanelError.fromJSON(reply.err as unknown as SerializedPanelError);
    throw MessageError.fromJSON(reply.err as { code?: unknown; params?: unknown });
  }
  return reply.res;
}
