// Code passed to page.evaluate runs in an extension page, where `chrome` is the extension API.
import type { Browser } from '@wxt-dev/browser';

declare global {
  const chrome: typeof Browser;
}
export {};
