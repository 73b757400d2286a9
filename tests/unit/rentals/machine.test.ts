import { describe, expect, it } from 'vitest';
import {
  applyMessage,
  cancelAnswered,
  cancelFailed,
  cancelRequested,
  expire,
  finish,
  isFinished,
  latestCode,
  markSeen,
  recover,
  rented,
  rentUnknown,
  startRental,
  unseenCount,
  watchEnded,
} from '../../../utils/rentals/machine';
import type { Rental } from '../../../utils/rentals/types';
import { request } from './fixtures';

const T0 = 1_700_000_000_000;
const waiting = (): Rental =>
  rented(
    startRental(request(), 'r1', T0),
    { numberId: 100, number: '+905551112233' },
    T0 + 500,
    20 * 60_000,
    1500,
  );

describe('rental state machine', () => {
  it('starts renting with the request and the site it was rented for', () => {
    const r = startRental(request(), 'r1', T0);
    expect(r).toMatchObject({
      id: 'r1',
      state: 'renting',
      serviceId: 11,
      site: 'https://signup.example',
      number: null,
      codes: [],
    });
  });

  it('renting → waiting keeps the number, its id and its window', () => {
    const r = waiting();
    expect(r).toMatchObject({ state: 'waiting', numberId: 100, number: '+905551112233', rentedAt: T0 + 500 });
    expect(r.expiresAt).toBe(T0 + 500 + 20 * 60_000);
    expect(r.nextPollAt).toBe(T0 + 2000);
  });

  it('renting → unknown keeps the error that says it may have been charged', () => {
    const r = rentUnknown(
      startRental(request(), 'r1', T0),
      { name: 'PanelError', kind: 'timeout', message: 'x', mayHaveCharged: true, endpoint: 'getNumber' },
      T0 + 9,
    );
    expect(r.state).toBe('unknown');
    expect(r.error?.mayHaveCharged).toBe(true);
  });

  it('waiting → received on a code, keeps the code text, ignores a repeat, appends a newer code', () => {
    let r = applyMessage(waiting(), { numberId: 100, state: 'waiting', code: null }, T0 + 3000);
    expect(r.state).toBe('waiting');
    r = applyMessage(r, { numberId: 100, state: 'received', code: '048213' }, T0 + 6000);
    expect(r.state).toBe('received');
    expect(r.codes).toEqual([{ code: '048213', at: T0 + 6000, seen: false }]);
    expect(
      applyMessage(r, { numberId: 100, state: 'received', code: '048213' }, T0 + 9000).codes,
    ).toHaveLength(1);
    r = applyMessage(r, { numberId: 100, state: 'received', code: '777001' }, T0 + 12000);
    expect(r.codes.map((c) => c.code)).toEqual(['048213', '777001']);
    expect(latestCode([r])?.code).toBe('777001');
  });

  it('status -1 means cancelled (or expired past the window, or done with a code)', () => {
    expect(applyMessage(waiting(), { numberId: 100, state: 'cancelled', code: null }, T0 + 5000).state).toBe(
      'cancelled',
    );
    expect(
      applyMessage(waiting(), { numberId: 100, state: 'cancelled', code: null }, T0 + 30 * 60_000).state,
    ).toBe('expired');
    const withCode = applyMessage(waiting(), { numberId: 100, state: 'received', code: '1234' }, T0 + 5000);
    expect(applyMessage(withCode, { numberId: 100, state: 'cancelled', code: null }, T0 + 9000).state).toBe(
      'done',
    );
  });

  it('cancel: refunded → cancelled; refused → back to live with the panel reason; no answer → back to live', () => {
    const c = cancelRequested(waiting());
    expect(c.state).toBe('cancelling');
    const ok = cancelAnswered(c, { refunded: true, title: '', message: '' }, T0 + 1, false);
    expect(ok).toMatchObject({
      state: 'cancelled',
      endedAt: T0 + 1,
      cancel: { refunded: true, auto: false },
    });
    const refused = cancelAnswered(
      c,
      { refunded: false, title: 'İptal edilemez', message: 'Too early' },
      T0 + 1,
      true,
    );
    expect(refused).toMatchObject({
      state: 'waiting',
      cancel: { refunded: false, message: 'Too early', auto: true },
    });
    expect(cancelFailed(c, T0 + 2).state).toBe('waiting');
  });

  it('expire: no code → expired, with a code → done; watch end keeps unseen codes unseen', () => {
    expect(expire(waiting(), T0).state).toBe('expired');
    const got = applyMessage(waiting(), { numberId: 100, state: 'received', code: '5' }, T0);
    expect(expire(got, T0).state).toBe('done');
    expect(watchEnded(got, T0).codes[0]!.seen).toBe(false);
    expect(finish(got, T0)).toMatchObject({ state: 'done', codes: [{ seen: true }] });
  });

  it('seen codes leave the unseen count', () => {
    const got = applyMessage(waiting(), { numberId: 100, state: 'received', code: '5' }, T0);
    expect(unseenCount([got, waiting()])).toBe(1);
    expect(unseenCount([markSeen(got)])).toBe(0);
  });

  it('restart in every state: renting → unknown, cancelling → back to poll, the rest unchanged', () => {
    const renting = startRental(request(), 'r1', T0);
    expect(recover(renting, T0 + 1)).toMatchObject({ state: 'unknown', error: { mayHaveCharged: true } });
    expect(recover(cancelRequested(waiting()), T0 + 1).state).toBe('waiting');
    const got = applyMessage(waiting(), { numberId: 100, state: 'received', code: '5' }, T0);
    expect(recover(cancelRequested(got), T0 + 1).state).toBe('received');
    for (const r of [
      waiting(),
      got,
      expire(waiting(), T0),
      finish(got, T0),
      cancelAnswered(waiting(), { refunded: true, title: '', message: '' }, T0, false),
    ]) {
      expect(recover(r, T0 + 1)).toBe(r);
    }
  });

  it('finished states are done, cancelled and expired', () => {
    expect(isFinished(expire(waiting(), T0))).toBe(true);
    expect(isFinished(waiting())).toBe(false);
    expect(
      isFinished(
        rentUnknown(
          waiting(),
          { name: 'PanelError', kind: 'network', message: '', mayHaveCharged: true, endpoint: 'getNumber' },
          T0,
        ),
      ),
    ).toBe(false);
  });
});

