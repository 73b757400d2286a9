import { vi } from 'vitest';
import { catalogs } from '../../i18n';

/**
 * The background loads `_locales` catalogs with fetch from its own extension URL; under the fake
 * browser that URL does not exist, so tests answer it from the shipped files and pass the rest on.
 */
const realFetch = globalThis.fetch;

export function serveCatalogsToFetch() {
  vi.restoreAllMocks();
  return vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const m = /\/_locales\/(en|tr)\/messages\.json$/.exec(url);
    if (m) return new Response(JSON.stringify(catalogs[m[1] as 'en' | 'tr']));
    return realFetch(input, init);
  });
}
