import { composedParent } from './dom.ts';
import { attrText, labelText, nearText } from './field-text.ts';
import {
  CARD_WORDS,
  CODE_WORD,
  NEVER_WORDS,
  ONE_TIME,
  OTHER_FIELD_WORDS,
  OTP_WORDS,
  PHONE_WORDS,
  PIN_CHANGE,
  SECURITY_CODE,
} from './keywords.ts';

/** Scores: a field that must never be written, and the evidence levels for a code field. */
export const REJECT = -1;
export const SAYS_ONE_TIME_CODE = 80;

const TEXTLIKE = /^(text|tel|number|password)$/;
const NUMBER_WORD = /numb|numar|nummer|num[ée]ro|номер|番号|번호|\bno\b/;

/** Whether `input` sits in a form that also asks for a card (so "security code" means the CVC). */
export function inCardForm(input: HTMLInputElement): boolean {
  let scope: Element | null = input.form;
  if (!scope) {
    scope = input;
    for (let up = 0; up < 4; up++) scope = composedParent(scope) ?? scope;
  }
  for (const other of scope.querySelectorAll('input')) {
    if (other === input) continue;
    if (/cc-/.test(other.autocomplete) || CARD_WORDS.test(attrText(other) + ' ' + labelText(other)))
      return true;
  }
  return CARD_WORDS.test(nearText(input));
}

function rejectsAsCode(text: string, input: HTMLInputElement): boolean {
  return (
    NEVER_WORDS.test(text) ||
    PIN_CHANGE.test(text) ||
    (CARD_WORDS.test(text) && !OTP_WORDS.test(text)) ||
    (SECURITY_CODE.test(text) && inCardForm(input))
  );
}

/**
 * How sure we are that `input` takes a one-time code: REJECT for fields that must never be written
 * (card, coupon, postal, search, e-mail, username, password, recovery codes…), else 0–100.
 */
export function codeScore(input: HTMLInputElement): number {
  const ac = input.getAttribute('autocomplete')?.toLowerCase() ?? '';
  if (!TEXTLIKE.test(input.type) || /search|combo/.test(input.getAttribute('role') ?? '')) return REJECT;
  if (ac.includes('one-time-code')) return 100;
  if (/cc-|mail|user|pass|postal|address|tel|country|name|bday|organi/.test(ac)) return REJECT;
  const attrs = attrText(input);
  const labels = labelText(input);
  const own = attrs + ' ' + labels;
  if (CARD_WORDS.test(attrs) || rejectsAsCode(own, input)) return REJECT;
  if (OTHER_FIELD_WORDS.test(own) && !CODE_WORD.test(own) && !ONE_TIME.test(own)) return REJECT;
  if (input.type === 'password' && input.maxLength !== 1 && !ONE_TIME.test(own)) return REJECT;
  // The code we fill came by SMS: where a page asks for an e-mail code and an SMS code, take the SMS one.
  const bySms = /sms|смс|短信|phone|telefon|mobil|gsm|\bcep\b|handy/.test(own) ? 5 : 0;
  if (OTP_WORDS.test(own)) return SAYS_ONE_TIME_CODE + bySms;
  if (CODE_WORD.test(own)) return 50 + bySms;
  return Math.max(0, nearCodeScore(input));
}

/** Evidence from the text before the field (or before the first box of a group); REJECT in card/coupon context. */
export function nearCodeScore(input: HTMLInputElement): number {
  const near = nearText(input);
  if (rejectsAsCode(near, input)) return REJECT;
  // A bare "code" nearby ("use code SAVE10") counts only for a field shaped like a code.
  const base = OTP_WORDS.test(near) ? 40 : CODE_WORD.test(near) ? 20 : 0;
  const shaped = input.inputMode === 'numeric' || (input.maxLength >= 4 && input.maxLength <= 8);
  return base && shaped ? base + 20 : base;
}

/** How sure we are that `input` takes a phone number: REJECT, or 0–100. */
export function phoneScore(input: HTMLInputElement): number {
  const ac = input.getAttribute('autocomplete')?.toLowerCase() ?? '';
  if (!/^(text|tel|number)$/.test(input.type) || /tel-(country|area|ext)|one-time/.test(ac)) return REJECT;
  if (/(^|\s)(tel|tel-national|tel-local|mobile)(\s|$)/.test(ac)) return 100;
  if (input.maxLength > 0 && input.maxLength < 7) return REJECT;
  const own = attrText(input) + ' ' + labelText(input);
  const phone = PHONE_WORDS.test(own);
  if (NEVER_WORDS.test(own) || CARD_WORDS.test(own) || (CODE_WORD.test(own) && !NUMBER_WORD.test(own))) {
    return REJECT;
  }
  if (!phone && OTHER_FIELD_WORDS.test(own)) return REJECT;
  if (phone) return 80;
  if (input.type === 'tel') return 60;
  const near = nearText(input);
  return PHONE_WORDS.test(near) && !CODE_WORD.test(near) ? 40 : 0;
}
