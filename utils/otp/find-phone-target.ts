import { phoneScore } from './classify.ts';
import { composedParent, deepInputs, viewOf } from './dom.ts';
import { asWords } from './field-text.ts';
import { dialOf } from './fill-phone.ts';
import type { PhoneTarget, Win } from './types.ts';
import { inputVisibility } from './visibility.ts';

const DIAL_CODE = /\+\s?\d{1,4}/;
const PICKER = 'select,input,button,[role=combobox],[class*=flag],[class*=countr],[class*=dial]';

/** A dial-code picker: a select of "+90"-style options, a country-code input, or a flag/"+90" button. */
function isDialPicker(el: Element, phone: HTMLInputElement): boolean {
  if (el === phone || el.contains(phone)) return false;
  const named = asWords(
    `${el.getAttribute('name')} ${el.id} ${el.getAttribute('aria-label')} ${el.getAttribute('class')}`,
  );
  if (el.tagName === 'SELECT') {
    const dialOptions = [...(el as HTMLSelectElement).options].filter((o) =>
      DIAL_CODE.test(o.text + o.value),
    );
    return dialOptions.length >= 2 || /dial|phone|tel|prefix|calling|code|kod/.test(named);
  }
  if (el.tagName === 'INPUT') {
    const input = el as HTMLInputElement;
    // A hidden input (a widget's full-number copy) is not something the person chooses from.
    return (
      input.type !== 'hidden' &&
      (/tel-country-code/.test(input.autocomplete) || /dial|prefix|country.?code/.test(named))
    );
  }
  return /^\s*\+\d{1,4}\s*$/.test(el.textContent ?? '') || /flag|dial|countr|iti\b/.test(named);
}

/** The dial-code picker beside `phone` (up to three levels up), if the site shows one. */
function findDialPicker(phone: HTMLInputElement): Element | null {
  let scope: Element | null = phone;
  for (let up = 0; up < 3 && (scope = composedParent(scope)); up++) {
    const picker = [...scope.querySelectorAll(PICKER)].find((el) => isDialPicker(el, phone));
    if (picker) return picker;
  }
  return null;
}

/** The phone-number field under `root` (open shadow roots included) and whether it has a country selector. */
export function findPhoneTarget(root: ParentNode, win: Win = viewOf(root as Node)): PhoneTarget | null {
  let best: HTMLInputElement | null = null;
  let bestScore = 39;
  for (const el of deepInputs(root)) {
    const score = inputVisibility(el, win) === 1 ? phoneScore(el) : -1;
    if (score > bestScore) [best, bestScore] = [el, score];
  }
  if (!best) return null;
  const picker = findDialPicker(best);
  if (!picker) return { input: best, hasCountrySelector: false };
  if (picker.tagName === 'SELECT') {
    return { input: best, hasCountrySelector: true, countrySelect: picker as HTMLSelectElement };
  }
  return { input: best, hasCountrySelector: true, dialCode: dialOf(picker.textContent ?? '') };
}
