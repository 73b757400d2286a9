import { describe, expect, it } from 'vitest';
import { PanelError } from '../../../utils/api/errors';
import { createLimiter } from '../../../utils/api/numbers/limiter';
import { createPriceQueue, type PriceEntry } from '../../../utils/api/numbers/priceQueue';
import type { NumberServiceDetails } from '../../../utils/api/numbers/types';

/** A panel whose details calls the test answers by hand; category c holds ids c*100+1..c*100+n. */
function fakePanel(opts: { listsAll: boolean; sizes: Record<number, number> }) {
  const calls: number[] = [];
  const waiting: { id: number; answer: (fail?: unknown) => void }[] = [];
  const categoryOf = (id: number) => Math.floor(id / 100);
  const details = (id: number): NumberServiceDetails => ({ id, price: id / 100, stock: 1 });
  const fetchDetails = (id: number) =>
    new Promise<NumberServiceDetails[]>((resolve, reject) => {
      calls.push(id);
      waiting.push({
        id,
        answer: (fail) => {
          if (fail) return reject(fail);
          const c = categoryOf(id);
          const all = Array.from({ length: opts.sizes[c] ?? 0 }, (_, i) => details(c * 100 + i + 1));
          resolve(opts.listsAll ? all : [details(id)]);
        },
      });
    });
  return { calls, waiting, categoryOf, fetchDetails };
}

function setup(panel: ReturnType<typeof fakePanel>, listsAll?: boolean) {
  const priced: PriceEntry[][] = [];
  const learnt: boolean[] = [];
  let t = 0;
  const world = { now: () => t, sleep: async (ms: number) => void (t += ms) };
  const queue = createPriceQueue({
    fetchDetails: panel.fetchDetails,
    limiter: createLimiter(world),
    sleep: world.sleep,
    onPrices: (e) => priced.push(e),
    listsAll,
    onLearn: (v) => learnt.push(v),
    categoryOf: panel.categoryOf,
  });
  return { queue, priced, learnt };
}

const tick = () => new Promise((r) => setTimeout(r, 0));
const ids = (c: number, n: number) => Array.from({ length: n }, (_, i) => c * 100 + i + 1);

describe('price queue', () => {
  it('sends one call first, and a panel that lists the whole category gets no other call', async () => {
    const panel = fakePanel({ listsAll: true, sizes: { 1: 150 } });
    const { queue, priced, learnt } = setup(panel);
    const done = queue.request(ids(1, 150));
    await tick();
    expect(panel.calls).toEqual([101]);
    panel.waiting[0]!.answer();
    expect(await done).toEqual({ failed: [] });
    expect(panel.calls).toHaveLength(1);
    expect(priced.flat()).toHaveLength(150);
    expect(learnt).toEqual([true]);
  });

  it('learns "one at a time" from the first answer, then sends up to 8 at once', async () => {
    const panel = fakePanel({ listsAll: false, sizes: { 1: 30 } });
    const { queue, learnt } = setup(panel);
    const done = queue.request(ids(1, 30));
    await tick();
    expect(panel.calls).toHaveLength(1);
    panel.waiting.shift()!.answer();
    await tick();
    expect(learnt).toEqual([false]);
    expect(panel.calls).toHaveLength(9);
    while (panel.waiting.length) {
      panel.waiting.shift()!.answer();
      await tick();
    }
    expect(await done).toEqual({ failed: [] });
    expect(new Set(panel.calls).size).toBe(30);
  });

  it('puts ids asked for at the front ahead of those waiting, and never sends an id in flight twice', async () => {
    const panel = fakePanel({ listsAll: false, sizes: { 1: 60 } });
    const { queue } = setup(panel, false);
    const all = queue.request(ids(1, 60));
    await tick();
    expect(panel.calls).toEqual(ids(1, 8));
    const shown = queue.request([103, 158, 159, 160], { front: true });
    expect(queue.pending().slice(0, 3)).toEqual([158, 159, 160]);
    while (panel.waiting.length) {
      panel.waiting.shift()!.answer();
      await tick();
    }
    await Promise.all([all, shown]);
    expect(panel.calls.slice(8, 11)).toEqual([158, 159, 160]);
    expect(panel.calls.filter((id) => id === 103)).toHaveLength(1);
    expect(panel.calls).toHaveLength(60);
  });

  it('a newer pass goes before an older one, but after the rows a page asked for', async () => {
    const panel = fakePanel({ listsAll: false, sizes: { 1: 20, 2: 20 } });
    const { queue } = setup(panel, false);
    void queue.request(ids(1, 20));
    await tick();
    void queue.request([215, 216], { front: true });
    void queue.request(ids(2, 20));
    expect(queue.pending().slice(0, 4)).toEqual([215, 216, 201, 202]);
    expect(queue.pending().indexOf(109)).toBe(20);
  });

  it('retries an id after a 429 and reports an id that kept failing, with the error', async () => {
    const panel = fakePanel({ listsAll: false, sizes: { 1: 2 } });
    const { queue } = setup(panel, false);
    const done = queue.request([101, 102]);
    await tick();
    const tooMany = new PanelError({ kind: 'rate_limited', endpoint: 'd', status: 429, retryAfterMs: 1000 });
    const broken = new PanelError({ kind: 'unexpected', endpoint: 'd' });
    panel.waiting.shift()!.answer(tooMany); // 101: retried
    panel.waiting.shift()!.answer(broken); // 102: not a passing failure, not retried
    await tick();
    await tick();
    expect(panel.calls).toEqual([101, 102, 101]);
    panel.waiting.shift()!.answer();
    expect(await done).toEqual({ failed: [102], error: broken });
  });
});
