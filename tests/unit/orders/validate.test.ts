// One file for order validation: a table of cases per service type, kept together so a type's rules read in one place.
import { describe, expect, it } from 'vitest';
import type { ServiceType } from '../../../utils/api/orders/types';
import { formFields, offersDripFeed } from '../../../utils/orders/fields';
import {
  estimateCharge,
  normalizeLink,
  toPanelDate,
  validateOrder,
  type FieldError,
} from '../../../utils/orders/validate';
import { service } from './fixtures';

const LINK = 'https://instagram.com/p/abc';

function valid(type: ServiceType, values: Record<string, string>, over = {}, drip = false) {
  const r = validateOrder(service(type, over), values, drip);
  if (!r.ok) throw new Error(`expected valid, got ${JSON.stringify(r.errors)}`);
  return r.order;
}
function errors(type: ServiceType, values: Record<string, string>, over = {}, drip = false): FieldError[] {
  const r = validateOrder(service(type, over), values, drip);
  if (r.ok) throw new Error('expected errors');
  return r.errors;
}
const codes = (e: FieldError[]) => e.map((x) => `${x.field}:${x.code}`);

describe('order form per service type: fields, add parameters and charge', () => {
  it('Default: link + quantity, charge rate × quantity / 1000', () => {
    expect(formFields(service('default'), false).map((f) => f.name)).toEqual(['link', 'quantity']);
    const o = valid('default', { link: LINK, quantity: '1500' });
    expect(o.params).toEqual({ service: 1, link: LINK, quantity: 1500 });
    expect(o.charge).toBe(1.35);
    expect(o.total).toBe(1500);
    expect(o.runs).toBeNull();
  });

  it('Default with drip-feed: runs and interval sent, charge and total × runs', () => {
    expect(formFields(service('default'), true).map((f) => f.name)).toEqual([
      'link',
      'quantity',
      'runs',
      'interval',
    ]);
    const o = valid('default', { link: LINK, quantity: '100', runs: '5', interval: '30' }, {}, true);
    expect(o.params).toEqual({ service: 1, link: LINK, quantity: 100, runs: 5, interval: 30 });
    expect(o.charge).toBe(0.45);
    expect(o.total).toBe(500);
    expect([o.runs, o.interval]).toEqual([5, 30]);
  });

  it('Default drip-feed: runs ≥ 2, both fields, total within max', () => {
    expect(
      codes(errors('default', { link: LINK, quantity: '100', runs: '1', interval: '10' }, {}, true)),
    ).toEqual(['runs:runs_min']);
    expect(codes(errors('default', { link: LINK, quantity: '100', runs: '3' }, {}, true))).toEqual([
      'interval:drip_pair',
    ]);
    const over = errors('default', { link: LINK, quantity: '4000', runs: '3', interval: '10' }, {}, true);
    expect(over).toEqual([{ field: 'runs', code: 'drip_total', params: { max: 10_000, total: 12_000 } }]);
    expect(
      codes(errors('default', { link: LINK, quantity: '100', runs: '3', interval: '0' }, {}, true)),
    ).toEqual(['interval:at_least']);
  });

  it('drip-feed fields are ignored when the service does not offer it', () => {
    const o = valid('default', { link: LINK, quantity: '100', runs: '5', interval: '30' }, {}, false);
    expect(o.params).toEqual({ service: 1, link: LINK, quantity: 100 });
    expect(o.charge).toBe(0.09);
  });

  it('drip-feed is offered where the panel marks it, or everywhere when it marks nothing', () => {
    expect(offersDripFeed(service('default', { dripfeed: true }), true)).toBe(true);
    expect(offersDripFeed(service('default', { dripfeed: false }), true)).toBe(false);
    expect(offersDripFeed(service('default', { dripfeed: false }), false)).toBe(true);
    expect(offersDripFeed(service('custom_comments', { dripfeed: true }), true)).toBe(false);
  });

  it('Default: quantity within min–max, link a URL', () => {
    expect(errors('default', { link: LINK, quantity: '10' })).toEqual([
      { field: 'quantity', code: 'too_few', params: { min: 50 } },
    ]);
    expect(errors('default', { link: LINK, quantity: '10001' })).toEqual([
      { field: 'quantity', code: 'too_many', params: { max: 10_000 } },
    ]);
    expect(codes(errors('default', { link: LINK, quantity: '1.5' }))).toEqual(['quantity:not_whole']);
    expect(codes(errors('default', { link: LINK, quantity: 'abc' }))).toEqual(['quantity:not_whole']);
    expect(codes(errors('default', { link: 'not a link', quantity: '100' }))).toEqual(['link:bad_url']);
    expect(codes(errors('default', { link: 'javascript:alert(1)', quantity: '100' }))).toEqual([
      'link:bad_url',
    ]);
    expect(codes(errors('default', {}))).toEqual(['link:required', 'quantity:required']);
  });

  it('Custom Comments: one per line, quantity = lines, comments not empty', () => {
    const comments = 'Harika!\n\n  Süper  \nÇok iyi\r\n';
    const o = valid('custom_comments', { link: LINK, comments }, { rate: 8, min: 2, max: 1500 });
    expect(o.params).toEqual({ service: 1, link: LINK, comments: 'Harika!\nSüper\nÇok iyi', quantity: 3 });
    expect(o.total).toBe(3);
    expect(o.charge).toBe(0.024);
    expect(codes(errors('custom_comments', { link: LINK, comments: ' \n \n' }))).toEqual([
      'comments:no_lines',
    ]);
    expect(errors('custom_comments', { link: LINK, comments: 'a\nb' }, { min: 10 })).toEqual([
      { field: 'comments', code: 'too_few', params: { min: 10 } },
    ]);
  });

  it('Package: a link to type, sent with quantity 1 (scripts answer "Quantity is required" without it), charged its rate', () => {
    expect(formFields(service('package'), false).map((f) => f.name)).toEqual(['link']);
    const o = valid('package', { link: LINK, quantity: '999' }, { rate: 3.5, min: 1, max: 1 });
    expect(o.params).toEqual({ service: 1, link: LINK, quantity: 1 });
    expect(o.charge).toBe(3.5);
    expect(o.total).toBe(1);
  });

  it('Custom Comments Package: link and comments, sent with quantity 1, charged its rate', () => {
    expect(formFields(service('custom_comments_package'), false).map((f) => f.name)).toEqual([
      'link',
      'comments',
    ]);
    const o = valid(
      'custom_comments_package',
      { link: LINK, comments: 'a\nb\nc' },
      { rate: 4, min: 1, max: 1 },
    );
    expect(o.params).toEqual({ service: 1, link: LINK, comments: 'a\nb\nc', quantity: 1 });
    expect(o.charge).toBe(4);
    expect(codes(errors('custom_comments_package', { link: LINK }))).toEqual(['comments:no_lines']);
  });

  it('Invites from Groups: link, quantity, groups (one per line)', () => {
    const o = valid('invites_from_groups', { link: LINK, quantity: '100', groups: 'g1\n g2 ' }, { rate: 2 });
    expect(o.params).toEqual({ service: 1, link: LINK, quantity: 100, groups: 'g1\ng2' });
    expect(o.charge).toBe(0.2);
    expect(codes(errors('invites_from_groups', { link: LINK, quantity: '100' }))).toEqual([
      'groups:no_lines',
    ]);
  });

  it('Mentions: link, quantity, usernames', () => {
    const o = valid('mentions', { link: LINK, quantity: '200', usernames: 'ali\nveli' }, { rate: 2 });
    expect(o.params).toEqual({ service: 1, link: LINK, quantity: 200, usernames: 'ali\nveli' });
    expect(o.charge).toBe(0.4);
    expect(codes(errors('mentions', { link: LINK, quantity: '200' }))).toEqual(['usernames:no_lines']);
  });

  it('Mentions with Hashtags: link, quantity, usernames, hashtags', () => {
    const o = valid(
      'mentions_with_hashtags',
      { link: LINK, quantity: '100', usernames: 'a', hashtags: '#x\n#y' },
      { rate: 2.4 },
    );
    expect(o.params).toEqual({ service: 1, link: LINK, quantity: 100, usernames: 'a', hashtags: '#x\n#y' });
    expect(o.charge).toBe(0.24);
    expect(codes(errors('mentions_with_hashtags', { link: LINK, quantity: '100', usernames: 'a' }))).toEqual([
      'hashtags:no_lines',
    ]);
  });

  it('Mentions Custom List: link, usernames; quantity = lines', () => {
    const o = valid(
      'mentions_custom_list',
      { link: LINK, usernames: 'a\nb\nc' },
      { rate: 3, min: 2, max: 1000 },
    );
    expect(o.params).toEqual({ service: 1, link: LINK, usernames: 'a\nb\nc', quantity: 3 });
    expect(o.total).toBe(3);
    expect(o.charge).toBe(0.009);
    expect(errors('mentions_custom_list', { link: LINK, usernames: 'a' }, { min: 2 })).toEqual([
      { field: 'usernames', code: 'too_few', params: { min: 2 } },
    ]);
  });

  it('Mentions Hashtag: link, quantity, hashtag', () => {
    const o = valid('mentions_hashtag', { link: LINK, quantity: '100', hashtag: '#istanbul' }, { rate: 2 });
    expect(o.params).toEqual({ service: 1, link: LINK, quantity: 100, hashtag: '#istanbul' });
    expect(o.charge).toBe(0.2);
    expect(codes(errors('mentions_hashtag', { link: LINK, quantity: '100', hashtag: '  ' }))).toEqual([
      'hashtag:required',
    ]);
  });

  it('Mentions User Followers: link, quantity, username', () => {
    const o = valid(
      'mentions_user_followers',
      { link: LINK, quantity: '100', username: 'ayse' },
      { rate: 2.2 },
    );
    expect(o.params).toEqual({ service: 1, link: LINK, quantity: 100, username: 'ayse' });
    expect(o.charge).toBe(0.22);
  });

  it('Mentions Media Likers: link, quantity, media (a link)', () => {
    const o = valid(
      'mentions_media_likers',
      { link: LINK, quantity: '100', media: 'instagram.com/p/zzz' },
      { rate: 2.2 },
    );
    expect(o.params).toEqual({ service: 1, link: LINK, quantity: 100, media: 'https://instagram.com/p/zzz' });
    expect(codes(errors('mentions_media_likers', { link: LINK, quantity: '100', media: 'zzz' }))).toEqual([
      'media:bad_url',
    ]);
  });

  it('Comment Likes: link, quantity, username', () => {
    const o = valid('comment_likes', { link: LINK, quantity: '60', username: 'mehmet' }, { rate: 1.1 });
    expect(o.params).toEqual({ service: 1, link: LINK, quantity: 60, username: 'mehmet' });
    expect(o.charge).toBe(0.066);
  });

  it('Comment Replies: link, username, comments; quantity = lines', () => {
    const o = valid(
      'comment_replies',
      { link: LINK, username: 'mehmet', comments: 'a\nb' },
      { rate: 9, min: 1, max: 500 },
    );
    expect(o.params).toEqual({ service: 1, link: LINK, username: 'mehmet', comments: 'a\nb', quantity: 2 });
    expect(o.charge).toBe(0.018);
    expect(codes(errors('comment_replies', { link: LINK, comments: 'a' }, { min: 1 }))).toEqual([
      'username:required',
    ]);
  });

  it('Poll: link, quantity, answer number ≥ 1', () => {
    const o = valid('poll', { link: LINK, quantity: '100', answer_number: '2' }, { rate: 1.5 });
    expect(o.params).toEqual({ service: 1, link: LINK, quantity: 100, answer_number: '2' });
    expect(o.charge).toBe(0.15);
    expect(codes(errors('poll', { link: LINK, quantity: '100', answer_number: '0' }))).toEqual([
      'answer_number:at_least',
    ]);
  });

  it('SEO: link, quantity, keywords one per line', () => {
    const o = valid(
      'seo',
      { link: LINK, quantity: '1000', keywords: 'kahve\nçay' },
      { rate: 0.6, min: 1000, max: 100000 },
    );
    expect(o.params).toEqual({ service: 1, link: LINK, quantity: 1000, keywords: 'kahve\nçay' });
    expect(o.charge).toBe(0.6);
  });

  it('Subscriptions: username, min, max, posts, old posts, delay, expiry (d/m/Y); charge per post × posts', () => {
    expect(formFields(service('subscriptions'), false).map((f) => f.name)).toEqual([
      'username',
      'min',
      'max',
      'posts',
      'old_posts',
      'delay',
      'expiry',
    ]);
    const o = valid(
      'subscriptions',
      {
        username: 'ayse',
        min: '100',
        max: '200',
        posts: '5',
        old_posts: '0',
        delay: '30',
        expiry: '2030-02-09',
      },
      { rate: 0.3 },
    );
    expect(o.params).toEqual({
      service: 1,
      username: 'ayse',
      min: 100,
      max: 200,
      posts: 5,
      old_posts: 0,
      delay: 30,
      expiry: '09/02/2030',
    });
    expect(o.charge).toBe(0.3);
    expect(o.total).toBeNull();
    expect(codes(errors('subscriptions', { username: 'a', min: '300', max: '200', delay: '0' }))).toEqual([
      'max:min_over_max',
    ]);
    expect(codes(errors('subscriptions', { username: 'a', min: '10', max: '200', delay: '0' }))).toEqual([
      'min:too_few',
    ]);
    expect(codes(errors('subscriptions', { username: 'a', min: '100', max: '200' }))).toEqual([
      'delay:required',
    ]);
    expect(
      codes(
        errors('subscriptions', { username: 'a', min: '100', max: '200', delay: '0', expiry: '31/02/2030' }),
      ),
    ).toEqual(['expiry:bad_date']);
  });

  it('a type the extension does not know cannot be ordered', () => {
    expect(formFields(service('other'), false)).toEqual([]);
    expect(errors('other', { link: LINK, quantity: '100' })).toEqual([
      { field: 'form', code: 'unsupported' },
    ]);
  });
});

