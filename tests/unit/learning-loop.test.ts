import { describe, expect, it } from "vitest";
import { countFigures, daysBetween, figureHref, median, resultGroups, select, subtree, yearOf, type LoopData } from "../../app/loop/figures.ts";

const at = (iso: string) => new Date(iso);

describe("learning loop figures", () => {
  it("take the middle value, or the mean of the two middle values", () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([200, 9, 116])).toBe(116);
    expect(median([200, 9, 116, 69])).toBe(92.5);
  });

  it("count years and days in Stockholm time", () => {
    // 23:30 UTC on New Year's Eve is already the new year in Stockholm.
    expect(yearOf(at("2025-12-31T23:30:00Z"))).toBe(2026);
    expect(daysBetween(at("2025-02-01T10:00:00Z"), at("2025-08-20T09:00:00Z"))).toBe(200);
    // Across the switch to summer time a day is still a day.
    expect(daysBetween(at("2026-03-28T12:00:00Z"), at("2026-03-30T11:00:00Z"))).toBe(2);
  });

  it("count a goal with its sub-goals, distinct lessons once, and money only under calls that applied lessons", () => {
    const goals = [
      { id: "g1", parentId: null },
      { id: "g11", parentId: "g1" },
      { id: "g2", parentId: null },
    ];
    expect([...subtree(goals, "g1")].sort()).toEqual(["g1", "g11"]);
    expect(subtree(goals, "elsewhere").size).toBe(0);

    const data: LoopData = {
      goals,
      lessons: [
        { id: "a", publishedAt: at("2025-01-10T10:00:00Z"), goalIds: ["g11"] },
        { id: "b", publishedAt: at("2026-01-10T10:00:00Z"), goalIds: ["g2"] },
      ],
      calls: [
        { id: "c1", goalIds: ["g11"], date: at("2025-03-01T10:00:00Z"), hasBrief: true, appliesLessons: true },
        { id: "c2", goalIds: ["g1"], date: at("2026-03-01T10:00:00Z"), hasBrief: true, appliesLessons: true },
        { id: "c3", goalIds: ["g2"], date: at("2026-03-01T10:00:00Z"), hasBrief: false, appliesLessons: false },
      ],
      applications: [
        { callId: "c1", lessonId: "a", appliedAt: at("2025-01-20T10:00:00Z"), lessonPublishedAt: at("2025-01-10T10:00:00Z") },
        { callId: "c2", lessonId: "a", appliedAt: at("2026-02-01T10:00:00Z"), lessonPublishedAt: at("2025-01-10T10:00:00Z") },
        { callId: "c2", lessonId: "shared", appliedAt: at("2026-02-05T10:00:00Z"), lessonPublishedAt: at("2026-02-01T10:00:00Z") },
      ],
      projects: [
        { id: "p1", callId: "c1", decisionDate: at("2025-06-01T10:00:00Z"), amountOre: 150n, expected: [], realised: [] },
        { id: "p2", callId: "c3", decisionDate: at("2026-06-01T10:00:00Z"), amountOre: 999n, expected: [], realised: [] },
      ],
    };
    expect(countFigures(select(data, { goalIds: subtree(goals, "g1"), year: null }))).toEqual({
      published: 1,
      applied: 2,
      medianDays: 7, // a: 10 days to its first application, shared: 4
      callsWithBrief: 2,
      callsWithoutBrief: 0,
      moneyOre: "150",
      projects: 1,
    });
    // In 2026 lesson a counts again (applied in c2), still with the days to its first application in 2025.
    expect(countFigures(select(data, { goalIds: subtree(goals, "g1"), year: 2026 }))).toMatchObject({ published: 0, applied: 2, medianDays: 7, moneyOre: "0" });
    expect(countFigures(select(data, { goalIds: subtree(goals, "g2"), year: null }))).toMatchObject({ published: 1, applied: 0, medianDays: null, callsWithoutBrief: 1, moneyOre: "0" });
  });

  it("sum expected and realised results per indicator, and per unit without one", () => {
    const groups = resultGroups([
      { id: "p1", callId: "c", decisionDate: null, amountOre: 0n, expected: [{ indicatorId: "i", unit: "ton", value: 100 }, { indicatorId: null, unit: "st", value: 5 }], realised: [{ indicatorId: "i", unit: "ton", value: 40 }] },
      { id: "p2", callId: "c", decisionDate: null, amountOre: 0n, expected: [{ indicatorId: null, unit: "st", value: 3 }], realised: [{ indicatorId: null, unit: "st", value: 1 }] },
    ]);
    expect(groups).toEqual([
      { key: "i:i", indicatorId: "i", unit: "ton", expected: 100, realised: 40, projectIds: ["p1"] },
      { key: "u:st", indicatorId: null, unit: "st", expected: 8, realised: 1, projectIds: ["p1", "p2"] },
    ]);
  });

  it("link each figure to its list", () => {
    expect(figureHref("nord", "applied", "g1", 2026)).toBe("/o/nord/dashboard/loop/applied?goal=g1&year=2026");
    expect(figureHref("nord", "projects", null, null, "u:st")).toBe("/o/nord/dashboard/loop/projects?result=u%3Ast");
  });
});
