import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { waitFor, type SendResult } from '../e2e/harness';

export { waitFor } from '../e2e/harness';
export type { SendResult } from '../e2e/harness';

/** The Firefox e2e build: `npm run build:e2e:firefox` writes it (grants http://127.0.0.1/*, pages web-accessible). */
export const FIREFOX_EXTENSION_DIR = resolve(process.env.FIREFOX_EXTENSION_DIR ?? '.output/firefox-mv2-e2e');

/** Debian's Firefox ESR. */
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** The fixed internal uuid the tests give the add-on, so its pages have a known address. */
export const EXTENSION_UUID = '5d1b7e0c-3f4a-4c2e-9a61-2b8f0d6c7e15';
export const EXTENSION_BASE = `moz-extension://${EXTENSION_UUID}/`;

export interface FirefoxHarness {
  browser: Browser;
  /** A loopback page's origin (http://127.0.0.1:PORT): the springboard to extension pages, and a sign-up page. */
  siteUrl: string;
  /** Opens an extension page (e.g. 'popup.html?tab=3') in a new tab, through the loopback page. */
  openPage(path: string): Promise<Page>;
  /** Opens a plain page on the loopback site ('/signup' is a sign-up form with phone and code fields). */
  openSite(path: string): Promise<Page>;
  /** The quiet extension page (offscreen.html) the harness sends and reads from; evaluate runs there. */
  helper(): Promise<Page>;
  /** Sends one protocol message through the real client (`sendMessage`), from the quiet offscreen page. */
  send(type: string, data?: unknown): Promise<SendResult>;
  /** Reads storage.local from an extension page. */
  storage<T = unknown>(key: string): Promise<T>;
  /** The toolbar badge: its text and background colour (RGBA). */
  badge(): Promise<{ text: string; color: number[] }>;
  /** The extension's id for a tab showing `url`. */
  tabIdOf(url: string): Promise<number>;
  close(): Promise<void>;
}

const SIGNUP_HTML = `<!doctype html><html lang="en"><head><title>Sign up</title></head><body>
<h1>Sign up</h1>
<label>Phone <input id="phone" type="tel" name="phone" autocomplete="tel"></label>
<label>SMS code <input id="code" name="code" autocomplete="one-time-code" inputmode="numeric"></label>
</body></html>`;

/** A loopback site: a blank page (the springboard) and a sign-up page. */
async function serveSite(): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(req.url === '/signup' ? SIGNUP_HTML : '<!doctype html><title>blank</title>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** Launches headless Firefox ESR with the Firefox e2e build installed as a temporary add-on. */
export async function launchFirefox(): Promise<FirefoxHarness> {
  const manifestPath = join(FIREFOX_EXTENSION_DIR, 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new Error(`No Firefox build at ${FIREFOX_EXTENSION_DIR}: run "npm run build:e2e:firefox" first.`);
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    browser_specific_settings: { gecko: { id: string } };
  };
  const geckoId = manifest.browser_specific_settings.gecko.id;
  const site = await serveSite();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: EXTENSION_UUID }),
      // English sentences whatever the machine's locale.
      'intl.locale.requested': 'en-US',
    },
  });
  await browser.installExtension(FIREFOX_EXTENSION_DIR);

  const openSite = async (path: string) => {
    const page = await browser.newPage();
    await page.goto(site.url + path);
    return page;
  };
  const openPage = async (path: string) => {
    const page = await openSite('/');
    // WebDriver may not navigate to moz-extension://; a web page may open a web-accessible one.
    // Puppeteer reports no navigation event for it: poll the document until it is the extension page.
    const url = EXTENSION_BASE + path;
    await page.evaluate((u) => void (location.href = u), url);
    await waitFor(
      () =>
        page
          .evaluate(() => document.readyState === 'complete' && location.href)
          .then((href) => href === url)
          .catch(() => false),
      `the extension page ${path}`,
    );
    return page;
  };
  let helperPage: Page | null = null;
  const helper = async () => {
    if (helperPage && !helperPage.isClosed()) return helperPage;
    helperPage = await openPage('offscreen.html');
    // The e2e build loads the client there with a dynamic import: wait until it is in place.
    await helperPage.waitForFunction(() => '__e2eSend' in globalThis, { timeout: 10_000 });
    return helperPage;
  };

  return {
    browser,
    siteUrl: site.url,
    openPage,
    openSite,
    helper,
    async send(type, data = {}) {
      const page = await helper();
      return page.evaluate(
        async (type, data) => {
          const send = (globalThis as unknown as { __e2eSend: (t: string, d: unknown) => Promise<unknown> })
            .__e2eSend;
          try {
            return { res: await send(type, data) };
          } catch (e) {
            const error = e as Error;
            return {
              err: JSON.parse(JSON.stringify({ ...error, name: error.name, message: error.message })),
            };
          }
        },
        type,
        data,
      ) as Promise<SendResult>;
    },
    async storage<T>(key: string) {
      const page = await helper();
      return (await page.evaluate(
        async (k) => (await (globalThis as unknown as { browser: Ext }).browser.storage.local.get(k))[k],
        key,
      )) as T;
    },
    async badge() {
      const page = await helper();
      return page.evaluate(async () => {
        const action = (globalThis as unknown as { browser: Ext }).browser.browserAction;
        return { text: await action.getBadgeText({}), color: await action.getBadgeBackgroundColor({}) };
      }) as Promise<{ text: string; color: number[] }>;
    },
    async tabIdOf(url) {
      const page = await helper();
      // tabs.query's url is a match pattern, and a Firefox pattern carries no port: filter here.
      const tabs = await page.evaluate(async () =>
        (await (globalThis as unknown as { browser: Ext }).browser.tabs.query({})).map((t) => ({
          id: t.id,
          url: t.url,
        })),
      );
      return tabs.find((t) => t.url === url)!.id!;
    },
    async close() {
      await browser.close();
      site.server.close();
    },
  };
}

/** The `browser` global of a Firefox extension page (functions passed to evaluate run there). */
type Ext = typeof import('webextension-polyfill');
