import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/db.server";

/**
 * The public results page and its open data: what an organisation that has
 * opted in shows everyone, signed in or not. Everything here is aggregated
 * (no single project, beneficiary or staff member is named) except the
 * lessons its staff have published for the public.
 */

export type PublicOrganisation = { id: string; slug: string; name: string };

/** Money as öre in a string: BigInt does not survive JSON, and öre keep it exact. */
export type Money = { ore: string };

export type FundsByGoalRow = {
  strategy: { id: string; name: string };
  goal: { id: string; code: string; name: string };
  projectCount: number;
  decided: Money;
};

export type FundsByYearRow = {
  /** The year of the funding decision; null for projects without a decision date. */
  year: number | null;
  projectCount: number;
  decided: Money;
  projectSupport: Money;
  companySupport: Money;
};

export type ResultRow = {
  indicator: { id: string; name: string; goalCode: string; goalName: string };
  unit: string;
  expected: number;
  realised: number;
  projectCount: number;
};

type YearValue = { value: number; year: number | null };

export type IndicatorRow = {
  id: string;
  name: string;
  unit: string;
  goal: { id: string; code: string; name: string };
  baseline: YearValue | null;
  latest: YearValue | null;
  target: YearValue | null;
  source: string;
};

export type PublicLessonSummary = {
  id: string;
  title: string;
  whatWeLearned: string;
  publishedAt: string;
  goals: { code: string; name: string }[];
};

export type PublicResults = {
  organisation: PublicOrganisation;
  generatedAt: string;
  totals: { projectCount: number; decided: Money; withoutGoal: { projectCount: number; decided: Money } };
  fundsByGoal: FundsByGoalRow[];
  fundsByYear: FundsByYearRow[];
  results: ResultRow[];
  /** Project results not tied to an indicator: they cannot be summed with anything, so only counted. */
  resultsWithoutIndicator: number;
  indicators: IndicatorRow[];
  lessons: PublicLessonSummary[];
};

/** The setting as the organisation's admins see it. */
export async function publicResultsEnabled(organisationId: string): Promise<boolean> {
  const organisation = await db.organisation.findUnique({ where: { id: organisationId }, select: { publicResults: true } });
  return organisation?.publicResults ?? false;
}

/** Opt in or out; opting out hides the page, the CSV files and the API at once. */
export async function setPublicResults(organisationId: string, enabled: boolean): Promise<void> {
  await db.organisation.update({ where: { id: organisationId }, data: { publicResults: enabled } });
}

/** The organisation behind /results/<slug>, only if it has opted in: otherwise it is as if it did not exist. */
export function findPublishingOrganisation(slug: string): Promise<PublicOrganisation | null> {
  return db.organisation.findFirst({
    where: { slug, publicResults: true },
    select: { id: true, slug: true, name: true },
  });
}

/** The only lessons the public may read: published, and marked public by the organisation. */
function publicLessonWhere(organisationId: string): Prisma.LessonWhereInput {
  return { organisationId, status: "published", visibility: "public" };
}

const money = (ore: bigint): Money => ({ ore: ore.toString() });

// Sums of decimal values drift (0.1 + 0.2); six decimals is more than any indicator needs.
const tidy = (value: number) => Math.round(value * 1e6) / 1e6;

type GoalRow = { id: string; strategyId: string; parentId: string | null; code: string; name: string };

/** Goals in reading order (each strategy's tree, depth first), and each goal's top-level ancestor. */
function goalTree(strategies: { id: string }[], goals: GoalRow[]) {
  const byId = new Map(goals.map((g) => [g.id, g]));
  const children = new Map<string | null, GoalRow[]>();
  for (const goal of goals) {
    const parentKey = goal.parentId && byId.has(goal.parentId) ? goal.parentId : null;
    children.set(parentKey, [...(children.get(parentKey) ?? []), goal]);
  }
  const ordered: GoalRow[] = [];
  const walk = (nodes: GoalRow[]) => {
    for (const node of nodes) {
      ordered.push(node);
      walk(children.get(node.id) ?? []);
    }
  };
  const tops = strategies.flatMap((strategy) => (children.get(null) ?? []).filter((g) => g.strategyId === strategy.id));
  walk(tops);
  const order = new Map(ordered.map((g, index) => [g.id, index]));

  const topOf = (goalId: string): GoalRow | undefined => {
    let goal = byId.get(goalId);
    // The depth bound guards against a (corrupt) cycle in the tree.
    for (let depth = 0; goal?.parentId && byId.has(goal.parentId) && depth < goals.length; depth++) goal = byId.get(goal.parentId);
    return goal;
  };
  return { tops, order, topOf };
}

