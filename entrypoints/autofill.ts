import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createAutofillApi, type AutofillApi } from '../utils/otp/autofill-api.ts';

// Injected on demand into the frames of a tab (scripting.executeScript). It only ever receives the
// code or number to fill — never the API key — so it imports nothing from the API or storage.
// An unlisted script rather than a WXT content script: a content script's context announces every
// injection to the page (a posted "…:content-script-started" message and a DOM event of that name),
// which tells any page this extension is installed. This script announces nothing.
export default defineUnlistedScript(() => {
  const scope = globalThis as typeof globalThis & { __smsPanelAutofill?: AutofillApi };
  // Injected again on every fill: keep the first instance (and its queue of running fills).
  scope.__smsPanelAutofill ??= createAutofillApi(document, window);
});
