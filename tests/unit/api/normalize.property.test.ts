import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeBalance } from '../../../utils/api/balance.ts';
import {
  normalizeCancel,
  normalizeCategories,
  normalizeMessage,
  normalizeRentedNumber,
  normalizeServiceDetails,
  normalizeServices,
} from '../../../utils/api/numbers/normalize.ts';
import {
  normalizeCancelResults,
  normalizeOrderServices,
  normalizeOrderStatus,
  normalizeServiceType,
  normalizeStatuses,
  normalizeStatusInfo,
} from '../../../utils/api/orders/normalize.ts';
import { parseAmount, roundMoney } from '../../../utils/money.ts';

// A legal panel may send any number as a JSON number, as a string, or as a padded string.
const asNumberish = (n: number) => fc.constantFrom<unknown>(n, String(n), ` ${n} `);
const id = fc.integer({ min: 1, max: 2_000_000_000 });
const idish = id.chain((n) => asNumberish(n).map((raw) => ({ n, raw })));
const money = fc.integer({ min: 0, max: 10_000_000 }).map((cents) => cents / 100_000);
const moneyish = money.chain((n) =>
  fc.constantFrom<unknown>(n, String(n), n.toFixed(5)).map((raw) => ({ n, raw })),
);
const count = fc.integer({ min: 0, max: 1_000_000 });
const extras = fc.dictionary(
  fc.constantFrom('status', 'desc', 'extra', 'flag', 'note'),
  fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)),
);
const name = fc.string({ minLength: 1 }).filter((s) => s.trim() !== '');
const truthy = fc.constantFrom<unknown>(true, 1, '1', 'true', 'yes', 'TRUE');
const falsy = fc.constantFrom<unknown>(false, 0, '0', 'false', 'no', null, undefined, '');
const bool = fc.boolean().chain((b) => (b ? truthy : falsy).map((raw) => ({ b, raw })));
/** An array, or the same records keyed by id (another dialect of the same answer). */
const listForm = <T extends { n: number }>(items: T[], toRecord: (t: T) => Record<string, unknown>) =>
  fc.constantFrom<unknown>(
    items.map(toRecord),
    Object.fromEntries(items.map((t) => [String(t.n), toRecord(t)])),
    { data: items.map(toRecord) },
  );
// Sorted by id: an object keyed by integer ids iterates in id order, so order is only defined that way.
const uniqueIds = <T extends { n: number }>(arb: fc.Arbitrary<T>) =>
  fc
    .uniqueArray(arb, { selector: (t) => t.n, maxLength: 12 })
    .map((items) => items.sort((a, b) => a.n - b.n));

describe('normalisers are total', () => {
  it('never throw on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (raw) => {
        normalizeCategories(raw);
        normalizeServices(raw, 1);
        normalizeServiceDetails(raw, 1);
        normalizeRentedNumber(raw);
        normalizeMessage(raw, 1);
        normalizeCancel(raw);
        normalizeBalance(raw);
        normalizeOrderServices(raw);
        normalizeStatusInfo(raw);
        normalizeStatuses(raw, [1, 2]);
        normalizeCancelResults(raw, [1, 2]);
      }),
    );
  });
});