describe('charge shown while typing', () => {
  it('follows quantity, lines and drip-feed runs before the form is complete', () => {
    expect(estimateCharge(service('default'), { quantity: '1000' }, false)).toBe(0.9);
    expect(estimateCharge(service('default'), { quantity: '1000', runs: '3' }, true)).toBe(2.7);
    expect(estimateCharge(service('default'), { quantity: '' }, false)).toBeNull();
    expect(estimateCharge(service('custom_comments', { rate: 8 }), { comments: 'a\nb\n' }, false)).toBe(
      0.016,
    );
    expect(estimateCharge(service('package', { rate: 3.5 }), {}, false)).toBe(3.5);
    expect(estimateCharge(service('subscriptions', { rate: 0.3 }), { max: '200', posts: '5' }, false)).toBe(
      0.3,
    );
    expect(estimateCharge(service('other'), { quantity: '100' }, false)).toBeNull();
  });
});

describe('field readers', () => {
  it('reads links with or without a scheme, refuses other schemes', () => {
    expect(normalizeLink(' instagram.com/x ')).toBe('https://instagram.com/x');
    expect(normalizeLink('http://127.0.0.1:8080/a')).toBe('http://127.0.0.1:8080/a');
    expect(normalizeLink('ftp://x.com')).toBeNull();
    expect(normalizeLink('https://nodot')).toBeNull();
    expect(normalizeLink('')).toBeNull();
  });

  it('writes dates as d/m/Y', () => {
    expect(toPanelDate('2030-12-01')).toBe('01/12/2030');
    expect(toPanelDate('1.2.2030')).toBe('01/02/2030');
    expect(toPanelDate('2030-02-30')).toBeNull();
    expect(toPanelDate('soon')).toBeNull();
  });
});
