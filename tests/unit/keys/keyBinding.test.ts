// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createApiProvider } from '../../../entrypoints/background/apis';
import type { BalanceFeature } from '../../../entrypoints/background/balance';
import type { Core } from '../../../entrypoints/background/core';
import { closeStorageToContentScripts, createKeys } from '../../../entrypoints/background/keys';
import { createStorageVault } from '../../../utils/keyVault';
import { keyHintItem, panelOriginItem } from '../../../utils/storage';
import { startSandbox, type Sandbox } from '../../sandbox/server';

let a: Sandbox;
let b: Sandbox;
beforeAll(async () => {
  // B takes A's key too, so its log's `hadValidKey` shows whether A's key ever reached it.
  a = await startSandbox();
  b = await startSandbox({ key: a.key });
});
afterAll(async () => {
  await Promise.all([a.close(), b.close()]);
});

const vault = createStorageVault();
function keys() {
  const apis = createApiProvider(vault);
  const balance = { store: vi.fn(async () => {}), refreshQuietly: vi.fn() } as unknown as BalanceFeature;
  const h = createKeys({ apis } as unknown as Core, balance, vault);
  // The handlers as the router calls them, from one of the extension's own pages.
  const page = { url: 'chrome-extension://test/options.html' } as never;
  const handlers = {
    testKey: (d: Parameters<typeof h.testKey>[0]) => h.testKey(d, page),
    saveKey: (d: Parameters<typeof h.saveKey>[0]) => h.saveKey(d, page),
    setOrigin: (d: Parameters<typeof h.setOrigin>[0]) => h.setOrigin(d, page),
  };
  return { apis, handlers };
}
const sawKeyA = (s: Sandbox) => s.requests.some((r) => r.hadValidKey || JSON.stringify(r).includes(a.key));

describe('the key belongs to the panel it was saved for', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    a.reset?.();
    b.requests.length = 0;
    await vault.set({ key: a.key, origin: a.url });
    await keyHintItem.setValue('••••' + a.key.slice(-3));
    await panelOriginItem.setValue(a.url);
  });

  it('a client for another origin gets no key, so it sends no request at all', async () => {
    const { apis } = keys();
    expect(await (await apis.numbers()).getBalance()).toBeTruthy(); // panel A works
    await panelOriginItem.setValue(b.url); // the origin changed behind the key's back
    await expect((await apis.numbers()).getBalance()).rejects.toMatchObject({ kind: 'bad_key' });
    await expect((await apis.orders()).balance()).rejects.toMatchObject({ kind: 'bad_key' });
    expect(b.requests).toHaveLength(0);
  });

  it('testing another address without a typed key is refused before any request (never the saved key)', async () => {
    const { handlers } = keys();
    await expect(handlers.testKey({ origin: b.url })).rejects.toMatchObject({ code: 'no_key' });
    expect(b.requests).toHaveLength(0);
    // The saved key still tests at its own address; a typed key goes to the address it was typed for.
    expect(await handlers.testKey({})).toBeTruthy();
    await expect(handlers.testKey({ origin: b.url, key: 'typed-for-b' })).rejects.toMatchObject({
      kind: 'bad_key',
    });
    expect(b.requests.length).toBeGreaterThan(0);
    expect(sawKeyA(b)).toBe(false);
  });

  it('changing the address forgets the key: nothing of it is left for the new panel', async () => {
    const { handlers, apis } = keys();
    await handlers.setOrigin({ origin: b.url });
    expect(await vault.get()).toBeNull();
    expect(await keyHintItem.getValue()).toBe('');
    expect(await panelOriginItem.getValue()).toBe(b.url);
    await expect((await apis.numbers()).getBalance()).rejects.toMatchObject({ kind: 'bad_key' });
    expect(b.requests).toHaveLength(0);
  });

  it('the same address keeps the key; a plain-http address away from this machine is refused', async () => {
    const { handlers } = keys();
    await handlers.setOrigin({ origin: a.url + '/' });
    expect((await vault.get())?.key).toBe(a.key);
    await expect(handlers.setOrigin({ origin: 'http://example.test' })).rejects.toMatchObject({
      code: 'insecure_origin',
      params: { origin: 'http://example.test' },
    });
    await expect(handlers.saveKey({ key: 'x', origin: 'http://example.test' })).rejects.toMatchObject({
      code: 'insecure_origin',
    });
    expect(await panelOriginItem.getValue()).toBe(a.url);
  });

  it('when storage cannot be closed to content scripts, the worker says so and no key is saved', async () => {
    const local = fakeBrowser.storage.local as unknown as { setAccessLevel?: unknown };
    const had = local.setAccessLevel;
    local.setAccessLevel = undefined;
    try {
      await expect(closeStorageToContentScripts(vault)).rejects.toThrow(/setAccessLevel/);
      const { handlers } = keys();
      await vault.clear();
      await expect(handlers.saveKey({ key: a.key, origin: a.url })).rejects.toMatchObject({
        code: 'key_unprotected',
      });
      expect(await vault.get()).toBeNull();
    } finally {
      local.setAccessLevel = had ?? (async () => {});
      await closeStorageToContentScripts(vault);
    }
  });
});
