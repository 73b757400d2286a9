// @vitest-environment node
// The sandbox at scale: a far-away panel (latency), a 150-service category, details that list a whole category.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { control, v1, v1Keyed } from './client';

type Detail = { id: number; price: string; stock: number };

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

/** How long one call takes, in real ms. */
async function timed(call: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await call();
  return performance.now() - started;
}

describe('sandbox latency', () => {
  it('delays every API answer by the latency set over HTTP, and reset brings it back to 0', async () => {
    expect((await control(sandbox, 'latency', { ms: 120 })).json).toEqual({ ok: true });
    expect(await timed(() => v1(sandbox, 'getCategories'))).toBeGreaterThanOrEqual(115);
    expect(await timed(() => v1Keyed(sandbox, 'getBalance'))).toBeGreaterThanOrEqual(115);
    expect((await control(sandbox, 'latency', { ms: -1 })).status).toBe(400);
    sandbox.reset();
    expect(await timed(() => v1(sandbox, 'getCategories'))).toBeLessThan(100);
  });

  it('answers calls in parallel (the latency is per answer, not a queue)', async () => {
    sandbox.setLatency(150);
    const took = await timed(() =>
      Promise.all([11, 12, 13, 21, 22].map((id) => v1(sandbox, `getServiceDetails/${id}`))),
    );
    expect(took).toBeGreaterThanOrEqual(145);
    expect(took).toBeLessThan(600);
  });

  it('is a startSandbox option, and close() does not wait for a delayed answer', async () => {
    const far = await startSandbox({ latencyMs: 60_000 });
    const pending = fetch(`${far.url}/api/v1/getCategories`, { method: 'POST' }).catch(() => 'closed');
    await expect.poll(() => far.count('getCategories')).toBe(1);
    expect(await timed(() => far.close())).toBeLessThan(2000);
    await pending;
  });
});

describe('sandbox big category', () => {
  it('is off by default: eight categories, no service 201', async () => {
    expect((await v1(sandbox, 'getCategories')).json).toHaveLength(8);
    expect((await v1(sandbox, 'getServices/9')).json).toEqual([]);
    expect((await v1(sandbox, 'getServiceDetails/201')).json).toEqual([]);
  });

  it('lists "Telegram Global" with 150 services named by Turkish country, priced by the seeded generator', async () => {
    expect((await control(sandbox, 'big-category', { enabled: true })).json).toEqual({ ok: true });
    const categories = (await v1(sandbox, 'getCategories')).json as { id: number; name: string }[];
    expect(categories).toHaveLength(9);
    expect(categories.at(-1)).toEqual({ id: 9, name: 'Telegram Global' });
    const services = (await v1(sandbox, 'getServices/9')).json as {
      id: number;
      name: string;
      category: number;
    }[];
    expect(services).toHaveLength(150);
    expect(new Set(services.map((s) => s.name)).size).toBe(150);
    expect(services.map((s) => s.name)).toEqual(
      expect.arrayContaining([
        'Telegram Global Türkiye',
        'Telegram Global Endonezya',
        'Telegram Global Güney Kore',
      ]),
    );
    expect(services.every((s) => s.category === 9 && s.id >= 201 && s.id <= 350)).toBe(true);
    const [detail] = (await v1(sandbox, 'getServiceDetails/201')).json as Detail[];
    expect(detail).toEqual({
      id: 201,
      price: expect.stringMatching(/^\d+(\.\d+)?$/),
      stock: expect.any(Number),
    });
    // The same after a restart: the generator is seeded.
    const again = await startSandbox({ bigCategory: true });
    expect((await v1(again, 'getServiceDetails/201')).json).toEqual([detail]);
    await again.close();
  });

  it('rents a number of a big-category service with its country prefix; reset hides the category again', async () => {
    sandbox.setBigCategory(true);
    const services = (await v1(sandbox, 'getServices/9')).json as { id: number; name: string }[];
    const turkey = services.find((s) => s.name === 'Telegram Global Türkiye')!;
    const { json } = await v1Keyed(sandbox, `getNumber/${turkey.id}`);
    expect(json).toMatchObject({ success: true, number: expect.stringMatching(/^\+90\d+$/) });
    sandbox.reset();
    expect((await v1(sandbox, 'getServices/9')).json).toEqual([]);
  });
});

describe('sandbox details mode', () => {
  it("'one' (default) lists the service asked for; 'category' lists every service of its category", async () => {
    expect((await v1(sandbox, 'getServiceDetails/41')).json).toEqual([{ id: 41, price: '0.1', stock: 500 }]);
    expect((await control(sandbox, 'details-mode', { mode: 'category' })).json).toEqual({ ok: true });
    expect((await v1(sandbox, 'getServiceDetails/42')).json).toEqual([
      { id: 41, price: '0.1', stock: 500 },
      { id: 42, price: '0.2', stock: 350 },
      { id: 43, price: '9', stock: 25 },
    ]);
    expect((await v1(sandbox, 'getServiceDetails/999')).json).toEqual([]);
    expect((await control(sandbox, 'details-mode', { mode: 'all' })).status).toBe(400);
  });

  it('answers the whole big category in one request, and counts requests by endpoint', async () => {
    const panel = await startSandbox({ bigCategory: true, detailsMode: 'category' });
    try {
      await v1(panel, 'getServices/9');
      const details = (await v1(panel, 'getServiceDetails/250')).json as Detail[];
      expect(details).toHaveLength(150);
      expect(details[0].id).toBe(201);
      expect(panel.counts()).toEqual({ getServices: 1, getServiceDetails: 1 });
      expect((await control(panel, 'counts')).json).toEqual({ getServices: 1, getServiceDetails: 1 });
    } finally {
      await panel.close();
    }
  });
});

describe('sandbox CLI at scale', () => {
  it('takes --latency, --big-category and --details-mode', async () => {
    const root = resolve(__dirname, '../../..');
    const child = spawn(
      resolve(root, 'node_modules/.bin/tsx'),
      [
        'tests/sandbox/cli.ts',
        '--port',
        '0',
        '--latency',
        '80',
        '--big-category',
        '--details-mode',
        'category',
      ],
      { cwd: root },
    );
    try {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      await expect.poll(() => out, { timeout: 10_000 }).toMatch(/Sandbox panel: (http:\/\/127\.0\.0\.1:\d+)/);
      const url = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out)![1];
      const started = performance.now();
      const answer = await fetch(`${url}/api/v1/getServiceDetails/201`, { method: 'POST' });
      expect(performance.now() - started).toBeGreaterThanOrEqual(75);
      expect(await answer.json()).toHaveLength(150);
    } finally {
      child.kill('SIGTERM');
    }
    await once(child, 'exit');
  });
});
