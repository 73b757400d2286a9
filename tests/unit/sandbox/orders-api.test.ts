// @vitest-environment node
// One file for the sandbox's orders API: each action's answers and faults, against one running sandbox.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { v2 } from './client';

let sandbox: Sandbox;
const STEP = 5000;

beforeAll(async () => {
  sandbox = await startSandbox({ orderStepMs: STEP });
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.reset();
  sandbox.setBalance(1000);
});

type Status = { charge: string; start_count: string; status: string; remains: string; currency: string };

/** Places an order and returns its id (fails the test on an error answer). */
async function place(fields: Record<string, string>): Promise<number> {
  const { json } = await v2(sandbox, { action: 'add', ...fields });
  const order = (json as { order?: number }).order;
  if (typeof order !== 'number') throw new Error(`add failed: ${JSON.stringify(json)}`);
  return order;
}

async function statusOf(order: number): Promise<Status> {
  return (await v2(sandbox, { action: 'status', order: String(order) })).json as Status;
}

const followers = { service: '1', link: 'https://instagram.com/demo', quantity: '1000' };

describe('sandbox orders API: services and balance', () => {
  it('lists services with string rate/min/max, the extra fields and every type', async () => {
    const { status, json } = await v2(sandbox, { action: 'services' });
    expect(status).toBe(200);
    const services = json as Record<string, unknown>[];
    for (const s of services) {
      expect(s).toMatchObject({
        service: expect.any(Number),
        name: expect.any(String),
        category: expect.any(String),
        rate: expect.stringMatching(/^\d+(\.\d+)?$/),
        min: expect.stringMatching(/^\d+$/),
        max: expect.stringMatching(/^\d+$/),
        refill: expect.any(Boolean),
        cancel: expect.any(Boolean),
        desc: expect.any(String),
      });
    }
    const types = new Set(services.map((s) => s.type));
    for (const type of [
      'Default',
      'Custom Comments',
      'Package',
      'Mentions with Hashtags',
      'Mentions Custom List',
      'Mentions Hashtag',
      'Mentions User Followers',
      'Mentions Media Likers',
      'Comment Likes',
      'Comment Replies',
      'Poll',
      'SEO',
      'Subscriptions',
    ]) {
      expect(types).toContain(type);
    }
    expect(services.some((s) => s.dripfeed === true)).toBe(true);
    expect(services.some((s) => String(s.name).includes('<img src=x onerror=alert(1)>'))).toBe(true);
    expect(services.map((s) => s.category)).toEqual(
      expect.arrayContaining(['Instagram Takipçi', 'YouTube Views']),
    );
  });

  it('answers balance as a 5-decimal string with the currency', async () => {
    sandbox.setBalance(12.34567);
    expect((await v2(sandbox, { action: 'balance' })).json).toEqual({ balance: '12.34567', currency: 'USD' });
  });

  it('answers a wrong key and an unknown action with HTTP 200 errors', async () => {
    const wrong = await v2(sandbox, { key: 'nope', action: 'balance' });
    expect([wrong.status, wrong.json]).toEqual([200, { error: 'Invalid API key' }]);
    expect((await v2(sandbox, { action: 'fly' })).json).toEqual({ error: 'Incorrect request' });
  });

  it('accepts the fields as query parameters too', async () => {
    const url = `${sandbox.url}/api/v2?key=${sandbox.key}&action=balance`;
    expect(await (await fetch(url, { method: 'POST' })).json()).toEqual({
      balance: '1000.00000',
      currency: 'USD',
    });
  });
});

