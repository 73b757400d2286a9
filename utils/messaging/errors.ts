/** The protocol's error: a code (never a sentence) that each page turns into its own language. */

import type { MessageKey } from '../i18n';

/**
 * Every code a MessageError may carry. Each code's sentence is the catalogue key `err_<code>`
 * (checked at compile time by `messageErrorKey`); the i18n test walks this list in every language.
 */
export const MESSAGE_ERROR_CODES = [
  /** Something failed that has no code of its own (a bug or an unknown code from the wire). */
  'failed',
  /** The background did not answer the page. */
  'no_answer',
  /** The sender is not one of the extension's own pages. */
  'forbidden',
  /** A message arrived with missing or malformed data. */
  'bad_request',
  /** The panel address given is not a web address. */
  'bad_origin',
  /** The address is plain http away from this machine (the key would travel in clear); param `origin`. */
  'insecure_origin',
  /** The browser could not close extension storage to content scripts, so no key is saved there. */
  'key_unprotected',
  /** There is no API key (nothing pasted, nothing saved). */
  'no_key',
  /** The extension may not inject into the tab (no host access, a browser page…). */
  'no_access',
  /** A fill was asked for without a code or number to fill. */
  'nothing_to_fill',
  /** The page has no one-time-code field (a fill result's reason). */
  'no_field',
  /** The page has no phone field (a phone fill's `no_field`, worded for phones). */
  'no_phone_field',
  /** The page's code boxes do not match the code's length (a fill result's reason). */
  'length_mismatch',
  /** The page's field did not keep the value typed into it (a fill result's reason). */
  'not_accepted',
  /** The fill script did not load in the page (a fill result's reason). */
  'not_loaded',
  /** The rental was removed while its rent request was running. */
  'gone',
  /** The number is no longer in the list. */
  'not_found',
  /** The number was never rented at the panel (nothing to cancel). */
  'not_rented',
  /** "Cancel and rent another" on a number that no longer waits for its code: nothing was done. */
  'not_waiting',
  /** "Rent another" on a number that did not end without a code. */
  'not_ended',
  /** The cancel got no clear answer (it may or may not have been refunded), so nothing was rented. */
  'again_unclear',
  /** The order is not in the tracked list; param `id`. */
  'order_not_found',
  /** A mass order was sent with a line that does not pass its check (nothing was sent). */
  'mass_invalid',
  /** The catalogue changed since the person confirmed a mass order: its total is not the one confirmed. */
  'mass_changed',
  /** A mass order is still running: it must end before another starts or it is cleared. */
  'mass_busy',
] as const;

/** A MessageError's code. */
export type MessageErrorCode = (typeof MESSAGE_ERROR_CODES)[number];

/** Values a code's sentence fills into its `{name}` placeholders. */
export type MessageErrorParams = Record<string, string | number>;

/** The catalogue key of a code's sentence; fails to compile when `err_<code>` is missing in English. */
export function messageErrorKey(code: MessageErrorCode): MessageKey {
  const key = `err_${code}` as const;
  return key;
}

/** True for a string that is one of the known codes. */
export function isMessageErrorCode(code: unknown): code is MessageErrorCode {
  return typeof code === 'string' && (MESSAGE_ERROR_CODES as readonly string[]).includes(code);
}

/** The plain-object form that crosses the messaging boundary. */
export interface SerializedMessageError {
  name: 'MessageError';
  code: MessageErrorCode;
  /** The code (and params) again, for logs; never shown to a person. */
  message: string;
  params?: MessageErrorParams;
}

/** Log text for a code: `order_not_found (id=5)`; never a sentence. */
function logText(code: MessageErrorCode, params: MessageErrorParams | undefined): string {
  const entries = Object.entries(params ?? {});
  return entries.length ? `${code} (${entries.map(([k, v]) => `${k}=${v}`).join(', ')})` : code;
}

/** An error the extension raised that is not a panel error (bad input, refused sender, nothing to fill…). */
export class MessageError extends Error {
  override readonly name = 'MessageError' as const;
  readonly code: MessageErrorCode;
  readonly params?: MessageErrorParams;

  constructor(code: MessageErrorCode, params?: MessageErrorParams) {
    super(logText(code, params));
    this.code = code;
    if (params && Object.keys(params).length) this.params = { ...params };
  }

  /** The wire form (no stack). */
  toJSON(): SerializedMessageError {
    const s: SerializedMessageError = { name: 'MessageError', code: this.code, message: this.message };
    if (this.params) s.params = { ...this.params };
    return s;
  }

  /** Rebuilds an error sent across contexts; an unknown code becomes 'failed', odd params are dropped. */
  static fromJSON(s: { code?: unknown; params?: unknown }): MessageError {
    const code = isMessageErrorCode(s.code) ? s.code : 'failed';
    const params: MessageErrorParams = {};
    if (code !== 'failed' && s.params && typeof s.params === 'object') {
      for (const [k, v] of Object.entries(s.params as Record<string, unknown>)) {
        if (typeof v === 'string' || typeof v === 'number') params[k] = v;
      }
    }
    return new MessageError(code, params);
  }
}
