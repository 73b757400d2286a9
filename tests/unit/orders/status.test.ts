import { describe, expect, it } from 'vitest';
import { normalizeStatusInfo, normalizeStatuses } from '../../../utils/api/orders/normalize';
import { applyStatus, idsToTrack, isFinished, mergeStatuses, progressOf } from '../../../utils/orders/status';
import { statusLabel } from '../../../components/orders/words';
import { order, translator } from './fixtures';

const info = (status: string, remains: string | null = '0') =>
  normalizeStatusInfo({ charge: '0.27819', start_count: '3572', status, remains, currency: 'USD' })!;

describe('status mapping', () => {
  it('maps the usual statuses and keeps the panel text as it came', () => {
    const cases: [string, string][] = [
      ['Pending', 'pending'],
      ['In progress', 'in_progress'],
      ['Processing', 'processing'],
      ['Completed', 'completed'],
      ['Partial', 'partial'],
      ['Canceled', 'canceled'],
      ['Cancelled', 'canceled'],
    ];
    for (const [text, status] of cases) {
      const o = applyStatus(order(), info(text), 5);
      expect(o.status).toBe(status);
      expect(o.statusText).toBe(text);
    }
  });

  it('keeps an unknown status text exactly, and shows it as it came', () => {
    const o = applyStatus(order(), info('Awaiting moderation ✋'), 5);
    expect(o.status).toBe('unknown');
    expect(o.statusText).toBe('Awaiting moderation ✋');
    expect(statusLabel(o, translator('en'))).toBe('Awaiting moderation ✋');
    expect(statusLabel(o, translator('tr'))).toBe('Awaiting moderation ✋');
    expect(isFinished(o)).toBe(false);
  });

  it('shows known statuses in the person’s language', () => {
    const o = applyStatus(order(), info('Completed'), 5);
    expect(statusLabel(o, translator('en'))).toBe('Completed');
    expect(statusLabel(o, translator('tr'))).toBe('Tamamlandı');
  });

  it('takes start count, remains, charge and currency from the answer; null keeps what was known', () => {
    const o = applyStatus(order({ charge: 1, remains: 900 }), info('In progress', '157'), 42);
    expect(o).toMatchObject({
      startCount: 3572,
      remains: 157,
      charge: 0.27819,
      currency: 'USD',
      checkedAt: 42,
    });
    const same = applyStatus(
      o,
      normalizeStatusInfo({ status: 'In progress', remains: null, start_count: null })!,
      43,
    );
    expect(same.remains).toBe(157);
    expect(same.startCount).toBe(3572);
  });

  it('sizes an order added by id from its remains while it is pending', () => {
    const added = order({ quantity: null, remains: null, source: 'added' });
    expect(applyStatus(added, info('Pending', '500'), 1).quantity).toBe(500);
    expect(applyStatus(added, info('In progress', '400'), 1).quantity).toBeNull();
  });
});

describe('merging a multi-status answer', () => {
  const origin = 'https://panel.test';
  it('updates each id; a per-id error ({error} or a bare string) keeps the others', () => {
    const raw = {
      '1': { charge: '0.5', start_count: '10', status: 'In progress', remains: '40', currency: 'USD' },
      '2': { error: 'Incorrect order ID' },
      '3': 'Hatalı sipariş ID',
      '4': { charge: '0.5', start_count: '10', status: 'Completed', remains: '0', currency: 'USD' },
    };
    const results = normalizeStatuses(raw, [1, 2, 3, 4]);
    expect(results[2]).toEqual({ ok: false, error: 'Incorrect order ID' });
    expect(results[3]).toEqual({ ok: false, error: 'Hatalı sipariş ID' });
    const before = [1, 2, 3, 4].map((id) => order({ id, quantity: 100, remains: 100, status: 'pending' }));
    const { orders, finished } = mergeStatuses(before, results, 9, origin);
    expect(orders.map((o) => o.status)).toEqual(['in_progress', 'pending', 'pending', 'completed']);
    expect(orders[0]!.remains).toBe(40);
    expect(orders[1]!.error).toBe('Incorrect order ID');
    expect(orders[2]!.error).toBe('Hatalı sipariş ID');
    expect(orders[0]!.error).toBeNull();
    expect(finished.map((f) => [f.order.id, f.from])).toEqual([[4, 'pending']]);
  });

  it('reports a finish once, and leaves orders of another panel alone', () => {
    const results = normalizeStatuses({ '7': { status: 'Partial', remains: '3' } }, [7]);
    const done = order({ id: 7, status: 'partial' });
    expect(mergeStatuses([done], results, 1, origin).finished).toEqual([]);
    const other = order({ id: 7, origin: 'https://other.test', status: 'pending' });
    expect(mergeStatuses([other], results, 1, origin).orders[0]).toBe(other);
  });

  it('tracks only unfinished orders of the current panel', () => {
    const list = [
      order({ id: 1, status: 'pending' }),
      order({ id: 2, status: 'completed' }),
      order({ id: 3, status: 'unknown' }),
      order({ id: 4, status: 'in_progress', origin: 'https://other.test' }),
      order({ id: 5, status: 'canceled' }),
      order({ id: 6, status: 'partial' }),
    ];
    expect(idsToTrack(list, origin)).toEqual([1, 3]);
  });
});

describe('progress', () => {
  it('is delivered / quantity from remains, clamped', () => {
    expect(progressOf(order({ quantity: 1000, remains: 250, status: 'in_progress' }))).toEqual({
      delivered: 750,
      fraction: 0.75,
    });
    expect(progressOf(order({ quantity: 1000, remains: 1200, status: 'in_progress' }))?.delivered).toBe(0);
    expect(progressOf(order({ quantity: 1000, remains: -5, status: 'in_progress' }))?.fraction).toBe(1);
    expect(progressOf(order({ quantity: 1000, remains: 200, status: 'completed' }))?.fraction).toBe(1);
    expect(progressOf(order({ quantity: null, remains: 200 }))).toBeNull();
    expect(progressOf(order({ quantity: 100, remains: null, status: 'in_progress' }))).toBeNull();
  });
});
