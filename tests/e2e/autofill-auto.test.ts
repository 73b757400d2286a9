import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus } from '../corpus/build';
import { startCorpusServer } from '../corpus/server';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { launchExtension, waitFor, type ExtensionHarness, stockedServiceId } from './harness';

interface StoredRental {
  id: string;
  numberId: number | null;
  codes: { code: string }[];
}

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
    serviceId = await stockedServiceId(ext);
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

  const rentFor = async (origin: string, tabId: number, requestId: string) => {
    const reply = await ext.send('rent', {
      serviceId,
      serviceName: 'Sandbox',
      categoryName: 'Sandbox',
      price: 1,
      requestId,
      site: origin,
      tabId,
    });
    expect(reply.err).toBeUndefined();
    return (reply.res as { rentalId: string }).rentalId;
  };

  /** The stored rental's number id and first code, once the code is there. */
  const codeOf = (rentalId: string) =>
    waitFor(async () => {
      const rentals = (await ext.storage<StoredRental[]>('rentals')) ?? [];
      const r = rentals.find((x) => x.id === rentalId);
      return r?.codes[0] ? { numberId: r.numberId!, code: r.codes[0].code } : null;
    }, 'the code');

  /** getMessage requests the sandbox logged for a number. */
  const polls = (numberId: number) =>
    sandbox.requests.filter((r) => r.endpoint === 'getMessage' && r.params.number_id === String(numberId))
      .length;

  it('fills the code into the allowed site without a click', async () => {
    const { page, tabId, origin } = await openSite();
    expect(await ext.send('setAutofillSite', { origin, enabled: true })).toEqual({ res: { ok: true } });
    expect((await ext.storage<{ autofillSites: string[] }>('settings')).autofillSites).toEqual([origin]);
    const { code } = await codeOf(await rentFor(origin, tabId, 'auto-1'));
    await waitFor(async () => (await page.textContent('#state')) === code, 'the page to hold the code');
    const decoys = await page.$$eval('input.decoy', (els) => els.map((e) => (e as HTMLInputElement).value));
    expect(decoys.length).toBeGreaterThan(3);
    expect(decoys.every((v) => v === '')).toBe(true);
    await page.close();
  });

  it('writes nothing once automatic fill is turned off for the site', async () => {
    const { page, tabId, origin } = await openSite();
    expect(await ext.send('setAutofillSite', { origin, enabled: false })).toEqual({ res: { ok: true } });
    expect((await ext.storage<{ autofillSites: string[] }>('settings')).autofillSites).toEqual([]);
    const { numberId } = await codeOf(await rentFor(origin, tabId, 'auto-2'));
    // The poller hands a new code to the automatic fill before its next round: one more getMessage
    // for this number means the fill was decided.
    const seen = polls(numberId);
    await waitFor(() => polls(numberId) > seen, 'the next poll of the number', 20_000);
    expect(await page.inputValue('#code')).toBe('');
    await page.close();
  });
});
