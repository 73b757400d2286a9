import { browser } from 'wxt/browser';

interface OffscreenApi {
  hasDocument?: () => Promise<boolean>;
  createDocument(opts: { url: string; reasons: string[]; justification: string }): Promise<void>;
}

/**
 * Copies text from the background: through an offscreen document on Chrome (the worker has no
 * clipboard), through the background page's own document on Firefox.
 */
export async function copyFromBackground(text: string): Promise<boolean> {
  const offscreen = (browser as unknown as { offscreen?: OffscreenApi }).offscreen;
  if (offscreen) {
    const has = (await offscreen.hasDocument?.()) ?? false;
    if (!has) {
      await offscreen
        .createDocument({
          url: 'offscreen.html?reason=clipboard',
          reasons: ['CLIPBOARD'],
          justification: 'Copy the SMS code the person asked to copy.',
        })
        .catch(() => undefined);
    }
    const answer = (await browser.runtime.sendMessage({ target: 'offscreen-clipboard', text })) as
      { copied: boolean } | undefined;
    return Boolean(answer?.copied);
  }
  if (typeof navigator !== 'undefined' && navigator.clipboard) {
    await navigator.clipboard.writeText(text);
    return true;
  }
  return false;
}
