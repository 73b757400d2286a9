/** A frame's window with its constructors (InputEvent, DataTransfer…): events must come from the page's own. */
export type Win = Window & typeof globalThis;

/** Where a one-time code goes: one input, or an ordered row of one-character boxes. */
export type CodeTarget =
  { kind: 'single'; input: HTMLInputElement } | { kind: 'boxes'; inputs: HTMLInputElement[] };

/** Where a phone number goes, and whether the site asks for the country code separately. */
export interface PhoneTarget {
  input: HTMLInputElement;
  hasCountrySelector: boolean;
  /** The dial-code `<select>`, when the selector is one (so the right country can be picked). */
  countrySelect?: HTMLSelectElement;
  /** The calling code a non-select picker shows ("90" for a "+90" button), when it shows one. */
  dialCode?: string;
}

/** What a fill did: how many inputs now hold their part of the value, and why not more. */
export interface FillReport {
  filled: number;
  reason?: 'no_field' | 'length_mismatch' | 'not_accepted';
}
