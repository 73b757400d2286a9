import { signal, type ReadonlySignal } from '@preact/signals';
import type { Translate } from '../i18n';
import type { Settings } from '../settings';
import { errorText } from './errors';
import type { Note } from './popupState';
import { exportSettingsFile, parseSettingsFile, type ParsedSettingsFile } from './settingsFile';
import type { Send, WatchedItem } from './types';

export interface FileActionDeps {
  send: Send;
  favorites: WatchedItem<number[]>;
  settings: ReadonlySignal<Settings>;
  origin: ReadonlySignal<string>;
  /** Whether a key is saved now (its hint is not empty). */
  hasKey: () => boolean;
  t: ReadonlySignal<Translate>;
  /** Shows the sentence under the file section. */
  note: (note: Note) => void;
  /** Checks a key with the panel at an origin, then saves both; true when the panel accepted it. */
  saveKey: (key: string, origin: string) => Promise<boolean>;
  /** Switches the panel origin (the saved key is forgotten); true when it was switched. */
  saveOrigin: (origin: string) => Promise<boolean>;
  now: () => number;
}

/** An imported file that would change the panel address or the key, waiting for the person's answer. */
export interface ImportPlan {
  file: Extract<ParsedSettingsFile, { ok: true }>;
  /** The address now, and the file's when it differs (else null). */
  from: string;
  to: string | null;
  /** The file's key replaces the saved one. */
  replacesKey: boolean;
  /** The address changes without a key for it: the saved key is forgotten. */
  forgetsKey: boolean;
}

/** Settings export and import on the options page; settings reach storage only through the background. */
export function createFileActions(ctx: FileActionDeps) {
  const pendingImport = signal<ImportPlan | null>(null);

  /** The settings file to download; the API key only when the person ticked "include the key". */
  async function exportFile(includeKey = false): Promise<string> {
    const favorites = await ctx.favorites.getValue();
    const key = includeKey ? (await ctx.send('exportKey', {})).key : undefined;
    ctx.note({ tone: 'ok', text: ctx.t.value(key ? 'options_exported_with_key' : 'options_exported') });
    return exportSettingsFile(ctx.settings.value, ctx.origin.value, favorites ?? [], ctx.now(), key);
  }

  /**
   * Reads a settings file. One that would change the panel address or the key is only shown (old →
   * new address, "the key will be replaced") until the person confirms: nothing is saved or sent before.
   */
  async function importFile(text: string): Promise<void> {
    pendingImport.value = null;
    const parsed = parseSettingsFile(text);
    if (!parsed.ok) {
      ctx.note({ tone: 'error', text: ctx.t.value(`options_import_${parsed.reason}`) });
      return;
    }
    const from = ctx.origin.value;
    const to = parsed.panelOrigin && parsed.panelOrigin !== from ? parsed.panelOrigin : null;
    const plan: ImportPlan = {
      file: parsed,
      from,
      to,
      replacesKey: Boolean(parsed.apiKey),
      forgetsKey: Boolean(to && !parsed.apiKey && ctx.hasKey()),
    };
    if (plan.to || plan.replacesKey) {
      pendingImport.value = plan;
      return;
    }
    await apply(plan);
  }

  /** Applies the file waiting for confirmation (called from the click, so permissions can be asked). */
  async function confirmImport(): Promise<void> {
    const plan = pendingImport.value;
    pendingImport.value = null;
    if (plan) await apply(plan);
  }

  function cancelImport(): void {
    pendingImport.value = null;
    ctx.note({ tone: 'ok', text: ctx.t.value('options_import_cancelled') });
  }

  async function apply({ file, to }: ImportPlan): Promise<void> {
    const parts: string[] = [];
    // The account first: a new origin's host permission must be asked while the click still counts.
    if (file.apiKey) {
      // Checked with the panel first, like a pasted key: a wrong or old key is not saved.
      const saved = await ctx.saveKey(file.apiKey, to ?? ctx.origin.value);
      parts.push(ctx.t.value(saved ? 'options_import_key_saved' : 'options_import_key_failed'));
    } else if (to && (await ctx.saveOrigin(to))) {
      parts.push(ctx.t.value('options_origin_saved', { origin: to }));
    }
    const keep = ctx.settings.value.autofillSites;
    const { autofillSites: _sites, ...patch } = file.settings;
    try {
      await ctx.send('saveSettings', { patch });
    } catch (error) {
      ctx.note({ tone: 'error', text: errorText(error, ctx.t.value) });
      return;
    }
    if (file.favoriteServices) await ctx.send('saveFavorites', { ids: file.favoriteServices });
    const skipped = file.settings.autofillSites.filter((s) => !keep.includes(s));
    if (skipped.length > 0) parts.push(ctx.t.value('options_import_sites', { sites: skipped.join(', ') }));
    ctx.note({ tone: 'ok', text: [ctx.t.value('options_imported'), ...parts].join(' ') });
  }

  return {
    exportFile,
    importFile,
    /** The file waiting for the person's confirmation, or null. */
    pendingImport: pendingImport as ReadonlySignal<ImportPlan | null>,
    confirmImport,
    cancelImport,
  };
}
