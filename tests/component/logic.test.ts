import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PanelError } from '../../utils/api/errors';
import { translatorOf } from '../../utils/i18n';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import { createDraftSaver } from '../../utils/stores/draftSaver';
import { canRetry, errorText, panelErrorOf } from '../../utils/stores/errors';
import { internationalForm, splitCallingCode } from '../../utils/stores/phone';
import { itemSignal } from '../../utils/stores/itemSignal';
import { foldForSearch, matchesQuery } from '../../utils/stores/search';
import { arrangeServices, pushRecent } from '../../utils/stores/services';
import { exportSettingsFile, parseSettingsFile } from '../../utils/stores/settingsFile';
import { formatCountdown } from '../../utils/stores/time';
import { fakeItem } from '../fakes/storage';
import { catalogs, resetBrowser, services } from './fakes';

describe('search folding', () => {
  it.each([
    ['turkiye', 'Whatsapp Türkiye'],
    ['ISTANBUL', 'İstanbul'],
    ['istanbul', 'ISTANBUL'],
    ['igdir', 'Iğdır'],
    ['cesme', 'Çeşme'],
    ['sao paulo', 'São Paulo'],
    ['whatsapp fransa', 'Whatsapp  Fransa'],
  ])('"%s" finds "%s"', (query, text) => {
    expect(matchesQuery(text, query)).toBe(true);
  });

  it('every word must match, in any order', () => {
    expect(matchesQuery('Whatsapp Fransa', 'fransa whats')).toBe(true);
    expect(matchesQuery('Whatsapp Fransa', 'fransa google')).toBe(false);
  });

  it('folds to plain lower-case letters', () => {
    expect(foldForSearch('  İĞDIR Şişli ')).toBe('igdir sisli');
  });
});

describe('arranging services', () => {
  const opts = { query: '', sort: 'price' as const, favorites: [], recents: [], locale: 'en-US' };
  it('sorts by price with out-of-stock last', () => {
    expect(arrangeServices(services(), opts).map((r) => r.service.id)).toEqual([12, 11, 14, 13]);
  });
  it('puts favourites then recents (newest first) on top', () => {
    const rows = arrangeServices(services(), { ...opts, favorites: [14], recents: [13, 11] });
    expect(rows.map((r) => [r.service.id, r.group])).toEqual([
      [14, 'favorite'],
      [13, 'recent'],
      [11, 'recent'],
      [12, 'other'],
    ]);
    expect(rows.find((r) => r.service.id === 13)!.outOfStock).toBe(true);
  });
  it('keeps recents short and unique', () => {
    expect(pushRecent([3, 2, 1, 4, 5], 1)).toEqual([1, 3, 2, 4, 5]);
    expect(pushRecent([1, 2, 3, 4, 5, 6, 7, 8], 9)).toEqual([9, 1, 2, 3, 4, 5, 6, 7]);
  });
});

describe('phone numbers', () => {
  it.each([
    ['+905551234567', '90', '5551234567'],
    ['+65789654123', '65', '789654123'],
    ['+12025550123', '1', '2025550123'],
    ['+79161234567', '7', '9161234567'],
    ['+380501234567', '380', '501234567'],
    ['+62 812-3456-789', '62', '8123456789'],
    ['905551234567', '90', '5551234567'],
    ['5551234567', '', '5551234567'],
  ])('%s → +%s %s', (number, code, national) => {
    expect(splitCallingCode(number)).toEqual({ code, national });
  });
  it('gives the international form without spaces', () => {
    expect(internationalForm('+90 555 123 45 67')).toBe('+905551234567');
  });
});

describe('countdown', () => {
  it('formats m:ss and h:mm:ss, never negative', () => {
    expect(formatCountdown(872_000)).toBe('14:32');
    expect(formatCountdown(3_723_000)).toBe('1:02:03');
    expect(formatCountdown(-5)).toBe('0:00');
    expect(formatCountdown(500)).toBe('0:01');
  });
});

