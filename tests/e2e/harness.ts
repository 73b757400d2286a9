import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

/** The e2e build: `npm run build:e2e` writes it (it also grants http://127.0.0.1/*). */
export const EXTENSION_DIR = resolve(process.env.EXTENSION_DIR ?? '.output/chrome-mv3-e2e');

/** Debian's Chromium; the wrapper script at /usr/bin/chromium prints noise, the binary does not. */
export function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return existsSync('/usr/lib/chromium/chromium') ? '/usr/lib/chromium/chromium' : '/usr/bin/chromium';
}

export interface LaunchOptions {
  /** Browser UI language, e.g. 'tr'. */
  lang?: string;
  colorScheme?: 'light' | 'dark';
  /** Reuse a profile (browser restart); a fresh temporary one when absent. */
  profileDir?: string;
  /** Keep the profile folder after close (for a restart). */
  keepProfile?: boolean;
  headless?: boolean;
  /** More Chromium switches (e.g. `--enable-unsafe-extension-debugging` for pages/toolbar.ts). */
  args?: string[];
}

/** The fields of an error the real client threw, as a test sees them. */
export interface ClientError {
  name: string;
  message: string;
  kind?: string;
  code?: string;
  params?: Record<string, unknown>;
  mayHaveCharged?: boolean;
  [field: string]: unknown;
}

/** What `send` answers: the client's result, or the error it threw. */
export interface SendResult {
  res?: unknown;
  err?: ClientError;
}

export interface ExtensionHarness {
  context: BrowserContext;
  extensionId: string;
  profileDir: string;
  /** The live service worker (waits for a new one after a stop). */
  worker(): Promise<Worker>;
  /** Opens an extension page in a tab, e.g. 'popup.html?tab=3'. */
  openPage(path: string): Promise<Page>;
  openPopup(query?: string): Promise<Page>;
  openOptions(): Promise<Page>;
  /** Saves key and origin the way the background does (no UI), and clears the catalogue cache. */
  configure(opts: { origin: string; key: string }): Promise<void>;
  /**
   * Sends one protocol message through the real client (`sendMessage` of utils/messaging/client.ts,
   * exposed by the e2e build on the offscreen page): answers `{ res }`, or `{ err }` with the fields
   * of the error the client threw (name, kind, code, params, mayHaveCharged…).
   */
  send(type: string, data?: unknown): Promise<SendResult>;
  /** Sends any message with `chrome.runtime.sendMessage` from an extension page; answers the raw reply. */
  sendRaw(message: unknown): Promise<unknown>;
  /** Reads chrome.storage.local from an extension page. */
  storage<T = unknown>(key: string): Promise<T>;
  badge(): Promise<{ text: string; color: number[] }>;
  /** Stops the extension's service worker the way Chrome does when it is idle. */
  stopWorker(): Promise<void>;
  close(): Promise<void>;
}

