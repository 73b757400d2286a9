import { browser } from 'wxt/browser';
import { MessageError } from '../messaging/client';
import type { Envelope, MessageData, MessageRes, MessageType, Reply } from '../messaging/protocol';

/**
 * The popup's sendMessage: the same wire format as `utils/messaging/client.ts`, but a panel error
 * arrives as a plain Error carrying `kind`, `panelText` and `mayHaveCharged` (isPanelError accepts it)
 * instead of a rebuilt PanelError, whose English default sentences would pull both message catalogs
 * into the popup bundle.
 */
export async function sendFromPage<K extends MessageType>(type: K, data: MessageData<K>): Promise<MessageRes<K>> {
  const envelope: Envelope<K> = { type, data };
  const reply = (await browser.runtime.sendMessage(envelope)) as Reply<K> | undefined;
  if (!reply || typeof reply !== 'object') throw new MessageError('The extension did not answer.', 'no_answer');
  if ('err' in reply) {
    const { name, message, ...fields } = reply.err;
    if (name === 'PanelError') throw Object.assign(new Error(message), { mayHaveCharged: false }, fields, { name });
    throw new MessageError(message, String(reply.err.code ?? 'failed'));
  }
  return reply.res;
}
