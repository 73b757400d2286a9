// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEMO_KEY, startSandbox, type Sandbox } from '../../sandbox/server';
import { control, v1, v1Keyed, v2 } from './client';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

describe('sandbox control surface over HTTP', () => {
  it('injects a fault, and clears faults', async () => {
    expect(
      (await control(sandbox, 'fault', { endpoint: 'getBalance', fault: { type: 'http502' }, times: 2 }))
        .json,
    ).toEqual({
      ok: true,
    });
    expect((await v1Keyed(sandbox, 'getBalance')).status).toBe(502);
    await control(sandbox, 'clear-faults', {});
    expect((await v1Keyed(sandbox, 'getBalance')).status).toBe(200);
  });

  it('sets the code delay, advances the clock and delivers codes', async () => {
    await control(sandbox, 'code-delay', { ms: null });
    const { json } = await v1Keyed(sandbox, 'getNumber/21');
    const id = (json as { number_id: number }).number_id;
    await control(sandbox, 'advance', { ms: 60_000 });
    expect((await v1Keyed(sandbox, `getMessage/${id}`)).json).toMatchObject({ status: 0 });
    await control(sandbox, 'deliver', { numberId: id, code: '012345' });
    expect((await v1Keyed(sandbox, `getMessage/${id}`)).json).toEqual({ code: '012345', id, status: 1 });
    await control(sandbox, 'second-code', { ms: 1000 });
    await control(sandbox, 'advance', { ms: 1000 });
    expect(sandbox.numbers()[0].codes).toHaveLength(2);
  });

  it('sms-format delivers whole SMS texts instead of bare codes, and null brings bare codes back', async () => {
    await control(sandbox, 'code-delay', { ms: null });
    const id = ((await v1Keyed(sandbox, 'getNumber/21')).json as { number_id: number }).number_id;
    const set = await control(sandbox, 'sms-format', {
      template: 'G-{code} is your Google verification code.',
    });
    expect(set.json).toEqual({ ok: true });
    await control(sandbox, 'deliver', { numberId: id, code: '123456' });
    expect((await v1Keyed(sandbox, `getMessage/${id}`)).json).toEqual({
      code: 'G-123456 is your Google verification code.',
      id,
      status: 1,
    });
    await control(sandbox, 'sms-format', { template: null });
    expect((await v1Keyed(sandbox, `getMessage/${id}`)).json).toMatchObject({ status: 1 });
    expect(((await v1Keyed(sandbox, `getMessage/${id}`)).json as { code: unknown }).code).not.toEqual(
      expect.stringContaining('Google'),
    );
    expect((await control(sandbox, 'sms-format', { template: 'no placeholder' })).status).toBe(400);
    await control(sandbox, 'sms-format', { template: 'x {code}' });
    await control(sandbox, 'reset', {});
    const again = ((await v1Keyed(sandbox, 'getNumber/21')).json as { number_id: number }).number_id;
    await control(sandbox, 'deliver', { numberId: again, code: '777' });
    // reset brings bare codes back (an even number id sends a bare code as a JSON number)
    expect(String(((await v1Keyed(sandbox, `getMessage/${again}`)).json as { code: unknown }).code)).toBe(
      '777',
    );
  });

  it('sets balance and stock, and shows them in the state', async () => {
    await control(sandbox, 'balance', { amount: 3.5 });
    await control(sandbox, 'stock', { serviceId: 21, stock: 0 });
    expect((await v1(sandbox, 'getServiceDetails/21')).json).toEqual([{ id: 21, price: '1.5', stock: 0 }]);
    const state = (await control(sandbox, 'state')).json;
    expect(state).toEqual({ balance: 3.5, numbers: [], orders: [] });
  });

  it('lists requests, and reset brings back the initial state', async () => {
    await v1(sandbox, 'getCategories');
    await control(sandbox, 'balance', { amount: 1 });
    const requests = (await control(sandbox, 'requests')).json as { endpoint: string }[];
    expect(requests.map((r) => r.endpoint)).toEqual(['getCategories']);
    await control(sandbox, 'reset', {});
    expect(sandbox.requests).toEqual([]);
    expect(sandbox.balance()).toBe(25);
  });

  it('answers bad control requests with 400/404/405 and keeps running', async () => {
    expect((await control(sandbox, 'advance', { ms: -5 })).status).toBe(400);
    expect(
      (await control(sandbox, 'fault', { endpoint: 'getBalance', fault: { type: 'boom' } })).status,
    ).toBe(400);
    expect((await control(sandbox, 'deliver', { numberId: 4242 })).status).toBe(400);
    expect((await control(sandbox, 'stock', { serviceId: 999, stock: 1 })).status).toBe(400);
    const broken = await fetch(`${sandbox.url}/_sandbox/balance`, { method: 'POST', body: '{not json' });
    expect(broken.status).toBe(400);
    expect((await control(sandbox, 'nothing')).status).toBe(404);
    expect((await control(sandbox, 'state', {})).status).toBe(405);
    expect((await v1(sandbox, 'getCategories')).status).toBe(200);
  });
});

