// Over 250 lines: one table per normaliser (services, types, statuses, cancels), each row a dialect seen on panels.
import { describe, expect, it } from 'vitest';
import {
  normalizeAddResult,
  normalizeCancelResults,
  normalizeOrderServices,
  normalizeOrderStatus,
  normalizeRefillId,
  normalizeServiceType,
  normalizeStatuses,
  normalizeStatusInfo,
} from '../../../utils/api/orders/normalize.ts';
import type { OrderStatus, ServiceType } from '../../../utils/api/orders/types.ts';

describe('normalizeOrderServices', () => {
  it('reads the documented answer', () => {
    const services = normalizeOrderServices([
      {
        service: 1,
        name: 'Followers',
        type: 'Default',
        category: 'First Category',
        rate: '0.90',
        min: '50',
        max: '10000',
      },
      {
        service: 2,
        name: 'Comments',
        type: 'Custom Comments',
        category: 'Second Category',
        rate: '8',
        min: '10',
        max: '1500',
      },
    ]);
    expect(services).toEqual([
      {
        id: 1,
        name: 'Followers',
        type: 'default',
        typeText: 'Default',
        category: 'First Category',
        rate: 0.9,
        min: 50,
        max: 10000,
        refill: false,
        cancel: false,
        dripfeed: false,
        description: '',
      },
      {
        id: 2,
        name: 'Comments',
        type: 'custom_comments',
        typeText: 'Custom Comments',
        category: 'Second Category',
        rate: 8,
        min: 10,
        max: 1500,
        refill: false,
        cancel: false,
        dripfeed: false,
        description: '',
      },
    ]);
  });

  it('reads extra fields, booleans as "1"/"0" and numbers as numbers', () => {
    const [s] = normalizeOrderServices([
      {
        service: '7',
        name: 'Likes',
        type: 'custom_comments',
        category: 'Insta',
        rate: 1.25,
        min: 10,
        max: 100,
        refill: '1',
        cancel: 0,
        dripfeed: 'true',
        desc: 'Fast',
        status: 'success',
      },
    ]);
    expect(s).toMatchObject({
      id: 7,
      type: 'custom_comments',
      rate: 1.25,
      refill: true,
      cancel: false,
      dripfeed: true,
    });
    expect(s.description).toBe('Fast');
  });

  it('drops entries without an id or a rate, keeps the first of duplicates', () => {
    const services = normalizeOrderServices([
      { name: 'no id', rate: '1' },
      { service: 3, name: 'no rate' },
      { service: 4, name: 'A', rate: '1' },
      { service: 4, name: 'B', rate: '2' },
    ]);
    expect(services.map((s) => [s.id, s.name])).toEqual([[4, 'A']]);
  });

  it('reads an object keyed by id', () => {
    const services = normalizeOrderServices({ '5': { name: 'X', rate: '2', min: '1', max: '9' } });
    expect(services.map((s) => s.id)).toEqual([5]);
  });
});

describe('normalizeServiceType', () => {
  const cases: [unknown, ServiceType][] = [
    ['Default', 'default'],
    ['Custom Comments', 'custom_comments'],
    ['custom_comments', 'custom_comments'],
    ['Package', 'package'],
    ['Mentions with Hashtags', 'mentions_with_hashtags'],
    ['Mentions Custom List', 'mentions_custom_list'],
    ['Mentions Hashtag', 'mentions_hashtag'],
    ['Mentions User Followers', 'mentions_user_followers'],
    ['Mentions Media Likers', 'mentions_media_likers'],
    ['Comment Likes', 'comment_likes'],
    ['Comment Replies', 'comment_replies'],
    ['Poll', 'poll'],
    ['SEO', 'seo'],
    ['Subscriptions', 'subscriptions'],
    ['Mentions', 'mentions'],
    ['CustomComments', 'custom_comments'],
    [undefined, 'default'],
    ['', 'default'],
    ['Invites from Groups', 'invites_from_groups'],
    ['Custom Comments Package', 'custom_comments_package'],
    ['custom_comments_package', 'custom_comments_package'],
    ['mentions hastag', 'mentions_hashtag'],
    ['Web Traffic', 'other'],
  ];
  it.each(cases)('%j → %s', (raw, type) => expect(normalizeServiceType(raw)).toBe(type));
});

