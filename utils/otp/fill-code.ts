import { deepActiveElement, settle } from './dom.ts';
import { clearField, fireChange, fireInput, setNativeValue, typeChar } from './type-text.ts';
import type { CodeTarget, FillReport, Win } from './types.ts';

type Attempt = (fields: HTMLInputElement[], code: string, win: Win) => Promise<void>;

const normal = (s: string) => s.replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();

/** The focused field if it is one of ours (the page may move focus itself), else `fallback`. */
function focusedAmong(fields: HTMLInputElement[], fallback: HTMLInputElement, win: Win): HTMLInputElement {
  const active = deepActiveElement(win.document);
  return fields.includes(active as HTMLInputElement) ? (active as HTMLInputElement) : fallback;
}

/** How many fields hold their part of the code now. */
function countHeld(fields: HTMLInputElement[], code: string): number {
  if (fields.length === 1) return +(normal(fields[0].value) === normal(code));
  return fields.filter((el, i) => normal(el.value) === code[i].toLowerCase()).length;
}

/** Focus the first field and, for a single field, empty it (as select-all before typing would). */
async function focusFirst(fields: HTMLInputElement[], win: Win): Promise<HTMLInputElement> {
  fields[0].focus();
  await settle(win);
  if (fields.length === 1) clearField(fields[0], win);
  return focusedAmong(fields, fields[0], win);
}

/** Type the code key by key; in a row of boxes, go where the page moves focus, else to the next box. */
const typeCode: Attempt = async (fields, code, win) => {
  const single = fields.length === 1;
  let el = await focusFirst(fields, win);
  for (const ch of code) {
    if (deepActiveElement(win.document) !== el) {
      el.focus();
      await settle(win);
      el = focusedAmong(fields, el, win);
    }
    typeChar(el, ch, win, !single);
    if (!single) fireChange(el, win);
    await settle(win);
    if (!single) {
      const next = focusedAmong(fields, el, win);
      el = next !== el ? next : fields[fields.indexOf(el) + 1];
      if (!el) break;
    }
  }
  if (single) fireChange(el, win);
};

/** Paste the whole code into the first field, as the clipboard would; insert it ourselves if nobody took it. */
const pasteCode: Attempt = async (fields, code, win) => {
  const el = await focusFirst(fields, win);
  const clipboardData = new win.DataTransfer();
  clipboardData.setData('text/plain', code);
  const paste = new win.ClipboardEvent('paste', {
    clipboardData,
    bubbles: true,
    cancelable: true,
    composed: true,
  });
  if (el.dispatchEvent(paste)) {
    setNativeValue(el, el.maxLength > 0 ? code.slice(0, el.maxLength) : code, win);
    fireInput(el, win, 'insertFromPaste', null);
    fireChange(el, win);
  }
  // Some widgets apply a paste on the next animation frame.
  await settle(win, 50);
};

/** Last resort: write each field directly (no keys), one after the other. */
const writeEach: Attempt = async (fields, code, win) => {
  const parts = fields.length === 1 ? [code] : [...code];
  for (const [i, el] of fields.entries()) {
    el.focus();
    setNativeValue(el, parts[i], win);
    fireInput(el, win, 'insertText', parts[i]);
    fireChange(el, win);
    await settle(win);
  }
};

/**
 * Fill `code` into `target` so the page's framework sees it (typing, then paste, then direct writes),
 * and report how many inputs hold their part. A code whose length does not fit the boxes (or the
 * field's maxlength) is reported as `length_mismatch`, never forced.
 */
export async function fillCode(target: CodeTarget, code: string, win: Win): Promise<FillReport> {
  code = code.replace(/[\s-]/g, '');
  const fields = target.kind === 'single' ? [target.input] : target.inputs;
  const room = target.kind === 'single' ? target.input.maxLength : fields.length;
  if (!code) return { filled: 0, reason: 'not_accepted' };
  if (target.kind === 'single' ? room > 0 && room < code.length : room !== code.length) {
    return { filled: 0, reason: 'length_mismatch' };
  }
  let filled = 0;
  for (const attempt of [typeCode, pasteCode, writeEach]) {
    await attempt(fields, code, win);
    filled = countHeld(fields, code);
    if (filled === fields.length) return { filled };
  }
  return { filled, reason: 'not_accepted' };
}
