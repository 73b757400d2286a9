import type { NumberCategory } from '../api/numbers/types';
import { fold } from '../fold';
import type { CatalogService } from '../storage';

/** One row of `sites.json`: a service people rent numbers for, the names panels give it, its domains. */
export interface SiteEntry {
  name: string;
  aliases: string[];
  domains: string[];
}

/** Endings a site's own name sits in front of: generic ones and loopback (any two-letter country code also counts). */
const ENDINGS = new Set([
  'com',
  'net',
  'org',
  'io',
  'me',
  'app',
  'ai',
  'gg',
  'tv',
  'info',
  'biz',
  'localhost',
]);
/** Second-level endings under a country code: google.com.tr, amazon.co.uk. */
const SECOND_LEVEL = new Set(['com', 'co', 'net', 'org', 'gov', 'edu', 'ac', 'gen', 'biz', 'web']);

/**
 * The site's own name in a host: accounts.google.com, google.com.tr and discord.localhost give
 * "google", "google", "discord". Null for an IP address or a host with no known ending.
 */
export function siteLabel(host: string): string | null {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.');
  if (labels.length < 2 || labels.some((l) => !/^[a-z0-9-]+$/.test(l))) return null;
  const last = labels.pop()!;
  if (/^\d+$/.test(last) || !(ENDINGS.has(last) || /^[a-z]{2}$/.test(last))) return null;
  if (labels.length >= 2 && /^[a-z]{2}$/.test(last) && SECOND_LEVEL.has(labels[labels.length - 1]!))
    labels.pop();
  return labels[labels.length - 1] ?? null;
}

/** The site's own name of a page's origin (http and https only). */
export function siteOfOrigin(origin: string | null): string | null {
  if (!origin) return null;
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' || url.protocol === 'https:' ? siteLabel(url.hostname) : null;
  } catch {
    return null;
  }
}

/** The table's entry for a site name ("google"), matched on each domain's own name. */
export function findSiteEntry(site: string, table: readonly SiteEntry[]): SiteEntry | null {
  return table.find((e) => e.domains.some((d) => siteLabel(d) === site)) ?? null;
}

const words = (text: string) =>
  fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/**
 * How well a panel's name fits an entry: 3 the name itself, 2 an alias, 1 one of them as whole words
 * inside a longer name ("Twitter / X", "TİKTOK Hesap"), 0 not at all. Turkish-aware (`fold`).
 */
export function nameScore(panelName: string, entry: SiteEntry): number {
  const have = words(panelName);
  const compact = have.join('');
  let best = 0;
  for (const [i, name] of [entry.name, ...entry.aliases].entries()) {
    const want = words(name);
    if (!want.length) continue;
    if (compact === want.join('')) best = Math.max(best, i === 0 ? 3 : 2);
    else if (containsRun(have, want)) best = Math.max(best, 1);
  }
  return best;
}

function containsRun(have: string[], want: string[]): boolean {
  for (let i = 0; i + want.length <= have.length; i++)
    if (want.every((w, j) => have[i + j] === w)) return true;
  return false;
}

/** Where a site's service is in the panel's catalogue. */
export interface SiteMatch {
  entry: SiteEntry;
  categoryId: number;
  /** Set when only some services of the category are this site's (found by service name). */
  serviceIds: number[] | null;
}

/**
 * The panel category of an entry: the best-named category; else a category whose cached services
 * carry the name ("Discord Türkiye" under "Diğer"), limited to those services. Null when none fits.
 */
export function matchCategory(
  entry: SiteEntry,
  categories: readonly NumberCategory[],
  services: Record<string, { rows: CatalogService[] }>,
): SiteMatch | null {
  let best: NumberCategory | null = null;
  let bestScore = 0;
  for (const c of categories) {
    const score = nameScore(c.name, entry);
    if (score > bestScore || (score === bestScore && score > 0 && c.name.length < best!.name.length)) {
      best = c;
      bestScore = score;
    }
  }
  if (best) return { entry, categoryId: best.id, serviceIds: null };
  for (const c of categories) {
    const rows = services[String(c.id)]?.rows ?? [];
    const ids = rows.filter((r) => nameScore(r.name, entry) > 0).map((r) => r.id);
    if (ids.length) return { entry, categoryId: c.id, serviceIds: ids };
  }
  return null;
}
