import { describe, expect, it } from 'vitest';
import { fillCode } from '../../../utils/otp/fill-code.ts';
import { findCodeTarget } from '../../../utils/otp/find-code-target.ts';
import type { CodeTarget } from '../../../utils/otp/types.ts';
import { $, mount, trackLikeReact, values } from './dom-fixture.ts';

const boxRow = (n: number, attrs = 'maxlength="1"') =>
  `<div class="otp">${Array.from({ length: n }, (_, i) => `<input ${attrs} data-i="${i}" style="width:40px">`).join('')}</div>`;

function boxInputs(root: ParentNode = document): HTMLInputElement[] {
  return [...root.querySelectorAll<HTMLInputElement>('.otp input')];
}

/** A widget with its own state that moves focus to the next box after each character (most OTP widgets). */
function autoAdvance(inputs: HTMLInputElement[]): string[] {
  const state = inputs.map(() => '');
  inputs.forEach((el, i) =>
    el.addEventListener('input', () => {
      state[i] = el.value.slice(-1);
      el.value = state[i];
      if (state[i]) inputs[i + 1]?.focus();
    }),
  );
  return state;
}

function found(): CodeTarget {
  const target = findCodeTarget(document);
  if (!target) throw new Error('fixture has no code field');
  return target;
}

describe('fillCode: one field', () => {
  it('types through the native setter so a React-style value tracker sees every change', async () => {
    mount('<label>Verification code <input id="c"></label>');
    const react = trackLikeReact($('#c'));
    const report = await fillCode(found(), '482913', window);
    expect(report).toEqual({ filled: 1 });
    expect(react.trackerWrites).toEqual([]);
    expect(react.changes.at(-1)).toBe('482913');
    expect(react.changes).toHaveLength(6);
  });

  it('fires the events of a keystroke, in order, with the typed character', async () => {
    mount('<input id="c" autocomplete="one-time-code">');
    const seen: string[] = [];
    for (const type of ['keydown', 'keypress', 'beforeinput', 'input', 'keyup', 'change']) {
      $('#c').addEventListener(type, (e) => {
        const detail = e instanceof KeyboardEvent ? `${e.key}/${e.keyCode}` : (e as InputEvent).data;
        seen.push(`${type}:${detail ?? ''}`);
      });
    }
    await fillCode(found(), '12', window);
    expect(seen.slice(0, 11)).toEqual([
      'keydown:1/49',
      'keypress:1/49',
      'beforeinput:1',
      'input:1',
      'keyup:1/49',
      'keydown:2/50',
      'keypress:2/50',
      'beforeinput:2',
      'input:2',
      'keyup:2/50',
      'change:',
    ]);
  });

  it('replaces what the field held before', async () => {
    mount('<input id="c" name="otp" value="999">');
    expect(await fillCode(found(), '1234', window)).toEqual({ filled: 1 });
    expect($('#c').value).toBe('1234');
  });

  it('ignores spaces and dashes in the code it was given', async () => {
    mount('<input id="c" name="otp">');
    expect(await fillCode(found(), '123-456', window)).toEqual({ filled: 1 });
    expect($('#c').value).toBe('123456');
  });

  it('accepts a page that formats the code as it is typed ("123 456")', async () => {
    mount('<input id="c" name="otp">');
    const el = $('#c');
    el.addEventListener('input', () => {
      const digits = el.value.replace(/\D/g, '');
      el.value = digits.length > 3 ? `${digits.slice(0, 3)} ${digits.slice(3)}` : digits;
    });
    expect(await fillCode(found(), '123456', window)).toEqual({ filled: 1 });
    expect(el.value).toBe('123 456');
  });

  it('reports a code longer than the field’s maxlength, and writes nothing', async () => {
    mount('<input id="c" name="otp" maxlength="4">');
    expect(await fillCode(found(), '123456', window)).toEqual({ filled: 0, reason: 'length_mismatch' });
    expect($('#c').value).toBe('');
  });

  it('falls back to a paste when the page blocks synthetic keys', async () => {
    mount('<input id="c" name="otp">');
    const el = $('#c');
    el.addEventListener('keydown', (e) => e.preventDefault());
    let pasted = '';
    el.addEventListener('paste', (e) => {
      e.preventDefault();
      pasted = e.clipboardData?.getData('text/plain') ?? '';
      el.value = pasted;
    });
    expect(await fillCode(found(), '7788', window)).toEqual({ filled: 1 });
    expect(pasted).toBe('7788');
  });

  it('reports not_accepted when the page refuses the code whatever is tried', async () => {
    mount('<input id="c" name="otp">');
    const el = $('#c');
    el.addEventListener('input', () => (el.value = ''));
    expect(await fillCode(found(), '1234', window)).toEqual({ filled: 0, reason: 'not_accepted' });
  });
});

