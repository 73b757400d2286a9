import { describe, expect, it } from 'vitest';
import { checkMassOrder, isFieldError, massFormat, massColumns } from '../../../utils/orders/mass';
import type { MessageKey } from '../../../utils/i18n';
import { service, translator } from './fixtures';

const catalogue = [
  service('default', { id: 1, rate: 0.9, min: 50, max: 10_000 }),
  service('default', { id: 2, rate: 0.35, min: 100, max: 50_000, dripfeed: true }),
  service('custom_comments', { id: 4, rate: 8, min: 2, max: 1500 }),
  service('package', { id: 5, rate: 3.5, min: 1, max: 1 }),
  service('subscriptions', { id: 16, typeText: 'Subscriptions' }),
  service('other', { id: 30, typeText: 'Weird' }),
];

const codes = (text: string) =>
  checkMassOrder(text, catalogue).lines.map((l) => (l.ok ? 'ok' : l.errors.map((e) => e.code).join('+')));

describe('mass-order lines: checked one by one before anything is sent', () => {
  it('accepts the three common shapes and sums the total', () => {
    const check = checkMassOrder(
      [
        '1 | https://instagram.com/a | 1000',
        '',
        '2 | instagram.com/b | 200 | 3 | 10',
        '4 | https://instagram.com/p/1 | Nice\\nGreat\\nWow',
        '5 | https://instagram.com/c',
      ].join('\n'),
      catalogue,
    );
    expect(check.ok).toBe(true);
    expect(check.lines.map((l) => l.line)).toEqual([1, 3, 4, 5]);
    const [a, b, c, d] = check.lines.map((l) => (l.ok ? l.order : null));
    expect(a).toMatchObject({ charge: 0.9, total: 1000, link: 'https://instagram.com/a' });
    expect(b).toMatchObject({ runs: 3, interval: 10, total: 600, link: 'https://instagram.com/b' });
    expect(c?.params.comments).toBe('Nice\nGreat\nWow');
    expect(c?.charge).toBe(0.024);
    expect(d).toMatchObject({ charge: 3.5 });
    expect(check.total).toBe(0.9 + 0.21 + 0.024 + 3.5);
  });

  it('each error class has its code: id, unknown service, type, columns, link, range, drip-feed', () => {
    expect(codes('x | https://a.com | 100')).toEqual(['bad_id']);
    expect(codes('99 | https://a.com | 100')).toEqual(['unknown_service']);
    expect(codes('16 | someone | 1 | 2 | 3')).toEqual(['not_orderable']);
    expect(codes('30 | https://a.com | 100')).toEqual(['not_orderable']);
    expect(codes('1 | https://a.com')).toEqual(['columns']);
    expect(codes('1 | https://a.com | 100 | 2 | 5')).toEqual(['columns']); // no drip-feed on service 1
    expect(codes('5 | https://a.com | 1')).toEqual(['columns']); // a package takes no quantity
    expect(codes('1 | not a link | 100')).toEqual(['bad_url']);
    expect(codes('1 | https://a.com | 10')).toEqual(['too_few']);
    expect(codes('1 | https://a.com | 20000')).toEqual(['too_many']);
    expect(codes('1 | https://a.com | 1,5')).toEqual(['not_whole']);
    expect(codes('2 | https://a.com | 200 | 3')).toEqual(['drip_pair']);
    expect(codes('4 | https://a.com | only one')).toEqual(['too_few']);
    expect(checkMassOrder('1 | https://a.com | 100\n9 | x | 1', catalogue).ok).toBe(false);
  });

  it('a column error names the service’s format', () => {
    const [line] = checkMassOrder('2 | https://a.com', catalogue).lines;
    expect(line).toMatchObject({ ok: false, errors: [{ code: 'columns', params: { count: 1 } }] });
    expect(massFormat(massColumns(catalogue[1]!, true)!)).toBe(
      'service_id | link | quantity [| runs | interval]',
    );
    expect(massFormat(massColumns(catalogue[3]!, false)!)).toBe('service_id | link');
  });

  it('nothing pasted, or over 100 lines, is not ok', () => {
    expect(checkMassOrder(' \n\n', catalogue).ok).toBe(false);
    const many = Array.from({ length: 101 }, () => '1 | https://a.com | 100').join('\n');
    expect(checkMassOrder(many, catalogue)).toMatchObject({ ok: false, tooMany: true });
  });

  it('every line error has a sentence in English and Turkish', () => {
    for (const lang of ['en', 'tr'] as const) {
      const t = translator(lang);
      for (const text of ['x | a', '99 | a', '30 | a', '1 | a']) {
        const [line] = checkMassOrder(text, catalogue).lines;
        if (!line || line.ok) throw new Error('expected a refused line');
        for (const e of line.errors) {
          const key = (isFieldError(e) ? `orders_err_${e.code}` : `mass_err_${e.code}`) as MessageKey;
          expect(t(key, e.params as Record<string, string>)).not.toBe(key);
        }
      }
    }
  });
});
