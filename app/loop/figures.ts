import { formatDate } from "~/i18n/i18n";

// The pure part of "the loop in numbers": which items a figure counts for a
// goal (with its sub-goals) and a year. The rules are written down in
// docs/decisions/0010-learning-loop-figures.md and on the page itself.

export const FIGURES = ["published", "applied", "days", "calls-with-brief", "calls-without-brief", "money", "projects"] as const;
export type Figure = (typeof FIGURES)[number];

export type LoopGoal = { id: string; parentId: string | null };
/** One of the organisation's own published lessons. */
export type LoopLesson = { id: string; publishedAt: Date; goalIds: string[] };
/** One of the organisation's calls; `date` is when it opens, else when it was created. */
export type LoopCall = { id: string; goalIds: string[]; date: Date; hasBrief: boolean; appliesLessons: boolean };
/** A lesson (own or shared) currently marked applied in one of the organisation's calls. */
export type LoopApplication = { callId: string; lessonId: string; appliedAt: Date; lessonPublishedAt: Date | null };
export type LoopResult = { indicatorId: string | null; unit: string; value: number };
/** A project funded under one of the organisation's calls. */
export type LoopProject = {
  id: string;
  callId: string;
  decisionDate: Date | null;
  amountOre: bigint;
  expected: LoopResult[];
  realised: LoopResult[];
};
export type LoopData = {
  goals: LoopGoal[];
  lessons: LoopLesson[];
  calls: LoopCall[];
  applications: LoopApplication[];
  projects: LoopProject[];
};

/** Which goals (null: the whole organisation) and which year (null: all years). */
export type Scope = { goalIds: ReadonlySet<string> | null; year: number | null };

/** The year of a date in Stockholm, the same year the page shows next to the date. */
export function yearOf(date: Date): number {
  return Number(formatDate(date).slice(0, 4));
}

/** The address of the list behind a figure; `result` narrows projects to one indicator's (or unit's) results. */
export function figureHref(slug: string, figure: Figure, goalId: string | null, year: number | null, result?: string) {
  const query = new URLSearchParams();
  if (goalId) query.set("goal", goalId);
  if (year) query.set("year", String(year));
  if (result) query.set("result", result);
  const qs = query.toString();
  return `/o/${slug}/dashboard/loop/${figure}${qs ? `?${qs}` : ""}`;
}

/** Whole calendar days (Stockholm) from one date to a later one. */
export function daysBetween(from: Date, to: Date): number {
  return Math.round((Date.parse(formatDate(to)) - Date.parse(formatDate(from))) / 86_400_000);
}

/** The middle value; the mean of the two middle values for an even count; null when empty. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The goal and every goal below it. */
export function subtree(goals: LoopGoal[], goalId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const g of goals) if (g.parentId) children.set(g.parentId, [...(children.get(g.parentId) ?? []), g.id]);
  const out = new Set<string>();
  const stack = goals.some((g) => g.id === goalId) ? [goalId] : [];
  while (stack.length) {
    const id = stack.pop()!;
    out.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

const touches = (goalIds: string[], scope: Scope) => scope.goalIds === null || goalIds.some((id) => scope.goalIds!.has(id));
const inYear = (date: Date | null, scope: Scope) => scope.year === null || (date !== null && yearOf(date) === scope.year);

export type LessonDays = { lessonId: string; firstAppliedAt: Date; firstCallId: string; days: number };

/** The items behind every figure of one scope. */
export function select(data: LoopData, scope: Scope) {
  const callsOnGoal = data.calls.filter((c) => touches(c.goalIds, scope));
  const callIdsOnGoal = new Set(callsOnGoal.map((c) => c.id));

  const published = data.lessons.filter((l) => touches(l.goalIds, scope) && inYear(l.publishedAt, scope));

  const applications = data.applications.filter((a) => callIdsOnGoal.has(a.callId) && inYear(a.appliedAt, scope));
  const appliedLessonIds = [...new Set(applications.map((a) => a.lessonId))];

  // "First application" looks at all the organisation's calls, not only those on the goal.
  const first = new Map<string, LoopApplication>();
  for (const a of data.applications) {
    const seen = first.get(a.lessonId);
    if (!seen || a.appliedAt < seen.appliedAt) first.set(a.lessonId, a);
  }
  const days: LessonDays[] = [];
  for (const lessonId of appliedLessonIds) {
    const a = first.get(lessonId)!;
    if (a.lessonPublishedAt) days.push({ lessonId, firstAppliedAt: a.appliedAt, firstCallId: a.callId, days: daysBetween(a.lessonPublishedAt, a.appliedAt) });
  }

  const calls = callsOnGoal.filter((c) => inYear(c.date, scope));
  const applyingCallIds = new Set(callsOnGoal.filter((c) => c.appliesLessons).map((c) => c.id));
  const projects = data.projects.filter((p) => applyingCallIds.has(p.callId) && inYear(p.decisionDate, scope));

  return {
    published,
    applications,
    appliedLessonIds,
    days,
    callsWithBrief: calls.filter((c) => c.hasBrief),
    callsWithoutBrief: calls.filter((c) => !c.hasBrief),
    projects,
  };
}
export type Selection = ReturnType<typeof select>;

export type LoopFigures = {
  published: number;
  applied: number;
  medianDays: number | null;
  callsWithBrief: number;
  callsWithoutBrief: number;
  /** Öre as a string: JSON has no bigint. */
  moneyOre: string;
  projects: number;
};

export function countFigures(selection: Selection): LoopFigures {
  return {
    published: selection.published.length,
    applied: selection.appliedLessonIds.length,
    medianDays: median(selection.days.map((d) => d.days)),
    callsWithBrief: selection.callsWithBrief.length,
    callsWithoutBrief: selection.callsWithoutBrief.length,
    moneyOre: selection.projects.reduce((sum, p) => sum + p.amountOre, 0n).toString(),
    projects: selection.projects.length,
  };
}

/** Every year that has something to count, oldest first. */
export function yearsWithData(data: LoopData): number[] {
  const years = new Set<number>();
  for (const l of data.lessons) years.add(yearOf(l.publishedAt));
  for (const a of data.applications) years.add(yearOf(a.appliedAt));
  for (const c of data.calls) years.add(yearOf(c.date));
  for (const p of data.projects) if (p.decisionDate) years.add(yearOf(p.decisionDate));
  return [...years].sort((a, b) => a - b);
}

/** Results without an indicator are grouped by their unit. */
export const resultKey = (r: { indicatorId: string | null; unit: string }) => (r.indicatorId ? `i:${r.indicatorId}` : `u:${r.unit}`);

export type ResultGroup = { key: string; indicatorId: string | null; unit: string; expected: number; realised: number; projectIds: string[] };

/** Expected against realised results of the projects, per indicator (or unit). */
export function resultGroups(projects: LoopProject[]): ResultGroup[] {
  const groups = new Map<string, ResultGroup & { projects: Set<string> }>();
  const group = (r: LoopResult) => {
    const key = resultKey(r);
    let g = groups.get(key);
    if (!g) {
      g = { key, indicatorId: r.indicatorId, unit: r.unit, expected: 0, realised: 0, projectIds: [], projects: new Set() };
      groups.set(key, g);
    }
    return g;
  };
  for (const p of projects) {
    for (const r of p.expected) {
      const g = group(r);
      g.expected += r.value;
      g.projects.add(p.id);
    }
    for (const r of p.realised) {
      const g = group(r);
      g.realised += r.value;
      g.projects.add(p.id);
    }
  }
  return [...groups.values()].map(({ projects: ids, ...g }) => ({ ...g, projectIds: [...ids] }));
}