describe('sandbox HTTP behaviour', () => {
  it('answers CORS preflights and sends Access-Control-Allow-Origin on API and control answers', async () => {
    const preflight = await fetch(`${sandbox.url}/api/v2`, {
      method: 'OPTIONS',
      headers: { Origin: 'chrome-extension://abc', 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect((await v1(sandbox, 'getCategories')).headers.get('access-control-allow-origin')).toBe('*');
    expect((await control(sandbox, 'state')).headers.get('access-control-allow-origin')).toBe('*');
    // The preflight and the control call are not API requests.
    expect(sandbox.requests.map((r) => r.endpoint)).toEqual(['getCategories']);
  });

  it('answers GET on the API with 405, unknown paths with 404, and survives broken escapes and bodies', async () => {
    expect((await fetch(`${sandbox.url}/api/v1/getCategories`)).status).toBe(405);
    expect((await v1(sandbox, 'nothing/here/at/all')).status).toBe(404);
    expect((await fetch(`${sandbox.url}/favicon.ico`)).status).toBe(404);
    expect((await v1(sandbox, '%E0%A4%A/getBalance')).json).toEqual({
      success: false,
      message: 'Invalid API key',
    });
    const json = await fetch(`${sandbox.url}/api/v2`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ key: sandbox.key, action: 'balance' }),
    });
    expect(await json.json()).toEqual({ balance: '25.00000', currency: 'USD' });
    const garbage = await fetch(`${sandbox.url}/api/v2`, { method: 'POST', body: '%%%&&&=' });
    expect(await garbage.json()).toEqual({ error: 'Invalid API key' });
    expect((await v1(sandbox, 'getCategories')).status).toBe(200);
  });
});

describe('sandbox request records', () => {
  it('records every API call with the key redacted, params without the key, and whether the key was valid', async () => {
    await v1Keyed(sandbox, 'getNumber/21');
    await v1(sandbox, 'some-wrong-key/getBalance');
    await v2(sandbox, { action: 'status', order: '23501' });
    await fetch(`${sandbox.url}/api/v2?action=balance&key=${sandbox.key}`, { method: 'POST' });
    await control(sandbox, 'state');
    const records = sandbox.requests;
    expect(records.map((r) => [r.endpoint, r.path, r.hadValidKey, r.status])).toEqual([
      ['getNumber', '/api/v1/{key}/getNumber/21', true, 200],
      ['getBalance', '/api/v1/{key}/getBalance', false, 200],
      ['status', '/api/v2', true, 200],
      ['balance', '/api/v2?action=balance&key={key}', true, 200],
    ]);
    expect(records[0].params).toEqual({ service_id: '21' });
    expect(records[2].params).toEqual({ action: 'status', order: '23501' });
    expect(JSON.stringify(records)).not.toContain(sandbox.key);
    expect(JSON.stringify(records)).not.toContain('some-wrong-key');
    expect(records[0].at).toBeLessThanOrEqual(records[1].at);
  });

  it('logs one line per request without the key when log is on', async () => {
    const lines: string[] = [];
    const spy = vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
    const logged = await startSandbox({ log: true });
    try {
      await v1Keyed(logged, 'getBalance');
      await v2(logged, { action: 'balance' });
    } finally {
      await logged.close();
      spy.mockRestore();
    }
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('/api/v1/{key}/getBalance');
    expect(lines.join('\n')).not.toContain(DEMO_KEY);
  });

  it('uses the demo key by default and a given key otherwise', async () => {
    expect(sandbox.key).toBe(DEMO_KEY);
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const other = await startSandbox({ key: 'another-key-123', balance: 7 });
    try {
      expect((await v1(other, 'another-key-123/getBalance')).json).toEqual({ balance: 7 });
      expect((await v1(other, `${DEMO_KEY}/getBalance`)).json).toMatchObject({ success: false });
    } finally {
      await other.close();
    }
  });
});
