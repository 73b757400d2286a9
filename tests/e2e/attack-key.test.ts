import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { launchExtension, type ExtensionHarness } from './harness';

// An attacker's tests of the key's binding to one secure panel, in a Turkish browser. Panel B runs
// with panel A's key, so B's `hadValidKey` shows whether A's key ever reached it.
describe('the key belongs to one secure panel (real Chromium, two sandbox panels)', () => {
  let a: Sandbox;
  let b: Sandbox;
  let ext: ExtensionHarness;
  const sawKeyOfA = () => b.requests.filter((r) => r.hadValidKey || JSON.stringify(r).includes(a.key));

  beforeAll(async () => {
    a = await startSandbox();
    b = await startSandbox({ key: a.key });
    ext = await launchExtension({ lang: 'tr' });
  });
  afterAll(async () => {
    await ext?.close();
    await Promise.all([a?.close(), b?.close()]);
  });

  it("changing the address to panel B in the options page never sends A's key to B, and the page asks for B's key", async () => {
    await ext.configure({ origin: a.url, key: a.key });
    expect((await ext.send('getBalance')).err).toBeUndefined(); // the key works at A
    const page = await ext.openOptions();
    await page.fill('#options-origin', b.url);
    await page.press('#options-origin', 'Enter');
    const note = page.getByTestId('origin-note');
    await note.filter({ hasText: b.url }).waitFor({ timeout: 10_000 });
    expect(await note.textContent()).toBe(
      `Panel adresi artık ${b.url}. Kayıtlı anahtar ${a.url} içindi ve başka bir adrese asla gönderilmez: ${b.url} için anahtarı yapıştırın.`,
    );
    expect(await ext.storage('panelOrigin')).toBe(b.url);
    // Whatever the pages ask now, nothing reaches B with A's key (a call that needs a key is refused).
    expect((await ext.send('getBalance')).err).toBeDefined();
    await ext.send('getCategories');
    await ext.send('refreshOrders');
    expect(sawKeyOfA()).toEqual([]);
    await page
      .getByTestId('key-status')
      .filter({ hasText: `${b.url} için kayıtlı bir API anahtarı yok` })
      .waitFor();
    expect(JSON.stringify(await page.content())).not.toContain(a.key);
    await page.close();
  });

  it("testing panel B's address without typing a key sends nothing to B with A's key", async () => {
    await ext.configure({ origin: a.url, key: a.key });
    b.requests.length = 0;
    const reply = await ext.send('testKey', { origin: b.url });
    expect(reply.err).toMatchObject({ code: 'no_key' });
    expect(sawKeyOfA()).toEqual([]);
    expect(b.requests).toHaveLength(0);
    // The saved key still tests at its own address.
    expect((await ext.send('testKey', { origin: a.url })).res).toMatchObject({ amount: expect.any(Number) });
  });

  it('a plain-http address away from this machine is refused, in the Turkish sentence, and nothing changes', async () => {
    await ext.configure({ origin: a.url, key: a.key });
    const reply = await ext.send('setOrigin', { origin: 'http://example.test' });
    expect(reply.err).toMatchObject({ code: 'insecure_origin', params: { origin: 'http://example.test' } });
    const page = await ext.openOptions();
    await page.fill('#options-origin', 'http://example.test');
    await page.press('#options-origin', 'Enter');
    const note = page.getByTestId('origin-note');
    await note.filter({ hasText: 'güvenli bir adres değil' }).waitFor({ timeout: 10_000 });
    expect(await note.textContent()).toContain('http://example.test güvenli bir adres değil');
    expect(await ext.storage('panelOrigin')).toBe(a.url);
    expect(await ext.storage('apiKey')).toBe(a.key);
    await page.close();
  });
});
