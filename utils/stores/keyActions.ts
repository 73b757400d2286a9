import type { Signal } from '@preact/signals';
import type { Translate } from '../i18n';
import { DEFAULT_ORIGIN, normalizeOrigin } from '../settings';
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
  keyCheck: Signal<KeyCheck>,
  currentOrigin: () => string,
  t: () => Translate,
) {
  /** Validates the typed origin and asks for its host permission; a sentence when that fails. */
  async function prepareOrigin(originText: string): Promise<{ origin: string } | { sentence: string }> {
    const origin = normalizeOrigin(originText || currentOrigin());
    if (!origin) return { sentence: t()('ui_origin_invalid') };
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
      const balance = save
        ? await deps.send('saveKey', { key: trimmed, origin: prepared.origin })
        : await deps.send('testKey', { key: trimmed, origin: prepared.origin });
      keyCheck.value = { status: 'ok', balance, saved: save };
      return true;
    } catch (error) {
      keyCheck.value = { status: 'error', error };
      return false;
    }
  }

  return {
    prepareOrigin,
    /** Checks the key against the panel (a balance call) without saving it. */
    testKey: (key: string, originText: string) => check(key, originText, false),
    /** Checks then saves the key and origin; true when the panel accepted it. */
    saveKey: (key: string, originText: string) => check(key, originText, true),
  };
}
