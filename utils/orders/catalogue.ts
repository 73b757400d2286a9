/** The services catalogue as the popup lists it: searched (Turkish-aware), favourites first, grouped by category. */

import type { OrderService } from '../api/orders/types';
import { matchesQuery } from '../stores/search';

/** One heading of the list: a category, or the person's favourites. */
export interface ServiceGroup {
  /** The category name, or null for the favourites group. */
  category: string | null;
  services: OrderService[];
}

/** True when a service matches a query by name, id ("12" or "#12") or category. */
export function serviceMatches(service: OrderService, query: string): boolean {
  const id = /^\s*#?(\d+)\s*$/.exec(query);
  if (id && Number(id[1]) === service.id) return true;
  return matchesQuery(`${service.name} ${service.category} #${service.id}`, query);
}

/** Groups the matching services: favourites first, then each category in the panel's order. */
export function groupServices(
  services: readonly OrderService[],
  query: string,
  favorites: readonly number[],
): ServiceGroup[] {
  const matching = services.filter((s) => serviceMatches(s, query));
  const starred = new Set(favorites);
  const groups: ServiceGroup[] = [];
  const favs = matching.filter((s) => starred.has(s.id));
  if (favs.length) groups.push({ category: null, services: favs });
  const byCategory = new Map<string, OrderService[]>();
  for (const s of matching) {
    const list = byCategory.get(s.category);
    if (list) list.push(s);
    else byCategory.set(s.category, [s]);
  }
  for (const [category, list] of byCategory) groups.push({ category, services: list });
  return groups;
}
