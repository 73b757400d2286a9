import type { NumbersCatalog, CatalogService } from '../storage';
import { matchesQuery } from './search';

/** What the first screen's search found: the first `limit` services, and how many more matched. */
export interface AllServicesMatch {
  rows: CatalogService[];
  more: number;
}

/**
 * Services of every category whose "<category> <service>" holds every word of the query (Turkish-aware:
 * "whatsapp tür" finds "Türkiye" under WhatsApp), in the categories' order. Reads the cached index only.
 */
export function searchAllServices(catalog: NumbersCatalog, query: string, limit = 40): AllServicesMatch {
  if (!query.trim()) return { rows: [], more: 0 };
  const rows: CatalogService[] = [];
  let total = 0;
  for (const category of catalog.categories) {
    for (const service of catalog.services[String(category.id)]?.rows ?? []) {
      if (!matchesQuery(`${category.name} ${service.name}`, query)) continue;
      if (total++ < limit) rows.push(service);
    }
  }
  return { rows, more: total - rows.length };
}
