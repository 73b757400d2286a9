/** The median of some numbers (the mean of the middle two for an even count); NaN when there are none. */
export function median(values: readonly number[]): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The largest value; NaN when there are none. */
export function worst(values: readonly number[]): number {
  return values.length ? Math.max(...values) : Number.NaN;
}

/** A pause of `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
