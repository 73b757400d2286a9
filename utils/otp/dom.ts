import type { Win } from './types.ts';
// DOM walking that crosses open shadow roots, shared by detection, filling and waiting.

/** The element above `node`, stepping out of a shadow root to its host. */
export function composedParent(node: Node): Element | null {
  return node.parentElement ?? (node.parentNode as ShadowRoot | null)?.host ?? null;
}

/** Every `<input>` under `root` in document order, open shadow roots included. */
export function deepInputs(root: ParentNode): HTMLInputElement[] {
  const out: HTMLInputElement[] = [];
  for (const el of root.querySelectorAll('*')) {
    if (el.tagName === 'INPUT') out.push(el as HTMLInputElement);
    if (el.shadowRoot) out.push(...deepInputs(el.shadowRoot));
  }
  return out;
}

/** Every open shadow root under `root`, nested ones too. */
export function deepShadowRoots(root: ParentNode): ShadowRoot[] {
  const out: ShadowRoot[] = [];
  for (const el of root.querySelectorAll('*')) {
    if (el.shadowRoot) out.push(el.shadowRoot, ...deepShadowRoots(el.shadowRoot));
  }
  return out;
}

/** The focused element, looking inside shadow roots (where `document.activeElement` stops at the host). */
export function deepActiveElement(doc: Document): Element | null {
  let el = doc.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/** The window that renders `root`. */
export function viewOf(root: Node): Win {
  return ((root as Document).defaultView ?? root.ownerDocument?.defaultView) as Win;
}

/** Let the page react (its handlers, microtasks, focus moves) before the next keystroke. */
export function settle(win: Win, ms = 0): Promise<void> {
  return new Promise((resolve) => {
    // Hidden tabs clamp timers to 1 s; a message round-trip is not throttled.
    if (win.document.hidden && !ms && win.MessageChannel) {
      const channel = new win.MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(0);
    } else win.setTimeout(resolve, ms);
  });
}