describe('fillCode: boxes', () => {
  it.each([4, 6, 8])('fills %i boxes that move focus themselves, one character each', async (n) => {
    mount(boxRow(n));
    const state = autoAdvance(boxInputs());
    const code = '31415926'.slice(0, n);
    expect(await fillCode(found(), code, window)).toEqual({ filled: n });
    expect(state.join('')).toBe(code);
  });

  it('fills boxes that do not move focus, going box by box itself', async () => {
    mount(boxRow(6));
    expect(await fillCode(found(), '902114', window)).toEqual({ filled: 6 });
    expect(boxInputs().map((el) => el.value)).toEqual([...'902114']);
  });

  it('follows the page when it moves focus somewhere else (first empty box)', async () => {
    mount(boxRow(6));
    const inputs = boxInputs();
    const state = autoAdvance(inputs);
    // Like zag's pin-input: focusing a box after an empty one sends focus back to the first empty box.
    inputs.forEach((el, i) =>
      el.addEventListener('focus', () => {
        const empty = state.findIndex((v) => !v);
        if (empty >= 0 && empty < i) inputs[empty].focus();
      }),
    );
    inputs[3].focus();
    expect(await fillCode(found(), '246810', window)).toEqual({ filled: 6 });
    expect(state.join('')).toBe('246810');
  });

  it('lets a widget that handles keydown itself do so, without typing the key twice', async () => {
    mount(boxRow(6));
    const inputs = boxInputs();
    const state = inputs.map(() => '');
    let inputEvents = 0;
    inputs.forEach((el, i) => {
      el.addEventListener('keydown', (e) => {
        if (!/^\d$/.test(e.key)) return;
        e.preventDefault();
        state[i] = e.key;
        el.value = e.key;
        inputs[i + 1]?.focus();
      });
      el.addEventListener('input', () => inputEvents++);
    });
    expect(await fillCode(found(), '135790', window)).toEqual({ filled: 6 });
    expect(state.join('')).toBe('135790');
    expect(inputEvents).toBe(0);
  });

  it('falls back to a paste into the first box when typing is not taken', async () => {
    mount(boxRow(6));
    const inputs = boxInputs();
    // A strict widget: ignores input events (puts its own state back) but takes a paste.
    const state = inputs.map(() => '');
    inputs.forEach((el, i) => el.addEventListener('input', () => (el.value = state[i])));
    inputs[0].addEventListener('paste', (e) => {
      e.preventDefault();
      [...(e.clipboardData?.getData('text/plain') ?? '')].forEach((ch, i) => {
        state[i] = ch;
        inputs[i].value = ch;
      });
    });
    expect(await fillCode(found(), '555123', window)).toEqual({ filled: 6 });
    expect(state.join('')).toBe('555123');
  });

  it('reports a code that does not match the number of boxes, and writes nothing', async () => {
    mount(boxRow(6));
    expect(await fillCode(found(), '1234', window)).toEqual({ filled: 0, reason: 'length_mismatch' });
    expect(boxInputs().map((el) => el.value)).toEqual(['', '', '', '', '', '']);
  });

  it('fills boxes inside an open shadow root, following focus there', async () => {
    mount('<otp-box></otp-box>');
    const root = $('otp-box', document).attachShadow({ mode: 'open' });
    root.append(document.createRange().createContextualFragment(boxRow(6)));
    const state = autoAdvance(boxInputs(root));
    expect(await fillCode(found(), '600613', window)).toEqual({ filled: 6 });
    expect(state.join('')).toBe('600613');
  });
});

describe('fillCode on a page with a card form', () => {
  it('fills only the SMS-code field; the card fields stay empty', async () => {
    mount(`
      <form>
        <input name="cc-number" autocomplete="cc-number">
        <input name="cc-exp" autocomplete="cc-exp">
        <label>Security code <input name="cvc" maxlength="3"></label>
        <label>SMS onay kodu <input name="sms" maxlength="6"></label>
      </form>`);
    expect(await fillCode(found(), '424242', window)).toEqual({ filled: 1 });
    expect(values()).toEqual({ 'cc-number': '', 'cc-exp': '', cvc: '', sms: '424242' });
  });
});
