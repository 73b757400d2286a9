import { createSerialQueue } from '../../utils/async';
import { MessageError } from '../../utils/messaging/errors';
import type { Handlers } from '../../utils/messaging/router';
import { siteChoicesItem, type SiteChoice } from '../../utils/storage';

/** How many sites' choices are kept (the oldest go first). */
const SITES_LIMIT = 200;

const optionalId = (v: unknown): number | null | undefined =>
  v === undefined ? undefined : Number.isSafeInteger(v) && (v as number) > 0 ? (v as number) : null;

/**
 * The popup's site card remembers per site what the person chose (the country, another category,
 * no card): the only writer of the `siteChoices` item.
 */
export function createSiteChoices(now: () => number = Date.now): Pick<Handlers, 'saveSiteChoice'> {
  // Read-modify-write in one queue, so two quick choices never overwrite each other.
  const serial = createSerialQueue();
  return {
    async saveSiteChoice(data) {
      const site = typeof data?.site === 'string' ? data.site : '';
      if (!/^[a-z0-9-]{1,63}$/.test(site)) throw new MessageError('bad_request');
      return serial(async () => {
        const all = { ...(await siteChoicesItem.getValue()) };
        const before: SiteChoice = all[site] ?? { serviceId: null, categoryId: null, hidden: false, at: 0 };
        const serviceId = optionalId(data.serviceId);
        const categoryId = optionalId(data.categoryId);
        all[site] = {
          serviceId: serviceId === undefined ? before.serviceId : serviceId,
          categoryId: categoryId === undefined ? before.categoryId : categoryId,
          hidden: typeof data.hidden === 'boolean' ? data.hidden : before.hidden,
          at: now(),
        };
        const kept = Object.entries(all)
          .sort(([, a], [, b]) => b.at - a.at)
          .slice(0, SITES_LIMIT);
        await siteChoicesItem.setValue(Object.fromEntries(kept));
        return { ok: true as const };
      });
    },
  };
}
