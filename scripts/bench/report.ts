/** How a figure is shown. */
export type Unit = 'bytes' | 'ms' | 'requests' | 'per-min';

/** One measured figure beside its budget (null budget: shown for information only). */
export interface Figure {
  label: string;
  /** null when the measurement failed. */
  value: number | null;
  unit: Unit;
  budget: number | null;
  /** Why the value is missing, or what it was measured over. */
  note?: string;
}

export type Verdict = 'ok' | 'OVER' | 'info' | 'FAILED';

/** The verdict of a figure: over its budget, within it, information only, or not measured. */
export function verdictOf(f: Figure): Verdict {
  if (f.value === null || Number.isNaN(f.value)) return 'FAILED';
  if (f.budget === null) return 'info';
  return f.value <= f.budget ? 'ok' : 'OVER';
}

/** True when every figure was measured and none is over its budget. */
export function allWithinBudget(figures: readonly Figure[]): boolean {
  return figures.every((f) => {
    const v = verdictOf(f);
    return v === 'ok' || v === 'info';
  });
}

/** A value with its unit: bytes as kB (1000 B), times in ms, rates with one decimal. */
export function formatValue(value: number | null, unit: Unit): string {
  if (value === null || Number.isNaN(value)) return '—';
  switch (unit) {
    case 'bytes':
      return `${(value / 1000).toFixed(2)} kB`;
    case 'ms':
      return `${Math.round(value)} ms`;
    case 'requests':
      return String(Math.round(value));
    case 'per-min':
      return `${value.toFixed(1)}/min`;
  }
}

/** The table the benchmark prints: figure | value | budget | verdict, then the notes. */
export function formatTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [
    f.label,
    formatValue(f.value, f.unit),
    f.budget === null ? '—' : `≤ ${formatValue(f.budget, f.unit)}`,
    verdictOf(f),
  ]);
  const header = ['figure', 'value', 'budget', 'verdict'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  const notes = figures.filter((f) => f.note).map((f) => `- ${f.label}: ${f.note}`);
  return [line(header), rule, ...rows.map(line), ...(notes.length ? ['', ...notes] : [])].join('\n');
}
