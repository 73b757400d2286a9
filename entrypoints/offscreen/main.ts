import { browser } from 'wxt/browser';

// The service worker has no clipboard: it asks this offscreen document (Chrome) to copy a code.
browser.runtime.onMessage.addListener((message: unknown) => {
  const m = message as { target?: string; text?: unknown };
  if (m?.target !== 'offscreen-clipboard' || typeof m.text !== 'string') return undefined;
  const area = document.getElementById('clip') as HTMLTextAreaElement;
  area.value = m.text;
  area.select();
  const ok = document.execCommand('copy');
  area.value = '';
  return Promise.resolve({ copied: ok });
});
