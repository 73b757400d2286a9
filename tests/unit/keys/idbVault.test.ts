import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createIdbSecretStore, createSecretVault } from '../../../utils/keyVault';
import { apiKeyItem, keyOriginItem, panelOriginItem } from '../../../utils/storage';

// The Firefox vault over a real IndexedDB implementation (the one the background opens there).
describe('the key vault in IndexedDB', () => {
  it('keeps one record: written, read back by a new store on the same database, removed', async () => {
    const idb = new IDBFactory();
    const store = createIdbSecretStore(idb);
    expect(await store.read()).toBeUndefined();
    await store.write({ key: 'k-1', origin: 'https://panel.example' });
    await store.write({ key: 'k-2', origin: 'https://panel.example' });
    // A worker that starts again opens the same database.
    expect(await createIdbSecretStore(idb).read()).toEqual({ key: 'k-2', origin: 'https://panel.example' });
    await store.remove();
    expect(await createIdbSecretStore(idb).read()).toBeUndefined();
  });

  it('moves a key left in storage.local into IndexedDB and deletes it there, bound to its panel', async () => {
    await panelOriginItem.setValue('https://panel.example');
    await apiKeyItem.setValue('old-key');
    const idb = new IDBFactory();
    const vault = createSecretVault(createIdbSecretStore(idb));
    await vault.migrate();
    expect(await apiKeyItem.getValue()).toBe('');
    expect(await keyOriginItem.getValue()).toBe('');
    expect(await createIdbSecretStore(idb).read()).toEqual({
      key: 'old-key',
      origin: 'https://panel.example',
    });
    expect(await vault.get()).toEqual({ key: 'old-key', origin: 'https://panel.example' });
  });
});