export async function publicResults(organisation: PublicOrganisation): Promise<PublicResults> {
  const organisationId = organisation.id;
  const [strategies, goals, projects, expected, realised, unlinkedExpected, unlinkedRealised, indicators, lessons] = await Promise.all([
    db.strategy.findMany({ where: { organisationId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: { id: true, name: true } }),
    db.goal.findMany({
      where: { organisationId },
      orderBy: [{ position: "asc" }, { code: "asc" }, { createdAt: "asc" }],
      select: { id: true, strategyId: true, parentId: true, code: true, name: true },
    }),
    db.project.findMany({
      where: { organisationId },
      select: { id: true, decidedAmountOre: true, decisionDate: true, supportType: true, goals: { select: { goalId: true } } },
    }),
    db.expectedResult.findMany({
      where: { project: { organisationId }, indicator: { organisationId } },
      select: { projectId: true, indicatorId: true, targetValue: true, unit: true },
    }),
    db.realisedResult.findMany({
      where: { project: { organisationId }, indicator: { organisationId } },
      select: { projectId: true, indicatorId: true, value: true, unit: true },
    }),
    db.expectedResult.count({ where: { project: { organisationId }, indicatorId: null } }),
    db.realisedResult.count({ where: { project: { organisationId }, indicatorId: null } }),
    db.indicator.findMany({
      where: { organisationId },
      orderBy: { name: "asc" },
      select: {
        id: true,
        name: true,
        unit: true,
        baselineValue: true,
        baselineYear: true,
        targetValue: true,
        targetYear: true,
        source: true,
        goal: { select: { id: true, code: true, name: true } },
        values: { orderBy: { year: "desc" }, take: 1, select: { year: true, value: true } },
      },
    }),
    db.lesson.findMany({
      where: publicLessonWhere(organisationId),
      orderBy: [{ publishedAt: "desc" }, { createdAt: "desc" }],
      select: {
        id: true,
        title: true,
        whatWeLearned: true,
        publishedAt: true,
        createdAt: true,
        goals: { select: { goal: { select: { id: true, code: true, name: true } } } },
      },
    }),
  ]);

  const tree = goalTree(strategies, goals);
  const strategyName = new Map(strategies.map((s) => [s.id, s.name]));
  const byGoalOrder = (a: { id: string }, b: { id: string }) => (tree.order.get(a.id) ?? 0) - (tree.order.get(b.id) ?? 0);

  // Money by top-level goal: a project counts once under each top-level goal any of its goals belongs to.
  const perTop = new Map<string, { projectCount: number; ore: bigint }>();
  let totalOre = 0n;
  const withoutGoal = { projectCount: 0, ore: 0n };
  const perYear = new Map<number | null, { projectCount: number; ore: bigint; project: bigint; company: bigint }>();
  for (const project of projects) {
    const amount = project.decidedAmountOre;
    totalOre += amount;
    const tops = new Set(project.goals.map((g) => tree.topOf(g.goalId)?.id).filter((id): id is string => Boolean(id)));
    if (tops.size === 0) {
      withoutGoal.projectCount += 1;
      withoutGoal.ore += amount;
    }
    for (const top of tops) {
      const row = perTop.get(top) ?? { projectCount: 0, ore: 0n };
      perTop.set(top, { projectCount: row.projectCount + 1, ore: row.ore + amount });
    }
    const year = project.decisionDate ? project.decisionDate.getUTCFullYear() : null;
    const row = perYear.get(year) ?? { projectCount: 0, ore: 0n, project: 0n, company: 0n };
    perYear.set(year, {
      projectCount: row.projectCount + 1,
      ore: row.ore + amount,
      project: row.project + (project.supportType === "project" ? amount : 0n),
      company: row.company + (project.supportType === "company" ? amount : 0n),
    });
  }

  const fundsByGoal: FundsByGoalRow[] = tree.tops.map((goal) => {
    const row = perTop.get(goal.id) ?? { projectCount: 0, ore: 0n };
    return {
      strategy: { id: goal.strategyId, name: strategyName.get(goal.strategyId) ?? "" },
      goal: { id: goal.id, code: goal.code, name: goal.name },
      projectCount: row.projectCount,
      decided: money(row.ore),
    };
  });

  const fundsByYear: FundsByYearRow[] = [...perYear.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a - b))
    .map(([year, row]) => ({
      year,
      projectCount: row.projectCount,
      decided: money(row.ore),
      projectSupport: money(row.project),
      companySupport: money(row.company),
    }));

  const indicatorById = new Map(indicators.map((i) => [i.id, i]));
  const sortedIndicators = [...indicators].sort((a, b) => byGoalOrder(a.goal, b.goal) || a.name.localeCompare(b.name, "sv"));

  // Expected and realised values are summed per indicator and unit: different units cannot be added up.
  const resultRows = new Map<string, { indicatorId: string; unit: string; expected: number; realised: number; projects: Set<string> }>();
  const addResult = (r: { projectId: string; indicatorId: string | null; unit: string }, kind: "expected" | "realised", value: number) => {
    const indicator = r.indicatorId ? indicatorById.get(r.indicatorId) : undefined;
    if (!indicator) return;
    const unit = r.unit || indicator.unit;
    const key = `${indicator.id}\u0000${unit}`;
    const row = resultRows.get(key) ?? { indicatorId: indicator.id, unit, expected: 0, realised: 0, projects: new Set<string>() };
    row[kind] += value;
    row.projects.add(r.projectId);
    resultRows.set(key, row);
  };
  for (const r of expected) addResult(r, "expected", r.targetValue);
  for (const r of realised) addResult(r, "realised", r.value);
  const indicatorOrder = new Map(sortedIndicators.map((i, index) => [i.id, index]));
  const results: ResultRow[] = [...resultRows.values()]
    .sort((a, b) => indicatorOrder.get(a.indicatorId)! - indicatorOrder.get(b.indicatorId)! || a.unit.localeCompare(b.unit, "sv"))
    .map((row) => {
      const indicator = indicatorById.get(row.indicatorId)!;
      return {
        indicator: { id: indicator.id, name: indicator.name, goalCode: indicator.goal.code, goalName: indicator.goal.name },
        unit: row.unit,
        expected: tidy(row.expected),
        realised: tidy(row.realised),
        projectCount: row.projects.size,
      };
    });

  return {
    organisation,
    generatedAt: new Date().toISOString(),
    totals: {
      projectCount: projects.length,
      decided: money(totalOre),
      withoutGoal: { projectCount: withoutGoal.projectCount, decided: money(withoutGoal.ore) },
    },
    fundsByGoal,
    fundsByYear,
    results,
    resultsWithoutIndicator: unlinkedExpected + unlinkedRealised,
    indicators: sortedIndicators.map((i) => ({
      id: i.id,
      name: i.name,
      unit: i.unit,
      goal: i.goal,
      baseline: i.baselineValue === null ? null : { value: i.baselineValue, year: i.baselineYear },
      latest: i.values[0] ? { value: i.values[0].value, year: i.values[0].year } : null,
      target: i.targetValue === null ? null : { value: i.targetValue, year: i.targetYear },
      source: i.source,
    })),
    lessons: lessons.map((l) => ({
      id: l.id,
      title: l.title,
      whatWeLearned: l.whatWeLearned,
      publishedAt: (l.publishedAt ?? l.createdAt).toISOString(),
      goals: l.goals
        .map((g) => g.goal)
        .sort(byGoalOrder)
        .map((g) => ({ code: g.code, name: g.name })),
    })),
  };
}

export type PublicLesson = NonNullable<Awaited<ReturnType<typeof findPublicLesson>>>;

/** One public lesson of an organisation that has opted in, without its author or anything internal. */
export async function findPublicLesson(organisationId: string, lessonId: string) {
  const lesson = await db.lesson.findFirst({
    where: { ...publicLessonWhere(organisationId), id: lessonId },
    select: {
      id: true,
      title: true,
      bodyHtml: true,
      context: true,
      whatHappened: true,
      whatWeLearned: true,
      recommendation: true,
      evidence: true,
      sourceType: true,
      publishedAt: true,
      createdAt: true,
      goals: { select: { goal: { select: { code: true, name: true } } } },
    },
  });
  if (!lesson) return null;
  const { createdAt, goals, ...rest } = lesson;
  return {
    ...rest,
    publishedAt: (lesson.publishedAt ?? createdAt).toISOString(),
    goals: goals
      .map((g) => g.goal)
      .sort((a, b) => a.code.localeCompare(b.code, "sv", { numeric: true }) || a.name.localeCompare(b.name, "sv"))
      .map((g) => ({ code: g.code, name: g.name })),
  };
}
