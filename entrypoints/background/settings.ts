import type { Handlers } from '../../utils/messaging/router';
import { sanitizeSettings } from '../../utils/settings';
import { favoriteServicesItem, settingsItem } from '../../utils/storage';
import { createSerialQueue } from '../../utils/async';
import { requireOrigin, type Core } from './core';

/** How many starred services are kept. */
const FAVORITES_LIMIT = 200;

/**
 * The person's preferences: the only writer of the settings item and the starred services (the
 * options page and the popup ask here).
 */
export function createSettings(
  core: Core,
): Pick<Handlers, 'saveSettings' | 'setAutofillSite' | 'saveFavorites'> {
  // Read-modify-write in one queue, so two quick changes never overwrite each other.
  const serial = createSerialQueue();
  const change = (edit: (s: Awaited<ReturnType<Core['settings']>>) => object) =>
    serial(async () => {
      const current = await core.settings();
      await settingsItem.setValue(sanitizeSettings({ ...current, ...edit(current) }));
      return { ok: true as const };
    });
  return {
    async saveFavorites({ ids }) {
      const list = Array.isArray(ids) ? ids.filter((id) => Number.isSafeInteger(id) && id > 0) : [];
      await favoriteServicesItem.setValue([...new Set(list)].slice(0, FAVORITES_LIMIT));
      return { ok: true };
    },
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
