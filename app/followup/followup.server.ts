import { db } from "~/db.server";
import { listStrategies, type GoalNode } from "~/goals/goals.server";
import { listDimensions } from "~/goals/tags.server";
import { SUPPORT_TYPES } from "~/projects/options";
import { NONE } from "./format";
import { indicatorGap, lineValue } from "./indicator-gap";

export { indicatorGap } from "./indicator-gap";

/**
 * One row of a "decided funds by …" table. `labelKey` names a fixed text
 * (a support type, "not tagged to a goal") to translate; otherwise `label`
 * is the goal's, tag's or call's own name. Money travels as strings of öre.
 */
export type FundsRow = {
  key: string;
  label: string;
  labelKey?: string;
  code?: string;
  depth: number;
  group?: string;
  count: number;
  sumOre: string;
};

export type ResultRow = {
  key: string;
  goal: string;
  indicator: string;
  unit: string;
  expected: number;
  realised: number;
  /** Realised as a share of expected; null when nothing was expected. */
  share: number | null;
  projects: number;
};

export type FollowupFilters = { year?: number; dimension?: string };

type ProjectFacts = {
  id: string;
  decidedAmountOre: bigint;
  supportType: string;
  decisionDate: Date | null;
  callId: string | null;
  goals: { goalId: string }[];
  tags: { tagId: string }[];
};

/** A count of projects and their decided amount, each project added at most once. */
class Tally {
  private ids = new Set<string>();
  private sum = 0n;
  add(project: ProjectFacts) {
    if (this.ids.has(project.id)) return;
    this.ids.add(project.id);
    this.sum += project.decidedAmountOre;
  }
  row(fields: Omit<FundsRow, "count" | "sumOre" | "depth"> & { depth?: number }): FundsRow {
    return { depth: 0, ...fields, count: this.ids.size, sumOre: this.sum.toString() };
  }
}

const decisionYear = (p: { decisionDate: Date | null }) => p.decisionDate?.getUTCFullYear() ?? null;
// Floating-point sums (0,1 + 0,2) are shown as the numbers people typed.
const tidy = (value: number) => Math.round(value * 1e6) / 1e6;

/** The goal trees flattened depth-first, with each goal's parent and strategy. */
async function flatGoals(organisationId: string) {
  const out: { id: string; code: string; name: string; depth: number; parentId: string | null; strategy: string }[] = [];
  const walk = (nodes: GoalNode[], depth: number, parentId: string | null, strategy: string) => {
    for (const node of nodes) {
      out.push({ id: node.id, code: node.code, name: node.name, depth, parentId, strategy });
      walk(node.children, depth + 1, node.id, strategy);
    }
  };
  for (const strategy of await listStrategies(organisationId)) walk(strategy.goals, 0, null, strategy.name);
  return out;
}

function fundsByGoal(projects: ProjectFacts[], goals: Awaited<ReturnType<typeof flatGoals>>): FundsRow[] {
  const parent = new Map(goals.map((g) => [g.id, g.parentId]));
  const tallies = new Map(goals.map((g) => [g.id, new Tally()]));
  const none = new Tally();
  for (const project of projects) {
    const own = project.goals.filter((g) => tallies.has(g.goalId));
    if (own.length === 0) none.add(project);
    // A project on a sub-goal counts for every goal above it too, once per goal.
    for (const { goalId } of own) {
      for (let id: string | null | undefined = goalId; id; id = parent.get(id)) tallies.get(id)?.add(project);
    }
  }
  return [
    ...goals.map((g) => tallies.get(g.id)!.row({ key: g.id, label: g.name, code: g.code, depth: g.depth, group: g.strategy })),
    none.row({ key: NONE, label: "", labelKey: "dashboard.noGoal" }),
  ];
}

function fundsByTag(projects: ProjectFacts[], tags: { id: string; name: string }[]): FundsRow[] {
  const tallies = new Map(tags.map((t) => [t.id, new Tally()]));
  const none = new Tally();
  for (const project of projects) {
    const own = project.tags.filter((t) => tallies.has(t.tagId));
    if (own.length === 0) none.add(project);
    for (const { tagId } of own) tallies.get(tagId)!.add(project);
  }
  return [...tags.map((t) => tallies.get(t.id)!.row({ key: t.id, label: t.name })), none.row({ key: NONE, label: "", labelKey: "dashboard.noTag" })];
}

