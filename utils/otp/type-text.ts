import type { Win } from './types.ts';
// Keystrokes that frameworks notice. React, Vue, Angular and Svelte keep their own state and ignore a bare
// `el.value = x`: React even wraps the instance's `value` setter to remember what it was told, so the value
// is written with the prototype's (native) setter and announced with the events a real keystroke makes.

/** Write `value` with the native setter, so a framework's own setter on the instance does not swallow it. */
export function setNativeValue(input: HTMLInputElement, value: string, win: Win): void {
  Object.getOwnPropertyDescriptor(win.HTMLInputElement.prototype, 'value')!.set!.call(input, value);
}

/** Announce a value change as the browser does after an edit. */
export function fireInput(input: HTMLInputElement, win: Win, inputType: string, data: string | null): void {
  input.dispatchEvent(new win.InputEvent('input', { bubbles: true, composed: true, inputType, data }));
}

/** Commit the value (what the browser fires when the field loses focus). */
export function fireChange(input: HTMLInputElement, win: Win): void {
  input.dispatchEvent(new win.Event('change', { bubbles: true }));
}

function keyEvent(type: string, ch: string, win: Win): KeyboardEvent {
  // Older widgets read keyCode/which (vue3-otp-input refuses a digit whose which is 0).
  const keyCode = type === 'keypress' ? ch.charCodeAt(0) : ch.toUpperCase().charCodeAt(0);
  const code = /\d/.test(ch) ? 'Digit' + ch : /[a-z]/i.test(ch) ? 'Key' + ch.toUpperCase() : '';
  const init = { key: ch, code, keyCode, which: keyCode, charCode: type === 'keypress' ? keyCode : 0 };
  return new win.KeyboardEvent(type, { ...init, bubbles: true, cancelable: true, composed: true });
}

/**
 * Type one character into `input` like a person: keydown, keypress, beforeinput (each cancelable — a page
 * that cancels one handled the key itself), the native value write, input, keyup. `replace` overwrites
 * the field (a one-character box) instead of appending.
 */
export function typeChar(input: HTMLInputElement, ch: string, win: Win, replace: boolean): void {
  const typed =
    input.dispatchEvent(keyEvent('keydown', ch, win)) &&
    input.dispatchEvent(keyEvent('keypress', ch, win)) &&
    input.dispatchEvent(
      new win.InputEvent('beforeinput', {
        bubbles: true,
        cancelable: true,
        composed: true,
        inputType: 'insertText',
        data: ch,
      }),
    );
  if (typed) {
    setNativeValue(input, replace ? ch : input.value + ch, win);
    fireInput(input, win, 'insertText', ch);
  }
  input.dispatchEvent(keyEvent('keyup', ch, win));
}

/** Empty a field the way select-all + Delete does. */
export function clearField(input: HTMLInputElement, win: Win): void {
  if (!input.value) return;
  setNativeValue(input, '', win);
  fireInput(input, win, 'deleteContentBackward', null);
}
