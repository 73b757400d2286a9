import { normalizeOrigin, sanitizeSettings, type Settings } from '../settings';

/** The format tag of an exported settings file, checked on import. */
export const SETTINGS_FILE_FORMAT = 'sms-panel-extension/settings';

/** What an exported file holds: the API key only when the person asked for it. */
export interface SettingsFile {
  format: typeof SETTINGS_FILE_FORMAT;
  version: 1;
  exportedAt: string;
  panelOrigin: string;
  settings: Settings;
  favoriteServices: number[];
  apiKey?: string;
}

/** Builds the export (pretty JSON) of the settings, the panel origin and the favourites. */
export function exportSettingsFile(
  settings: Settings,
  panelOrigin: string,
  favoriteServices: readonly number[],
  now: number,
  apiKey?: string,
): string {
  const file: SettingsFile = {
    format: SETTINGS_FILE_FORMAT,
    version: 1,
    exportedAt: new Date(now).toISOString(),
    panelOrigin,
    settings: sanitizeSettings(settings),
    favoriteServices: [...favoriteServices],
    ...(apiKey ? { apiKey } : {}),
  };
  return JSON.stringify(file, null, 2);
}

export type ParsedSettingsFile =
  | {
      ok: true;
      settings: Settings;
      panelOrigin: string | null;
      favoriteServices: number[] | null;
      hadKey: boolean;
      /** The key the file carries, to be checked with the panel before it is saved. */
      apiKey: string | null;
    }
  | { ok: false; reason: 'not_json' | 'not_settings' };

/** Reads an exported file: settings are clamped to their ranges; a key is handed over, never saved here. */
export function parseSettingsFile(text: string): ParsedSettingsFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not_json' };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, reason: 'not_settings' };
  const file = raw as Record<string, unknown>;
  const settings = file.settings;
  if (file.format !== SETTINGS_FILE_FORMAT || typeof settings !== 'object' || settings === null) {
    return { ok: false, reason: 'not_settings' };
  }
  const favorites = Array.isArray(file.favoriteServices)
    ? file.favoriteServices.filter((id): id is number => Number.isSafeInteger(id) && (id as number) > 0)
    : null;
  return {
    ok: true,
    settings: sanitizeSettings(settings as Partial<Settings>),
    panelOrigin: typeof file.panelOrigin === 'string' ? normalizeOrigin(file.panelOrigin) : null,
    favoriteServices: favorites,
    hadKey: 'apiKey' in file || 'key' in file,
    apiKey: typeof file.apiKey === 'string' && file.apiKey.trim() ? file.apiKey.trim() : null,
  };
}
