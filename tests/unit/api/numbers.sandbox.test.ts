// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createNumbersApi } from '../../../utils/api/numbers/index.ts';
import { PanelError } from '../../../utils/api/errors.ts';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { failure } from './leak.ts';

// A key that must be URL-encoded in the path: a slash, a plus, a space, a non-ASCII letter.
const KEY = 'sk/Ä+9 z&q';
let sandbox: Sandbox;
const noSleep = async () => {};

beforeAll(async () => {
  sandbox = await startSandbox({ key: KEY, codeDelayMs: 60_000 });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const api = (key = KEY) => createNumbersApi({ origin: sandbox.url, getKey: () => key, sleep: noSleep });

describe('numbers client against the sandbox panel', () => {
  it('lists categories, services and details without sending the key', async () => {
    const categories = await api().getCategories();
    expect(categories).toContainEqual({ id: 1, name: 'Google' });
    const services = await api().getServices(4);
    expect(services.map((s) => s.id)).toEqual([41, 42, 43]);
    expect(services.every((s) => s.categoryId === 4)).toBe(true);
    expect(await api().getServiceDetails(41)).toEqual([{ id: 41, price: 0.1, stock: 500 }]);
    expect(await api().getServiceDetails(14)).toEqual([{ id: 14, price: 5, stock: 0 }]);
    expect(await api().getServiceDetails(999)).toEqual([]);
    // A panel whose details answer lists the whole category: every service comes back.
    sandbox.setDetailsMode('category');
    expect(await api().getServiceDetails(42)).toEqual([
      { id: 41, price: 0.1, stock: 500 },
      { id: 42, price: 0.2, stock: 350 },
      { id: 43, price: 9, stock: 25 },
    ]);
    expect(sandbox.requests.every((r) => !r.path.includes('{key}'))).toBe(true);
  });

  it('puts the URL-encoded key into the path', async () => {
    expect(await api().getBalance()).toEqual({ amount: 25, currency: null });
    const [record] = sandbox.requests;
    expect(record).toMatchObject({ method: 'POST', endpoint: 'getBalance', hadValidKey: true, status: 200 });
    expect(record.path).toBe('/api/v1/{key}/getBalance');
  });

  it('rents a number, waits for its code, keeps a leading zero, and cannot cancel after the code', async () => {
    const rented = await api().getNumber(41);
    expect(rented.numberId).toBeGreaterThanOrEqual(1000);
    expect(rented.number).toMatch(/^\+62\d+$/);
    expect((await api().getBalance()).amount).toBe(24.9);

    expect(await api().getMessage(rented.numberId)).toEqual({
      numberId: rented.numberId,
      state: 'waiting',
      code: null,
    });
    sandbox.deliverCode(rented.numberId, '012345');
    expect(await api().getMessage(rented.numberId)).toEqual({
      numberId: rented.numberId,
      state: 'received',
      code: '012345',
    });
    expect(await api().cancelNumber(rented.numberId)).toEqual({
      refunded: false,
      title: 'İptal edilemez',
      message: 'SMS already received',
    });
  });

  it('reads a code sent as a JSON number as its digits', async () => {
    // The sandbox sends codes without a leading zero as numbers for even number ids.
    const first = await api().getNumber(41);
    const even = first.numberId % 2 === 0 ? first : await api().getNumber(41);
    sandbox.deliverCode(even.numberId, '987654');
    expect(await api().getMessage(even.numberId)).toMatchObject({ state: 'received', code: '987654' });
  });

  it('cancels a waiting number for a refund, then reports it cancelled', async () => {
    const { numberId } = await api().getNumber(32);
    expect((await api().getBalance()).amount).toBe(17);
    expect(await api().cancelNumber(numberId)).toEqual({ refunded: true, title: '', message: '' });
    expect((await api().getBalance()).amount).toBe(25);
    expect((await api().getMessage(numberId)).state).toBe('cancelled');
    expect((await api().cancelNumber(numberId)).refunded).toBe(false);
  });

  it('turns panel refusals into typed errors that did not charge', async () => {
    const stock = await failure(() => api().getNumber(14));
    expect(stock).toBeInstanceOf(PanelError);
    expect(stock).toMatchObject({
      kind: 'out_of_stock',
      panelText: 'Stokta numara yok',
      mayHaveCharged: false,
    });

    sandbox.setBalance(0);
    expect(await failure(() => api().getNumber(41))).toMatchObject({
      kind: 'insufficient_funds',
      panelText: 'Yetersiz bakiye',
      mayHaveCharged: false,
    });

    expect(await failure(() => api().getMessage(999_999))).toMatchObject({
      kind: 'not_found',
      endpoint: 'getMessage',
    });
    expect(await failure(() => api('wrong key').getBalance())).toMatchObject({
      kind: 'bad_key',
      panelText: 'Invalid API key',
    });
    expect(sandbox.count('getNumber')).toBe(2);
  });

  it('sends nothing without a key', async () => {
    const e = await failure(() => api('  ').getNumber(41));
    expect(e).toMatchObject({ kind: 'bad_key', mayHaveCharged: false });
    expect(sandbox.requests).toHaveLength(0);
  });
});
