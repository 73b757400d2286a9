/**
 * A CSV writer for spreadsheets: RFC 4180 quoting, CRLF line ends, a UTF-8 byte-order mark (so Excel reads
 * Turkish letters), and text cells that a spreadsheet would run as a formula neutralised. Panel data and
 * links are attacker-controlled: `=HYPERLINK(...)` in a service name must stay text.
 */

/** The byte-order mark that tells spreadsheet programs the file is UTF-8. */
export const BOM = '\uFEFF';

/** A cell: text, a number, or empty. */
export type CsvValue = string | number | null | undefined;

/** Characters that make a spreadsheet read a cell as a formula (or hide one behind a tab or line start). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell as it goes in the file: neutralised when it starts like a formula, quoted when it must be. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  // A number the extension computed cannot be a formula; it is written as it is ("0.35", "-1").
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  // OWASP's advice: a leading apostrophe makes the spreadsheet show the cell as text.
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file: the BOM, then each row's cells joined by commas, each row ended by CRLF. */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return BOM + rows.map((row) => row.map(csvCell).join(',') + '\r\n').join('');
}

const pad = (n: number, width = 2) => String(Math.trunc(Math.abs(n))).padStart(width, '0');

/**
 * A moment as ISO 8601 in local time with its offset ("2026-12-01T21:54:25+03:00"); `offsetMinutes` is
 * `Date#getTimezoneOffset()` (minutes behind UTC), given by tests.
 */
export function isoLocal(ms: number, offsetMinutes = new Date(ms).getTimezoneOffset()): string {
  const d = new Date(ms - offsetMinutes * 60_000);
  const ahead = -offsetMinutes;
  const sign = ahead >= 0 ? '+' : '-';
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}` +
    `${sign}${pad(Math.abs(ahead) / 60)}:${pad(Math.abs(ahead) % 60)}`
  );
}
