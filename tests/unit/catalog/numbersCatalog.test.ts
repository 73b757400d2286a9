import { describe, expect, it } from 'vitest';
import { createBatcher } from '../../../utils/async';
import {
  categoriesToIndex,
  indexDue,
  isFresh,
  readCatalog,
  withNames,
  withPrices,
} from '../../../utils/numbersCatalog';

const NOW = 1_800_000_000_000;
const DAY = 24 * 60 * 60_000;

describe('stored numbers catalogue', () => {
  it('reads a value cached before pricedAt and indexedAt existed: never priced, never indexed', () => {
    const old = {
      origin: 'https://p.example',
      categories: [{ id: 1, name: 'Google' }],
      categoriesAt: NOW,
      services: {
        '1': { rows: [{ id: 11, name: 'Google Türkiye', categoryId: 1, price: 2.5, stock: 3 }], at: NOW },
      },
    };
    const c = readCatalog(old, 'https://p.example');
    expect(c.indexedAt).toBe(0);
    expect(c.detailsListsAll).toBeUndefined();
    expect(c.services['1']!.rows).toEqual([
      { id: 11, name: 'Google Türkiye', categoryId: 1, price: 2.5, stock: 3, pricedAt: null },
    ]);
    expect(isFresh(c.services['1']!.rows[0]!, NOW)).toBe(false);
  });

  it("reads another panel's catalogue, or garbage, as this panel's empty one", () => {
    const other = readCatalog(
      { origin: 'https://a.example', categories: [{ id: 1, name: 'x' }], services: {} },
      'https://b.example',
    );
    expect(other).toEqual({
      origin: 'https://b.example',
      categories: [],
      categoriesAt: 0,
      services: {},
      indexedAt: 0,
    });
    expect(readCatalog('nonsense', 'https://b.example').categories).toEqual([]);
  });

  it('keeps cached prices and their time when names are listed again; prices are stamped when read', () => {
    let c = readCatalog(undefined, 'o');
    c = withNames(c, 1, [{ id: 11, name: 'A', categoryId: 1 }], NOW);
    c = withPrices(
      c,
      [
        { id: 11, price: 2, stock: 5 },
        { id: 99, price: 1, stock: 1 },
      ],
      NOW + 1,
    );
    c = withNames(
      c,
      1,
      [
        { id: 11, name: 'A2', categoryId: 1 },
        { id: 12, name: 'B', categoryId: 1 },
      ],
      NOW + 2,
    );
    expect(c.services['1']!.rows).toEqual([
      { id: 11, name: 'A2', categoryId: 1, price: 2, stock: 5, pricedAt: NOW + 1 },
      { id: 12, name: 'B', categoryId: 1, price: null, stock: null, pricedAt: null },
    ]);
  });

  it('a price is fresh for one minute', () => {
    const row = { id: 1, name: 'a', categoryId: 1, price: 1, stock: 1, pricedAt: NOW };
    expect(isFresh(row, NOW + 59_999)).toBe(true);
    expect(isFresh(row, NOW + 60_000)).toBe(false);
  });

  it('the search index is due after a day, for another panel, and lists only categories older than a day', () => {
    const c = {
      ...readCatalog(undefined, 'o'),
      categories: [
        { id: 1, name: 'a' },
        { id: 2, name: 'b' },
      ],
      services: { '1': { rows: [], at: NOW - DAY + 1000 }, '2': { rows: [], at: NOW - DAY - 1 } },
      indexedAt: NOW - DAY + 1000,
    };
    expect(indexDue(c, 'o', NOW)).toBe(false);
    expect(indexDue(c, 'other', NOW)).toBe(true);
    expect(indexDue(c, 'o', NOW + 1000)).toBe(true);
    expect(categoriesToIndex(c, NOW).map((x) => x.id)).toEqual([2]);
  });
});

describe('createBatcher', () => {
  it('flushes the first item at once, then at most once per interval, and drains the rest', async () => {
    let t = 0;
    const timers: { at: number; fn: () => void }[] = [];
    const clock = {
      now: () => t,
      setTimeout: (fn: () => void, ms: number) => timers.push({ at: t + ms, fn }),
      clearTimeout: () => void timers.splice(0),
    };
    const flushed: number[][] = [];
    const batcher = createBatcher<number>(async (items) => void flushed.push(items), 100, clock);
    batcher.add(1);
    batcher.add(2);
    t = 50;
    batcher.add(3);
    expect(timers.map((x) => x.at)).toEqual([100]);
    t = 100;
    timers.shift()!.fn();
    batcher.add(4);
    await batcher.drain();
    expect(flushed).toEqual([[1], [2, 3], [4]]);
  });
});
