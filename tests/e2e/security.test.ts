import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCorpusServer } from '../corpus/server';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { launchExtension, waitFor, type ExtensionHarness } from './harness';
import { PopupPage } from './pages/popup';

/** What the browser sent: every request of every page and of the service worker. */
interface SentRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

interface StoredRental {
  id: string;
  state: string;
  numberId: number | null;
  codes: { code: string }[];
}

const SERVICE_ID = 41;
const rentData = (requestId: string) => ({
  serviceId: SERVICE_ID,
  serviceName: 'Telegram Endonezya',
  categoryName: 'Telegram',
  price: 0.1,
  requestId,
});

/** Panel text with markup and script in it: it must reach the person as text. */
const HOSTILE_TEXT = '<b>bold</b><img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

/** Every message type that spends, cancels, reads settings or touches a tab. */
const GUARDED_MESSAGES: [string, unknown][] = [
  ['rent', rentData('from-content-script')],
  ['cancelRental', { rentalId: 'any' }],
  ['placeOrder', { serviceId: 1, link: 'https://example.com', quantity: 100, requestId: 'cs-order' }],
  ['getOrderServices', {}],
  ['getBalance', {}],
  ['testKey', {}],
  ['saveKey', { key: 'attacker-key' }],
  ['clearKey', {}],
  ['setOrigin', { origin: 'https://attacker.example' }],
  ['fillCode', { tabId: 1, code: '123456' }],
  ['setAutofillSite', { origin: 'https://attacker.example', enabled: true }],
];

/** Every form the key can take on the wire. */
const keyForms = (key: string) => [
  key,
  encodeURIComponent(key),
  new URLSearchParams({ k: key }).toString().slice(2),
];
const holdsKey = (text: string, key: string) => keyForms(key).some((form) => text.includes(form));

