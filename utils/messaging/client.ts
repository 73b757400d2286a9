import { browser } from 'wxt/browser';
import { PanelError, type SerializedPanelError } from '../api/errors';
import type { Envelope, MessageData, MessageRes, MessageType, Reply } from './protocol';

/** An error the background raised that is not a panel error (bad input, refused sender…). */
export class MessageError extends Error {
  constructor(
    message: string,
    readonly code: string = 'failed',
  ) {
    super(message);
    this.name = 'MessageError';
  }
}

/** Sends one typed message to the background and unwraps its answer; errors arrive as errors. */
export async function sendMessage<K extends MessageType>(
  type: K,
  data: MessageData<K>,
): Promise<MessageRes<K>> {
  const envelope: Envelope<K> = { type, data };
  const reply = (await browser.runtime.sendMessage(envelope)) as Reply<K> | undefined;
  if (!reply || typeof reply !== 'object')
    throw new MessageError('The extension did not answer.', 'no_answer');
  if ('err' in reply) {
    if (reply.err.name === 'PanelError')
      throw PanelError.fromJSON(reply.err as unknown as SerializedPanelError);
    throw new MessageError(reply.err.message, String(reply.err.code ?? 'failed'));
  }
  return reply.res;
}
