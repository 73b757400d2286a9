import { fakeBrowser } from 'wxt/testing/fake-browser';

/**
 * Makes the fake browser deliver `runtime.sendMessage` to the background's listeners with the
 * sender an extension page has (the fake sends `{}`, which the router rightly refuses), so tests
 * use the real client (`sendMessage`) and the real router.
 */
export function sendAsOwnPage(page = '/popup.html') {
  const runtime = fakeBrowser.runtime as unknown as {
    id: string;
    getURL(p: string): string;
    sendMessage: (m: unknown) => Promise<unknown>;
  };
  const sender = { id: runtime.id, url: runtime.getURL(page) };
  runtime.sendMessage = async (message: unknown) => {
    const answers = await fakeBrowser.runtime.onMessage.trigger(message, sender as never);
    return answers.find((a) => a !== undefined);
  };
}
