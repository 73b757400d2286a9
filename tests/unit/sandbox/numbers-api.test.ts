// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { v1, v1Keyed } from './client';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ codeDelayMs: 3000, numberWindowMs: 20 * 60_000 });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

/** Rents a number and returns its id. */
async function rent(serviceId: number): Promise<number> {
  const { json } = await v1Keyed(sandbox, `getNumber/${serviceId}`);
  const id = (json as { number_id?: number }).number_id;
  if (typeof id !== 'number') throw new Error(`rent failed: ${JSON.stringify(json)}`);
  return id;
}

describe('sandbox numbers API: catalogue', () => {
  it('lists categories as [{id, name}] with the usual brands', async () => {
    const { status, json } = await v1(sandbox, 'getCategories');
    expect(status).toBe(200);
    const categories = json as { id: number; name: string }[];
    for (const c of categories) expect(Object.keys(c).sort()).toEqual(['id', 'name']);
    const names = categories.map((c) => c.name);
    for (const brand of ['Google', 'Discord', 'WhatsApp', 'Telegram', 'Instagram'])
      expect(names).toContain(brand);
    expect(names.some((n) => /twitter|\bx\b/i.test(n))).toBe(true);
  });

  it('lists the services of a category as [{id, name, category}] with Turkish country names', async () => {
    const { json: categories } = await v1(sandbox, 'getCategories');
    const whatsapp = (categories as { id: number; name: string }[]).find((c) => c.name === 'WhatsApp')!;
    const { json } = await v1(sandbox, `getServices/${whatsapp.id}`);
    const services = json as { id: number; name: string; category: number }[];
    expect(services.length).toBeGreaterThanOrEqual(3);
    for (const s of services) {
      expect(Object.keys(s).sort()).toEqual(['category', 'id', 'name']);
      expect(s.category).toBe(whatsapp.id);
    }
    expect(services.map((s) => s.name)).toEqual(
      expect.arrayContaining(['Whatsapp Türkiye', 'Whatsapp Fransa', 'Whatsapp Endonezya']),
    );
    expect((await v1(sandbox, 'getServices/999')).json).toEqual([]);
  });

  it('gives service details as [{id, price: string, stock: number}], with stock 0 and the 0.1/0.2 prices', async () => {
    const { json } = await v1(sandbox, 'getServiceDetails/41');
    expect(json).toEqual([{ id: 41, price: '0.1', stock: 500 }]);
    expect((await v1(sandbox, 'getServiceDetails/42')).json).toEqual([{ id: 42, price: '0.2', stock: 350 }]);
    expect((await v1(sandbox, 'getServiceDetails/14')).json).toEqual([{ id: 14, price: '5', stock: 0 }]);
    expect((await v1(sandbox, 'getServiceDetails/999')).json).toEqual([]);
  });
});

describe('sandbox numbers API: renting', () => {
  it('spends the price, lowers the stock and answers {success, number_id, number} with the country prefix', async () => {
    const { json } = await v1Keyed(sandbox, 'getNumber/31');
    expect(json).toEqual({
      success: true,
      number_id: expect.any(Number),
      number: expect.stringMatching(/^\+905\d{9}$/),
    });
    expect(sandbox.balance()).toBe(12.5);
    expect((await v1(sandbox, 'getServiceDetails/31')).json).toEqual([{ id: 31, price: '12.5', stock: 39 }]);
    const fr = await v1Keyed(sandbox, 'getNumber/32');
    expect((fr.json as { number: string }).number).toMatch(/^\+33[67]\d{8}$/);
  });

  it('keeps money exact: 0.1 + 0.2 rented from 25 leaves 24.7', async () => {
    await rent(41);
    await rent(42);
    expect((await v1Keyed(sandbox, 'getBalance')).json).toEqual({ balance: 24.7 });
  });

  it('refuses a wrong key, a low balance, an empty stock and an unknown service without spending', async () => {
    expect((await v1(sandbox, 'wrong-key/getNumber/31')).json).toEqual({
      success: false,
      message: 'Invalid API key',
    });
    expect((await v1Keyed(sandbox, 'getNumber/14')).json).toEqual({
      success: false,
      message: 'Stokta numara yok',
    });
    sandbox.setBalance(1);
    expect((await v1Keyed(sandbox, 'getNumber/31')).json).toEqual({
      success: false,
      message: 'Yetersiz bakiye',
    });
    expect((await v1Keyed(sandbox, 'getNumber/999')).json).toMatchObject({ success: false });
    expect(sandbox.balance()).toBe(1);
    expect(sandbox.numbers()).toEqual([]);
  });

  it('decodes the key in the path', async () => {
    const other = await startSandbox({ key: 'k/ü y' });
    try {
      const { json } = await v1(other, `${encodeURIComponent('k/ü y')}/getBalance`);
      expect(json).toEqual({ balance: 25 });
    } finally {
      await other.close();
    }
  });
});

