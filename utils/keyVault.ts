import { apiKeyItem, keyOriginItem, panelOriginItem } from './storage';

/**
 * The key vault: the one place the API key is kept, always with the panel origin it was saved for.
 * Chrome keeps it in `storage.local`, closed to content scripts by the access level (keys.ts);
 * Firefox has no access levels (its content scripts can read `storage.local`), so there the key
 * lives in the extension origin's IndexedDB, which only the background opens.
 */

/** A saved key and the one panel origin it may be sent to. */
export interface VaultEntry {
  key: string;
  origin: string;
}

/** Get, set and clear the saved key; `migrate` moves a key left in `storage.local` into the vault. */
export interface KeyVault {
  get(): Promise<VaultEntry | null>;
  set(entry: VaultEntry): Promise<void>;
  clear(): Promise<void>;
  migrate(): Promise<void>;
}

/** Where a vault outside `storage.local` keeps its one record (IndexedDB in the extension, a Map in tests). */
export interface SecretStore {
  read(): Promise<VaultEntry | undefined>;
  write(entry: VaultEntry): Promise<void>;
  remove(): Promise<void>;
}

/** The key left in `storage.local`, bound to the panel it was used with (keys saved before binding have no origin). */
async function storedEntry(): Promise<VaultEntry | null> {
  const key = await apiKeyItem.getValue();
  if (!key) return null;
  const origin = (await keyOriginItem.getValue()) || (await panelOriginItem.getValue());
  return { key, origin };
}

/** The vault over the `storage.local` items (Chrome, where the area is closed to content scripts). */
export function createStorageVault(): KeyVault {
  const get = async () => {
    const entry = await storedEntry();
    // A key saved before keys were bound belongs to the panel it was used with: bind it now.
    if (entry && !(await keyOriginItem.getValue())) await keyOriginItem.setValue(entry.origin);
    return entry;
  };
  return {
    get,
    async set({ key, origin }) {
      await keyOriginItem.setValue(origin);
      await apiKeyItem.setValue(key);
    },
    async clear() {
      await apiKeyItem.removeValue();
      await keyOriginItem.removeValue();
    },
    migrate: async () => {
      await get();
    },
  };
}

/** The vault over a secret store: any key still in `storage.local` is moved in and deleted there first. */
export function createSecretVault(secrets: SecretStore): KeyVault {
  const migrate = async () => {
    const left = await storedEntry();
    if (left) await secrets.write(left);
    if (left || (await keyOriginItem.getValue())) {
      await apiKeyItem.removeValue();
      await keyOriginItem.removeValue();
    }
  };
  return {
    async get() {
      await migrate();
      return (await secrets.read()) ?? null;
    },
    async set(entry) {
      await migrate(); // nothing may stay behind in storage.local
      await secrets.write(entry);
    },
    async clear() {
      await apiKeyItem.removeValue();
      await keyOriginItem.removeValue();
      await secrets.remove();
    },
    migrate,
  };
}

const DB_NAME = 'keyVault';
const STORE = 'secrets';
const RECORD = 'apiKey';

/** One IndexedDB request as a promise. */
function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** The secret store over the extension origin's IndexedDB (the factory is a parameter for tests). */
export function createIdbSecretStore(idb: IDBFactory): SecretStore {
  const open = () =>
    new Promise<IDBDatabase>((resolve, reject) => {
      const request = idb.open(DB_NAME, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  const run = async <T>(mode: IDBTransactionMode, work: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> => {
    const db = await open();
    try {
      return await done(work(db.transaction(STORE, mode).objectStore(STORE)));
    } finally {
      db.close();
    }
  };
  return {
    read: () => run('readonly', (s) => s.get(RECORD) as IDBRequest<VaultEntry | undefined>),
    write: async (entry) => {
      await run('readwrite', (s) => s.put({ key: entry.key, origin: entry.origin }, RECORD));
    },
    remove: async () => {
      await run('readwrite', (s) => s.delete(RECORD));
    },
  };
}

/** The vault of this build: IndexedDB on Firefox, the storage items elsewhere. */
export const keyVault: KeyVault =
  import.meta.env.BROWSER === 'firefox'
    ? createSecretVault(createIdbSecretStore(globalThis.indexedDB))
    : createStorageVault();