describe('security: the built store extension', () => {
  const builds = {
    chrome: resolve('.output/chrome-mv3'),
    firefox: resolve('.output/firefox-mv2'),
  };

  beforeAll(() => {
    // Build now: a stale folder would check yesterday's code.
    execFileSync('npx', ['wxt', 'build'], { stdio: 'pipe' });
    execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { stdio: 'pipe' });
  }, 120_000);

  const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const filesOf = (dir: string, ext: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return filesOf(path, ext);
      return path.endsWith(ext) ? [path] : [];
    });

  it('Chrome: host access to the panel only; every other site optional; no content script on all sites', () => {
    const m = manifest(builds.chrome);
    expect(m.host_permissions).toEqual(['https://smmonayim.com/*']);
    expect(m.optional_host_permissions).toEqual(expect.arrayContaining(['https://*/*', 'http://*/*']));
    expect(m.permissions).not.toContain('<all_urls>');
    expect(m.permissions).not.toContain('tabs');
    expect(m.content_scripts ?? []).toEqual([]);
    expect(m.externally_connectable).toBeUndefined();
    expect(m.web_accessible_resources ?? []).toEqual([]);
  });

  it('Firefox: host access to the panel only; other sites can still be asked for (optional permissions)', () => {
    const m = manifest(builds.firefox);
    const hosts = (m.permissions as string[]).filter((p) => p.includes('://') || p === '<all_urls>');
    expect(hosts).toEqual(['https://smmonayim.com/*']);
    expect(m.content_scripts ?? []).toEqual([]);
    // MV2 has no optional_host_permissions: another panel or an autofill site must be in optional_permissions,
    // or permissions.request() for it throws.
    expect(m.optional_permissions ?? []).toEqual(expect.arrayContaining(['https://*/*', 'http://*/*']));
  });

  it.each(['chrome', 'firefox'] as const)(
    '%s: no remote code — no remote scripts, no eval, no new Function',
    (b) => {
      const dir = builds[b];
      const html = filesOf(dir, '.html');
      const js = filesOf(dir, '.js');
      expect(html.length).toBeGreaterThan(1);
      expect(js.length).toBeGreaterThan(2);
      for (const file of html) {
        const text = readFileSync(file, 'utf8');
        expect({ file, remote: text.match(/<script[^>]*\bsrc\s*=\s*["']?(https?:)?\/\/[^>]*>/gi) }).toEqual({
          file,
          remote: null,
        });
      }
      for (const file of js) {
        const text = readFileSync(file, 'utf8');
        const found = text.match(
          /\beval\s*\(|\bnew\s+Function\s*\(|importScripts\s*\(\s*["'`]https?:|import\s*\(\s*["'`]https?:/g,
        );
        expect({ file, found }).toEqual({ file, found: null });
      }
      const csp = manifest(dir).content_security_policy;
      expect(JSON.stringify(csp ?? '')).not.toMatch(/unsafe-eval|https?:/);
    },
  );
});

describe('security in Chromium against the sandbox panel', () => {
  let sandbox: Sandbox;
  let corpus: { url: string; close(): Promise<void> };
  let ext: ExtensionHarness;
  let helper: Page;
  const sent: SentRequest[] = [];
  const logged: string[] = [];

  /** The tab id of a web page (read from an extension page). */
  const tabIdOf = (url: string) =>
    helper.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id ?? -1, url);

  /** Runs `func` as a content script (isolated world) in a tab, from an extension page; answers its result. */
  const inContentScript = <A, R>(tabId: number, func: (arg: A) => R | Promise<R>, arg: A): Promise<R> =>
    // The function goes as source text: Playwright evaluates the expression over the DevTools protocol.
    helper.evaluate(`(async () => {
      const results = await chrome.scripting.executeScript({
        target: { tabId: ${JSON.stringify(tabId)} },
        world: 'ISOLATED',
        func: ${func.toString()},
        args: [${JSON.stringify(arg)}],
      });
      return results[0] ? results[0].result : undefined;
    })()`) as Promise<R>;

  beforeAll(async () => {
    sandbox = await startSandbox({ codeDelayMs: 800 });
    corpus = await startCorpusServer();
    ext = await launchExtension();
    ext.context.on('request', (r) =>
      sent.push({ url: r.url(), headers: r.headers(), body: r.postData() ?? '' }),
    );
    ext.context.on('console', (m) => logged.push(m.text()));
    ext.context.on('weberror', (e) => logged.push(String(e.error())));
    await ext.configure({ origin: sandbox.url, key: sandbox.key });
    helper = await ext.openPage('offscreen.html');
    // Canaries: prove both kinds of console are recorded, so "no key in the console" means something.
    await (await ext.worker()).evaluate(() => console.log('canary-from-worker'));
    await helper.evaluate(() => console.log('canary-from-page'));
  });

  afterAll(async () => {
    await ext?.close();
    await sandbox?.close();
    await corpus?.close();
  });

  it('error replies never hold the key, even when the panel echoes it back', async () => {
    const key = sandbox.key;
    const replies: unknown[] = [];
    for (const fault of [
      { type: 'http500' },
      { type: 'html' },
      { type: 'malformed' },
      { type: 'drop' },
      { type: 'panelError', text: `Invalid API key ${key} for /api/v1/${key}/getBalance` },
    ] as const) {
      // Enough for the client's retries (and Chromium's own replay of a request whose connection dropped).
      sandbox.injectFault('getBalance', fault, 10);
      sandbox.injectFault('balance', fault, 10);
      const reply = await ext.send('getBalance');
      sandbox.clearFaults();
      expect(reply.err?.message).toBeTruthy();
      replies.push(reply);
    }
    sandbox.injectFault('getNumber', { type: 'panelError', text: `Key ${key} has no balance` });
    const rent = await ext.send('rent', rentData('echo-key'));
    expect(rent.err?.message).toBeTruthy();
    replies.push(rent);
    sandbox.injectFault('getNumber', { type: 'http502' });
    const lost = await ext.send('rent', rentData('lost-answer'));
    expect(lost.err).toMatchObject({ kind: 'unavailable', mayHaveCharged: true });
    replies.push(lost);
    replies.push(await ext.send('testKey', { key: 'wrong-key-123' }));
    for (const reply of replies) expect(holdsKey(JSON.stringify(reply), key)).toBe(false);
    expect(JSON.stringify(replies)).not.toContain('wrong-key-123');
    // Errors are kept on rentals too (the "unknown" entry): those must be clean as well.
    expect(holdsKey(JSON.stringify(await ext.storage('rentals')), key)).toBe(false);
  });

  it('a web page has no way to the background: no chrome.runtime, and posted messages rent nothing', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${corpus.url}/one-time-code.html`);
    const before = sandbox.count('getNumber');
    const reach = await page.evaluate(async (data) => {
      const g = globalThis as { chrome?: { runtime?: { sendMessage?: unknown } }; browser?: unknown };
      window.postMessage({ type: 'rent', data }, '*');
      window.postMessage({ type: 'cancelRental', data: { rentalId: 'x' } }, '*');
      await new Promise((r) => setTimeout(r, 1000));
      return { sendMessage: typeof g.chrome?.runtime?.sendMessage, browser: typeof g.browser };
    }, rentData('from-page'));
    expect(reach).toEqual({ sendMessage: 'undefined', browser: 'undefined' });
    expect(sandbox.count('getNumber')).toBe(before);
    await page.close();
  });

  it('a content script cannot rent, cancel, order, read settings, fill or read the key', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${corpus.url}/one-time-code.html`);
    const tabId = await tabIdOf(`${corpus.url}/one-time-code.html`);
    const counts = () =>
      ['getNumber', 'cancelNumber', 'add', 'getBalance', 'balance'].map((e) => sandbox.count(e as 'add'));
    const before = counts();
    const replies = await inContentScript(
      tabId,
      async (messages: [string, unknown][]) => {
        const out: unknown[] = [];
        for (const [type, data] of messages) out.push(await chrome.runtime.sendMessage({ type, data }));
        let storage: string;
        try {
          storage = JSON.stringify(await chrome.storage.local.get(null));
        } catch (e) {
          storage = `refused: ${String(e)}`;
        }
        return { out, storage };
      },
      GUARDED_MESSAGES,
    );
    expect(replies.out).toHaveLength(GUARDED_MESSAGES.length);
    for (const reply of replies.out) expect(reply).toMatchObject({ err: { code: 'forbidden' } });
    expect(counts()).toEqual(before);
    expect(replies.storage).toMatch(/^refused/);
    expect(holdsKey(replies.storage, sandbox.key)).toBe(false);
    expect(await ext.storage('apiKey')).toBe(sandbox.key);
    expect(await ext.storage('panelOrigin')).toBe(sandbox.url);
    await page.close();
  });

  it('a fill sends the content script the code only; afterwards neither page nor content script holds the key', async () => {
    const url = `${corpus.url}/one-time-code.html`;
    const page = await ext.context.newPage();
    await page.goto(url);
    const tabId = await tabIdOf(url);
    // A stand-in autofill API (the real script keeps the first one it finds) records what the worker sends.
    await inContentScript(
      tabId,
      () => {
        const calls: string[] = [];
        const g = globalThis as unknown as Record<string, unknown>;
        g.__recordedCalls = calls;
        g.__smsPanelAutofill = {
          fillCode: (...args: unknown[]) => (calls.push(JSON.stringify(args)), { filled: 1 }),
          fillPhone: (...args: unknown[]) => (calls.push(JSON.stringify(args)), { filled: 1 }),
        };
        chrome.runtime.onMessage.addListener((m: unknown) => void calls.push(JSON.stringify(m)));
        return true;
      },
      null,
    );
    expect(await ext.send('fillCode', { tabId, code: '731902' })).toEqual({ res: { filled: 1 } });
    const calls = await inContentScript(
      tabId,
      () => (globalThis as unknown as { __recordedCalls: string[] }).__recordedCalls,
      null,
    );
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.join('\n')).toContain('731902');
    expect(holdsKey(calls.join('\n'), sandbox.key)).toBe(false);

    // Now a real fill on a fresh load of the page.
    await page.reload();
    const rental = (await ext.send('rent', rentData('fill-check'))).res as StoredRental;
    const withCode = await waitFor(
      async () =>
        ((await ext.storage<StoredRental[]>('rentals')) ?? []).find(
          (r) => r.id === rental.id && r.codes.length,
        ),
      'the code',
    );
    const code = withCode.codes[0]!.code;
    expect(await ext.send('fillCode', { tabId, code })).toMatchObject({ res: { filled: 1 } });
    expect(await page.inputValue('#code')).toBe(code);
    const pageView = await page.evaluate(() => {
      const g = globalThis as unknown as Record<string, unknown>;
      const values = Object.getOwnPropertyNames(g).map((name) => {
        try {
          const v = g[name];
          return typeof v === 'string' ? v : typeof v === 'object' && v !== null ? JSON.stringify(v) : '';
        } catch {
          return '';
        }
      });
      return {
        dom: new XMLSerializer().serializeToString(document),
        globals: values.join('\n'),
        storage:
          JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie,
      };
    });
    expect(pageView.dom).toContain(code);
    expect(holdsKey(pageView.dom, sandbox.key)).toBe(false);
    expect(holdsKey(pageView.globals, sandbox.key)).toBe(false);
    expect(holdsKey(pageView.storage, sandbox.key)).toBe(false);
    const isolated = await inContentScript(
      tabId,
      () => {
        const g = globalThis as unknown as Record<string, unknown>;
        const names = Object.getOwnPropertyNames(g);
        const values = names.map((name) => {
          try {
            const v = g[name];
            return typeof v === 'string' ? v : typeof v === 'object' && v !== null ? JSON.stringify(v) : '';
          } catch {
            return '';
          }
        });
        return { hasApi: names.includes('__smsPanelAutofill'), values: values.join('\n') };
      },
      null,
    );
    expect(isolated.hasApi).toBe(true);
    expect(holdsKey(isolated.values, sandbox.key)).toBe(false);
    await ext.send('cancelRental', { rentalId: rental.id });
    await ext.send('finishRental', { rentalId: rental.id });
    await page.close();
  });

  it('panel texts with markup show as text in the popup: a balance error, a rent error, an order service name', async () => {
    sandbox.injectFault('getBalance', { type: 'panelError', text: HOSTILE_TEXT }, 3);
    sandbox.injectFault('balance', { type: 'panelError', text: HOSTILE_TEXT }, 3);
    const popup = await PopupPage.open(ext);
    const page = popup.page;
    const banner = page.locator('header [role="alert"]');
    await banner.waitFor({ timeout: 10_000 });
    expect(await banner.textContent()).toContain('<b>bold</b><img src=x');

    sandbox.injectFault('getNumber', { type: 'panelError', text: HOSTILE_TEXT });
    await popup.openCategory('Telegram');
    await popup.rentButton('Telegram Endonezya').click();
    const note = page.locator('main [role="alert"]').filter({ hasText: '<b>bold</b>' });
    await note.waitFor({ timeout: 10_000 });
    expect(await note.first().textContent()).toContain('<script>window.__pwned=2</script>');
    sandbox.clearFaults();

    // The sandbox's order catalogue has a service named with an <img onerror> in it.
    await page.locator('#tab-orders').click();
    await page.getByTestId('orders-view-services').click();
    await page.getByTestId('orders-search').fill('Takipçi');
    const service = page.locator('[data-service-id="21"] .oservice-name');
    await service.waitFor({ timeout: 10_000 });
    expect(await service.textContent()).toBe('Instagram Takipçi <img src=x onerror=alert(1)>');

    const markup = await page.evaluate(() => ({
      bold: [...document.querySelectorAll('b')].filter((b) => b.textContent === 'bold').length,
      img: document.querySelectorAll('img[src="x"]').length,
      inlineScripts: document.querySelectorAll('script:not([src])').length,
      pwned: (globalThis as { __pwned?: unknown }).__pwned ?? null,
    }));
    expect(markup).toEqual({ bold: 0, img: 0, inlineScripts: 0, pwned: null });
    await page.close();
  });

  it('after all of the above: the key went only to the panel, and never into any console', async () => {
    const key = sandbox.key;
    const panel = new URL(sandbox.url).origin;
    const text = (r: SentRequest) => `${r.url}\n${JSON.stringify(r.headers)}\n${r.body}`;
    const withKey = sent.filter((r) => holdsKey(text(r), key));
    // The recording saw the key go to the panel (URL path for /api/v1, form body for /api/v2) and saw other sites.
    expect(withKey.some((r) => r.url.includes('/api/v1/'))).toBe(true);
    expect(withKey.some((r) => r.url.endsWith('/api/v2') && r.body.includes('key='))).toBe(true);
    expect(sent.some((r) => r.url.startsWith(corpus.url))).toBe(true);
    expect(new Set(withKey.map((r) => new URL(r.url).origin))).toEqual(new Set([panel]));

    expect(logged).toEqual(expect.arrayContaining(['canary-from-worker', 'canary-from-page']));
    expect(logged.filter((line) => holdsKey(line, key))).toEqual([]);
  });
});
