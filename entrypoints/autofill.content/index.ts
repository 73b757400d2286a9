import { defineContentScript } from 'wxt/utils/define-content-script';
import { createAutofillApi, type AutofillApi } from '../../utils/otp/autofill-api.ts';

// Injected on demand into every frame of a tab (scripting.executeScript, allFrames). It only ever receives
// the code or number to fill — never the API key — so it imports nothing from the API or storage.
export default defineContentScript({
  registration: 'runtime',
  // WXT posts "<extension id>:autofill:…:content-script-started" to the page on every injection by
  // default, which tells any page this extension is installed.
  noScriptStartedPostMessage: true,
  main() {
    const scope = globalThis as typeof globalThis & { __smsPanelAutofill?: AutofillApi };
    // Injected again on every fill: keep the first instance (and its queue of running fills).
    scope.__smsPanelAutofill ??= createAutofillApi(document, window);
  },
});
