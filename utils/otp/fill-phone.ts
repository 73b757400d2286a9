import { settle } from './dom.ts';
import { clearField, fireChange, fireInput, setNativeValue, typeChar } from './type-text.ts';
import type { FillReport, PhoneTarget } from './types.ts';

const digitsOf = (s: string) => s.replace(/\D/g, '');

/** Pick the option of a dial-code `<select>` for calling code `cc` ("90"), if there is one. */
function pickCountry(select: HTMLSelectElement, cc: string, win: Window): void {
  const dial = new RegExp(`(^|\\D)\\+?${cc}(\\D|$)`);
  const option = [...select.options].find((o) => dial.test(o.value) || dial.test(o.text));
  if (!cc || !option || option.selected) return;
  Object.getOwnPropertyDescriptor(win.HTMLSelectElement.prototype, 'value')!.set!.call(select, option.value);
  select.dispatchEvent(new win.Event('input', { bubbles: true }));
  select.dispatchEvent(new win.Event('change', { bubbles: true }));
}

/** The number as the field wants it: national when the site has a country selector, else +international. */
function phoneValue(target: PhoneTarget, digits: string, national: string, win: Window): string {
  if (!target.hasCountrySelector) {
    const max = target.input.maxLength;
    return national && max > 0 && max <= national.length ? national : '+' + digits;
  }
  if (target.countrySelect && national) pickCountry(target.countrySelect, digits.slice(0, -national.length), win);
  if (national) return national;
  // No national part given: strip the dial code the selector currently shows.
  const shown = target.countrySelect?.selectedOptions[0]?.text.match(/\+\s?(\d{1,4})/)?.[1];
  return shown && digits.startsWith(shown) ? digits.slice(shown.length) : digits;
}

/**
 * Type the rented `number` into the phone field: without the country prefix when the site shows a separate
 * country-code selector (choosing the country there when it is a select), with "+prefix" otherwise.
 */
export async function fillPhone(
  target: PhoneTarget,
  number: string,
  win: Window,
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
