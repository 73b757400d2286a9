import { describe, expect, it, vi } from 'vitest';
import { PanelError } from '../../../utils/api/errors';
import type { CancelResult, RentedNumber } from '../../../utils/api/numbers/types';
import { createReconciler } from '../../../utils/rentals/reconcile';
import { createRenter } from '../../../utils/rentals/renter';
import { createRentalStore } from '../../../utils/rentals/store';
import type { Rental } from '../../../utils/rentals/types';
import { fakeItem } from '../../fakes/storage';
import { manualClock, request, settings } from './fixtures';

function setup(getNumber: () => Promise<RentedNumber>, cancelNumber?: () => Promise<CancelResult>) {
  const clock = manualClock();
  const active = fakeItem<Rental[]>('activeRentals', []);
  const history = fakeItem<Rental[]>('rentalHistory', []);
  const store = createRentalStore({ active, history, historyLimit: 10 });
  const api = {
    getNumber: vi.fn(getNumber),
    cancelNumber: vi.fn(cancelNumber ?? (async () => ({ refunded: true, title: '', message: '' }))),
  };
  let n = 0;
  const onRented = vi.fn();
  const onCancelled = vi.fn();
  const requests = fakeItem<Record<string, string>>('rentRequests', {});
  const renter = createRenter({
    store,
    api: async () => api,
    settings: settings({ numberWindowMin: 15 }),
    clock,
    newId: () => `r${++n}`,
    requests,
    // No balance here: every check is "unclear"; tests/unit/rentals/reconcile.test.ts covers the checks.
    reconciler: createReconciler({
      readBalance: () => Promise.reject(new Error('no balance')),
      activity: () => ({ started: 0, inflight: 0 }),
      clock,
    }),
    onRented,
    onCancelled,
  });
  return { renter, store, api, active, history, onRented, onCancelled, clock, requests };
}

const slowNumber =
  (ms = 20) =>
  () =>
    new Promise<RentedNumber>((r) => setTimeout(() => r({ numberId: 100, number: '+905551112233' }), ms));

describe('renter', () => {
  it('rents: stores a waiting rental with its 15-minute window and announces it', async () => {
    const s = setup(slowNumber(1));
    const r = await s.renter.rent(request());
    expect(r).toMatchObject({ state: 'waiting', numberId: 100, number: '+905551112233' });
    expect(r.expiresAt! - r.rentedAt!).toBe(15 * 60_000);
    expect(await s.active.getValue()).toHaveLength(1);
    expect(s.onRented).toHaveBeenCalledTimes(1);
  });

  it('a double click (same service, concurrent) sends one getNumber', async () => {
    const s = setup(slowNumber(30));
    const [a, b, c] = await Promise.all([
      s.renter.rent(request({ requestId: 'x1' })),
      s.renter.rent(request({ requestId: 'x2' })),
      s.renter.rent(request({ requestId: 'x3' })),
    ]);
    expect(s.api.getNumber).toHaveBeenCalledTimes(1);
    expect(a.id).toBe(b.id);
    expect(b.id).toBe(c.id);
  });

  it('a re-sent message with the same requestId answers the same rental, even later', async () => {
    const s = setup(slowNumber(1));
    const first = await s.renter.rent(request({ requestId: 'same' }));
    const again = await s.renter.rent(request({ requestId: 'same' }));
    expect(again.id).toBe(first.id);
    expect(s.api.getNumber).toHaveBeenCalledTimes(1);
    expect(await s.requests.getValue()).toEqual({ same: first.id });
  });

  it('an ambiguous failure leaves a visible unknown entry and is never retried', async () => {
    const s = setup(async () => {
      throw new PanelError({ kind: 'timeout', endpoint: 'getNumber', mayHaveCharged: true });
    });
    await expect(s.renter.rent(request({ requestId: 'amb' }))).rejects.toMatchObject({
      kind: 'timeout',
      mayHaveCharged: true,
    });
    expect(s.api.getNumber).toHaveBeenCalledTimes(1);
    expect((await s.active.getValue())[0]).toMatchObject({
      state: 'unknown',
      error: { kind: 'timeout', mayHaveCharged: true },
    });
    const again = await s.renter.rent(request({ requestId: 'amb' }));
    expect(again.state).toBe('unknown');
    expect(s.api.getNumber).toHaveBeenCalledTimes(1);
  });

  it('a clear refusal (no funds) leaves nothing behind and says why', async () => {
    const s = setup(async () => {
      throw new PanelError({
        kind: 'insufficient_funds',
        endpoint: 'getNumber',
        panelText: 'Yetersiz bakiye',
      });
    });
    await expect(s.renter.rent(request())).rejects.toMatchObject({
      kind: 'insufficient_funds',
      panelText: 'Yetersiz bakiye',
    });
    expect(await s.active.getValue()).toEqual([]);
  });

  it('cancel is idempotent: concurrent and repeated cancels send one cancelNumber', async () => {
    const s = setup(
      slowNumber(1),
      () => new Promise((r) => setTimeout(() => r({ refunded: true, title: '', message: '' }), 20)),
    );
    const r = await s.renter.rent(request());
    const [a, b] = await Promise.all([s.renter.cancel(r.id), s.renter.cancel(r.id)]);
    expect(a.state).toBe('cancelled');
    expect(b.state).toBe('cancelled');
    expect((await s.renter.cancel(r.id)).state).toBe('cancelled');
    expect(s.api.cancelNumber).toHaveBeenCalledTimes(1);
    expect(s.onCancelled).toHaveBeenCalledTimes(1);
  });

  it('a refused cancel keeps the number live with the panel reason', async () => {
    const s = setup(slowNumber(1), async () => ({
      refunded: false,
      title: 'İptal edilemez',
      message: 'İlk 2 dakikada iptal edilemez',
    }));
    const r = await s.renter.rent(request());
    const after = await s.renter.cancel(r.id);
    expect(after).toMatchObject({
      state: 'waiting',
      cancel: { refunded: false, message: 'İlk 2 dakikada iptal edilemez' },
    });
  });

  it('a cancel whose answer is lost puts the number back to waiting and rethrows', async () => {
    const s = setup(slowNumber(1), async () => {
      throw new PanelError({ kind: 'network', endpoint: 'cancelNumber' });
    });
    const r = await s.renter.rent(request());
    await expect(s.renter.cancel(r.id)).rejects.toMatchObject({ kind: 'network' });
    expect((await s.store.get(r.id))!.state).toBe('waiting');
  });

  it('cancel of an unknown id says so', async () => {
    const s = setup(slowNumber(1));
    await expect(s.renter.cancel('nope')).rejects.toMatchObject({ code: 'not_found' });
  });
});