/** Launches Chromium with the built extension loaded, headless, on a temporary or given profile. */
export async function launchExtension(options: LaunchOptions = {}): Promise<ExtensionHarness> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No extension build at ${EXTENSION_DIR}: run "npm run build:e2e" first.`);
  }
  const profileDir = options.profileDir ?? (await mkdtemp(join(tmpdir(), 'ext-profile-')));
  const args = [
    `--disable-extensions-except=${EXTENSION_DIR}`,
    `--load-extension=${EXTENSION_DIR}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ];
  if (options.lang) args.push(`--lang=${options.lang}`);
  args.push(...(options.args ?? []));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    args,
    locale: options.lang,
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: 420, height: 640 },
    env: {
      ...process.env,
      ...(options.lang ? { LANGUAGE: options.lang, LANG: `${options.lang}.UTF-8` } : {}),
    },
  });
  let sw = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  sw ??= await context.waitForEvent('serviceworker', { timeout: 20_000 });
  const extensionId = new URL(sw.url()).host;
  const base = `chrome-extension://${extensionId}/`;
  let helperPage: Page | null = null;

  const openPage = async (path: string) => {
    const page = await context.newPage();
    await page.goto(base + path);
    return page;
  };
  // A quiet extension page to send messages and read storage from: the offscreen page sends nothing.
  const helper = async () => {
    if (helperPage && !helperPage.isClosed()) return helperPage;
    helperPage = await context.newPage();
    await helperPage.goto(base + 'offscreen.html');
    // The e2e build loads the client there with a dynamic import: wait until it is in place.
    await helperPage.waitForFunction(() => '__e2eSend' in globalThis, undefined, { timeout: 10_000 });
    return helperPage;
  };

  const harness: ExtensionHarness = {
    context,
    extensionId,
    profileDir,
    async worker() {
      const live = context.serviceWorkers().filter((w) => w.url().startsWith(base));
      if (live.length) return live[live.length - 1]!;
      return context.waitForEvent('serviceworker', { timeout: 40_000 });
    },
    openPage,
    openPopup: (query = '') => openPage(`popup.html${query}`),
    openOptions: () => openPage('options.html'),
    async configure({ origin, key }) {
      const page = await helper();
      await page.evaluate(
        async ({ origin, key }) => {
          await chrome.storage.local.set({
            apiKey: key,
            keyHint: '••••' + key.slice(-3),
            panelOrigin: origin,
          });
          await chrome.storage.local.remove(['numbersCatalog', 'balance']);
        },
        { origin, key },
      );
    },
    async send(type, data = {}) {
      const page = await helper();
      return page.evaluate(
        async ({ type, data }) => {
          const send = (globalThis as unknown as { __e2eSend: (t: string, d: unknown) => Promise<unknown> })
            .__e2eSend;
          try {
            return { res: await send(type, data) };
          } catch (e) {
            const error = e as Error;
            // Own fields (kind, code, params, mayHaveCharged…) plus name and message; JSON drops `cause`.
            return {
              err: JSON.parse(JSON.stringify({ ...error, name: error.name, message: error.message })),
            };
          }
        },
        { type, data },
      );
    },
    async sendRaw(message) {
      const page = await helper();
      return page.evaluate((m) => chrome.runtime.sendMessage(m), message);
    },
    async storage<T>(key: string) {
      const page = await helper();
      return (await page.evaluate(async (k) => (await chrome.storage.local.get(k))[k], key)) as T;
    },
    async badge() {
      const page = await helper();
      return page.evaluate(async () => ({
        text: await chrome.action.getBadgeText({}),
        color: await chrome.action.getBadgeBackgroundColor({}),
      }));
    },
    async stopWorker() {
      const page = await helper();
      const cdp = await context.newCDPSession(page);
      const { targetInfos } = await cdp.send('Target.getTargets');
      const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(base));
      if (!target) return;
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await cdp.detach();
    },
    async close() {
      await context.close();
      if (!options.keepProfile && !options.profileDir) await rm(profileDir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** Waits until `probe` returns a truthy value, polling; throws with `what` after the timeout. */
export async function waitFor<T>(
  probe: () => Promise<T> | T,
  what: string,
  timeoutMs = 15_000,
  everyMs = 100,
) {
  const until = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < until) {
    last = await probe();
    if (last) return last;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what} (last: ${JSON.stringify(last)})`);
}

/**
 * The id of a service of the first category with more than five in stock, read the way the popup
 * reads it: ask the background, then read the `numbersCatalog` item (actions answer only an ack).
 */
export async function stockedServiceId(ext: ExtensionHarness): Promise<number> {
  type Catalog = {
    categories: { id: number }[];
    services: Record<string, { rows: { id: number; stock: number | null }[] }>;
  };
  const ack = { res: { ok: true } };
  if (JSON.stringify(await ext.send('getCategories')) !== JSON.stringify(ack))
    throw new Error('getCategories was not acknowledged');
  const categoryId = (await ext.storage<Catalog>('numbersCatalog')).categories[0]!.id;
  if (JSON.stringify(await ext.send('getServices', { categoryId })) !== JSON.stringify(ack))
    throw new Error('getServices was not acknowledged');
  const rows = (await ext.storage<Catalog>('numbersCatalog')).services[String(categoryId)]!.rows;
  return rows.find((r) => (r.stock ?? 0) > 5)!.id;
}
