import { composedParent } from './dom.ts';

/** Lower case that keeps Turkish "İ" a plain "i" (JS lowers it to "i" + a combining dot). */
export function lower(text: string): string {
  return text.toLowerCase().replace(/\u0307/g, '');
}

/** A developer's identifier as words: "smsCode_2" → "sms code 2", so `\b` patterns work on it. */
export function asWords(id: string): string {
  return lower(id.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_\-.[\]]+/g, ' '));
}

/** What the page's developer called the field: name and id. */
export function attrText(input: HTMLInputElement): string {
  return asWords(`${input.name} ${input.id}`);
}

/** What a person is told about the field: labels, placeholder, aria-label/labelledby/describedby, title. */
export function labelText(input: HTMLInputElement): string {
  const parts = [input.placeholder, input.title, input.getAttribute('aria-label') ?? ''];
  for (const label of input.labels ?? []) parts.push(label.textContent ?? '');
  const root = input.getRootNode() as Document | ShadowRoot;
  for (const attr of ['aria-labelledby', 'aria-describedby']) {
    for (const id of (input.getAttribute(attr) ?? '').split(/\s+/)) {
      if (id) parts.push(root.getElementById?.(id)?.textContent ?? '');
    }
  }
  return lower(parts.join(' '));
}

const FIELD = 'input:not([type=hidden]),select,textarea';

/** The text just before the field (headings, hints, unattached labels), back to the previous field. */
export function nearText(input: Element, limit = 160): string {
  let text = '';
  for (let node: Element | null = input, depth = 0; node && depth < 5; node = composedParent(node), depth++) {
    for (let sib = node.previousSibling; sib; sib = sib.previousSibling) {
      if (sib.nodeType === 1) {
        const el = sib as Element;
        if (/^(SCRIPT|STYLE|TEMPLATE)$/.test(el.tagName)) continue;
        if (el.matches(FIELD) || el.querySelector(FIELD)) return lower(text);
      }
      text = (sib.textContent ?? '').slice(-limit) + ' ' + text;
      if (text.length >= limit) return lower(text);
    }
  }
  return lower(text);
}
