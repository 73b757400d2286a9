import { describe, expect, it } from 'vitest';
import { groupServices, serviceMatches } from '../../../utils/orders/catalogue';
import { trimOrders } from '../../../utils/orders/list';
import { order, service } from './fixtures';

const list = [
  service('default', { id: 1, name: 'Instagram Takipçi | Gerçek Türk', category: 'Instagram Takipçi' }),
  service('default', { id: 12, name: 'İzlenme Hızlı', category: 'YouTube' }),
  service('custom_comments', { id: 4, name: 'Özel Yorum', category: 'Instagram Yorum' }),
  service('default', { id: 120, name: 'TikTok Beğeni', category: 'TikTok' }),
];

describe('catalogue search and groups', () => {
  it('finds by name and category, Turkish-aware', () => {
    expect(list.filter((s) => serviceMatches(s, 'takipci gercek')).map((s) => s.id)).toEqual([1]);
    expect(list.filter((s) => serviceMatches(s, 'IZLENME')).map((s) => s.id)).toEqual([12]);
    expect(list.filter((s) => serviceMatches(s, 'ozel')).map((s) => s.id)).toEqual([4]);
    expect(list.filter((s) => serviceMatches(s, 'youtube')).map((s) => s.id)).toEqual([12]);
    expect(list.filter((s) => serviceMatches(s, 'instagram')).map((s) => s.id)).toEqual([1, 4]);
  });

  it('finds by id, with or without #', () => {
    expect(list.filter((s) => serviceMatches(s, '12')).map((s) => s.id)).toContain(12);
    expect(list.filter((s) => serviceMatches(s, '#120')).map((s) => s.id)).toEqual([120]);
  });

  it('groups by category in the panel’s order, favourites first', () => {
    const groups = groupServices(list, '', [120, 4]);
    expect(groups.map((g) => g.category)).toEqual([
      null,
      'Instagram Takipçi',
      'YouTube',
      'Instagram Yorum',
      'TikTok',
    ]);
    expect(groups[0]!.services.map((s) => s.id)).toEqual([4, 120]);
    expect(groupServices(list, 'nothing like this', [])).toEqual([]);
  });
});

describe('remembered orders limit', () => {
  it('drops the oldest finished orders first, never an unfinished one', () => {
    const orders = [
      order({ id: 1, placedAt: 1, status: 'in_progress' }),
      order({ id: 2, placedAt: 2, status: 'completed' }),
      order({ id: 3, placedAt: 3, status: 'completed' }),
      order({ id: 4, placedAt: 4, status: 'pending' }),
    ];
    expect(trimOrders(orders, 3).map((o) => o.id)).toEqual([4, 3, 1]);
    expect(trimOrders(orders, 1).map((o) => o.id)).toEqual([4, 1]);
  });
});
