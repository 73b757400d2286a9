import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOM, csvCell, isoLocal, toCsv } from '../../../utils/export/csv';
import { countryOf, ordersCsv, rentalsCsv } from '../../../utils/export/history';
import type { Rental } from '../../../utils/rentals/types';
import { order, translator } from '../orders/fixtures';

/** A small RFC 4180 reader: the rows of a CSV text (without its BOM). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (quoted) {
      if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endCell();
    else if (ch === '\r' && text[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else cell += ch;
  }
  return rows;
}

const FORMULA = /^[=+\-@\t\r]/;

describe('the CSV writer', () => {
  it('quotes commas, quotes and line breaks; starts with a BOM; ends rows with CRLF', () => {
    expect(toCsv([['a', 'b,c', 'say "hi"', 'two\nlines', 3]])).toBe(
      `${BOM}a,"b,c","say ""hi""","two\nlines",3\r\n`,
    );
  });

  it('neutralises cells that a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell('+1+1')).toBe(`'+1+1`);
    expect(csvCell('-2+3')).toBe(`'-2+3`);
    expect(csvCell('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(csvCell('\t=1')).toBe(`'\t=1`);
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
    expect(csvCell('Whatsapp Fransa')).toBe('Whatsapp Fransa');
    expect(csvCell(-1)).toBe('-1'); // a number the extension computed is not a formula
  });

  it('property: any table reads back cell for cell, and no text cell starts like a formula', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 5 }), { maxLength: 6 }),
        (table) => {
          const text = toCsv(table);
          expect(text.startsWith(BOM)).toBe(true);
          const back = parseCsv(text.slice(1));
          expect(back).toHaveLength(table.length);
          back.forEach((row, r) =>
            row.forEach((cell, c) => {
              const original = table[r]![c]!;
              expect(cell).toBe(FORMULA.test(original) ? `'${original}` : original);
              expect(FORMULA.test(cell)).toBe(false);
            }),
          );
        },
      ),
    );
  });

  it('dates are ISO 8601 in local time with the offset', () => {
    const ms = Date.UTC(2026, 11, 1, 21, 54, 25);
    expect(isoLocal(ms, -180)).toBe('2026-12-02T00:54:25+03:00');
    expect(isoLocal(ms, 0)).toBe('2026-12-01T21:54:25+00:00');
    expect(isoLocal(ms, 330)).toBe('2026-12-01T16:24:25-05:30');
  });
});

const rental = (over: Partial<Rental>): Rental => ({
  id: 'r',
  serviceId: 11,
  serviceName: 'Whatsapp Fransa',
  categoryName: 'WhatsApp',
  price: 0.5,
  currency: 'USD',
  number: '+33612345678',
  numberId: 1000,
  state: 'received',
  createdAt: Date.UTC(2026, 0, 2, 10),
  rentedAt: Date.UTC(2026, 0, 2, 10),
  expiresAt: null,
  endedAt: null,
  codes: [{ code: '123456', at: 0, seen: true }],
  site: null,
  tabId: null,
  cancel: null,
  error: null,
  nextPollAt: 0,
  failures: 0,
  ...over,
});

describe('rentals and orders as CSV', () => {
  it('country is the service name after the category name, where that works', () => {
    expect(countryOf('Whatsapp Fransa', 'WhatsApp')).toBe('Fransa');
    expect(countryOf('İnstagram Türkiye', 'Instagram')).toBe('Türkiye');
    expect(countryOf('Telegram', 'Telegram')).toBe('');
    expect(countryOf('Googlex Fransa', 'Google')).toBe('');
    expect(countryOf('Fransa Whatsapp', 'WhatsApp')).toBe('');
  });

  it('rentals: headers in the person’s language, one row per number, panel text neutralised', () => {
    const rows = parseCsv(
      rentalsCsv(
        [
          rental({}),
          rental({
            id: 'x',
            serviceName: '=cmd|calc',
            categoryName: 'X',
            codes: [],
            state: 'cancelled',
            rentedAt: 0,
            createdAt: 0,
          }),
        ],
        translator('tr'),
        () => 0,
      ).slice(1),
    );
    expect(rows[0]).toEqual(['Tarih', 'Servis', 'Ülke', 'Numara', 'Kod', 'Fiyat', 'Durum']);
    expect(rows[1]).toEqual([
      '2026-01-02T10:00:00+00:00',
      'Whatsapp Fransa',
      'Fransa',
      "'+33612345678",
      '123456',
      '0.5',
      expect.any(String),
    ]);
    expect(rows[2]![1]).toBe(`'=cmd|calc`);
    // A phone number starts with "+": it is neutralised like any text cell (a spreadsheet shows it as text).
  });

  it('orders: date, service, link, quantity, charge, status, order id', () => {
    const rows = parseCsv(
      ordersCsv(
        [order({ id: 23501, link: '@evil', placedAt: 0 })],
        translator('en'),
        (o) => o.statusText,
        () => 0,
      ).slice(1),
    );
    expect(rows).toEqual([
      ['Date', 'Service', 'Link', 'Quantity', 'Charge', 'Status', 'Order ID'],
      ['1970-01-01T00:00:00+00:00', 'Followers', `'@evil`, '1000', '0.9', 'Pending', '23501'],
    ]);
  });
});
