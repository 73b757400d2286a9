import { describe, expect, it } from 'vitest';
import {
  allWithinBudget,
  formatTable,
  formatValue,
  verdictOf,
  type Figure,
} from '../../../scripts/bench/report';
import { median, worst } from '../../../scripts/bench/stats';

const fig = (value: number | null, budget: number | null): Figure => ({
  label: 'x',
  value,
  unit: 'ms',
  budget,
});

describe('bench report', () => {
  it('judges a figure against its budget; a missing figure fails', () => {
    expect(verdictOf(fig(500, 500))).toBe('ok');
    expect(verdictOf(fig(501, 500))).toBe('OVER');
    expect(verdictOf(fig(0, 0))).toBe('ok');
    expect(verdictOf(fig(1, 0))).toBe('OVER');
    expect(verdictOf(fig(9_999, null))).toBe('info');
    expect(verdictOf(fig(null, 500))).toBe('FAILED');
    expect(verdictOf(fig(Number.NaN, 500))).toBe('FAILED');
  });

  it('passes only when nothing is over budget and nothing failed', () => {
    expect(allWithinBudget([fig(1, 2), fig(5, null)])).toBe(true);
    expect(allWithinBudget([fig(1, 2), fig(3, 2)])).toBe(false);
    expect(allWithinBudget([fig(1, 2), fig(null, null)])).toBe(false);
  });

  it('shows bytes as kB of 1000 bytes, times in ms, rates per minute', () => {
    expect(formatValue(9_281, 'bytes')).toBe('9.28 kB');
    expect(formatValue(1_700.4, 'ms')).toBe('1700 ms');
    expect(formatValue(18, 'per-min')).toBe('18.0/min');
    expect(formatValue(null, 'ms')).toBe('—');
  });

  it('prints one aligned row per figure with its budget and verdict, then the notes', () => {
    const table = formatTable([
      { label: 'content script, gzipped', value: 9_310, unit: 'bytes', budget: 8_000 },
      { label: 'idle requests', value: 0, unit: 'requests', budget: 0, note: 'over 20 s' },
    ]);
    const lines = table.split('\n');
    expect(lines[0]).toMatch(/^\| figure +\| value +\| budget +\| verdict \|$/);
    expect(lines[2]).toMatch(/^\| content script, gzipped \| 9\.31 kB +\| ≤ 8\.00 kB \| OVER +\|$/);
    expect(lines[3]).toMatch(/^\| idle requests +\| 0 +\| ≤ 0 +\| ok +\|$/);
    expect(new Set(lines.slice(0, 4).map((l) => l.length)).size).toBe(1);
    expect(table).toContain('- idle requests: over 20 s');
  });

  it('takes the median and the worst', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
    expect(worst([3, 9, 2])).toBe(9);
  });
});
