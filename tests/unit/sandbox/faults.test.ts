// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { v1, v1Keyed, v2 } from './client';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

describe('sandbox faults: error answers (no work done)', () => {
  it('http500 answers 500 and does not rent', async () => {
    sandbox.injectFault('getNumber', { type: 'http500' });
    const reply = await v1Keyed(sandbox, 'getNumber/21');
    expect(reply.status).toBe(500);
    expect(sandbox.balance()).toBe(25);
    expect(sandbox.numbers()).toEqual([]);
  });

  it('http502 answers an nginx HTML page', async () => {
    sandbox.injectFault('balance', { type: 'http502' });
    const reply = await v2(sandbox, { action: 'balance' });
    expect(reply.status).toBe(502);
    expect(reply.headers.get('content-type')).toMatch(/text\/html/);
    expect(reply.text).toContain('502 Bad Gateway');
  });

  it('html answers a maintenance page, with status 200 by default or 503', async () => {
    sandbox.injectFault('getCategories', { type: 'html' });
    sandbox.injectFault('getCategories', { type: 'html', status: 503 });
    const first = await v1(sandbox, 'getCategories');
    expect([first.status, first.json]).toEqual([200, undefined]);
    expect(first.headers.get('content-type')).toMatch(/text\/html/);
    expect(first.text).toMatch(/<html/i);
    const second = await v1(sandbox, 'getCategories');
    expect(second.status).toBe(503);
    expect(second.text).toMatch(/bakım/i);
  });

  it('rateLimit answers 429 with Retry-After', async () => {
    sandbox.injectFault('getMessage', { type: 'rateLimit', retryAfterSec: 7 });
    const reply = await v1Keyed(sandbox, 'getMessage/1000');
    expect(reply.status).toBe(429);
    expect(reply.headers.get('retry-after')).toBe('7');
  });

  it('malformed answers 200 JSON that does not parse', async () => {
    sandbox.injectFault('services', { type: 'malformed' });
    const reply = await v2(sandbox, { action: 'services' });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/json/);
    expect(reply.text.length).toBeGreaterThan(0);
    expect(() => JSON.parse(reply.text)).toThrow();
  });

  it('empty answers 200 with an empty body', async () => {
    sandbox.injectFault('getServices', { type: 'empty' });
    const reply = await v1(sandbox, 'getServices/1');
    expect([reply.status, reply.text]).toEqual([200, '']);
  });

  it('panelError answers the panel shape of each API, status 200 unless given', async () => {
    sandbox.injectFault('getNumber', { type: 'panelError', text: 'Sistem bakımda' });
    sandbox.injectFault('add', { type: 'panelError', text: 'neworder.error.link_duplicates', status: 403 });
    const numbers = await v1Keyed(sandbox, 'getNumber/21');
    expect([numbers.status, numbers.json]).toEqual([200, { success: false, message: 'Sistem bakımda' }]);
    const orders = await v2(sandbox, { action: 'add', service: '1', link: 'https://x', quantity: '100' });
    expect([orders.status, orders.json]).toEqual([403, { error: 'neworder.error.link_duplicates' }]);
    expect(sandbox.balance()).toBe(25);
  });
});

describe('sandbox faults: after the work', () => {
  it('slow answers normally, only after the given time', async () => {
    sandbox.injectFault('getBalance', { type: 'slow', ms: 150 });
    const started = Date.now();
    const reply = await v1Keyed(sandbox, 'getBalance');
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(reply.json).toEqual({ balance: 25 });
  });

  it('drop destroys the connection after renting: the money is spent, the client gets no answer', async () => {
    sandbox.injectFault('getNumber', { type: 'drop' });
    await expect(v1Keyed(sandbox, 'getNumber/21')).rejects.toThrow();
    expect(sandbox.balance()).toBe(23.5);
    expect(sandbox.numbers()).toHaveLength(1);
    expect(sandbox.count('getNumber')).toBe(1);
    expect(sandbox.requests.at(-1)).toMatchObject({ endpoint: 'getNumber', status: 0, fault: 'drop' });
  });

  it('drop on add places the order before dropping', async () => {
    sandbox.injectFault('add', { type: 'drop' });
    await expect(
      v2(sandbox, { action: 'add', service: '1', link: 'https://x', quantity: '1000' }),
    ).rejects.toThrow();
    expect(sandbox.orders()).toHaveLength(1);
    expect(sandbox.balance()).toBe(24.1);
  });

  it('jsonAsHtml serves the real answer as text/html with leading blank lines', async () => {
    sandbox.injectFault('getServiceDetails', { type: 'jsonAsHtml' });
    const reply = await v1(sandbox, 'getServiceDetails/41');
    expect(reply.headers.get('content-type')).toMatch(/text\/html/);
    expect(reply.text.startsWith('\n')).toBe(true);
    expect(JSON.parse(reply.text.trim())).toEqual([{ id: 41, price: '0.1', stock: 500 }]);
  });
});

describe('sandbox faults: queueing', () => {
  it('applies a fault to the next `times` calls of that endpoint only, and counts every call', async () => {
    sandbox.injectFault('getCategories', { type: 'http500' }, 2);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await v1(sandbox, 'getCategories')).status);
    expect(statuses).toEqual([500, 500, 200]);
    expect((await v1(sandbox, 'getServices/1')).status).toBe(200);
    expect(sandbox.count('getCategories')).toBe(3);
    expect(sandbox.count('getServices')).toBe(1);
  });

  it('clearFaults and reset drop queued faults', async () => {
    sandbox.injectFault('getCategories', { type: 'http500' });
    sandbox.clearFaults();
    expect((await v1(sandbox, 'getCategories')).status).toBe(200);
    sandbox.injectFault('getCategories', { type: 'http500' });
    sandbox.reset();
    expect((await v1(sandbox, 'getCategories')).status).toBe(200);
  });

  it('refuses an unknown endpoint or a bad fault', () => {
    expect(() => sandbox.injectFault('nope' as 'add', { type: 'http500' })).toThrow(RangeError);
    expect(() => sandbox.injectFault('add', { type: 'slow', ms: -1 })).toThrow(RangeError);
    expect(() => sandbox.injectFault('add', { type: 'http500' }, 0)).toThrow(RangeError);
  });
});
