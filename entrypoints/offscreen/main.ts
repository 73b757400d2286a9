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

// e2e build only: tests send messages through the real client from this quiet page (tests/e2e/harness.ts).
if (import.meta.env.MODE === 'e2e')
  void import('../../utils/messaging/client').then((m) =>
    Object.assign(globalThis, { __e2eSend: m.sendMessage }),
  );