function fundsBySupportType(projects: ProjectFacts[]): FundsRow[] {
  const tallies = new Map<string, Tally>(SUPPORT_TYPES.map((s) => [s, new Tally()]));
  for (const project of projects) {
    if (!tallies.has(project.supportType)) tallies.set(project.supportType, new Tally());
    tallies.get(project.supportType)!.add(project);
  }
  return [...tallies].map(([type, tally]) =>
    (SUPPORT_TYPES as readonly string[]).includes(type)
      ? tally.row({ key: type, label: "", labelKey: `projects.supportTypes.${type}` })
      : tally.row({ key: type, label: type }),
  );
}

/** Every year from the first decision to the last, empty years included so that gaps show. */
function fundsByYear(projects: ProjectFacts[]): FundsRow[] {
  const tallies = new Map<number, Tally>();
  const none = new Tally();
  for (const project of projects) {
    const year = decisionYear(project);
    if (year === null) {
      none.add(project);
      continue;
    }
    if (!tallies.has(year)) tallies.set(year, new Tally());
    tallies.get(year)!.add(project);
  }
  const years = [...tallies.keys()];
  const rows: FundsRow[] = [];
  for (let year = Math.min(...years); year <= Math.max(...years); year++) {
    rows.push((tallies.get(year) ?? new Tally()).row({ key: String(year), label: String(year) }));
  }
  const noDate = none.row({ key: NONE, label: "", labelKey: "dashboard.noDecisionDate" });
  return noDate.count ? [...rows, noDate] : rows;
}

function fundsByCall(projects: ProjectFacts[], calls: { id: string; title: string }[]): FundsRow[] {
  const tallies = new Map(calls.map((c) => [c.id, new Tally()]));
  const none = new Tally();
  for (const project of projects) {
    const tally = project.callId ? tallies.get(project.callId) : undefined;
    (tally ?? none).add(project);
  }
  return [...calls.map((c) => tallies.get(c.id)!.row({ key: c.id, label: c.title })), none.row({ key: NONE, label: "", labelKey: "dashboard.noCall" })];
}

const goalLabel = (goal: { code: string; name: string }) => `${goal.code ? `${goal.code} ` : ""}${goal.name}`;

/**
 * Expected against realised results per indicator. Results in different units
 * are not added up: an indicator reported in two units gets two rows. Results
 * not linked to an indicator are only counted, since their sums would mean nothing.
 */
async function resultsByIndicator(organisationId: string, year: number | undefined, goalOrder: Map<string, number>) {
  const where = { project: { organisationId, ...decisionYearWhere(year) } };
  const indicator = { select: { name: true, unit: true, organisationId: true, goal: { select: { id: true, code: true, name: true } } } };
  const [expected, realised] = await Promise.all([
    db.expectedResult.findMany({ where, select: { projectId: true, indicatorId: true, targetValue: true, unit: true, indicator } }),
    db.realisedResult.findMany({ where, select: { projectId: true, indicatorId: true, value: true, unit: true, indicator } }),
  ]);
  type Acc = Omit<ResultRow, "share" | "projects"> & { projectIds: Set<string>; order: number };
  const rows = new Map<string, Acc>();
  let unlinked = 0;
  const entries = [
    ...expected.map((r) => ({ ...r, expected: r.targetValue, realised: 0 })),
    ...realised.map((r) => ({ ...r, expected: 0, realised: r.value })),
  ];
  for (const entry of entries) {
    if (!entry.indicator || entry.indicator.organisationId !== organisationId) {
      unlinked++;
      continue;
    }
    const unit = entry.unit.trim() || entry.indicator.unit;
    const key = `${entry.indicatorId}|${unit}`;
    let row = rows.get(key);
    if (!row) {
      row = {
        key,
        goal: goalLabel(entry.indicator.goal),
        indicator: entry.indicator.name,
        unit,
        expected: 0,
        realised: 0,
        projectIds: new Set(),
        order: goalOrder.get(entry.indicator.goal.id) ?? Number.MAX_SAFE_INTEGER,
      };
      rows.set(key, row);
    }
    row.expected += entry.expected;
    row.realised += entry.realised;
    row.projectIds.add(entry.projectId);
  }
  const sorted = [...rows.values()].sort(
    (a, b) => a.order - b.order || a.indicator.localeCompare(b.indicator, "sv") || a.unit.localeCompare(b.unit, "sv"),
  );
  return {
    rows: sorted.map(({ projectIds, order: _order, ...row }): ResultRow => ({
      ...row,
      expected: tidy(row.expected),
      realised: tidy(row.realised),
      share: row.expected > 0 ? row.realised / row.expected : null,
      projects: projectIds.size,
    })),
    unlinked,
  };
}

