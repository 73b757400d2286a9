import type { Handlers } from '../../utils/messaging/router';
import { sanitizeSettings } from '../../utils/settings';
import { settingsItem } from '../../utils/storage';
import { createSerialQueue } from '../../utils/async';
import { requireOrigin, type Core } from './core';

/** The settings feature: the settings item's only writer (the options page and the popup ask here). */
export function createSettings(core: Core): Pick<Handlers, 'saveSettings' | 'setAutofillSite'> {
  // Read-modify-write in one queue, so two quick changes never overwrite each other.
  const serial = createSerialQueue();
  const change = (edit: (s: Awaited<ReturnType<Core['settings']>>) => object) =>
    serial(async () => {
      const current = await core.settings();
      await settingsItem.setValue(sanitizeSettings({ ...current, ...edit(current) }));
      return { ok: true as const };
    });
  return {
    saveSettings: ({ patch }) => change(() => (patch && typeof patch === 'object' ? patch : {})),
    setAutofillSite({ origin, enabled }) {
      const o = requireOrigin(origin);
      return change((s) => ({
        autofillSites: enabled
          ? [...new Set([...s.autofillSites, o])]
          : s.autofillSites.filter((x) => x !== o),
      }));
    },
  };
}
