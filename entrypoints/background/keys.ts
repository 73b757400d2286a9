import { browser } from 'wxt/browser';
import { keyVault, type KeyVault } from '../../utils/keyVault';
import { MessageError } from '../../utils/messaging/client';
import type { Handlers } from '../../utils/messaging/router';
import { balanceItem, keyHintItem, panelOriginItem } from '../../utils/storage';
import type { BalanceFeature } from './balance';
import { requireOrigin, type Core } from './core';

/** A non-secret hint of a key: its last three characters. */
const hintOf = (key: string) => `••••${key.slice(-3)}`;

/** Settles once this worker has put the key out of content scripts' reach (rejects when it could not). */
let keyGuarded: Promise<void> = Promise.resolve();

/**
 * Puts the key out of content scripts' reach; called once on every worker start. Chrome (140+, the
 * manifest's minimum) closes `storage.local` with its access level; Firefox has none, so its key
 * vault (IndexedDB) takes in any key still left in `storage.local`. A failure rejects — the caller
 * logs it — and no key is saved into storage a content script can read.
 */
export function closeStorageToContentScripts(vault: KeyVault = keyVault): Promise<void> {
  keyGuarded = (async () => {
    if (import.meta.env.BROWSER === 'firefox') return vault.migrate();
    const local = browser.storage.local as { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> };
    if (typeof local.setAccessLevel !== 'function') {
      throw new Error('storage.local.setAccessLevel is missing (Chrome 140 or later is needed)');
    }
    await local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
  })();
  return keyGuarded;
}

/** The key feature: the only writer of the key (through the vault), its hint and the panel origin. */
export function createKeys(
  core: Core,
  balance: BalanceFeature,
  vault: KeyVault = keyVault,
): Pick<Handlers, 'testKey' | 'saveKey' | 'exportKey' | 'clearKey' | 'setOrigin'> {
  const originOr = async (text?: string) => (text ? requireOrigin(text) : panelOriginItem.getValue());
  const forget = async () => {
    await vault.clear();
    await keyHintItem.setValue('');
    await balanceItem.setValue({ numbers: null, orders: null, at: 0 });
  };
  return {
    async testKey({ key, origin }) {
      const o = await originOr(origin);
      let k = key?.trim();
      if (!k) {
        // The saved key is tried only at the origin it was saved for, never at an address being tested.
        const saved = await vault.get();
        if (!saved || saved.origin !== o) throw new MessageError('no_key');
        k = saved.key;
      }
      return core.apis.forTrial(o, k).numbers.getBalance();
    },
    async saveKey({ key, origin }) {
      const k = key.trim();
      if (!k) throw new MessageError('no_key');
      const o = await originOr(origin);
      await keyGuarded.catch(() => {
        throw new MessageError('key_unprotected');
      });
      const checked = await core.apis.forTrial(o, k).numbers.getBalance();
      await vault.set({ key: k, origin: o });
      await keyHintItem.setValue(hintOf(k));
      await panelOriginItem.setValue(o);
      await balance.store(checked);
      balance.refreshQuietly();
      return { ok: true };
    },
    exportKey: async () => ({ key: (await vault.get())?.key ?? '' }),
    async clearKey() {
      await forget();
      return { ok: true };
    },
    async setOrigin({ origin }) {
      const o = requireOrigin(origin);
      // The key was saved for one address: a new address gets no key until the person gives one for it.
      const saved = await vault.get();
      if (saved && saved.origin !== o) await forget();
      await panelOriginItem.setValue(o);
      return { ok: true };
    },
  };
}
