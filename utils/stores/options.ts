import { computed, signal, type ReadonlySignal } from '@preact/signals';
import type { Catalog, Lang } from '../i18n';
import {
  checkOrigin,
  DEFAULT_ORIGIN,
  DEFAULT_SETTINGS,
  normalizeOrigin,
  sanitizeSettings,
  type Settings,
} from '../settings';
import type { BalanceCache } from '../storage';
import { errorText } from './errors';
import { itemSignal } from './itemSignal';
import { createKeyActions } from './keyActions';
import { createPageI18n } from './pageI18n';
import type { Note } from './popupState';
import { createFileActions } from './optionsFile';
import {
  originPattern,
  type OriginPermissions,
  type ReadableItem,
  type Send,
  type WatchedItem,
} from './types';

/** What the options page reads (it writes no item: every change goes through the background). */
export interface OptionsDeps {
  send: Send;
  items: {
    keyHint: ReadableItem<string>;
    origin: ReadableItem<string>;
    settings: ReadableItem<Settings>;
    balance: ReadableItem<BalanceCache>;
    /** The popup's favourites: exported here, and replaced by an imported file. */
    favorites: WatchedItem<number[]>;
  };
  permissions: OriginPermissions;
  uiLanguage: string;
  loadCatalog: (lang: Lang) => Promise<Catalog>;
  now: () => number;
}

/** Which part of the page a note belongs to. */
export type OptionsSection = 'key' | 'origin' | 'settings' | 'autofill' | 'history' | 'file';

