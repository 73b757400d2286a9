import type { ReadonlySignal, Signal } from '@preact/signals';
import type { Translate } from '../i18n';
import type { Settings } from '../settings';
import { errorText } from './errors';
import type { Note } from './popupState';
import { exportSettingsFile, parseSettingsFile } from './settingsFile';
import type { Send, WatchedItem } from './types';

export interface FileActionDeps {
  send: Send;
  favorites: WatchedItem<number[]>;
  settings: ReadonlySignal<Settings>;
  origin: ReadonlySignal<string>;
  t: ReadonlySignal<Translate>;
  /** Shows the sentence under the file section. */
  note: (note: Note) => void;
  pendingOrigin: Signal<string | null>;
  /** Checks a key with the panel, then saves it. */
  saveKey: (key: string) => Promise<boolean>;
  now: () => number;
}

/** Settings export and import on the options page; settings reach storage only through the background. */
export function createFileActions(ctx: FileActionDeps) {
  /** The settings file to download; the API key only when the person ticked "include the key". */
  async function exportFile(includeKey = false): Promise<string> {
    const favorites = await ctx.favorites.getValue();
    const key = includeKey ? (await ctx.send('exportKey', {})).key : undefined;
    ctx.note({ tone: 'ok', text: ctx.t.value(key ? 'options_exported_with_key' : 'options_exported') });
    return exportSettingsFile(ctx.settings.value, ctx.origin.value, favorites ?? [], ctx.now(), key);
  }

  /**
   * Applies a settings file. Automatic-fill sites and another panel origin need a permission that only
   * a click can ask for, so they are not applied here: the origin waits in the field for Save.
   */
  async function importFile(text: string): Promise<void> {
    const parsed = parseSettingsFile(text);
    if (!parsed.ok) {
      ctx.note({ tone: 'error', text: ctx.t.value(`options_import_${parsed.reason}`) });
      return;
    }
    const keep = ctx.settings.value.autofillSites;
    const { autofillSites: _sites, ...patch } = parsed.settings;
    try {
      await ctx.send('saveSettings', { patch });
    } catch (error) {
      ctx.note({ tone: 'error', text: errorText(error, ctx.t.value) });
      return;
    }
    if (parsed.favoriteServices) await ctx.favorites.setValue(parsed.favoriteServices);
    const parts = [ctx.t.value('options_imported')];
    if (parsed.panelOrigin && parsed.panelOrigin !== ctx.origin.value) {
      ctx.pendingOrigin.value = parsed.panelOrigin;
      parts.push(ctx.t.value('options_import_origin', { origin: parsed.panelOrigin }));
    }
    if (parsed.apiKey) {
      // Checked with the panel first, like a pasted key: a wrong or old key is not saved.
      const saved = await ctx.saveKey(parsed.apiKey);
      parts.push(ctx.t.value(saved ? 'options_import_key_saved' : 'options_import_key_failed'));
    }
    const skipped = parsed.settings.autofillSites.filter((s) => !keep.includes(s));
    if (skipped.length > 0) parts.push(ctx.t.value('options_import_sites', { sites: skipped.join(', ') }));
    ctx.note({ tone: 'ok', text: parts.join(' ') });
  }

  return { exportFile, importFile };
}
