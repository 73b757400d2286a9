import { browser } from 'wxt/browser';

// The service worker has no clipboard: it asks this offscreen document (Chrome) to copy a code.
// Only the document the worker created (with ?reason=clipboard) answers, never this page opened in a tab.
const isClipboardDocument = new URLSearchParams(location.search).get('reason') === 'clipboard';

browser.runtime.onMessage.addListener((message: unknown) => {
  const m = message as { target?: string; text?: unknown };
  if (!isClipboardDocument || m?.target !== 'offscreen-clipboard' || typeof m.text !== 'string')
    return undefined;
  const area = document.getElementById('clip') as HTMLTextAreaElement;
  area.value = m.text;
  area.select();
  const ok = document.execCommand('copy');
  area.value = '';
  return Promise.resolve({ copied: ok });
});