describe('sandbox numbers API: codes', () => {
  it('answers status 0 while waiting and the code codeDelayMs after renting', async () => {
    const id = await rent(21);
    expect((await v1Keyed(sandbox, `getMessage/${id}`)).json).toEqual({ code: null, id, status: 0 });
    sandbox.advance(2900);
    expect((await v1Keyed(sandbox, `getMessage/${id}`)).json).toMatchObject({ status: 0 });
    sandbox.advance(200);
    const { json } = await v1Keyed(sandbox, `getMessage/${id}`);
    expect(json).toMatchObject({ id, status: 1 });
    expect(String((json as { code: unknown }).code)).toMatch(/^\d{1,6}$/);
  });

  it('sends a code as text when it has a leading zero, and may send it as a number otherwise', async () => {
    const even = await rent(21); // ids start at 1000: even ids get numbers for codes without a leading zero
    const odd = await rent(21);
    sandbox.deliverCode(even, '048213');
    sandbox.deliverCode(odd, '123456');
    expect((await v1Keyed(sandbox, `getMessage/${even}`)).json).toEqual({
      code: '048213',
      id: even,
      status: 1,
    });
    expect((await v1Keyed(sandbox, `getMessage/${odd}`)).json).toEqual({
      code: '123456',
      id: odd,
      status: 1,
    });
    sandbox.deliverCode(even, '554433');
    expect((await v1Keyed(sandbox, `getMessage/${even}`)).json).toEqual({
      code: 554433,
      id: even,
      status: 1,
    });
  });

  it('shows the newer code once a second code arrives', async () => {
    sandbox.setSecondCodeAfter(10_000);
    await rent(21);
    const id = await rent(21); // an odd id: its codes always come as text
    sandbox.advance(3000);
    const first = (await v1Keyed(sandbox, `getMessage/${id}`)).json as { code: string };
    sandbox.advance(10_000);
    const codes = sandbox.numbers().find((n) => n.id === id)!.codes;
    expect(codes.map((c) => c.code)).toEqual([first.code, expect.stringMatching(/^\d{6}$/)]);
    expect(codes[1].code).not.toBe(codes[0].code);
    expect((await v1Keyed(sandbox, `getMessage/${id}`)).json).toEqual({ code: codes[1].code, id, status: 1 });
  });

  it('delivers a random 6-digit code on demand and applies a changed delay to waiting numbers', async () => {
    sandbox.setCodeDelay(60_000);
    const id = await rent(21);
    sandbox.advance(5000);
    expect(sandbox.numbers()[0].status).toBe('waiting');
    sandbox.deliverCode(id);
    expect(sandbox.numbers()[0].codes[0].code).toMatch(/^\d{6}$/);
    const late = await rent(21);
    sandbox.setCodeDelay(0);
    expect((await v1Keyed(sandbox, `getMessage/${late}`)).json).toMatchObject({ status: 1 });
  });

  it('answers status -1 when the window closes without a code, and keeps the money', async () => {
    sandbox.setCodeDelay(Infinity);
    const id = await rent(21);
    sandbox.advance(20 * 60_000);
    expect((await v1Keyed(sandbox, `getMessage/${id}`)).json).toEqual({ status: -1 });
    expect((await v1Keyed(sandbox, `cancelNumber/${id}`)).json).toMatchObject({ success: false });
    expect(sandbox.balance()).toBe(23.5);
  });

  it('answers "Numara bulunamadı" for an unknown number and the key error for a wrong key', async () => {
    const unknown = { success: false, message: 'Numara bulunamadı' };
    expect((await v1Keyed(sandbox, 'getMessage/4242')).json).toEqual(unknown);
    expect((await v1Keyed(sandbox, 'cancelNumber/4242')).json).toEqual(unknown);
    expect((await v1(sandbox, 'nope/getMessage/1000')).json).toEqual({
      success: false,
      message: 'Invalid API key',
    });
  });
});

describe('sandbox numbers API: cancel and balance', () => {
  it('cancels a waiting number with a refund, then shows status -1 and refuses a second cancel', async () => {
    const id = await rent(31);
    expect(sandbox.balance()).toBe(12.5);
    expect((await v1Keyed(sandbox, `cancelNumber/${id}`)).json).toEqual({
      success: true,
      title: '',
      message: '',
    });
    expect(sandbox.balance()).toBe(25);
    expect((await v1Keyed(sandbox, `getMessage/${id}`)).json).toEqual({ status: -1 });
    const again = (await v1Keyed(sandbox, `cancelNumber/${id}`)).json as Record<string, unknown>;
    expect(again).toMatchObject({ success: false, title: 'İptal edilemez' });
    expect(sandbox.balance()).toBe(25);
  });

  it('refuses to cancel once the code arrived', async () => {
    const id = await rent(31);
    sandbox.advance(3000);
    const { json } = await v1Keyed(sandbox, `cancelNumber/${id}`);
    expect(json).toEqual({ success: false, title: 'İptal edilemez', message: 'SMS already received' });
    expect(sandbox.balance()).toBe(12.5);
  });

  it('answers getBalance as {balance: number}', async () => {
    sandbox.setBalance(100);
    expect((await v1Keyed(sandbox, 'getBalance')).json).toEqual({ balance: 100 });
    expect((await v1(sandbox, 'bad/getBalance')).json).toEqual({
      success: false,
      message: 'Invalid API key',
    });
  });
});
