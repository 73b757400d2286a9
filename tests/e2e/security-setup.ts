// Shared by the in-browser security suites (security-*.test.ts): a browser whose every request and
// console line is recorded, helpers to act as a content script, and the check that the key went
// only to the panel.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { startCorpusServer } from '../corpus/server';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { launchExtension, type ExtensionHarness } from './harness';

/** What the browser sent: every request of every page and of the service worker. */
export interface SentRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** The data of a rent message. */
export const rentData = (requestId: string) => ({
  serviceId: 41,
  serviceName: 'Telegram Endonezya',
  categoryName: 'Telegram',
  price: 0.1,
  requestId,
});

/** Every form the key can take on the wire. */
const keyForms = (key: string) => [
  key,
  encodeURIComponent(key),
  new URLSearchParams({ k: key }).toString().slice(2),
];
/** True when the text holds the key in any of its wire forms. */
export const holdsKey = (text: string, key: string) => keyForms(key).some((form) => text.includes(form));

/** A sandbox, the corpus pages, and a browser with the extension whose requests and console are recorded. */
export class SecurityRig {
  readonly sent: SentRequest[] = [];
  readonly logged: string[] = [];
  ext!: ExtensionHarness;
  /** An extension page of the rig's own, for tab look-ups and scripting. */
  helper!: Page;

  private constructor(
    readonly sandbox: Sandbox,
    readonly corpus: { url: string; close(): Promise<void> },
  ) {}

  /** Starts everything and proves both consoles are recorded (so "no key in the console" means something). */
  static async open(): Promise<SecurityRig> {
    const rig = new SecurityRig(await startSandbox({ codeDelayMs: 800 }), await startCorpusServer());
    rig.ext = await launchExtension();
    rig.ext.context.on('request', (r) =>
      rig.sent.push({ url: r.url(), headers: r.headers(), body: r.postData() ?? '' }),
    );
    rig.ext.context.on('console', (m) => rig.logged.push(m.text()));
    rig.ext.context.on('weberror', (e) => rig.logged.push(String(e.error())));
    await rig.ext.configure({ origin: rig.sandbox.url, key: rig.sandbox.key });
    rig.helper = await rig.ext.openPage('offscreen.html');
    await (await rig.ext.worker()).evaluate(() => console.log('canary-from-worker'));
    await rig.helper.evaluate(() => console.log('canary-from-page'));
    return rig;
  }

  async close(): Promise<void> {
    await this.ext?.close();
    await this.sandbox.close();
    await this.corpus.close();
  }

  /** The tab id of a web page (read from an extension page). */
  tabIdOf(url: string): Promise<number> {
    return this.helper.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id ?? -1, url);
  }

  /** Runs `func` as a content script (isolated world) in a tab, from an extension page; answers its result. */
  inContentScript<A, R>(tabId: number, func: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
    // The function goes as source text: Playwright evaluates the expression over the DevTools protocol.
    return this.helper.evaluate(`(async () => {
      const results = await chrome.scripting.executeScript({
        target: { tabId: ${JSON.stringify(tabId)} },
        world: 'ISOLATED',
        func: ${func.toString()},
        args: [${JSON.stringify(arg)}],
      });
      return results[0] ? results[0].result : undefined;
    })()`) as Promise<R>;
  }

  /** The key went only to the panel (both APIs) although other sites were visited, and into no console. */
  expectKeyOnlyToPanel(): void {
    const key = this.sandbox.key;
    const panel = new URL(this.sandbox.url).origin;
    const text = (r: SentRequest) => `${r.url}\n${JSON.stringify(r.headers)}\n${r.body}`;
    const withKey = this.sent.filter((r) => holdsKey(text(r), key));
    // The recording saw the key go to the panel (URL path for /api/v1, form body for /api/v2) and saw other sites.
    expect(withKey.some((r) => r.url.includes('/api/v1/'))).toBe(true);
    expect(withKey.some((r) => r.url.endsWith('/api/v2') && r.body.includes('key='))).toBe(true);
    expect(this.sent.some((r) => r.url.startsWith(this.corpus.url))).toBe(true);
    expect(new Set(withKey.map((r) => new URL(r.url).origin))).toEqual(new Set([panel]));

    expect(this.logged).toEqual(expect.arrayContaining(['canary-from-worker', 'canary-from-page']));
    expect(this.logged.filter((line) => holdsKey(line, key))).toEqual([]);
  }
}
