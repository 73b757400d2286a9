// @vitest-environment node
// The numbers catalogue through the real listeners, against the sandbox panel at scale.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { serveCatalogsToFetch } from './catalog-fetch';
import { patchFakeBrowser } from './fake-events';
import { sendAsOwnPage } from './wire';
import background from '../../../entrypoints/background/index';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { sendMessage } from '../../../utils/messaging/client';
import { DEFAULT_SETTINGS } from '../../../utils/settings';
import {
  apiKeyItem,
  keyHintItem,
  numbersCatalogItem,
  panelOriginItem,
  settingsItem,
  type CatalogService,
  type NumbersCatalog,
} from '../../../utils/storage';

const BIG = 9;
const HOUR = 60 * 60_000;
let sandbox: Sandbox;
let other: Sandbox;
beforeAll(async () => {
  [sandbox, other] = await Promise.all([startSandbox(), startSandbox()]);
});
afterAll(() => Promise.all([sandbox.close(), other.close()]));

beforeEach(async () => {
  fakeBrowser.reset();
  serveCatalogsToFetch();
  patchFakeBrowser();
  sendAsOwnPage();
  sandbox.reset();
  other.reset();
  sandbox.setBigCategory(true);
  await apiKeyItem.setValue(sandbox.key);
  await keyHintItem.setValue('••••abc');
  await panelOriginItem.setValue(sandbox.url);
  await settingsItem.setValue(DEFAULT_SETTINGS);
  background.main();
});

const catalog = () => numbersCatalogItem.getValue();
const rowsOf = async (categoryId: number): Promise<CatalogService[]> =>
  (await catalog()).services[categoryId]?.rows ?? [];
/** Every catalogue value written, in order. */
function recordWrites(): NumbersCatalog[] {
  const writes: NumbersCatalog[] = [];
  numbersCatalogItem.watch((v) => writes.push(v));
  return writes;
}
const detailIds = (s: Sandbox) =>
  s.requests.filter((r) => r.endpoint === 'getServiceDetails').map((r) => Number(r.params.service_id));