describe('whole messages in the code field', () => {
  const received = (r: Rental, code: string, at: number) =>
    applyMessage(r, { numberId: 100, state: 'received', code }, at);

  it('keeps the code found and the whole text; a bare code is stored as it is', () => {
    const r = received(waiting(), 'Your WhatsApp code: 123-456', T0 + 5000);
    expect(r.state).toBe('received');
    expect(r.codes).toEqual([
      { code: '123456', message: 'Your WhatsApp code: 123-456', at: T0 + 5000, seen: false },
    ]);
    expect(latestCode([r])?.code).toBe('123456');
    expect(received(waiting(), '048213', T0 + 5000).codes).toEqual([
      { code: '048213', at: T0 + 5000, seen: false },
    ]);
  });

  it('a repeat of the same whole text is no new code; a new text is', () => {
    const sms = '<#> 482913 is your code FA+9qCX9VSu';
    let r = received(waiting(), sms, T0 + 5000);
    r = received(r, sms, T0 + 8000);
    expect(r.codes).toHaveLength(1);
    r = received(r, '<#> 551100 is your code FA+9qCX9VSu', T0 + 9000);
    expect(r.codes.map((c) => c.code)).toEqual(['482913', '551100']);
  });

  it('a text without a code is kept with no code, counts as unseen, and is never the latest code', () => {
    let r = received(waiting(), '111222', T0 + 5000);
    r = received(r, 'Hello, your account is ready', T0 + 9000);
    expect(r.codes[1]).toEqual({
      code: null,
      message: 'Hello, your account is ready',
      at: T0 + 9000,
      seen: false,
    });
    expect(unseenCount([r])).toBe(1);
    expect(latestCode([r])?.code).toBe('111222');
    expect(latestCode([received(waiting(), 'Hello, your account is ready', T0 + 5000)])).toBeNull();
  });
});