describe('sandbox orders API: add', () => {
  it('places an order with ids from 23501 and spends rate x quantity / 1000', async () => {
    expect((await v2(sandbox, { action: 'add', ...followers })).json).toEqual({ order: 23501 });
    expect(await place(followers)).toBe(23502);
    expect(sandbox.balance()).toBe(998.2);
  });

  it('charges drip-feed orders for every run', async () => {
    await place({ ...followers, quantity: '100', runs: '5', interval: '10' });
    expect(sandbox.balance()).toBe(999.55);
    expect(sandbox.orders()[0]).toMatchObject({ runs: 5, interval: 10, total: 500 });
  });

  it('rejects quantities outside min-max, bad services and a missing link', async () => {
    const add = async (fields: Record<string, string>) =>
      (await v2(sandbox, { action: 'add', ...fields })).json;
    expect(await add({ ...followers, quantity: '10' })).toEqual({ error: 'Quantity less than minimal 50' });
    expect(await add({ ...followers, quantity: '20000' })).toEqual({
      error: 'Quantity more than maximal 10000',
    });
    expect(await add({ ...followers, service: '999' })).toEqual({ error: 'Hatalı servis ID' });
    expect(await add({ service: '1', quantity: '100' })).toHaveProperty('error');
    expect(await add({ ...followers, service: '2', runs: '3', interval: '5' })).toHaveProperty('error');
    expect(await add({ ...followers, runs: '1', interval: '5' })).toHaveProperty('error');
    expect(sandbox.orders()).toEqual([]);
    expect(sandbox.balance()).toBe(1000);
  });

  it('refuses an order the balance cannot pay, with a panel text', async () => {
    sandbox.setBalance(0.5);
    expect((await v2(sandbox, { action: 'add', ...followers })).json).toEqual({
      error: 'Not enough funds on balance',
    });
    const drip = await v2(sandbox, { action: 'add', ...followers, runs: '2', interval: '5' });
    expect(drip.json).toEqual({ error: 'neworder.error.not_enough_funds' });
    expect(sandbox.balance()).toBe(0.5);
  });

  it('counts custom comment lines as the quantity', async () => {
    const comments = Array.from({ length: 12 }, (_, i) => `yorum ${i + 1}`).join('\n');
    await place({ service: '4', link: 'https://instagram.com/p/1', comments: `${comments}\n\n` });
    expect(sandbox.orders()[0].quantity).toBe(12);
    expect(sandbox.balance()).toBe(999.904);
    const few = await v2(sandbox, { action: 'add', service: '4', link: 'https://x', comments: 'a\nb' });
    expect(few.json).toEqual({ error: 'Quantity less than minimal 10' });
  });

  it('validates the other types by their own fields', async () => {
    const ok = async (fields: Record<string, string>) => expect(await place(fields)).toBeGreaterThan(23500);
    const bad = async (fields: Record<string, string>) =>
      expect((await v2(sandbox, { action: 'add', ...fields })).json).toHaveProperty('error');
    const link = 'https://instagram.com/p/2';
    await ok({ service: '5', link });
    expect(sandbox.orders()[0].charge).toBe(3.5);
    await ok({ service: '7', link, quantity: '100', usernames: 'a\nb', hashtags: '#x' });
    await bad({ service: '7', link, quantity: '100', usernames: 'a\nb' });
    await ok({ service: '8', link, usernames: Array.from({ length: 10 }, (_, i) => `u${i}`).join('\n') });
    await ok({ service: '9', link, quantity: '100', hashtag: '#x' });
    await ok({ service: '10', link, quantity: '100', username: 'someone' });
    await ok({ service: '11', link, quantity: '100', media: 'https://instagram.com/p/3' });
    await ok({ service: '12', link, quantity: '50', username: 'someone' });
    await ok({ service: '13', link, username: 'someone', comments: 'a\nb\nc\nd\ne' });
    await ok({ service: '14', link, quantity: '100', answer_number: '2' });
    await bad({ service: '14', link, quantity: '100', answer_number: 'x' });
    await ok({ service: '15', link, quantity: '1000', keywords: 'sms onay\nsanal numara' });
    await ok({ service: '16', username: 'someone', min: '50', max: '100', delay: '0', expiry: '31/12/2030' });
    await bad({ service: '16', username: 'someone', min: '200', max: '100', delay: '0' });
    await bad({
      service: '16',
      username: 'someone',
      min: '50',
      max: '100',
      delay: '0',
      expiry: '2030-12-31',
    });
  });
});

