import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus } from '../corpus/build';
import { startCorpusServer } from '../corpus/server';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { launchExtension, waitFor, type ExtensionHarness } from './harness';

// Automatic fill: a code arriving for a rental made for a site the person allowed is filled
// into that site's open tab without a click; for any other site nothing is written.
describe('automatic fill', () => {
  let sandbox: Sandbox;
  let corpus: { url: string; close(): Promise<void> };
  let ext: ExtensionHarness;
  let serviceId: number;

  beforeAll(async () => {
    await buildCorpus();
    sandbox = await startSandbox({ codeDelayMs: 1200 });
    corpus = await startCorpusServer();
    ext = await launchExtension();
    await ext.configure({ origin: sandbox.url, key: sandbox.key });
    const cats = (await ext.send('getCategories')).res as { id: number }[];
    const rows = (await ext.send('getServices', { categoryId: cats[0]!.id })).res as {
      id: number;
      stock: number;
    }[];
    serviceId = rows.find((r) => r.stock > 5)!.id;
  });

  afterAll(async () => {
    await ext?.close();
    await corpus?.close();
    await sandbox?.close();
  });

  const openSite = async () => {
    const page = await ext.context.newPage();
    await page.goto(`${corpus.url}/one-time-code.html`);
    const helper = await ext.openPage('offscreen.html');
    const tabId = await helper.evaluate(
      async (u) => (await chrome.tabs.query({ url: u }))[0]!.id!,
      `${corpus.url}/one-time-code.html`,
    );
    await helper.close();
    return { page, tabId, origin: new URL(corpus.url).origin };
  };

  const rentFor = async (origin: string, tabId: number, requestId: string) =>
    (
      await ext.send('rent', {
        serviceId,
        serviceName: 'Sandbox',
        categoryName: 'Sandbox',
        price: 1,
        requestId,
        site: origin,
        tabId,
      })
    ).res as { id: string };

  it('fills the code into the allowed site without a click', async () => {
    const { page, tabId, origin } = await openSite();
    const on = await ext.send('setAutofillSite', { origin, enabled: true });
    expect(on.res).toEqual({ sites: [origin] });
    const rental = await rentFor(origin, tabId, 'auto-1');
    const code = await waitFor(
      async () =>
        ((await ext.storage<{ id: string; codes: { code: string }[] }[]>('rentals')) ?? []).find(
          (r) => r.id === rental.id,
        )?.codes[0]?.code,
      'the code',
    );
    await waitFor(async () => (await page.textContent('#state')) === code, 'the page to hold the code');
    const decoys = await page.$$eval('input.decoy', (els) => els.map((e) => (e as HTMLInputElement).value));
    expect(decoys.length).toBeGreaterThan(3);
    expect(decoys.every((v) => v === '')).toBe(true);
    await page.close();
  });

  it('writes nothing once automatic fill is turned off for the site', async () => {
    const { page, tabId, origin } = await openSite();
    await ext.send('setAutofillSite', { origin, enabled: false });
    const rental = await rentFor(origin, tabId, 'auto-2');
    await waitFor(
      async () =>
        ((await ext.storage<{ id: string; codes: unknown[] }[]>('rentals')) ?? []).find(
          (r) => r.id === rental.id,
        )?.codes.length,
      'the code',
    );
    await new Promise((r) => setTimeout(r, 1000));
    expect(await page.inputValue('#code')).toBe('');
    await page.close();
  });
});
