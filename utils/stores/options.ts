import { computed, effect, signal, type ReadonlySignal } from '@preact/signals';
import { localeOf, pickLang, translatorOf, type Catalog, type Lang } from '../i18n';
import {
  DEFAULT_ORIGIN,
  DEFAULT_SETTINGS,
  normalizeOrigin,
  sanitizeSettings,
  type Settings,
} from '../settings';
import { errorText } from './errors';
import { createKeyActions } from './keyActions';
import type { KeyCheck, Note } from './popupState';
import { exportSettingsFile, parseSettingsFile } from './settingsFile';
import type { OriginPermissions, Send, WatchedItem } from './types';

/** What the options page reads and writes. */
export interface OptionsDeps {
  send: Send;
  items: {
    keyHint: WatchedItem<string>;
    origin: WatchedItem<string>;
    settings: WatchedItem<Settings>;
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
  const keyHint = signal('');
  const origin = signal(DEFAULT_ORIGIN);
  const settings = signal<Settings>(DEFAULT_SETTINGS);
  const catalogs = signal<Partial<Record<Lang, Catalog>>>({});
  const lang = computed(() => pickLang(settings.value.language, deps.uiLanguage));
  const t = computed(() => translatorOf(catalogs.value[lang.value] ?? catalogs.value.en ?? {}));
  const keyCheck = signal<KeyCheck>({ status: 'idle' });
  const notes = signal<Partial<Record<OptionsSection, Note>>>({});
  const busy = signal<Partial<Record<OptionsSection, boolean>>>({});
  /** An origin read from an imported file, waiting for the person to press Save (it needs a permission). */
  const pendingOrigin = signal<string | null>(null);
  const unwatchers: (() => void)[] = [];
  const keys = createKeyActions(
    deps,
    keyCheck,
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

  async function ensureCatalog(l: Lang): Promise<void> {
    if (catalogs.peek()[l]) return;
    try {
      catalogs.value = { ...catalogs.peek(), [l]: await deps.loadCatalog(l) };
    } catch {
      if (l !== 'en') await ensureCatalog('en');
    }
  }

  /** Reads storage, loads the language, and watches for changes made elsewhere. */
  async function start(): Promise<void> {
    const [hint, o, s] = await Promise.all([
      items.keyHint.getValue(),
      items.origin.getValue(),
      items.settings.getValue(),
    ]);
    keyHint.value = hint ?? '';
    origin.value = o || DEFAULT_ORIGIN;
    settings.value = sanitizeSettings(s);
    await ensureCatalog(lang.value);
    loaded.value = true;
    unwatchers.push(
      items.keyHint.watch((v) => (keyHint.value = v ?? '')),
      items.origin.watch((v) => (origin.value = v || DEFAULT_ORIGIN)),
      items.settings.watch((v) => (settings.value = sanitizeSettings(v))),
      effect(() => void ensureCatalog(lang.value)),
    );
  }

  /** Saves some settings at once (clamped to their ranges) and says so. */
  async function updateSettings(patch: Partial<Settings>): Promise<void> {
    const next = sanitizeSettings({ ...settings.value, ...patch });
    settings.value = next;
    try {
      await items.settings.setValue(next);
      note('settings', { tone: 'ok', text: t.value('options_saved') });
    } catch (error) {
      note('settings', { tone: 'error', text: errorText(error, t.value) });
    }
  }

  /** Switches the panel origin; the host permission is asked first, from the click. */
  async function saveOrigin(text: string): Promise<boolean> {
    const typed = normalizeOrigin(text);
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
      const res = await send('setOrigin', { origin: prepared.origin });
      origin.value = res.origin;
      pendingOrigin.value = null;
      note('origin', { tone: 'ok', text: t.value('options_origin_saved', { origin: res.origin }) });
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
      keyCheck.value = { status: 'idle' };
      note('key', { tone: 'ok', text: t.value('options_key_cleared') });
    } catch (error) {
      note('key', { tone: 'error', text: errorText(error, t.value) });
    } finally {
      setBusy('key', false);
    }
  }

  /** Allows automatic fill on a site: its host permission first (from the click), then the setting. */
  async function addAutofillSite(text: string): Promise<boolean> {
    const site = normalizeOrigin(text);
    if (!site) {
      note('autofill', { tone: 'error', text: t.value('options_site_invalid') });
      return false;
    }
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
      const res = await send('setAutofillSite', { origin: site, enabled: true });
      settings.value = { ...settings.value, autofillSites: res.sites };
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
      const res = await send('setAutofillSite', { origin: site, enabled: false });
      settings.value = { ...settings.value, autofillSites: res.sites };
      if (site !== origin.value && site !== DEFAULT_ORIGIN) {
        // A site granted by the manifest cannot be removed; the switch is off either way.
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

  /** The settings file to download; the API key only when the person ticked "include the key". */
  async function exportFile(includeKey = false): Promise<string> {
    const favorites = await items.favorites.getValue();
    const key = includeKey ? (await send('exportKey', {})).key : undefined;
    note('file', { tone: 'ok', text: t.value(key ? 'options_exported_with_key' : 'options_exported') });
    return exportSettingsFile(settings.value, origin.value, favorites ?? [], deps.now(), key);
  }

  /**
   * Applies a settings file. Automatic-fill sites and another panel origin need a permission that only
   * a click can ask for, so they are not applied here: the origin waits in the field for Save.
   */
  async function importFile(text: string): Promise<void> {
    const parsed = parseSettingsFile(text);
    if (!parsed.ok) {
      note('file', { tone: 'error', text: t.value(`options_import_${parsed.reason}`) });
      return;
    }
    const keep = settings.value.autofillSites;
    await items.settings.setValue({ ...parsed.settings, autofillSites: keep });
    settings.value = { ...parsed.settings, autofillSites: keep };
    if (parsed.favoriteServices) await items.favorites.setValue(parsed.favoriteServices);
    const parts = [t.value('options_imported')];
    if (parsed.panelOrigin && parsed.panelOrigin !== origin.value) {
      pendingOrigin.value = parsed.panelOrigin;
      parts.push(t.value('options_import_origin', { origin: parsed.panelOrigin }));
    }
    if (parsed.apiKey) {
      // Checked with the panel first, like a pasted key: a wrong or old key is not saved.
      const saved = await keys.saveKey(parsed.apiKey, origin.value);
      parts.push(t.value(saved ? 'options_import_key_saved' : 'options_import_key_failed'));
    }
    const skipped = parsed.settings.autofillSites.filter((s) => !keep.includes(s));
    if (skipped.length > 0) parts.push(t.value('options_import_sites', { sites: skipped.join(', ') }));
    note('file', { tone: 'ok', text: parts.join(' ') });
  }

  const ro = <T>(s: ReadonlySignal<T>): ReadonlySignal<T> => s;
  return {
    loaded: ro(loaded),
    keyHint: ro(keyHint),
    origin: ro(origin),
    settings: ro(settings),
    lang,
    locale: computed(() => localeOf(lang.value)),
    t,
    keyCheck: ro(keyCheck),
    notes: ro(notes),
    busy: ro(busy),
    pendingOrigin: ro(pendingOrigin),
    start,
    dispose: () => unwatchers.splice(0).forEach((u) => u()),
    updateSettings,
    saveOrigin,
    testKey: (key: string) => keys.testKey(key, origin.value),
    saveKey: (key: string) => keys.saveKey(key, origin.value),
    clearKey,
    addAutofillSite,
    removeAutofillSite,
    clearHistory,
    exportFile,
    importFile,
  };
}

export type OptionsStore = ReturnType<typeof createOptionsStore>;
