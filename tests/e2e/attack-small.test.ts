import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { launchExtension, waitFor, type ExtensionHarness } from './harness';

// The small holes of the attacker's suite: who the offscreen document copies for, what an injection
// tells the page, and whether a notification or the history ever holds the key.

/**
 * A sign-up page with a code field that records every `message` event the page receives, and the DOM
 * event a content script's context dispatches on start (the extension id comes in the URL's hash).
 */
const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Sign up</title></head><body>
<label>Code <input id="code" autocomplete="one-time-code" inputmode="numeric" maxlength="6"></label>
<script>
  window.__messages = [];
  addEventListener('message', (e) => {
    window.__messages.push(typeof e.data === 'string' ? e.data : JSON.stringify(e.data));
  });
  // A WXT content script also dispatches a DOM event named "<extension id>:<script>:wxt:content-script-started".
  const id = location.hash.slice(1);
  if (id) document.addEventListener(id + ':autofill:wxt:content-script-started', () => window.__messages.push('started-event'));
</script></body></html>`;

async function startSite(): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/signup`, server };
}

/** What a sender got back from `chrome.runtime.sendMessage`: the answer, or the error it threw. */
type Asked = { answer: unknown } | { error: string };

describe('attack: the small holes', () => {
  const KEY = 'atk-KEY-5sZq81vW';
  let sandbox: Sandbox;
  let site: { url: string; server: Server };
  let ext: ExtensionHarness;

  beforeAll(async () => {
    [sandbox, site] = await Promise.all([
      startSandbox({ key: KEY, codeDelayMs: Number.POSITIVE_INFINITY }),
      startSite(),
    ]);
    ext = await launchExtension();
    await ext.configure({ origin: sandbox.url, key: KEY });
  });
  afterAll(async () => {
    await ext?.close();
    await sandbox?.close();
    site?.server.close();
  });

  /** Opens the site in a tab; answers the page and its tab id. */
  async function openSite(): Promise<{ page: Page; tabId: number }> {
    const page = await ext.context.newPage();
    await page.goto(`${site.url}#${ext.extensionId}`);
    const helper = await ext.openPage('offscreen.html');
    const tabId = await helper.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]!.id!, site.url);
    await helper.close();
    return { page, tabId };
  }

  it('the offscreen document copies for the worker only: an extension page or a content script gets no copy', async () => {
    await ext.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const worker = await ext.worker();
    const fromWorker = await worker.evaluate(async () => {
      if (!(await chrome.offscreen.hasDocument())) {
        await chrome.offscreen.createDocument({
          url: 'offscreen.html?reason=clipboard',
          reasons: [chrome.offscreen.Reason.CLIPBOARD],
          justification: 'test',
        });
      }
      return chrome.runtime.sendMessage({ target: 'offscreen-clipboard', text: 'worker-310557' });
    });
    expect(fromWorker).toEqual({ copied: true });

    // An extension page asks: the send settles (the positive sign) without a copy.
    const pageAsk = (await ext.openPage('offscreen.html')).evaluate(async (): Promise<Asked> =>
      chrome.runtime.sendMessage({ target: 'offscreen-clipboard', text: 'page-999111' }).then(
        (answer: unknown) => ({ answer }),
        (e: unknown) => ({ error: String(e) }),
      ),
    );
    const fromPage = await pageAsk;
    expect(fromPage).not.toEqual({ answer: { copied: true } });

    // A content script (the isolated world of a web page) asks.
    const { page, tabId } = await openSite();
    const fromContent = await worker.evaluate(async (tabId) => {
      const [out] = await chrome.scripting.executeScript({
        target: { tabId },
        func: () =>
          chrome.runtime.sendMessage({ target: 'offscreen-clipboard', text: 'content-999222' }).then(
            (answer: unknown) => ({ answer }),
            (e: unknown) => ({ error: String(e) }),
          ),
      });
      return out!.result as Asked;
    }, tabId);
    expect(fromContent).not.toEqual({ answer: { copied: true } });
    await page.close();

    // The clipboard still holds what the worker copied.
    const reader = await ext.openPage('offscreen.html');
    await reader.bringToFront();
    expect(await reader.evaluate(() => navigator.clipboard.readText())).toBe('worker-310557');
    await reader.close();
  });

  it('an injection of the autofill script posts nothing to the page and dispatches no event', async () => {
    const { page, tabId } = await openSite();
    const reply = await ext.send('fillCode', { tabId, code: '482913' });
    // The positive sign that the script ran in the page: it filled the field.
    expect(reply).toMatchObject({ res: { filled: 1 } });
    expect(await page.inputValue('#code')).toBe('482913');
    // Messages arrive in order: once the page's own probe is in, anything posted before it is too.
    const seen = await page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const w = window as unknown as { __messages: string[] };
          const onProbe = (e: MessageEvent) => {
            if (e.data !== 'probe-after-fill') return;
            removeEventListener('message', onProbe);
            resolve(w.__messages.filter((m) => m !== 'probe-after-fill'));
          };
          addEventListener('message', onProbe);
          postMessage('probe-after-fill', '*');
        }),
    );
    expect(seen).toEqual([]);
    await page.close();
  });

  it('after rent → code → cancel → refund and a wrong-key journey, no notification and no stored history holds the key', async () => {
    const WRONG = 'wrong-KEY-7Hq2xP0c';
    const worker = await ext.worker();
    // Record every notification the worker creates or updates (title, message, buttons…).
    await worker.evaluate(() => {
      const n = chrome.notifications as unknown as Record<string, (...a: unknown[]) => unknown>;
      const g = globalThis as unknown as { __notes: string[] };
      g.__notes = [];
      for (const name of ['create', 'update']) {
        const original = n[name]!.bind(chrome.notifications);
        n[name] = (...args: unknown[]) => {
          g.__notes.push(JSON.stringify(args));
          return original(...args);
        };
      }
    });
    const rentOne = async (requestId: string) => {
      const reply = await ext.send('rent', {
        serviceId: 41,
        serviceName: 'Telegram Endonezya',
        categoryName: 'Telegram',
        price: 0.1,
        requestId,
      });
      expect(reply.err).toBeUndefined();
      const { rentalId } = reply.res as { rentalId: string };
      return waitFor(async () => {
        const r = (
          (await ext.storage<{ id: string; state: string; numberId: number }[]>('rentals')) ?? []
        ).find((x) => x.id === rentalId);
        return r?.state === 'waiting' ? r : null;
      }, 'the number to wait for its code');
    };

    // Rent → the code arrives → its notification.
    const withCode = (await rentOne('atk-code'))!;
    sandbox.deliverCode(withCode.numberId, '604512');
    await waitFor(
      async () =>
        (await worker.evaluate(() => (globalThis as unknown as { __notes: string[] }).__notes)).some((n) =>
          n.includes('604512'),
        ),
      'the code notification',
    );
    // Rent → cancel → refund.
    const toCancel = (await rentOne('atk-cancel'))!;
    expect(await ext.send('cancelRental', { rentalId: toCancel.id })).toEqual({ res: { ok: true } });
    await waitFor(async () => {
      type Ended = { id: string; cancel: { refunded: boolean } | null };
      const all = [
        ...((await ext.storage<Ended[]>('rentals')) ?? []),
        ...((await ext.storage<Ended[]>('rentalHistory')) ?? []),
      ];
      return all.find((r) => r.id === toCancel.id)?.cancel?.refunded === true;
    }, 'the refunded cancel to be stored');
    await ext.send('finishRental', { rentalId: withCode.id });

    // A wrong key: the balance and a rent fail with the panel's bad-key answer.
    await ext.configure({ origin: sandbox.url, key: WRONG });
    expect((await ext.send('getBalance')).err).toMatchObject({ kind: 'bad_key' });
    expect(
      (
        await ext.send('rent', {
          serviceId: 41,
          serviceName: 'x',
          categoryName: 'x',
          price: 0.1,
          requestId: 'atk-wrong',
        })
      ).err,
    ).toMatchObject({ kind: 'bad_key' });

    const notes = await worker.evaluate(() => (globalThis as unknown as { __notes: string[] }).__notes);
    expect(notes.length).toBeGreaterThan(0);
    const helper = await ext.openPage('offscreen.html');
    const stored = await helper.evaluate(async () => {
      const all = await chrome.storage.local.get(null);
      // The key's own items are where it belongs; everything else must not hold it.
      return JSON.stringify(Object.entries(all).filter(([name]) => !/key/i.test(name)));
    });
    await helper.close();
    expect(stored).toContain('604512');
    for (const key of [KEY, WRONG, encodeURIComponent(KEY)]) {
      for (const note of notes) expect(note).not.toContain(key);
      expect(stored).not.toContain(key);
    }
  });
});