describe('numbers catalogue at scale, through the real listeners', () => {
  it('writes the names before any price, then prices as they arrive in coalesced writes', async () => {
    sandbox.setLatency(20);
    const writes = recordWrites();
    await sendMessage('getServices', { categoryId: BIG });
    const withRows = writes.filter((w) => (w.services[BIG]?.rows.length ?? 0) > 0);
    expect(withRows[0]!.services[BIG]!.rows).toHaveLength(150);
    expect(withRows[0]!.services[BIG]!.rows.every((r) => r.price === null && r.pricedAt === null)).toBe(true);
    const priced = (w: NumbersCatalog) => w.services[BIG]!.rows.filter((r) => r.pricedAt !== null).length;
    // Progressive: some writes hold part of the prices; coalesced: far fewer writes than answers.
    expect(withRows.some((w) => priced(w) > 0 && priced(w) < 150)).toBe(true);
    expect(withRows.length).toBeLessThan(40);
    expect(priced(writes.at(-1)!)).toBe(150);
    expect(sandbox.count('getServiceDetails')).toBe(150);
    expect((await catalog()).detailsListsAll).toBe(false);
  });

  it('a details answer that lists the whole category prices every service, with one request', async () => {
    sandbox.setDetailsMode('category');
    await sendMessage('getServices', { categoryId: BIG });
    expect(sandbox.counts()).toEqual({ getServices: 1, getServiceDetails: 1 });
    const rows = await rowsOf(BIG);
    expect(rows.every((r) => r.price !== null && r.pricedAt !== null)).toBe(true);
    expect((await catalog()).detailsListsAll).toBe(true);
    // Known now: another category is one request too, and a minute later the first is not asked again.
    await sendMessage('getServices', { categoryId: 4 });
    expect(sandbox.count('getServiceDetails')).toBe(2);
    await sendMessage('getServices', { categoryId: BIG });
    expect(sandbox.count('getServiceDetails')).toBe(2);
  });

  it('does not ask again for a price read less than a minute ago', async () => {
    await sendMessage('getServices', { categoryId: 4 });
    expect(sandbox.count('getServiceDetails')).toBe(3);
    const c = await catalog();
    const rows = c.services[4]!.rows;
    // 41 read 30 s ago, 42 read 90 s ago, 43 read now.
    const ago = [30_000, 90_000, 0];
    await numbersCatalogItem.setValue({
      ...c,
      services: {
        4: { ...c.services[4]!, rows: rows.map((r, i) => ({ ...r, pricedAt: Date.now() - ago[i]! })) },
      },
    });
    sandbox.reset();
    sandbox.setBigCategory(true);
    await sendMessage('getServices', { categoryId: 4 });
    expect(detailIds(sandbox)).toEqual([42]);
    await sendMessage('getPrices', { serviceIds: [41, 42, 43] });
    expect(detailIds(sandbox)).toEqual([42]);
  });

  it('prices the rows on screen first (getPrices jumps the queue) and never twice', async () => {
    sandbox.setLatency(40);
    const pass = sendMessage('getServices', { categoryId: BIG });
    await expect.poll(() => sandbox.count('getServiceDetails'), { interval: 5 }).toBeGreaterThan(1);
    const shown = [341, 342, 343, 344, 345, 346, 347, 348, 349, 350];
    await sendMessage('getPrices', { serviceIds: shown });
    // The shown rows were priced before the pass ended...
    expect((await rowsOf(BIG)).filter((r) => shown.includes(r.id)).every((r) => r.pricedAt !== null)).toBe(
      true,
    );
    await pass;
    const order = detailIds(sandbox);
    // ...each asked once, among the first requests (in list order they would have come last).
    expect(order).toHaveLength(150);
    for (const id of shown) expect(order.indexOf(id)).toBeLessThan(40);
  });

  it('after a 429 it waits for Retry-After and still prices everything; a failed price rejects with its kind', async () => {
    sandbox.injectFault('getServiceDetails', { type: 'rateLimit', retryAfterSec: 1 });
    await sendMessage('getServices', { categoryId: 4 });
    const [first, second] = sandbox.requests.filter((r) => r.endpoint === 'getServiceDetails');
    expect(first!.status).toBe(429);
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
    expect((await rowsOf(4)).every((r) => r.pricedAt !== null)).toBe(true);

    // Some details fail: the others are stored and the action rejects (the popup says some prices are missing).
    sandbox.reset();
    await numbersCatalogItem.setValue({ ...(await catalog()), services: {} });
    sandbox.injectFault('getServiceDetails', { type: 'malformed' }, 1);
    await expect(sendMessage('getServices', { categoryId: 3 })).rejects.toMatchObject({ kind: 'unexpected' });
    expect((await rowsOf(3)).filter((r) => r.pricedAt !== null)).toHaveLength(3);
  });

  it('lists every category for search once a day, keeping prices', async () => {
    await sendMessage('getServices', { categoryId: 4 });
    sandbox.reset();
    sandbox.setBigCategory(true);
    await sendMessage('indexServices', {});
    // Every category but Telegram, listed a moment ago.
    expect(sandbox.count('getServices')).toBe(8);
    expect(sandbox.count('getServiceDetails')).toBe(0);
    const c = await catalog();
    expect(c.indexedAt).toBeGreaterThan(0);
    expect(c.services[BIG]!.rows.map((r) => r.name)).toContain('Telegram Global Türkiye');
    expect(c.services[4]!.rows.every((r) => r.price !== null)).toBe(true);
    await sendMessage('indexServices', {});
    expect(sandbox.counts()).toEqual({ getCategories: 1, getServices: 8 });
    // A day later, only the categories listed more than a day ago are listed again.
    const dayAgo = Date.now() - 25 * HOUR;
    await numbersCatalogItem.setValue({
      ...c,
      indexedAt: dayAgo,
      services: { ...c.services, 4: { ...c.services[4]!, at: dayAgo } },
    });
    await sendMessage('indexServices', {});
    expect(sandbox.counts()).toEqual({ getCategories: 2, getServices: 9 });
  });

  it('after a successful rent, the search index is built without being asked', async () => {
    await sendMessage('getServices', { categoryId: 4 });
    await sendMessage('rent', {
      serviceId: 41,
      serviceName: 'Telegram Endonezya',
      categoryName: 'Telegram',
      price: 0.1,
      requestId: 'r1',
    });
    await expect.poll(async () => (await catalog()).indexedAt).toBeGreaterThan(0);
    expect(sandbox.count('getServices')).toBe(1 + 8);
  });

  it("a panel change discards the old panel's catalogue and answers still on their way", async () => {
    sandbox.setLatency(30);
    const pass = sendMessage('getServices', { categoryId: BIG }).catch(() => undefined);
    await expect.poll(() => sandbox.count('getServiceDetails'), { interval: 5 }).toBeGreaterThan(2);
    await panelOriginItem.setValue(other.url);
    await pass;
    const c = await catalog();
    expect(c.origin === sandbox.url && c.services[BIG]!.rows.every((r) => r.pricedAt !== null)).toBe(false);
    expect(c.origin === other.url ? Object.keys(c.services) : []).toEqual([]);
    await sendMessage('indexServices', {});
    const again = await catalog();
    expect(again.origin).toBe(other.url);
    expect(Object.keys(again.services).sort()).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(other.count('getServices')).toBe(8);
  });

  it('reads a catalogue cached before prices had a time: shown as is, then priced again', async () => {
    const old = { id: 41, name: 'Telegram Endonezya', categoryId: 4, price: 0.5, stock: 1 };
    await numbersCatalogItem.setValue({
      origin: sandbox.url,
      categories: [{ id: 4, name: 'Telegram' }],
      categoriesAt: 1,
      services: { 4: { rows: [old], at: 1 } },
    } as unknown as NumbersCatalog);
    await sendMessage('getServices', { categoryId: 4 });
    expect(detailIds(sandbox).sort()).toEqual([41, 42, 43]);
    expect((await rowsOf(4))[0]).toEqual({ ...old, price: 0.1, stock: 500, pricedAt: expect.any(Number) });
    await sendMessage('indexServices', {});
    expect((await catalog()).indexedAt).toBeGreaterThan(0);
  });

  it('refuses getPrices without a list of service ids', async () => {
    await expect(sendMessage('getPrices', { serviceIds: 'all' as never })).rejects.toMatchObject({
      code: 'bad_request',
    });
  });
});
