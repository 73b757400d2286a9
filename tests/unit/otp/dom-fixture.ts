// Helpers for OTP tests in happy-dom, which has no layout engine: every box would measure 0×0 and
// count as hidden. `installLayout` gives elements the size their (computed) CSS declares, the way a
// browser would lay out these simple fixtures; an element with no width/height gets a form-field default.

let installed = false;

function px(value: string, fallback: number): number {
  const n = parseFloat(value);
  return Number.isFinite(n) ? n : fallback;
}

/** Make `getBoundingClientRect` report CSS width/height/left/top (defaults: 200×30 at 10,10). */
export function installLayout(): void {
  if (installed) return;
  installed = true;
  window.Element.prototype.getBoundingClientRect = function (this: Element) {
    const style = window.getComputedStyle(this);
    const width = px(style.width, 200);
    const height = px(style.height, 30);
    const placed = style.position === 'absolute' || style.position === 'fixed';
    const x = placed ? px(style.left, 10) : 10;
    const y = placed ? px(style.top, 10) : 10;
    return new window.DOMRect(x, y, width, height);
  };
}

/** Replace the page body with `html` (static fixture markup written in the test) and return it. */
export function mount(html: string): HTMLElement {
  installLayout();
  document.body.replaceChildren(document.createRange().createContextualFragment(html));
  return document.body;
}

/** The element matching `selector`, or a test failure. */
export function $<T extends Element = HTMLInputElement>(selector: string, root: ParentNode = document): T {
  const el = root.querySelector<T>(selector);
  if (!el) throw new Error(`fixture has no ${selector}`);
  return el;
}

/** Every input's value in document order (to prove which fields were written). */
export function values(root: ParentNode = document): Record<string, string> {
  return Object.fromEntries(
    [...root.querySelectorAll('input')].map((el, i) => [el.name || el.id || i, el.value]),
  );
}

/**
 * React's value tracker, reduced: React replaces the instance's `value` property with a setter that
 * remembers the last value it was given, and fires onChange only when the DOM value differs from it.
 * A fill that assigns `el.value` is swallowed; one that uses the prototype's native setter is seen.
 */
export function trackLikeReact(input: HTMLInputElement): { changes: string[]; trackerWrites: string[] } {
  const native = Object.getOwnPropertyDescriptor(window.HTMLInputElement.prototype, 'value')!;
  let tracked = input.value;
  const result = { changes: [] as string[], trackerWrites: [] as string[] };
  Object.defineProperty(input, 'value', {
    configurable: true,
    get: () => native.get!.call(input),
    set: (v: string) => {
      result.trackerWrites.push(v);
      tracked = v;
      native.set!.call(input, v);
    },
  });
  input.addEventListener('input', () => {
    const now = native.get!.call(input) as string;
    if (now !== tracked) {
      tracked = now;
      result.changes.push(now);
    }
  });
  return result;
}
