/** Nearest-rank percentile of a sample (p in 0..100). */
export function percentile(values: number[], p: number): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1];
}

export type Summary = { n: number; p50: number; p99: number; min: number; max: number; mean: number };

export function summarise(values: number[]): Summary {
  return {
    n: values.length,
    p50: percentile(values, 50),
    p99: percentile(values, 99),
    min: Math.min(...values),
    max: Math.max(...values),
    mean: values.reduce((sum, v) => sum + v, 0) / values.length,
  };
}

/** Milliseconds on the process-wide monotonic clock, comparable across worker threads. */
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** A figure for a table cell: three significant digits, no exponent. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  if (abs >= 1) return value.toFixed(2);
  return value.toFixed(3);
}

export const ratioOf = (value: number, baseline: number) => (baseline > 0 ? value / baseline : Number.NaN);

/** The ratio for a rate where more is better (requests a second): above 1× is still worse. */
export const ratioOfRate = (value: number, baseline: number) => (value > 0 ? baseline / value : Number.NaN);
