export type IndicatorSeries = {
  baselineValue: number | null;
  baselineYear: number | null;
  targetValue: number | null;
  targetYear: number | null;
  values: { year: number; value: number }[];
};

export type IndicatorGap = {
  /** The latest measured year and its value. */
  year: number;
  value: number;
  /** Where the straight line from baseline to target is in that year. */
  expected: number;
  /** value − expected, in the indicator's unit. */
  gap: number;
  /** The latest value lies on the wrong side of the line, given which way the target points. */
  behind: boolean;
};

// A value exactly on the line can land a hair off it in floating point; that still counts as on the line.
const TOLERANCE = 1e-9;

/**
 * The straight line from baseline to target, at a year: the baseline before
 * the baseline year and the target after the target year. Null without both.
 */
export function lineValue(indicator: Omit<IndicatorSeries, "values">, year: number): number | null {
  const { baselineValue, baselineYear, targetValue, targetYear } = indicator;
  if (baselineValue === null || baselineYear === null || targetValue === null || targetYear === null) return null;
  if (year <= baselineYear) return baselineValue;
  if (year >= targetYear) return targetValue;
  return baselineValue + ((targetValue - baselineValue) * (year - baselineYear)) / (targetYear - baselineYear);
}

/**
 * How the latest measured value compares with the straight line from the
 * baseline to the target. Null when the indicator lacks a baseline, a target
 * or any value, since then nothing can be said.
 */
export function indicatorGap(indicator: IndicatorSeries): IndicatorGap | null {
  if (indicator.values.length === 0) return null;
  const latest = indicator.values.reduce((a, b) => (b.year > a.year ? b : a));
  const expected = lineValue(indicator, latest.year);
  if (expected === null) return null;
  const gap = latest.value - expected;
  // A falling target (emissions) is behind when the value is above the line; a rising one when below.
  // A target equal to its baseline gives no direction, so it is never behind.
  const direction = Math.sign(indicator.targetValue! - indicator.baselineValue!);
  const behind = direction !== 0 && gap * direction < -TOLERANCE * Math.max(1, Math.abs(expected));
  return { year: latest.year, value: latest.value, expected, gap, behind };
}
