import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { launchExtension, waitFor, type ExtensionHarness } from './harness';
import { PopupPage } from './pages/popup';

// A panel that puts the whole SMS in `code`: the extension shows the code big with the SMS beside it,
// and fills, copies and notifies only the code.

const SMS = 'G-{code} is your Google verification code.';

const SIX_BOXES_HTML = `<!doctype html><html lang="en"><body>
<h1>Sign up</h1>
<label>Phone <input id="phone" type="tel" autocomplete="tel"></label>
<fieldset><legend>Verification code</legend>
${Array.from({ length: 6 }, (_, i) => `<input class="box" maxlength="1" inputmode="numeric" aria-label="Digit ${i + 1}"${i === 0 ? ' autocomplete="one-time-code"' : ''}>`).join('\n')}
</fieldset></body></html>`;

/** A sign-up page with six one-digit boxes on 127.0.0.1. */
async function serveSignup(): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(SIX_BOXES_HTML);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/signup`, server };
}

describe('a whole SMS in the code field', () => {
  let sandbox: Sandbox;
  let ext: ExtensionHarness;
  let signup: { url: string; server: Server };

  beforeAll(async () => {
    sandbox = await startSandbox({ codeDelayMs: 60 * 60_000, smsFormat: SMS });
    signup = await serveSignup();
    ext = await launchExtension();
    await ext.configure({ origin: sandbox.url, key: sandbox.key });
  });
  afterAll(async () => {
    await ext?.close();
    await sandbox?.close();
    signup?.server.close();
  });

  it('shows 123456 big with the SMS beside it, fills 123456 into six boxes, and notifies 123456', async () => {
    const worker = await ext.worker();
    // Record the notifications the worker creates.
    await worker.evaluate(() => {
      const g = globalThis as unknown as { __notes: string[] };
      g.__notes = [];
      const n = chrome.notifications as unknown as Record<string, (...a: unknown[]) => unknown>;
      const create = n.create!.bind(chrome.notifications);
      n.create = (...args: unknown[]) => {
        g.__notes.push(JSON.stringify(args));
        return create(...args);
      };
    });
    const notes = () => worker.evaluate(() => (globalThis as unknown as { __notes: string[] }).__notes);

    const site = await ext.context.newPage();
    await site.goto(signup.url);
    const helper = await ext.openPage('options.html');
    const tabId = await helper.evaluate(
      async (u) => (await chrome.tabs.query({ url: u }))[0]!.id!,
      signup.url,
    );
    await helper.close();

    const popup = await PopupPage.open(ext, `?tab=${tabId}`);
    await popup.openCategory('Google');
    await popup.rentButton('Google Türkiye').click();
    await popup.numberOf('Google Türkiye').waitFor();
    const numberId = sandbox.numbers()[0]!.id;
    sandbox.deliverCode(numberId, '123456');

    await popup.codeOf('Google Türkiye').waitFor({ timeout: 15_000 });
    expect(await popup.codeOf('Google Türkiye').textContent()).toBe('123456');
    const message = popup.rental('Google Türkiye').getByTestId('code-message');
    expect(await message.textContent()).toBe('Message: G-123456 is your Google verification code.');
    // What the panel answered really was the whole SMS.
    const stored = await ext.storage<{ codes: { code: string; message?: string }[] }[]>('rentals');
    expect(stored[0]!.codes).toEqual([
      expect.objectContaining({ code: '123456', message: 'G-123456 is your Google verification code.' }),
    ]);

    const note = await waitFor(
      async () => (await notes()).find((n) => n.startsWith('["code:')) ?? null,
      'the code notification',
    );
    const [, options] = JSON.parse(note) as [string, { title: string; message: string }];
    expect(options.title).toContain('123456');
    expect(options.title).not.toContain('Google verification');

    await popup.fillCode('Google Türkiye');
    const boxes = site.locator('input.box');
    await waitFor(
      async () =>
        (await boxes.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value).join(''))) ===
        '123456',
      'the six boxes to hold 123456',
    );
    expect(await popup.noteOf('Google Türkiye').textContent()).not.toMatch(/length/i);
    await site.close();
    await popup.page.close();
  });
});
