import type { Win } from './types.ts';
import { composedParent } from './dom.ts';

/**
 * How a field can be seen: 0 not at all (never filled), 1 plainly, 2 only as a transparent or untabbable
 * overlay — a decoy, unless the field says it takes a one-time code (input-otp, roving-focus boxes).
 */
export type Seen = 0 | 1 | 2;

/** Whether a person could see and type into `input`. */
export function inputVisibility(input: HTMLInputElement, win: Win): Seen {
  if (input.type === 'hidden' || input.readOnly || input.matches(':disabled')) return 0;
  const box = input.getBoundingClientRect();
  // Zero-size, 1px "visually hidden" and off-page (left: -9999px) honeypots.
  if (box.width < 2 || box.height < 2 || box.right + win.scrollX <= 0 || box.bottom + win.scrollY <= 0) {
    return 0;
  }
  const look = win.getComputedStyle(input);
  if (look.visibility === 'hidden' || look.visibility === 'collapse') return 0;
  let covert = input.tabIndex < 0 && input.hasAttribute('tabindex');
  for (let el: Element | null = input; el; el = composedParent(el)) {
    if (el.matches('[inert],[hidden]')) return 0;
    // Roving-focus boxes (Ionic's input-otp) hide every box but the focused one from assistive tech
    // while all are on screen: aria-hidden makes a field covert (a decoy unless its row says "code").
    if (el.matches('[aria-hidden=true]')) covert = true;
    const style = el === input ? look : win.getComputedStyle(el);
    if (style.display === 'none') return 0;
    // A collapsed box that clips its content (height: 0; overflow: hidden) hides the field inside it.
    const clips = style.overflowY || style.overflow;
    if (el !== input && clips && clips !== 'visible' && el.getBoundingClientRect().height < 2) return 0;
    if (style.opacity !== '' && Number(style.opacity) < 0.05) covert = true;
  }
  return covert ? 2 : 1;
}

/** Whether `input` or an ancestor is hidden from assistive tech (aria-hidden), while maybe on screen. */
export function isAriaHidden(input: Element): boolean {
  for (let el: Element | null = input; el; el = composedParent(el)) {
    if (el.matches('[aria-hidden=true]')) return true;
  }
  return false;
}

/** Whether this frame is itself invisible in its (same-origin) parent, e.g. a zero-size tracking iframe. */
export function isFrameHidden(win: Win): boolean {
  try {
    const box = win.frameElement?.getBoundingClientRect();
    return !!box && (box.width < 2 || box.height < 2);
  } catch {
    return false;
  }
}
