import { browser } from 'wxt/browser';
import { MessageError } from '../../utils/messaging/client';
import type { Handlers } from '../../utils/messaging/router';
import { apiKeyItem, balanceItem, keyHintItem, panelOriginItem } from '../../utils/storage';
import type { BalanceFeature } from './balance';
import { requireOrigin, type Core } from './core';

/** A non-secret hint of a key: its last three characters. */
const hintOf = (key: string) => `••••${key.slice(-3)}`;

/**
 * Keeps storage (and so the key) away from content scripts where the browser can (Chrome's
 * access levels). Called once on every worker start.
 */
export async function closeStorageToContentScripts(): Promise<void> {
  const local = browser.storage.local as { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> };
  await local.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' });
}

/** The key feature: the only writer of the key, its hint and the panel origin. */
export function createKeys(
  core: Core,
  balance: BalanceFeature,
): Pick<Handlers, 'testKey' | 'saveKey' | 'exportKey' | 'clearKey' | 'setOrigin'> {
  const originOr = async (text?: string) => (text ? requireOrigin(text) : panelOriginItem.getValue());
  return {
    async testKey({ key, origin }) {
      const o = await originOr(origin);
      const k = key?.trim() || (await apiKeyItem.getValue());
      if (!k) throw new MessageError('no_key');
      return core.apis.forTrial(o, k).numbers.getBalance();
    },
    async saveKey({ key, origin }) {
      const k = key.trim();
      if (!k) throw new MessageError('no_key');
      const o = await originOr(origin);
      const checked = await core.apis.forTrial(o, k).numbers.getBalance();
      await apiKeyItem.setValue(k);
      await keyHintItem.setValue(hintOf(k));
      await panelOriginItem.setValue(o);
      await balance.store(checked);
      balance.refreshQuietly();
      return { ok: true };
    },
    exportKey: async () => ({ key: await apiKeyItem.getValue() }),
    async clearKey() {
      await apiKeyItem.setValue('');
      await keyHintItem.setValue('');
      await balanceItem.setValue({ numbers: null, orders: null, at: 0 });
      return { ok: true };
    },
    async setOrigin({ origin }) {
      await panelOriginItem.setValue(requireOrigin(origin));
      return { ok: true };
    },
  };
}
