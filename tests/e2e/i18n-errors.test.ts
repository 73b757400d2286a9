import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import tr from '../../public/_locales/tr/messages.json';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { launchExtension, waitFor, type ExtensionHarness } from './harness';
import { PopupPage } from './pages/popup';

// A refusal from the background reaches a Turkish browser in Turkish: the error carries a code,
// and the popup picks the sentence from its own catalogue (never an English text from the wire).

const NO_FIELD_HTML = `<!doctype html><html lang="tr"><body>
<h1>Hoş geldiniz</h1><p>Bu sayfada doldurulacak bir alan yok.</p>
</body></html>`;

/** A page on 127.0.0.1 with no code field at all. */
async function servePlainPage(): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(NO_FIELD_HTML);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/welcome`, server };
}

/** The tab id of a page the test opened, as the extension sees it. */
async function tabIdOf(ext: ExtensionHarness, url: string): Promise<number> {
  const helper = await ext.openPage('options.html');
  const id = await helper.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]!.id!, url);
  await helper.close();
  return id;
}

describe('errors in a Turkish browser', () => {
  let sandbox: Sandbox;
  let ext: ExtensionHarness;
  let plain: { url: string; server: Server };

  beforeAll(async () => {
    sandbox = await startSandbox({ codeDelayMs: 500 });
    plain = await servePlainPage();
    ext = await launchExtension({ lang: 'tr' });
    await ext.configure({ origin: sandbox.url, key: sandbox.key });
  });
  afterAll(async () => {
    await ext?.close();
    await sandbox?.close();
    plain?.server.close();
  });

  it('Fill over a page with nothing to fill says so in Turkish', async () => {
    const site = await ext.context.newPage();
    await site.goto(plain.url);
    const tabId = await tabIdOf(ext, plain.url);
    const popup = await PopupPage.open(ext, `?tab=${tabId}`);
    expect(await popup.page.locator('html').getAttribute('lang')).toBe('tr');

    await popup.openCategory('WhatsApp');
    await popup.rentButton('Whatsapp Fransa').click();
    await popup.codeOf('Whatsapp Fransa').waitFor({ timeout: 15_000 });

    await popup.fillCode('Whatsapp Fransa');
    // The background looks twice (the second time waiting for a late field) before it answers no_field.
    const note = await waitFor(
      async () => {
        const text = (await popup.noteOf('Whatsapp Fransa').allTextContents()).join('');
        return text === tr.err_no_field.message ? text : null;
      },
      'the Turkish "nothing to fill on this page" sentence',
      20_000,
    );
    expect(note).not.toBe(en.err_no_field.message);
    expect(await popup.page.locator('body').textContent()).not.toContain(en.err_no_field.message);
    await popup.screenshot('tr-nothing-to-fill');
    await site.close();
    await popup.page.close();
  });
});
