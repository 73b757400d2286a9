import type { CDPSession, Page } from 'playwright-core';
import type { ExtensionHarness } from '../harness';

/** Chromium's switch that lets CDP press the extension's toolbar button (`Extensions.triggerAction`). */
export const TOOLBAR_SWITCH = '--enable-unsafe-extension-debugging';

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/**
 * The real toolbar popup, opened the way a person opens it: a click on the extension's button over
 * a tab (CDP `Extensions.triggerAction`), which also grants `activeTab` for that tab, so the popup
 * reads the tab's URL without any host permission. Playwright does not list the popup as a page:
 * it is driven over CDP (expressions evaluated in it). Launch with `args: [TOOLBAR_SWITCH]`.
 */
export class ToolbarPopup {
  private seq = 0;
  private readonly waiting = new Map<
    number,
    (message: { result?: { result?: { value?: unknown } } }) => void
  >();

  private constructor(
    private readonly cdp: CDPSession,
    private readonly targetId: string,
    private readonly sessionId: string,
  ) {
    // Messages of the attached popup arrive on the browser session (a session that is not flattened).
    cdp.on(
      'Target.receivedMessageFromTarget' as never,
      ((e: { sessionId: string; message: string }) => {
        if (e.sessionId !== this.sessionId) return;
        const m = JSON.parse(e.message) as { id: number; result?: { result?: { value?: unknown } } };
        this.waiting.get(m.id)?.(m);
        this.waiting.delete(m.id);
      }) as never,
    );
  }

  /** Brings the page's tab to the front, presses the toolbar button over it, attaches to the popup. */
  static async open(ext: ExtensionHarness, page: Page): Promise<ToolbarPopup> {
    await page.bringToFront();
    const cdp = await ext.context.browser()!.newBrowserCDPSession();
    const tabs = (await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never)) as {
      targetInfos: TargetInfo[];
    };
    const tab = tabs.targetInfos.find((t) => t.url === page.url());
    if (!tab) throw new Error(`no tab target for ${page.url()}`);
    const popupUrl = `chrome-extension://${ext.extensionId}/popup.html`;
    const before = new Set((await pages(cdp)).filter((t) => t.url === popupUrl).map((t) => t.targetId));
    await cdp.send(
      'Extensions.triggerAction' as never,
      { id: ext.extensionId, targetId: tab.targetId } as never,
    );
    let popup: TargetInfo | undefined;
    for (let i = 0; i < 100 && !popup; i++) {
      popup = (await pages(cdp)).find((t) => t.url === popupUrl && !before.has(t.targetId));
      if (!popup) await new Promise((r) => setTimeout(r, 100));
    }
    if (!popup) throw new Error('the toolbar button opened no popup');
    const { sessionId } = (await cdp.send('Target.attachToTarget', {
      targetId: popup.targetId,
      flatten: false,
    })) as { sessionId: string };
    return new ToolbarPopup(cdp, popup.targetId, sessionId);
  }

  /** Evaluates an expression in the popup (awaiting a promise) and answers its value. */
  evaluate<T>(expression: string): Promise<T> {
    const id = ++this.seq;
    return new Promise<T>((resolve) => {
      this.waiting.set(id, (m) => resolve(m.result?.result?.value as T));
      void this.cdp.send(
        'Target.sendMessageToTarget' as never,
        {
          sessionId: this.sessionId,
          message: JSON.stringify({
            id,
            method: 'Runtime.evaluate',
            params: { expression, returnByValue: true, awaitPromise: true },
          }),
        } as never,
      );
    });
  }

  /** Waits until an expression evaluated in the popup is truthy; answers its value. */
  async waitFor<T>(expression: string, what: string, timeoutMs = 15_000): Promise<T> {
    const until = Date.now() + timeoutMs;
    let last: T | undefined;
    while (Date.now() < until) {
      last = await this.evaluate<T>(expression);
      if (last) return last;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`popup: timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
  }

  /** Closes the popup (as a click elsewhere does). */
  async close(): Promise<void> {
    await this.cdp.send('Target.closeTarget', { targetId: this.targetId });
    await this.cdp.detach();
  }
}

async function pages(cdp: CDPSession): Promise<TargetInfo[]> {
  return ((await cdp.send('Target.getTargets')) as { targetInfos: TargetInfo[] }).targetInfos;
}
