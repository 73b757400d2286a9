import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  createSecretVault,
  createStorageVault,
  type SecretStore,
  type VaultEntry,
} from '../../../utils/keyVault';
import { checkOrigin, isSecureOrigin } from '../../../utils/settings';
import { apiKeyItem, keyOriginItem, panelOriginItem } from '../../../utils/storage';

/** The Firefox vault's IndexedDB record, kept in memory. */
function memorySecrets(): SecretStore & { entry: VaultEntry | undefined } {
  const store = {
    entry: undefined as VaultEntry | undefined,
    read: async () => store.entry,
    write: async (e: VaultEntry) => void (store.entry = { ...e }),
    remove: async () => void (store.entry = undefined),
  };
  return store;
}

describe('the https rule for panel and site addresses', () => {
  it('https anywhere, plain http only on this machine, the exact origin with its port', () => {
    expect(isSecureOrigin('https://panel.example')).toBe(true);
    expect(isSecureOrigin('http://127.0.0.1:8787')).toBe(true);
    expect(isSecureOrigin('http://127.9.0.1')).toBe(true);
    expect(isSecureOrigin('http://localhost:3000')).toBe(true);
    expect(isSecureOrigin('http://[::1]:8080')).toBe(true);
    expect(isSecureOrigin('http://example.test')).toBe(false);
    expect(isSecureOrigin('http://128.0.0.1')).toBe(false);
    expect(isSecureOrigin('http://127.0.0.1.evil.example')).toBe(false);
    expect(isSecureOrigin('http://localhost.evil.example')).toBe(false);
    expect(checkOrigin('panel.example:8443/x')).toEqual({ origin: 'https://panel.example:8443' });
    expect(checkOrigin('http://example.test/')).toEqual({
      problem: 'insecure_origin',
      origin: 'http://example.test',
    });
    expect(checkOrigin('ftp://x')).toEqual({ problem: 'bad_origin' });
  });
});

describe('the key vault', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps the key with the origin it was saved for, and forgets both', async () => {
    const vault = createStorageVault();
    expect(await vault.get()).toBeNull();
    await vault.set({ key: 'k-123', origin: 'https://a.example' });
    expect(await vault.get()).toEqual({ key: 'k-123', origin: 'https://a.example' });
    await vault.clear();
    expect(await vault.get()).toBeNull();
    expect(await keyOriginItem.getValue()).toBe('');
  });

  it('binds a key saved before keys had an origin to the panel it was used with', async () => {
    await apiKeyItem.setValue('old-key');
    await panelOriginItem.setValue('https://a.example');
    await createStorageVault().migrate();
    expect(await keyOriginItem.getValue()).toBe('https://a.example');
  });

  it('Firefox: migration moves the key out of storage.local into the secret store and deletes it there', async () => {
    await apiKeyItem.setValue('ff-key');
    await keyOriginItem.setValue('https://a.example');
    const secrets = memorySecrets();
    const vault = createSecretVault(secrets);
    await vault.migrate();
    expect(secrets.entry).toEqual({ key: 'ff-key', origin: 'https://a.example' });
    expect(await fakeBrowser.storage.local.get(['apiKey', 'keyOrigin'])).toEqual({});
    expect(await vault.get()).toEqual({ key: 'ff-key', origin: 'https://a.example' });
  });

  it('Firefox: a saved key never lands in storage.local, and a stale one there cannot override it', async () => {
    const secrets = memorySecrets();
    const vault = createSecretVault(secrets);
    await apiKeyItem.setValue('stale');
    await vault.set({ key: 'new-key', origin: 'https://b.example' });
    expect(await vault.get()).toEqual({ key: 'new-key', origin: 'https://b.example' });
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toMatch(/new-key|stale/);
    await vault.clear();
    expect(secrets.entry).toBeUndefined();
    expect(await vault.get()).toBeNull();
  });
});
