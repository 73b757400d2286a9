import type { Rental } from '../rentals/types';
import type { CatalogService } from '../storage';

/** A row that can be rented now: priced and not known to be out of stock. */
export const rentableRow = (r: CatalogService): boolean =>
  r.price !== null && !(r.stock !== null && r.stock <= 0);

/**
 * The service (country) to offer first among a category's rows: the person's last choice for the
 * site, else the one they rented most (live numbers and history; the latest breaks a tie), else the
 * cheapest in stock. Rows out of stock or without a price are passed over; when no row can be
 * rented, the last choice or the first row is still shown (its price is loading, or stock ran out).
 */
export function preselectService(
  rows: readonly CatalogService[],
  lastChoice: number | null,
  rented: readonly Pick<Rental, 'serviceId' | 'createdAt'>[],
): CatalogService | null {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const last = lastChoice !== null ? byId.get(lastChoice) : undefined;
  if (last && rentableRow(last)) return last;

  const uses = new Map<number, { count: number; latest: number }>();
  for (const r of rented) {
    const row = byId.get(r.serviceId);
    if (!row || !rentableRow(row)) continue;
    const u = uses.get(r.serviceId) ?? { count: 0, latest: 0 };
    uses.set(r.serviceId, { count: u.count + 1, latest: Math.max(u.latest, r.createdAt) });
  }
  let most: [number, { count: number; latest: number }] | null = null;
  for (const entry of uses) {
    const [, u] = entry;
    if (!most || u.count > most[1].count || (u.count === most[1].count && u.latest > most[1].latest))
      most = entry;
  }
  if (most) return byId.get(most[0])!;

  const cheapest = rows
    .filter(rentableRow)
    .reduce<CatalogService | null>((a, r) => (a === null || r.price! < a.price! ? r : a), null);
  return cheapest ?? last ?? rows[0] ?? null;
}