describe('numbers API normalisers against odd but legal answers', () => {
  it('categories: ids as strings, extra fields, object instead of array', () => {
    const item = fc.record({ id: idish, name, extra: extras }).map((r) => ({ ...r, n: r.id.n }));
    fc.assert(
      fc.property(
        uniqueIds(item).chain((items) =>
          listForm(items, (t) => ({ ...t.extra, id: t.id.raw, name: t.name })).map((raw) => ({ items, raw })),
        ),
        ({ items, raw }) => {
          const out = normalizeCategories(raw);
          expect(out).toEqual(items.map((t) => ({ id: t.n, name: t.name.trim() })));
        },
      ),
    );
  });

  it('services: category as number, string or missing', () => {
    const item = fc
      .record({ id: idish, name, category: fc.option(idish, { nil: undefined }) })
      .map((r) => ({ ...r, n: r.id.n }));
    fc.assert(
      fc.property(
        uniqueIds(item).chain((items) =>
          listForm(items, (t) => ({ id: t.id.raw, name: t.name, category: t.category?.raw })).map((raw) => ({
            items,
            raw,
          })),
        ),
        id,
        ({ items, raw }, asked) => {
          const out = normalizeServices(raw, asked);
          expect(out.map((s) => s.id)).toEqual(items.map((t) => t.n));
          expect(out.map((s) => s.categoryId)).toEqual(items.map((t) => t.category?.n ?? asked));
        },
      ),
    );
  });

  it('service details: price and stock as strings or numbers, array or single object', () => {
    fc.assert(
      fc.property(
        idish,
        moneyish,
        count,
        fc.boolean(),
        fc.boolean(),
        (sid, price, stock, stockAsText, single) => {
          const record = { id: sid.raw, price: price.raw, stock: stockAsText ? String(stock) : stock };
          const other = { id: sid.n + 1, price: '1', stock: 1 };
          const raw = single ? record : [other, record];
          const mine = { id: sid.n, price: roundMoney(price.n), stock };
          expect(normalizeServiceDetails(raw, sid.n)).toEqual(
            single ? [mine] : [{ id: sid.n + 1, price: 1, stock: 1 }, mine],
          );
        },
      ),
    );
  });

  it('rented number: ids as strings, number as text or digits', () => {
    fc.assert(
      fc.property(idish, fc.stringMatching(/^\+?[1-9]\d{6,13}$/), extras, (nid, phone, extra) => {
        expect(normalizeRentedNumber({ ...extra, success: true, number_id: nid.raw, number: phone })).toEqual(
          {
            numberId: nid.n,
            number: phone,
          },
        );
      }),
    );
  });

  it('codes: text keeps leading zeros, numbers are their digits, nothing is padded', () => {
    const textCode = fc.stringMatching(/^\d{4,8}$/).map((c) => ({ raw: c as unknown, text: c }));
    const numberCode = fc
      .integer({ min: 1, max: 99_999_999 })
      .map((c) => ({ raw: c as unknown, text: String(c) }));
    fc.assert(
      fc.property(
        fc.oneof(textCode, numberCode),
        fc.constantFrom<unknown>(1, '1'),
        idish,
        (code, status, nid) => {
          const out = normalizeMessage({ code: code.raw, id: nid.raw, status }, 5);
          expect(out).toEqual({ numberId: nid.n, state: 'received', code: code.text });
        },
      ),
    );
  });

  it('cancel: success as any boolean form', () => {
    fc.assert(
      fc.property(bool, fc.option(fc.string(), { nil: null }), (success, message) => {
        expect(normalizeCancel({ success: success.raw, title: null, message })).toEqual({
          refunded: success.b,
          title: '',
          message: (message ?? '').trim(),
        });
      }),
    );
  });

  it('balance: amount as string or number', () => {
    fc.assert(
      fc.property(
        moneyish,
        fc.option(fc.constantFrom('USD', 'TRY'), { nil: undefined }),
        (amount, currency) => {
          expect(normalizeBalance({ balance: amount.raw, currency })).toEqual({
            amount: roundMoney(amount.n),
            currency: currency ?? null,
          });
        },
      ),
    );
  });
});