describe('normalizeOrderStatus', () => {
  const cases: [unknown, OrderStatus][] = [
    ['Pending', 'pending'],
    ['In progress', 'in_progress'],
    ['Inprogress', 'in_progress'],
    ['in_progress', 'in_progress'],
    ['Processing', 'processing'],
    ['Completed', 'completed'],
    ['Partial', 'partial'],
    ['Canceled', 'canceled'],
    ['Cancelled', 'canceled'],
    ['Tamamlandı', 'completed'],
    ['Beklemede', 'pending'],
    ['İşleniyor', 'processing'],
    ['Kısmi', 'partial'],
    ['İptal', 'canceled'],
    ['İptal Edildi', 'canceled'],
    ['Weird', 'unknown'],
    [null, 'unknown'],
  ];
  it.each(cases)('%j → %s', (raw, status) => expect(normalizeOrderStatus(raw)).toBe(status));
});

describe('status answers', () => {
  it('reads one status, strings and nulls', () => {
    expect(
      normalizeStatusInfo({
        charge: '0.27819',
        start_count: '3572',
        status: 'Partial',
        remains: '157',
        currency: 'USD',
      }),
    ).toEqual({
      status: 'partial',
      statusText: 'Partial',
      charge: 0.27819,
      startCount: 3572,
      remains: 157,
      currency: 'USD',
    });
    expect(normalizeStatusInfo({ charge: 1, start_count: null, status: 'Gönderiliyor', remains: 0 })).toEqual(
      {
        status: 'unknown',
        statusText: 'Gönderiliyor',
        charge: 1,
        startCount: null,
        remains: 0,
        currency: null,
      },
    );
    expect(normalizeStatusInfo({ error: 'Incorrect order ID' })).toBeNull();
  });

  it('keeps per-id errors in a multi-status answer', () => {
    const raw = {
      '1': { charge: '0.27819', start_count: '3572', status: 'Partial', remains: '157', currency: 'USD' },
      '10': { error: 'Incorrect order ID' },
      '100': { charge: '1.44219', start_count: '234', status: 'In progress', remains: '10', currency: 'USD' },
      '7': 'Incorrect order ID',
    };
    const out = normalizeStatuses(raw, [1, 10, 100, 7, 55]);
    expect(out[1]).toMatchObject({ ok: true, info: { status: 'partial', remains: 157 } });
    expect(out[10]).toEqual({ ok: false, error: 'Incorrect order ID' });
    expect(out[100]).toMatchObject({ ok: true, info: { status: 'in_progress', charge: 1.44219 } });
    expect(out[7]).toEqual({ ok: false, error: 'Incorrect order ID' });
    expect(out[55].ok).toBe(false);
  });

  it('accepts a plain status object for a one-id batch and an array form', () => {
    expect(normalizeStatuses({ status: 'Completed', charge: '1' }, [9])[9]).toMatchObject({
      ok: true,
      info: { status: 'completed' },
    });
    expect(normalizeStatuses([{ order: '3', status: 'Pending' }], [3])[3]).toMatchObject({
      ok: true,
      info: { status: 'pending' },
    });
  });
});

describe('other v2 answers', () => {
  it('reads add, refill and cancel answers', () => {
    expect(normalizeAddResult({ order: 23501 })).toBe(23501);
    expect(normalizeAddResult({ order: '23501' })).toBe(23501);
    expect(normalizeAddResult({ status: 'ok' })).toBeNull();
    expect(normalizeRefillId({ refill: '1' })).toBe('1');
    expect(normalizeRefillId({ refill: 42 })).toBe('42');
    expect(normalizeRefillId({})).toBeNull();
    expect(
      normalizeCancelResults(
        [
          { order: 1, cancel: 1 },
          { order: '2', cancel: { error: 'Order cannot be canceled' } },
          { order: 3, cancel: '1' },
          { order: 4, cancel: 0 },
        ],
        [1, 2, 3, 4, 5],
      ),
    ).toEqual({
      1: { ok: true },
      2: { ok: false, error: 'Order cannot be canceled' },
      3: { ok: true },
      4: { ok: false, error: 'Not cancelled' },
      5: { ok: false, error: 'Not cancelled' },
    });
    expect(normalizeCancelResults({ '8': 1, '9': 'Incorrect order ID' }, [8, 9])).toEqual({
      8: { ok: true },
      9: { ok: false, error: 'Incorrect order ID' },
    });
  });
});
