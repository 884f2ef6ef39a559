import { describe, expect, it } from "vitest";
import { indicatorGap } from "../../app/followup/indicator-gap.ts";

const indicator = (baseline: [number, number] | null, target: [number, number] | null, values: [number, number][]) => ({
  baselineValue: baseline?.[0] ?? null,
  baselineYear: baseline?.[1] ?? null,
  targetValue: target?.[0] ?? null,
  targetYear: target?.[1] ?? null,
  values: values.map(([year, value]) => ({ year, value })),
});

describe("indicatorGap", () => {
  it("flags a rising indicator whose latest value is below the straight line to its target", () => {
    // 31 % in 2021 towards 40 % in 2030: the line is at 34 % in 2024.
    const gap = indicatorGap(indicator([31, 2021], [40, 2030], [[2021, 31], [2023, 33.1], [2024, 33.4]]));
    expect(gap).toMatchObject({ year: 2024, value: 33.4, behind: true });
    expect(gap!.expected).toBeCloseTo(34, 10);
    expect(gap!.gap).toBeCloseTo(-0.6, 10);
  });

  it("does not flag a rising indicator above its line", () => {
    expect(indicatorGap(indicator([1000, 2020], [2000, 2030], [[2022, 1300]]))).toMatchObject({ expected: 1200, gap: 100, behind: false });
  });

  it("reads a falling target the other way round: above the line is behind", () => {
    // 1 250 kton in 2020 towards 700 in 2030: the line is at 1 140 in 2022.
    expect(indicatorGap(indicator([1250, 2020], [700, 2030], [[2022, 1175]]))).toMatchObject({ expected: 1140, behind: true });
    expect(indicatorGap(indicator([1250, 2020], [700, 2030], [[2022, 1100]]))).toMatchObject({ expected: 1140, behind: false });
  });

  it("counts a value exactly on the line as on track, despite floating point", () => {
    // 80,2 + 1,8 × 2/9 is 80,60000000000001 in floating point.
    expect(indicatorGap(indicator([80.2, 2021], [82, 2030], [[2023, 80.6]]))!.behind).toBe(false);
  });

  it("uses the latest year whatever the order, and holds the line at the target after the target year", () => {
    const gap = indicatorGap(indicator([10, 2020], [20, 2025], [[2027, 19], [2021, 12]]));
    expect(gap).toMatchObject({ year: 2027, value: 19, expected: 20, gap: -1, behind: true });
  });

  it("compares with the baseline itself before or in the baseline year", () => {
    expect(indicatorGap(indicator([50, 2022], [60, 2030], [[2020, 49]]))).toMatchObject({ expected: 50, behind: true });
    expect(indicatorGap(indicator([50, 2022], [60, 2030], [[2022, 50]]))).toMatchObject({ expected: 50, behind: false });
  });

  it("never flags a target equal to its baseline, which has no direction", () => {
    expect(indicatorGap(indicator([5, 2020], [5, 2030], [[2024, 4]]))).toMatchObject({ expected: 5, gap: -1, behind: false });
  });

  it("says nothing without a baseline, a target or a value", () => {
    expect(indicatorGap(indicator(null, [40, 2030], [[2024, 33]]))).toBeNull();
    expect(indicatorGap(indicator([31, 2021], null, [[2024, 33]]))).toBeNull();
    expect(indicatorGap(indicator([31, 2021], [40, 2030], []))).toBeNull();
  });
});