describe('orders API normalisers against odd but legal answers', () => {
  const typeSpelling = fc.constantFrom(
    ['Default', 'default'],
    ['Custom Comments', 'custom_comments'],
    ['Mentions with Hashtags', 'mentions_with_hashtags'],
    ['Comment Likes', 'comment_likes'],
    ['Package', 'package'],
    ['Subscriptions', 'subscriptions'],
  ) as fc.Arbitrary<[string, string]>;
  const spelled = typeSpelling.chain(([text, slug]) =>
    fc.constantFrom(text, slug, text.toUpperCase(), text.toLowerCase()).map((raw) => ({ raw, slug })),
  );

  it('services: strings for numbers, booleans as "1"/"0", type spellings, extra fields', () => {
    const item = fc
      .record({
        id: idish,
        rate: moneyish,
        min: fc.integer({ min: 1, max: 1000 }),
        span: fc.integer({ min: 0, max: 100_000 }),
        refill: bool,
        cancel: bool,
        dripfeed: bool,
        type: spelled,
        extra: extras,
      })
      .map((r) => ({ ...r, n: r.id.n }));
    fc.assert(
      fc.property(
        uniqueIds(item).chain((items) =>
          listForm(items, (t) => ({
            ...t.extra,
            service: t.id.raw,
            name: 'S',
            type: t.type.raw,
            category: 'C',
            rate: t.rate.raw,
            min: String(t.min),
            max: t.min + t.span,
            refill: t.refill.raw,
            cancel: t.cancel.raw,
            dripfeed: t.dripfeed.raw,
          })).map((raw) => ({ items, raw })),
        ),
        ({ items, raw }) => {
          const out = normalizeOrderServices(raw);
          expect(
            out.map((s) => [s.id, s.type, s.rate, s.min, s.max, s.refill, s.cancel, s.dripfeed]),
          ).toEqual(
            items.map((t) => [
              t.n,
              t.type.slug,
              roundMoney(t.rate.n),
              t.min,
              t.min + t.span,
              t.refill.b,
              t.cancel.b,
              t.dripfeed.b,
            ]),
          );
          for (const s of out) expect(normalizeServiceType(s.typeText)).toBe(s.type);
        },
      ),
    );
  });

  it('status: numbers as strings or numbers, null start count', () => {
    const n = (arb: fc.Arbitrary<{ n: number; raw: unknown }>) =>
      fc.option(arb, { nil: null }).map((v) => ({ n: v?.n ?? null, raw: v?.raw ?? null }));
    const countish = count.chain((c) => asNumberish(c).map((raw) => ({ n: c, raw })));
    fc.assert(
      fc.property(n(moneyish), n(countish), n(countish), extras, (charge, start, remains, extra) => {
        const info = normalizeStatusInfo({
          ...extra,
          charge: charge.raw,
          start_count: start.raw,
          remains: remains.raw,
          status: 'In progress',
          currency: 'USD',
        });
        expect(info).toEqual({
          status: 'in_progress',
          statusText: 'In progress',
          charge: charge.n === null ? null : roundMoney(charge.n),
          startCount: start.n,
          remains: remains.n,
          currency: 'USD',
        });
      }),
    );
  });

  it('statuses: every asked id gets a result; per-id errors stay per id', () => {
    const entry = fc.oneof(
      fc.constant({
        kind: 'ok' as const,
        raw: { status: 'Completed', charge: '1', remains: '0' } as unknown,
      }),
      fc.string().map((e) => ({ kind: 'error' as const, raw: { error: e || 'x' } as unknown })),
      fc.string().map((e) => ({ kind: 'error' as const, raw: (e || 'x') as unknown })),
      fc.constant({ kind: 'missing' as const, raw: undefined as unknown }),
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(id, entry), { selector: (t) => t[0], minLength: 2, maxLength: 30 }),
        (rows) => {
          const raw = Object.fromEntries(
            rows.filter(([, e]) => e.kind !== 'missing').map(([i, e]) => [String(i), e.raw]),
          );
          const out = normalizeStatuses(
            raw,
            rows.map(([i]) => i),
          );
          expect(Object.keys(out).map(Number).sort()).toEqual(rows.map(([i]) => i).sort());
          for (const [i, e] of rows) expect(out[i].ok).toBe(e.kind === 'ok');
        },
      ),
    );
  });

  it('status words: any case and separator of the known spellings', () => {
    const spelling = fc.constantFrom(
      ['In progress', 'in_progress'],
      ['Inprogress', 'in_progress'],
      ['Canceled', 'canceled'],
      ['Cancelled', 'canceled'],
      ['Tamamlandı', 'completed'],
      ['Partial', 'partial'],
    ) as fc.Arbitrary<[string, string]>;
    fc.assert(
      fc.property(
        spelling,
        fc.constantFrom('upper', 'lower', 'same'),
        fc.constantFrom('', ' '),
        (s, c, pad) => {
          const text =
            c === 'upper'
              ? s[0].toLocaleUpperCase('tr')
              : c === 'lower'
                ? s[0].toLocaleLowerCase('tr')
                : s[0];
          expect(normalizeOrderStatus(`${pad}${text}${pad}`)).toBe(s[1]);
        },
      ),
    );
  });
});

describe('parseAmount', () => {
  it('reads what String() and a decimal comma write', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (x) => {
        expect(parseAmount(x)).toBe(roundMoney(x));
        const text = x.toFixed(4);
        expect(parseAmount(text)).toBeCloseTo(x, 3);
        expect(parseAmount(text.replace('.', ','))).toBe(parseAmount(text));
      }),
    );
  });
});
