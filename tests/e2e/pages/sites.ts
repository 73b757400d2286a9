import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import type { ExtensionHarness } from '../harness';

/** A sign-up page with a phone field and a one-time-code field. */
const SIGNUP = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Sign up</title>
<label>Phone <input id="phone" type="tel" autocomplete="tel"></label>
<label>SMS code <input id="code" autocomplete="one-time-code" inputmode="numeric"></label></html>`;

/** A page whose only code field is in a frame served from `frame` (another origin when another port). */
const checkout = (
  frame: string,
) => `<!doctype html><html lang="en"><meta charset="utf-8"><title>Checkout</title>
<p>Pay and verify</p><iframe id="pay" title="Payment" src="${frame}" width="400" height="120"></iframe></html>`;

/** A small web site on its own loopback port (each port is another origin): `/` signs up, `/checkout?frame=` frames another page. */
export interface TestSite {
  origin: string;
  close(): Promise<void>;
}

export async function startSite(): Promise<TestSite> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const body = url.pathname === '/checkout' ? checkout(url.searchParams.get('frame') ?? '') : SIGNUP;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Opens a web page in a tab; answers the page and its tab id as the extension sees it. */
export async function openTab(ext: ExtensionHarness, url: string): Promise<{ page: Page; tabId: number }> {
  const page = await ext.context.newPage();
  await page.goto(url);
  const helper = await ext.openPage('offscreen.html');
  const tabId = await helper.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]!.id!, url);
  await helper.close();
  return { page, tabId };
}
