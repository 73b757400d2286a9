import { computed, signal, type ReadonlySignal } from '@preact/signals';
import type { Balance } from '../api/numbers/types';
import type { Translate } from '../i18n';
import { checkOrigin, DEFAULT_ORIGIN } from '../settings';
import type { KeyCheck } from './popupState';
import type { OriginPermissions, Send } from './types';

export interface KeyActionDeps {
  send: Send;
  permissions: Pick<OriginPermissions, 'request'>;
}

/**
 * Test and save of an API key, shared by the first-run setup and the options page.
 * The host permission for a non-default origin is requested first, while the click still counts as a gesture.
 */
export function createKeyActions(
  deps: KeyActionDeps,
  storedBalance: ReadonlySignal<Balance | null>,
  currentOrigin: () => string,
  t: () => Translate,
) {
  const keyCheck = signal<KeyCheck>({ status: 'idle' });
  /** Validates the typed origin (https, or http on this machine) and asks for its host permission; a sentence when that fails. */
  async function prepareOrigin(originText: string): Promise<{ origin: string } | { sentence: string }> {
    const checked = checkOrigin(originText || currentOrigin());
    if ('problem' in checked) {
      return {
        sentence:
          checked.problem === 'insecure_origin'
            ? t()('err_insecure_origin', { origin: checked.origin ?? originText })
            : t()('ui_origin_invalid'),
      };
    }
    const origin = checked.origin;
    if (origin !== DEFAULT_ORIGIN) {
      let granted = false;
      try {
        granted = await deps.permissions.request(origin);
      } catch {
        granted = false;
      }
      if (!granted) return { sentence: t()('ui_origin_refused', { origin }) };
    }
    return { origin };
  }

  async function check(key: string, originText: string, save: boolean): Promise<boolean> {
    const trimmed = key.trim();
    if (!trimmed) {
      keyCheck.value = { status: 'error', error: null, sentence: t()('ui_key_empty') };
      return false;
    }
    keyCheck.value = { status: 'checking' };
    const prepared = await prepareOrigin(originText);
    if ('sentence' in prepared) {
      keyCheck.value = { status: 'error', error: null, sentence: prepared.sentence };
      return false;
    }
    try {
      if (save) {
        await deps.send('saveKey', { key: trimmed, origin: prepared.origin });
        keyCheck.value = { status: 'ok', balance: null, saved: true };
      } else {
        const balance = await deps.send('testKey', { key: trimmed, origin: prepared.origin });
        keyCheck.value = { status: 'ok', balance, saved: false };
      }
      return true;
    } catch (error) {
      keyCheck.value = { status: 'error', error };
      return false;
    }
  }

  return {
    /** The check's outcome; a saved key shows the balance the background stored with it. */
    keyCheck: computed<KeyCheck>(() => {
      const c = keyCheck.value;
      return c.status === 'ok' && c.saved ? { ...c, balance: storedBalance.value } : c;
    }),
    /** Forgets the last outcome (the key was removed). */
    resetCheck: () => (keyCheck.value = { status: 'idle' }),
    prepareOrigin,
    /** Checks the key against the panel (a balance call) without saving it. */
    testKey: (key: string, originText: string) => check(key, originText, false),
    /** Checks then saves the key and origin; true when the panel accepted it. */
    saveKey: (key: string, originText: string) => check(key, originText, true),
  };
}