describe('errors for people', () => {
  const t = translatorOf(catalogs.en);
  it('panel errors get their sentence, also in the plain form sent across contexts', () => {
    const plain = Object.assign(new Error('x'), {
      name: 'PanelError',
      kind: 'bad_key',
      mayHaveCharged: false,
    });
    expect(errorText(plain, t)).toBe('The API key was not accepted by the panel.');
    expect(panelErrorOf(new PanelError({ kind: 'timeout', endpoint: 'e' }))?.kind).toBe('timeout');
    expect(panelErrorOf(new Error('x'))).toBeNull();
  });
  it('retry is offered only where it is safe and can help', () => {
    expect(canRetry(new PanelError({ kind: 'network', endpoint: 'getServices' }))).toBe(true);
    expect(canRetry(new PanelError({ kind: 'network', endpoint: 'getNumber', mayHaveCharged: true }))).toBe(
      false,
    );
    expect(canRetry(new PanelError({ kind: 'insufficient_funds', endpoint: 'getNumber' }))).toBe(false);
    // The panel said no for a reason trying again cannot change: refused, a running order, a disabled service.
    for (const kind of ['refused', 'active_order', 'service_disabled'] as const) {
      expect(canRetry(new PanelError({ kind, endpoint: 'add' }))).toBe(false);
    }
    expect(canRetry(Object.assign(new Error('no'), { code: 'forbidden' }))).toBe(false);
  });
  it('other errors become a generic sentence', () => {
    expect(errorText(Object.assign(new Error('x'), { code: 'no_answer' }), t)).toContain('did not answer');
    expect(errorText('weird', t)).toBe('Something went wrong. Try again.');
  });
});

describe('translator', () => {
  it('fills placeholders and leaves unknown ones', () => {
    const t = translatorOf({ a: { message: 'Hi {name}, {missing}' } });
    expect(t('a' as never, { name: 'Ada' })).toBe('Hi Ada, {missing}');
  });
  it('every English key exists in Turkish and no message holds a $', () => {
    expect(Object.keys(catalogs.tr).sort()).toEqual(Object.keys(catalogs.en).sort());
    const all = [...Object.values(catalogs.en), ...Object.values(catalogs.tr)].map((m) => m.message);
    expect(all.filter((m) => m.includes('$'))).toEqual([]);
  });
});

describe('settings file', () => {
  it('exports without the key and reads back, clamping values', () => {
    const text = exportSettingsFile({ ...DEFAULT_SETTINGS, pollIntervalSec: 5 }, 'https://p.example', [3], 0);
    expect(text).not.toMatch(/apiKey|"key"/);
    const parsed = parseSettingsFile(text.replace('"pollIntervalSec": 5', '"pollIntervalSec": 500'));
    expect(parsed).toMatchObject({
      ok: true,
      panelOrigin: 'https://p.example',
      favoriteServices: [3],
      hadKey: false,
    });
    expect(parsed.ok && parsed.settings.pollIntervalSec).toBe(60);
  });
  it('refuses what is not a settings file', () => {
    expect(parseSettingsFile('nope')).toEqual({ ok: false, reason: 'not_json' });
    expect(parseSettingsFile('{"settings":{}}')).toEqual({ ok: false, reason: 'not_settings' });
  });
});

describe('draft saver', () => {
  beforeEach(resetBrowser);
  it('writes once after the last change, merging into the stored value', async () => {
    const item = fakeItem('draft', { a: 1, b: 'x', c: true });
    await item.setValue({ a: 1, b: 'x', c: true });
    const writes: unknown[] = [];
    item.watch((v) => writes.push(v));
    vi.useFakeTimers();
    try {
      const saver = createDraftSaver(item, 10);
      saver.save({ a: 2 });
      saver.save({ b: 'y' });
      // The clock, not a sleep, says the moment has passed: just before the delay, nothing; at it, one write.
      await vi.advanceTimersByTimeAsync(9);
      expect(writes).toEqual([]);
      await vi.advanceTimersByTimeAsync(1);
      await vi.waitFor(() => expect(writes).toEqual([{ a: 2, b: 'y', c: true }]));
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('itemSignal', () => {
  beforeEach(resetBrowser);

  it('reads the stored value, follows changes, and stops on dispose', async () => {
    const item = fakeItem('count', 0);
    await item.setValue(1);
    const read = itemSignal(item, 0);
    await read.ready;
    expect(read.value.value).toBe(1);
    await item.setValue(2);
    expect(read.value.value).toBe(2);
    read.dispose();
    await item.setValue(3);
    expect(read.value.value).toBe(2);
  });

  it('a change that arrives before the first read answers wins over that read', async () => {
    let answer!: (v: number) => void;
    let notify!: (v: number) => void;
    const item = {
      getValue: () => new Promise<number>((r) => (answer = r)),
      watch: (cb: (v: number, old: number) => void) => {
        notify = (v) => cb(v, 0);
        return () => undefined;
      },
    };
    const read = itemSignal(item, 0);
    notify(5); // written after the read was asked for
    answer(4); // the read's older answer
    await read.ready;
    expect(read.value.value).toBe(5);
  });
});
