// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOrdersApi } from '../../../utils/api/orders';
import { chargeFor } from '../../../utils/orders/charge';
import { createOrderTracker } from '../../../utils/orders/tracker';
import type { OrderRequestRecord, OrderServicesCache, TrackedOrder } from '../../../utils/orders/types';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { fakeItem } from '../../fakes/storage';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ balance: 1000 });
});
afterAll(() => sandbox.close());

const LINK = 'https://instagram.com/p/abc';

// One form per service type of the sandbox catalogue: what a person would type.
const FORMS: [number, string, Record<string, string>, { quantity: number; charge: number }][] = [
  [
    1,
    'Default + drip-feed',
    { link: LINK, quantity: '100', runs: '3', interval: '10' },
    { quantity: 100, charge: chargeFor(0.9, 300) },
  ],
  [
    4,
    'Custom Comments',
    { link: LINK, comments: Array.from({ length: 12 }, (_, i) => `Yorum ${i}`).join('\n') },
    { quantity: 12, charge: 0.096 },
  ],
  [5, 'Package', { link: LINK }, { quantity: 1, charge: 3.5 }],
  [6, 'Mentions', { link: LINK, quantity: '100', usernames: 'ali\nveli' }, { quantity: 100, charge: 0.2 }],
  [
    7,
    'Mentions with Hashtags',
    { link: LINK, quantity: '100', usernames: 'ali', hashtags: '#a\n#b' },
    { quantity: 100, charge: 0.24 },
  ],
  [
    8,
    'Mentions Custom List',
    { link: LINK, usernames: Array.from({ length: 10 }, (_, i) => `u${i}`).join('\n') },
    { quantity: 10, charge: 0.03 },
  ],
  [
    9,
    'Mentions Hashtag',
    { link: LINK, quantity: '100', hashtag: '#istanbul' },
    { quantity: 100, charge: 0.2 },
  ],
  [
    10,
    'Mentions User Followers',
    { link: LINK, quantity: '100', username: 'ayse' },
    { quantity: 100, charge: 0.22 },
  ],
  [
    11,
    'Mentions Media Likers',
    { link: LINK, quantity: '100', media: 'https://instagram.com/p/zzz' },
    { quantity: 100, charge: 0.22 },
  ],
  [12, 'Comment Likes', { link: LINK, quantity: '50', username: 'mehmet' }, { quantity: 50, charge: 0.055 }],
  [
    13,
    'Comment Replies',
    { link: LINK, username: 'mehmet', comments: 'a\nb\nc\nd\ne' },
    { quantity: 5, charge: 0.045 },
  ],
  [14, 'Poll', { link: LINK, quantity: '100', answer_number: '2' }, { quantity: 100, charge: 0.15 }],
  [15, 'SEO', { link: LINK, quantity: '1000', keywords: 'kahve\nçay' }, { quantity: 1000, charge: 0.6 }],
  [
    22,
    'Custom Comments Package',
    { link: LINK, comments: 'Harika\nÇok güzel\nSüper' },
    { quantity: 1, charge: 4 },
  ],
  [
    23,
    'Invites from Groups',
    { link: LINK, quantity: '100', groups: 'https://t.me/grup1\nhttps://t.me/grup2' },
    { quantity: 100, charge: 0.2 },
  ],
  [
    16,
    'Subscriptions',
    { username: 'ayse', min: '100', max: '200', posts: '3', delay: '30', expiry: '2031-05-01' },
    { quantity: 200, charge: 0.18 },
  ],
];

// Each dialect is a family of common panel scripts: what one accepts, the others must accept too.
describe.each(['perfect', 'smart', 'laravel'] as const)(
  'every supported type is accepted by a %s-script panel (the sandbox)',
  (dialect) => {
    beforeAll(() => sandbox.setOrderDialect(dialect));
    afterAll(() => sandbox.setOrderDialect('perfect'));
    const orders = fakeItem<TrackedOrder[]>('orders', []);
    let tracker: ReturnType<typeof createOrderTracker>;
    beforeEach(() => {
      tracker = createOrderTracker({
        api: async () => createOrdersApi({ origin: sandbox.url, getKey: () => sandbox.key }),
        origin: async () => sandbox.url,
        orders,
        services: fakeItem<OrderServicesCache>('orderServices', { origin: '', services: [], at: 0 }),
        requests: fakeItem<Record<string, OrderRequestRecord>>('orderRequests', {}),
        now: () => Date.now(),
      });
    });

    it.each(FORMS)('service %i (%s)', async (serviceId, _name, values, expected) => {
      const before = sandbox.balance();
      // One link per order: the Laravel scripts refuse a second running order on a link.
      const link = values.link && `${values.link}?d=${dialect}&s=${serviceId}`;
      const placed = await tracker.place({
        requestId: `t-${dialect}-${serviceId}`,
        service: serviceId,
        values: link ? { ...values, link } : values,
      });
      const atPanel = sandbox.orders().find((o) => o.id === placed.id)!;
      expect(atPanel.serviceId).toBe(serviceId);
      expect(atPanel.quantity).toBe(expected.quantity);
      // Our charge before ordering is what the panel took.
      expect(atPanel.charge).toBeCloseTo(expected.charge, 6);
      expect(placed.charge).toBeCloseTo(expected.charge, 6);
      expect(sandbox.balance()).toBeCloseTo(before - expected.charge, 5);
    });
  },
);
