import { settle } from './dom.ts';
import { clearField, fireChange, fireInput, setNativeValue, typeChar } from './type-text.ts';
import type { FillReport, PhoneTarget, Win } from './types.ts';

const digitsOf = (s: string) => s.replace(/\D/g, '');

/** The calling code a picker option or button shows: "Türkiye (+90)" → "90", a bare value "+90" → "90". */
export const dialOf = (text: string) =>
  text.match(/\+\s?(\d{1,4})/)?.[1] ?? text.match(/^\+?(\d{1,4})$/)?.[1];

/** Choose the dial-code option the number starts with (the longest; the selected one on a tie), if any. */
function chooseCountry(select: HTMLSelectElement | undefined, digits: string, win: Win): string | undefined {
  let best: HTMLOptionElement | undefined;
  let code = '';
  for (const option of select?.options ?? []) {
    const cc = dialOf(option.text) ?? dialOf(option.value) ?? '';
    if (cc && digits.startsWith(cc) && (cc.length > code.length || (cc === code && option.selected))) {
      [best, code] = [option, cc];
    }
  }
  if (!best || !select) return undefined;
  if (!best.selected) {
    Object.getOwnPropertyDescriptor(win.HTMLSelectElement.prototype, 'value')!.set!.call(select, best.value);
    select.dispatchEvent(new win.Event('input', { bubbles: true }));
    select.dispatchEvent(new win.Event('change', { bubbles: true }));
  }
  return code;
}

/**
 * The number as the field wants it: the national part when the site has a country selector (set to the
 * number's country when it is a select), else — or when the country cannot be told — "+international".
 */
function phoneValue(target: PhoneTarget, digits: string, national: string, win: Win): string {
  const max = target.input.maxLength;
  if (!target.hasCountrySelector)
    return national && max > 0 && max <= national.length ? national : '+' + digits;
  const code =
    chooseCountry(target.countrySelect, national ? digits.slice(0, -national.length) : digits, win) ??
    (target.dialCode && digits.startsWith(target.dialCode) ? target.dialCode : undefined);
  if (national) return national;
  return code ? digits.slice(code.length) : '+' + digits;
}

/**
 * Type the rented `number` into the phone field: without the country prefix when the site shows a separate
 * country-code selector (choosing the country there when it is a select), with "+prefix" otherwise.
 */
export async function fillPhone(
  target: PhoneTarget,
  number: string,
  win: Win,
  nationalNumber?: string,
): Promise<FillReport> {
  const digits = digitsOf(number);
  if (!digits) return { filled: 0, reason: 'not_accepted' };
  const value = phoneValue(target, digits, digitsOf(nationalNumber ?? ''), win);
  const el = target.input;
  const holds = () => digitsOf(el.value).endsWith(digitsOf(value));
  el.focus();
  await settle(win);
  clearField(el, win);
  for (const ch of value) {
    typeChar(el, ch, win, false);
    await settle(win);
  }
  fireChange(el, win);
  if (!holds()) {
    setNativeValue(el, value, win);
    fireInput(el, win, 'insertText', value);
    fireChange(el, win);
    await settle(win);
  }
  return holds() ? { filled: 1 } : { filled: 0, reason: 'not_accepted' };
}