/** The options page's state (signals) and actions. */
export function createOptionsStore(deps: OptionsDeps) {
  const { send, items } = deps;
  const loaded = signal(false);
  const read = {
    keyHint: itemSignal(items.keyHint, ''),
    origin: itemSignal(items.origin, DEFAULT_ORIGIN),
    settings: itemSignal(items.settings, DEFAULT_SETTINGS),
    balance: itemSignal<BalanceCache>(items.balance, { numbers: null, orders: null, at: 0 }),
  };
  const storedReady = Promise.all(Object.values(read).map((r) => r.ready));
  const keyHint = read.keyHint.value;
  const origin = computed(() => read.origin.value.value || DEFAULT_ORIGIN);
  const settings = computed(() => sanitizeSettings(read.settings.value.value));
  const i18n = createPageI18n({
    loadCatalog: deps.loadCatalog,
    uiLanguage: deps.uiLanguage,
    language: computed(() => settings.value.language),
    languageReady: storedReady,
  });
  const t = i18n.t;
  const notes = signal<Partial<Record<OptionsSection, Note>>>({});
  const busy = signal<Partial<Record<OptionsSection, boolean>>>({});
  /** An origin read from an imported file, waiting for the person to press Save (it needs a permission). */
  const pendingOrigin = signal<string | null>(null);
  const keys = createKeyActions(
    deps,
    computed(() => read.balance.value.value.numbers),
    () => origin.value,
    () => t.value,
  );

  const note = (section: OptionsSection, value: Note | null) => {
    const next = { ...notes.value };
    if (value) next[section] = value;
    else delete next[section];
    notes.value = next;
  };
  const setBusy = (section: OptionsSection, on: boolean) => (busy.value = { ...busy.value, [section]: on });

  /** Reads storage and the page's language; storage changes made elsewhere show as they happen. */
  async function start(): Promise<void> {
    await storedReady;
    await i18n.ready;
    loaded.value = true;
  }

  /** Saves some settings at once (clamped to their ranges) and says so. */
  async function updateSettings(patch: Partial<Settings>): Promise<void> {
    try {
      await send('saveSettings', { patch });
      note('settings', { tone: 'ok', text: t.value('options_saved') });
    } catch (error) {
      note('settings', { tone: 'error', text: errorText(error, t.value) });
    }
  }

  /** Switches the panel origin; the host permission is asked first, from the click. */
  async function saveOrigin(text: string): Promise<boolean> {
    const typed = normalizeOrigin(text);
    const old = origin.value;
    const hadKey = Boolean(keyHint.value);
    if (typed && typed === origin.value) {
      note('origin', { tone: 'ok', text: t.value('options_origin_unchanged') });
      return true;
    }
    setBusy('origin', true);
    note('origin', null);
    try {
      const prepared = await keys.prepareOrigin(text);
      if ('sentence' in prepared) {
        note('origin', { tone: 'error', text: prepared.sentence });
        return false;
      }
      await send('setOrigin', { origin: prepared.origin });
      pendingOrigin.value = null;
      // The background forgot the key: it was saved for the old address, so the page asks for the new one's.
      const saved = hadKey
        ? t.value('options_origin_saved_key_forgotten', { origin: prepared.origin, old })
        : t.value('options_origin_saved', { origin: prepared.origin });
      note('origin', { tone: 'ok', text: saved });
      return true;
    } catch (error) {
      note('origin', { tone: 'error', text: errorText(error, t.value) });
      return false;
    } finally {
      setBusy('origin', false);
    }
  }

  async function clearKey(): Promise<void> {
    setBusy('key', true);
    try {
      await send('clearKey', {});
      keys.resetCheck();
      note('key', { tone: 'ok', text: t.value('options_key_cleared') });
    } catch (error) {
      note('key', { tone: 'error', text: errorText(error, t.value) });
    } finally {
      setBusy('key', false);
    }
  }

  /** Allows automatic fill on a site: its host permission first (from the click), then the setting. */
  async function addAutofillSite(text: string): Promise<boolean> {
    const checked = checkOrigin(text);
    if ('problem' in checked) {
      const sentence =
        checked.problem === 'insecure_origin'
          ? t.value('err_insecure_origin', { origin: checked.origin ?? text })
          : t.value('options_site_invalid');
      note('autofill', { tone: 'error', text: sentence });
      return false;
    }
    const site = checked.origin;
    let granted = false;
    try {
      granted = await deps.permissions.request(site);
    } catch {
      granted = false;
    }
    if (!granted) {
      note('autofill', { tone: 'error', text: t.value('options_site_refused', { site }) });
      return false;
    }
    try {
      await send('setAutofillSite', { origin: site, enabled: true });
      note('autofill', { tone: 'ok', text: t.value('options_site_added', { site }) });
      return true;
    } catch (error) {
      note('autofill', { tone: 'error', text: errorText(error, t.value) });
      return false;
    }
  }

  /** Revokes automatic fill on a site and gives back its host permission (never the panel's). */
  async function removeAutofillSite(site: string): Promise<void> {
    try {
      await send('setAutofillSite', { origin: site, enabled: false });
      // Never the access the panel or another allowed site still needs: in Firefox one host's
      // permission covers all its ports. A site granted by the manifest cannot be removed; the switch is off either way.
      const kept = [origin.value, DEFAULT_ORIGIN, ...settings.value.autofillSites.filter((s) => s !== site)];
      if (!kept.some((other) => originPattern(other) === originPattern(site))) {
        await deps.permissions.remove(site).catch(() => false);
      }
      note('autofill', { tone: 'ok', text: t.value('options_site_removed', { site }) });
    } catch (error) {
      note('autofill', { tone: 'error', text: errorText(error, t.value) });
    }
  }

  async function clearHistory(): Promise<void> {
    setBusy('history', true);
    try {
      await send('clearHistory', {});
      note('history', { tone: 'ok', text: t.value('ui_history_cleared') });
    } catch (error) {
      note('history', { tone: 'error', text: errorText(error, t.value) });
    } finally {
      setBusy('history', false);
    }
  }

  const files = createFileActions({
    send,
    favorites: items.favorites,
    settings,
    origin,
    t,
    hasKey: () => Boolean(keyHint.value),
    note: (value) => note('file', value),
    saveKey: (key, o) => keys.saveKey(key, o),
    saveOrigin,
    now: deps.now,
  });

  const ro = <T>(s: ReadonlySignal<T>): ReadonlySignal<T> => s;
  return {
    loaded: ro(loaded),
    keyHint,
    origin,
    settings,
    lang: i18n.lang,
    locale: i18n.locale,
    t,
    keyCheck: keys.keyCheck,
    notes: ro(notes),
    busy: ro(busy),
    pendingOrigin: ro(pendingOrigin),
    start,
    /** Stops following storage (the page is closing). */
    dispose: () => {
      Object.values(read).forEach((r) => r.dispose());
      i18n.dispose();
    },
    updateSettings,
    saveOrigin,
    testKey: (key: string) => keys.testKey(key, origin.value),
    saveKey: (key: string) => keys.saveKey(key, origin.value),
    clearKey,
    addAutofillSite,
    removeAutofillSite,
    clearHistory,
    ...files,
  };
}

export type OptionsStore = ReturnType<typeof createOptionsStore>;
