import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { launchExtension, waitFor, type ExtensionHarness, stockedServiceId } from './harness';

/** A sign-up page: one code field; every value it ever held is kept in `window.__values`. */
const FIELD_PAGE = `<!doctype html><meta charset="utf-8"><title>Verify</title>
<label>One-time code <input id="code" autocomplete="one-time-code" inputmode="numeric"></label>
<script>
  window.__values = [];
  document.getElementById('code').addEventListener('input', (e) => window.__values.push(e.target.value));
</script>`;

/** A page whose only code field is in a frame served from `frame` (another origin when another port). */
const framePage = (frame: string) => `<!doctype html><meta charset="utf-8"><title>Checkout</title>
<p>Pay and verify</p><iframe id="pay" src="${frame}" width="400" height="120"></iframe>`;

/** A small page server on its own loopback port: each port is another origin. */
async function startSite(): Promise<{ origin: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const body = url.pathname === '/checkout' ? framePage(url.searchParams.get('frame') ?? '') : FIELD_PAGE;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

interface StoredRental {
  id: string;
  numberId: number | null;
  state: string;
  codes: { code: string | null; message?: string }[];
}

// The attacker's side of "a code goes where its number was used": a frame of another origin, another
// site in front when the command is pressed, another port of the same host, and a text that is no code.
describe('attack: a code goes only where its number was used', () => {
  let sandbox: Sandbox;
  let siteA: Awaited<ReturnType<typeof startSite>>;
  let siteB: Awaited<ReturnType<typeof startSite>>;
  let ext: ExtensionHarness;
  let serviceId: number;

  beforeAll(async () => {
    // Codes arrive only when a test delivers them.
    sandbox = await startSandbox({ codeDelayMs: 60 * 60_000 });
    [siteA, siteB] = await Promise.all([startSite(), startSite()]);
    ext = await launchExtension();
    await ext.configure({ origin: sandbox.url, key: sandbox.key });
    serviceId = await stockedServiceId(ext);
  });

  afterAll(async () => {
    await ext?.close();
    await Promise.all([siteA?.close(), siteB?.close()]);
    await sandbox?.close();
  });

  /** Opens a page in a tab; its tab id. */
  const open = async (url: string): Promise<{ page: Page; tabId: number }> => {
    const page = await ext.context.newPage();
    await page.goto(url);
    const helper = await ext.openPage('offscreen.html');
    const tabId = await helper.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]!.id!, url);
    await helper.close();
    await page.bringToFront();
    return { page, tabId };
  };

  /** Rents a number for `site` (as the popup does over that site's tab) and waits until it waits for its code. */
  const rentFor = async (site: string, tabId: number, requestId: string) => {
    const reply = await ext.send('rent', {
      serviceId,
      serviceName: 'Sandbox',
      categoryName: 'Sandbox',
      price: 1,
      requestId,
      site,
      tabId,
    });
    expect(reply.err).toBeUndefined();
    const { rentalId } = reply.res as { rentalId: string };
    return waitFor(async () => {
      const r = ((await ext.storage<StoredRental[]>('rentals')) ?? []).find((x) => x.id === rentalId);
      return r?.state === 'waiting' && r.numberId !== null ? { id: r.id, numberId: r.numberId } : null;
    }, 'the number to wait for its code');
  };

  /** Delivers a code and waits until the worker stored it. */
  /** Delivers an SMS (a bare code or a whole message) and waits until the rental stores it. */
  const deliver = async (rental: { id: string; numberId: number }, text: string) => {
    sandbox.deliverCode(rental.numberId, text);
    await waitFor(async () => {
      const r = ((await ext.storage<StoredRental[]>('rentals')) ?? []).find((x) => x.id === rental.id);
      return r?.codes.some((c) => c.code === text || c.message === text) ? true : null;
    }, `the SMS ${text} in storage`);
  };

  /** getMessage requests the sandbox logged for a number. */
  const polls = (numberId: number) =>
    sandbox.requests.filter((r) => r.endpoint === 'getMessage' && r.params.number_id === String(numberId))
      .length;

  /** The poller hands a new code to the automatic fill before its next round: one more poll means it decided. */
  const nextPoll = async (numberId: number) => {
    const seen = polls(numberId);
    await waitFor(() => (polls(numberId) > seen ? true : null), 'the next poll of the number', 30_000);
  };

  const hostOf = (origin: string) => new URL(origin).host;

  it('a code field in a frame of another origin is not filled until the person confirmed that origin', async () => {
    const { page, tabId } = await open(`${siteA.origin}/checkout?frame=${siteB.origin}/field`);
    const frame = () => page.frame({ url: `${siteB.origin}/field` })!;
    await waitFor(async () => (frame() ? true : null), 'the frame to load');

    const refused = await ext.send('fillCode', { tabId, code: '482913' });
    expect(refused).toEqual({ res: { filled: 0, reason: 'other_origin', blockedFrames: [siteB.origin] } });
    expect(await frame().inputValue('#code')).toBe('');

    const confirmed = await ext.send('fillCode', { tabId, code: '482913', allowFrameOrigin: siteB.origin });
    expect(confirmed).toEqual({ res: { filled: 1 } });
    expect(await frame().inputValue('#code')).toBe('482913');
    await page.close();
  });

  it('the fill command over a page of another site fills nothing and a notification names both sites', async () => {
    const worker = await ext.worker();
    // Record the notifications the worker creates.
    await worker.evaluate(() => {
      const g = globalThis as unknown as { __notes: string[]; __notesWrapped?: boolean };
      g.__notes = [];
      if (g.__notesWrapped) return;
      g.__notesWrapped = true;
      const n = chrome.notifications as unknown as Record<string, (...a: unknown[]) => unknown>;
      const create = n.create!.bind(chrome.notifications);
      n.create = (...args: unknown[]) => {
        g.__notes.push(JSON.stringify(args));
        return create(...args);
      };
    });
    const notes = () => worker.evaluate(() => (globalThis as unknown as { __notes: string[] }).__notes);
    // The command's own handler, as the commands listener calls it (a key cannot be pressed headless).
    const pressFill = (tabId: number) =>
      worker.evaluate(async (id) => {
        const g = globalThis as unknown as {
          __e2eTriggers: { onCommand(c: string, tab?: unknown): Promise<void> };
        };
        await g.__e2eTriggers.onCommand('fill-latest-code', await chrome.tabs.get(id));
      }, tabId);

    const rentedOn = await open(`${siteA.origin}/field`);
    const rental = await rentFor(siteA.origin, rentedOn.tabId, 'atk-command');
    await deliver(rental, '739204');

    const elsewhere = await open(`${siteB.origin}/field`);
    await pressFill(elsewhere.tabId);
    const note = await waitFor(
      async () => (await notes()).find((n) => n.includes(hostOf(siteB.origin))) ?? null,
      'a notification naming the page in front',
    );
    expect(note).toContain(hostOf(siteA.origin));
    expect(
      await elsewhere.page.evaluate(() => (window as unknown as { __values: string[] }).__values),
    ).toEqual([]);
    expect(await elsewhere.page.inputValue('#code')).toBe('');

    // The same command over the site the number was rented for types its code.
    await rentedOn.page.bringToFront();
    await pressFill(rentedOn.tabId);
    expect(await rentedOn.page.inputValue('#code')).toBe('739204');
    await Promise.all([rentedOn.page.close(), elsewhere.page.close()]);
    await ext.send('finishRental', { rentalId: rental.id });
  });

  it('automatic fill for http://127.0.0.1:A is refused on http://127.0.0.1:B', async () => {
    expect(await ext.send('setAutofillSite', { origin: siteA.origin, enabled: true })).toEqual({
      res: { ok: true },
    });
    // The worst case: the number was even rented from this very tab, which now shows another port.
    const { page, tabId } = await open(`${siteB.origin}/field`);
    const rental = await rentFor(siteA.origin, tabId, 'atk-port');
    await deliver(rental, '615302');
    await nextPoll(rental.numberId);
    expect(await page.evaluate(() => (window as unknown as { __values: string[] }).__values)).toEqual([]);
    expect(await page.inputValue('#code')).toBe('');
    await page.close();
    await ext.send('finishRental', { rentalId: rental.id });
  });

  it('an implausible code is never typed automatically; the next real code is', async () => {
    expect(await ext.send('setAutofillSite', { origin: siteA.origin, enabled: true })).toEqual({
      res: { ok: true },
    });
    const { page, tabId } = await open(`${siteA.origin}/field`);
    const rental = await rentFor(siteA.origin, tabId, 'atk-implausible');
    // A labelled code made mostly of letters: it is picked out of the message and shown, but it does
    // not look like a one-time code, so nothing types it without the person's click.
    await deliver(rental, 'Your code is AB12CD');
    await nextPoll(rental.numberId);
    // A real code afterwards is typed: automatic fill was on all along.
    await deliver(rental, '204817');
    await waitFor(async () => ((await page.inputValue('#code')) === '204817' ? true : null), 'the real code');
    const values = await page.evaluate(() => (window as unknown as { __values: string[] }).__values);
    expect(values.some((v) => /[A-Z]/.test(v))).toBe(false);
    await page.close();
    await ext.send('finishRental', { rentalId: rental.id });
  });
});
