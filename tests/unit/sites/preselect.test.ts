import { describe, expect, it } from 'vitest';
import { preselectService } from '../../../utils/sites/preselect';
import type { CatalogService } from '../../../utils/storage';

const row = (id: number, price: number | null, stock: number | null): CatalogService => ({
  id,
  name: `Discord ${id}`,
  categoryId: 2,
  price,
  stock,
  pricedAt: null,
});
const rows = [row(21, 1.5, 200), row(22, 0.8, 95), row(23, 2, 30), row(24, 0.5, 0), row(25, 0.3, null)];
const rented = (...ids: number[]) => ids.map((serviceId, i) => ({ serviceId, createdAt: 1000 + i }));

describe('the country offered first on the site card', () => {
  it("the person's last choice for the site comes first", () => {
    expect(preselectService(rows, 23, rented(21, 21, 21))?.id).toBe(23);
  });

  it('else the service of that category they rented most (live numbers and history)', () => {
    expect(preselectService(rows, null, rented(21, 22, 21, 99))?.id).toBe(21);
  });

  it('a tie between the most rented goes to the latest', () => {
    expect(preselectService(rows, null, rented(21, 23, 23, 21))?.id).toBe(21);
  });

  it('else the cheapest in stock (an unknown stock counts as in stock)', () => {
    expect(preselectService(rows, null, [])?.id).toBe(25);
    expect(preselectService(rows.slice(0, 4), null, [])?.id).toBe(22);
  });

  it('rows out of stock or without a price are passed over at every step', () => {
    const noPrice = [row(21, 1.5, 200), row(22, null, 95), row(24, 0.5, 0)];
    // The last choice (24) ran out and the most rented (22) has no price yet: the cheapest rentable.
    expect(preselectService(noPrice, 24, rented(22, 22))?.id).toBe(21);
  });

  it('when nothing can be rented yet, the last choice (or the first row) is still shown', () => {
    const loading = [row(21, null, null), row(22, null, null)];
    expect(preselectService(loading, 22, [])?.id).toBe(22);
    expect(preselectService(loading, null, [])?.id).toBe(21);
    expect(preselectService([], null, [])).toBeNull();
  });

  it('a last choice that is not in this category is ignored', () => {
    expect(preselectService(rows.slice(0, 3), 77, [])?.id).toBe(22);
  });
});
