import { browser, type Browser } from 'wxt/browser';

// The service worker has no clipboard: it asks this offscreen document (Chrome) to copy a code.
// Only the document the worker created (with ?reason=clipboard) answers, never this page opened in a tab.
const isClipboardDocument = new URLSearchParams(location.search).get('reason') === 'clipboard';

/** The worker's script URL (WXT names it background.js): the only sender this document copies for. */
// Built from this page's own origin: an offscreen document has only part of the runtime API (no getManifest).
const workerUrl = `${location.origin}/background.js`;

/**
 * True only for the extension's own service worker: same extension, no tab (not a content script),
 * and the worker's script URL (not one of the extension's pages, which any bug there could misuse).
 */
function isWorker(sender: Browser.runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && sender.tab === undefined && sender.url === workerUrl;
}

browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => {
  const m = message as { target?: string; text?: unknown };
  if (!isClipboardDocument || m?.target !== 'offscreen-clipboard' || typeof m.text !== 'string')
    return undefined;
  if (!isWorker(sender)) return undefined;
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