describe('sandbox orders API: status and progress', () => {
  it('moves an order from Pending through In progress to Completed with the virtual clock', async () => {
    const id = await place(followers);
    expect(await statusOf(id)).toEqual({
      charge: '0.90000',
      start_count: '0',
      status: 'Pending',
      remains: '1000',
      currency: 'USD',
    });
    sandbox.advance(STEP);
    const running = await statusOf(id);
    expect(running.status).toBe('In progress');
    expect(Number(running.remains)).toBeLessThan(1000);
    expect(Number(running.remains)).toBeGreaterThan(0);
    expect(Number(running.start_count)).toBeGreaterThan(0);
    sandbox.advance(STEP);
    expect(Number((await statusOf(id)).remains)).toBeLessThan(Number(running.remains));
    sandbox.advance(10 * STEP);
    expect(await statusOf(id)).toMatchObject({ status: 'Completed', remains: '0', charge: '0.90000' });
  });

  it('shows Processing before the end for some orders', async () => {
    await place(followers);
    const id = await place(followers); // even ids pass through Processing
    const seen = new Set<string>();
    for (let i = 0; i < 8; i++) {
      seen.add((await statusOf(id)).status);
      sandbox.advance(STEP);
    }
    expect([...seen]).toEqual(['Pending', 'In progress', 'Processing', 'Completed']);
  });

  it('ends some orders Partial with remains and pays the undelivered part back', async () => {
    const id = await place({ ...followers, link: 'https://instagram.com/partial' });
    expect(sandbox.balance()).toBe(999.1);
    sandbox.advance(20 * STEP);
    expect(await statusOf(id)).toMatchObject({ status: 'Partial', remains: '200', charge: '0.72000' });
    expect(sandbox.balance()).toBe(999.28);
  });

  it('answers several ids keyed by id, with errors for unknown ids, and refuses more than 100', async () => {
    const a = await place(followers);
    const { json } = await v2(sandbox, { action: 'status', orders: `${a},7,abc` });
    expect(json).toEqual({
      [a]: expect.objectContaining({ status: 'Pending', remains: '1000' }),
      7: { error: 'Incorrect order ID' },
      abc: 'Incorrect order ID',
    });
    const many = Array.from({ length: 101 }, (_, i) => 23501 + i).join(',');
    expect((await v2(sandbox, { action: 'status', orders: many })).json).toHaveProperty('error');
    expect((await v2(sandbox, { action: 'status', order: '1' })).json).toEqual({
      error: 'Incorrect order ID',
    });
  });
});

describe('sandbox orders API: refill and cancel', () => {
  it('refills only where the service allows it', async () => {
    const refillable = await place(followers);
    const other = await place({ ...followers, service: '2' });
    const { json } = await v2(sandbox, { action: 'refill', order: String(refillable) });
    expect(json).toEqual({ refill: expect.stringMatching(/^\d+$/) });
    const refillId = (json as { refill: string }).refill;
    expect((await v2(sandbox, { action: 'refill_status', refill: refillId })).json).toEqual({
      status: 'Completed',
    });
    expect((await v2(sandbox, { action: 'refill', order: String(other) })).json).toHaveProperty('error');
    expect((await v2(sandbox, { action: 'refill_status', refill: '999' })).json).toHaveProperty('error');
  });

  it('cancels a pending order with a full refund and answers per id', async () => {
    const cancellable = await place(followers);
    const fixed = await place({ ...followers, service: '2' });
    const { json } = await v2(sandbox, { action: 'cancel', orders: `${cancellable},${fixed},5` });
    expect(json).toEqual([
      { order: cancellable, cancel: 1 },
      { order: fixed, cancel: { error: expect.any(String) } },
      { order: 5, cancel: { error: 'Incorrect order ID' } },
    ]);
    expect(await statusOf(cancellable)).toMatchObject({ status: 'Canceled', charge: '0.00000' });
    expect(sandbox.balance()).toBe(999.65);
  });
});
