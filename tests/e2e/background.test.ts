import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { launchExtension, stockedServiceId, waitFor, type ExtensionHarness } from './harness';

interface StoredRental {
  id: string;
  state: string;
  number: string | null;
  numberId: number | null;
  codes: { code: string; seen: boolean }[];
}

const rentRequest = (requestId: string, serviceId: number) => ({
  serviceId,
  serviceName: 'Sandbox service',
  categoryName: 'Sandbox',
  price: 1,
  requestId,
});

describe('background in real Chromium against the sandbox panel', () => {
  let sandbox: Sandbox;
  let ext: ExtensionHarness;
  let serviceId: number;

  beforeAll(async () => {
    sandbox = await startSandbox({ codeDelayMs: 1500 });
    ext = await launchExtension({ keepProfile: true });
    await ext.configure({ origin: sandbox.url, key: sandbox.key });
    serviceId = await stockedServiceId(ext);
  });

  /** Rents through the real client and reads the rental from storage, as the popup does. */
  const rent = async (requestId: string) => {
    const reply = await ext.send('rent', rentRequest(requestId, serviceId));
    expect(reply.err).toBeUndefined();
    const { rentalId } = reply.res as { rentalId: string };
    const list = (await ext.storage<StoredRental[]>('rentals')) ?? [];
    return list.find((r) => r.id === rentalId)!;
  };

  afterAll(async () => {
    await ext?.close();
    await sandbox?.close();
  });

  it('the service worker answers and refuses nothing from its own pages', async () => {
    const reply = await ext.send('testKey', {});
    expect(reply.res).toMatchObject({ amount: expect.any(Number) });
    const wrong = await ext.send('testKey', { key: 'wrong-key' });
    expect(wrong.err).toMatchObject({ kind: 'bad_key' });
    expect(JSON.stringify(wrong)).not.toContain(sandbox.key);
  });

  it('a content script cannot read extension storage, so never the key', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${sandbox.url}/signup`);
    const helper = await ext.openPage('offscreen.html');
    const seen = await helper.evaluate(async (url) => {
      const [tab] = await chrome.tabs.query({ url: url + '*' });
      const out = await chrome.scripting.executeScript({
        target: { tabId: tab!.id! },
        func: async () => {
          try {
            return JSON.stringify(await chrome.storage.local.get(null));
          } catch (e) {
            return 'refused: ' + String(e);
          }
        },
      });
      return String(out[0]!.result);
    }, `${sandbox.url}/signup`);
    await helper.close();
    await page.close();
    expect(seen).toMatch(/^refused/);
    expect(seen).not.toContain(sandbox.key);
  });

  it('rent → the code arrives → badge shows it within seconds, a notification, the rental holds the code', async () => {
    const before = sandbox.count('getNumber');
    const rental = await rent('e2e-1');
    expect(rental.state).toBe('waiting');
    expect(sandbox.count('getNumber')).toBe(before + 1);
    expect((await ext.badge()).text).toBe('1');

    const started = Date.now();
    const stored = await waitFor(
      async () => {
        const list = (await ext.storage<StoredRental[]>('rentals')) ?? [];
        return list.find((r) => r.id === rental.id && r.codes.length > 0);
      },
      'the code to arrive',
      15_000,
    );
    const expected = sandbox.numbers().find((n) => n.id === rental.numberId)!;
    expect(stored.codes[0]!.code).toBe(expected.codes[0]!.code);
    await waitFor(
      async () => (await ext.badge()).text === '1' && (await ext.badge()).color[1]! > 100,
      'a green badge',
    );
    expect(Date.now() - started).toBeLessThan(8_000);
    const page = await ext.openPage('offscreen.html');
    const notes = await page.evaluate(() => chrome.notifications.getAll());
    expect(Object.keys(notes)).toContain(`code:${rental.id}`);
    await page.close();

    await ext.send('markSeen', { rentalId: rental.id });
    await ext.send('finishRental', { rentalId: rental.id });
    await waitFor(async () => (await ext.badge()).text === '', 'an empty badge');
  });

  it('the offscreen document copies a code for the worker (the notification Copy button and the command)', async () => {
    await ext.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const worker = await ext.worker();
    const answer = await worker.evaluate(async () => {
      const has = await chrome.offscreen.hasDocument();
      if (!has) {
        await chrome.offscreen.createDocument({
          url: 'offscreen.html?reason=clipboard',
          reasons: [chrome.offscreen.Reason.CLIPBOARD],
          justification: 'test',
        });
      }
      return chrome.runtime.sendMessage({ target: 'offscreen-clipboard', text: '048213' });
    });
    expect(answer).toEqual({ copied: true });
    const page = await ext.openPage('offscreen.html');
    await page.bringToFront();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('048213');
    await page.close();
  });

  it('a double-click rent sends one getNumber', async () => {
    const before = sandbox.count('getNumber');
    const page = await ext.openPage('offscreen.html');
    const replies = await page.evaluate(
      (req) =>
        Promise.all([
          chrome.runtime.sendMessage({ type: 'rent', data: { ...req, requestId: 'dbl-1' } }),
          chrome.runtime.sendMessage({ type: 'rent', data: { ...req, requestId: 'dbl-2' } }),
        ]),
      rentRequest('x', serviceId),
    );
    await page.close();
    expect(sandbox.count('getNumber')).toBe(before + 1);
    expect(replies[0].res.rentalId).toBe(replies[1].res.rentalId);
    const cancelled = await ext.send('cancelRental', { rentalId: replies[0].res.rentalId });
    expect(cancelled.res).toEqual({ ok: true });
    const all = [
      ...((await ext.storage<StoredRental[]>('rentals')) ?? []),
      ...((await ext.storage<StoredRental[]>('rentalHistory')) ?? []),
    ];
    expect(all.find((r) => r.id === replies[0].res.rentalId)).toMatchObject({
      state: 'cancelled',
      cancel: { refunded: true },
    });
  });

  // Proves the watchdog alarm: Chrome really stops the worker, nothing else wakes it, and the
  // woken worker's start (the one path that resumes polling) picks up the code. Without the
  // alarm this fails; the start path itself is proven in tests/unit/background/watchdog.test.ts.
  it('a stopped worker is woken by the watchdog alarm and picks up the code', async () => {
    sandbox.setCodeDelay(4000);
    const rental = await rent('e2e-stop');
    await ext.stopWorker();
    const started = Date.now();
    const stored = await waitFor(
      async () =>
        ((await ext.storage<StoredRental[]>('rentals')) ?? []).find(
          (r) => r.id === rental.id && r.codes.length,
        ),
      'the watchdog to pick up the code',
      45_000,
      250,
    );
    expect(stored.codes).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(40_000);
  });

  it('a browser restart keeps rentals and history, and polling resumes', async () => {
    sandbox.setCodeDelay(2000);
    const rental = await rent('e2e-restart');
    const profileDir = ext.profileDir;
    await ext.context.close();
    ext = await launchExtension({ profileDir, keepProfile: true });
    const list = (await ext.storage<StoredRental[]>('rentals')) ?? [];
    expect(list.map((r) => r.id)).toContain(rental.id);
    const got = await waitFor(
      async () =>
        ((await ext.storage<StoredRental[]>('rentals')) ?? []).find(
          (r) => r.id === rental.id && r.codes.length,
        ),
      'polling to resume after the restart',
      40_000,
      250,
    );
    expect(got.codes[0]!.code).toMatch(/^\d+$/);
  });
});