/** Society-level indicators with their series, in goal order, each with the straight line and whether it is behind. */
async function societyIndicators(organisationId: string, goalOrder: Map<string, number>) {
  const indicators = await db.indicator.findMany({
    where: { organisationId },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      unit: true,
      source: true,
      baselineValue: true,
      baselineYear: true,
      targetValue: true,
      targetYear: true,
      goal: { select: { id: true, code: true, name: true } },
      values: { orderBy: { year: "asc" }, select: { year: true, value: true } },
    },
  });
  return indicators
    .map(({ goal, values, ...indicator }) => ({
      ...indicator,
      goal: goalLabel(goal),
      goalId: goal.id,
      values: values.map((v) => ({ ...v, line: lineValue(indicator, v.year) })),
      gap: indicatorGap({ ...indicator, values }),
      order: goalOrder.get(goal.id) ?? Number.MAX_SAFE_INTEGER,
    }))
    .sort((a, b) => a.order - b.order)
    .map(({ order: _order, ...indicator }) => indicator);
}

function decisionYearWhere(year: number | undefined) {
  return year ? { decisionDate: { gte: new Date(Date.UTC(year, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) } } : {};
}

/**
 * Everything the follow-up dashboard shows for one organisation. The year
 * (of the decision) narrows every table except "by year" and the
 * society-level indicators, which are about the region, not the projects.
 */
export async function followupDashboard(organisationId: string, filters: FollowupFilters = {}) {
  const [allProjects, goals, dimensions, calls] = await Promise.all([
    db.project.findMany({
      where: { organisationId },
      select: {
        id: true,
        decidedAmountOre: true,
        supportType: true,
        decisionDate: true,
        callId: true,
        goals: { select: { goalId: true } },
        tags: { select: { tagId: true } },
      },
    }),
    flatGoals(organisationId),
    listDimensions(organisationId),
    db.call.findMany({
      where: { organisationId },
      orderBy: [{ opensOn: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
      select: { id: true, title: true },
    }),
  ]);
  const projects = filters.year ? allProjects.filter((p) => decisionYear(p) === filters.year) : allProjects;
  const goalOrder = new Map(goals.map((g, i) => [g.id, i]));

  // The dimension asked for, else the first one that any project is tagged in.
  const taggedIds = new Set(allProjects.flatMap((p) => p.tags.map((t) => t.tagId)));
  const dimension =
    dimensions.find((d) => d.key === filters.dimension) ??
    dimensions.find((d) => d.tags.some((t) => taggedIds.has(t.id))) ??
    dimensions[0];

  const total = new Tally();
  for (const project of projects) total.add(project);
  const [results, indicators] = await Promise.all([
    resultsByIndicator(organisationId, filters.year, goalOrder),
    societyIndicators(organisationId, goalOrder),
  ]);

  return {
    year: filters.year ?? null,
    yearOptions: [...new Set(allProjects.map(decisionYear).filter((y): y is number => y !== null))].sort((a, b) => b - a),
    total: total.row({ key: "total", label: "" }),
    goals: fundsByGoal(projects, goals),
    dimensions: dimensions.map((d) => ({ key: d.key, name: d.name })),
    dimension: dimension ? { key: dimension.key, name: dimension.name, rows: fundsByTag(projects, dimension.tags) } : null,
    support: fundsBySupportType(projects),
    years: fundsByYear(allProjects),
    calls: fundsByCall(projects, calls),
    results,
    indicators,
  };
}

export type FollowupDashboard = Awaited<ReturnType<typeof followupDashboard>>;
