import { db } from "~/db.server";
import { listStrategies, type GoalNode } from "~/goals/goals.server";
import {
  countFigures,
  resultGroups,
  resultKey,
  select,
  subtree,
  yearsWithData,
  type Figure,
  type LoopData,
  type LoopGoal,
  type Scope,
} from "./figures";

export type GoalRow = { id: string; code: string; name: string; depth: number; strategyId: string; strategy: string };

/**
 * Everything the figures are counted from, in five queries whatever the
 * number of goals: rows are then aggregated in memory.
 */
async function loadLoop(organisationId: string) {
  const [strategies, lessons, calls, projects] = await Promise.all([
    listStrategies(organisationId),
    db.lesson.findMany({
      where: { organisationId, status: "published", publishedAt: { not: null } },
      select: { id: true, publishedAt: true, goals: { select: { goalId: true } } },
    }),
    db.call.findMany({
      where: { organisationId },
      select: {
        id: true,
        opensOn: true,
        createdAt: true,
        goals: { select: { goalId: true } },
        // Shared lessons from other organisations count here too: the call is ours.
        assessments: { select: { lessonId: true, verdict: true, appliedAt: true, updatedAt: true, lesson: { select: { publishedAt: true } } } },
      },
    }),
    db.project.findMany({
      where: { organisationId, call: { organisationId } },
      select: {
        id: true,
        callId: true,
        decisionDate: true,
        decidedAmountOre: true,
        expectedResults: { select: { indicatorId: true, unit: true, targetValue: true } },
        realisedResults: { select: { indicatorId: true, unit: true, value: true } },
      },
    }),
  ]);

  const rows: GoalRow[] = [];
  const goals: LoopGoal[] = [];
  const walk = (nodes: GoalNode[], depth: number, parentId: string | null, strategy: { id: string; name: string }) => {
    for (const node of nodes) {
      rows.push({ id: node.id, code: node.code, name: node.name, depth, strategyId: strategy.id, strategy: strategy.name });
      goals.push({ id: node.id, parentId });
      walk(node.children, depth + 1, node.id, strategy);
    }
  };
  for (const s of strategies) walk(s.goals, 0, null, s);

  const data: LoopData = {
    goals,
    lessons: lessons.map((l) => ({ id: l.id, publishedAt: l.publishedAt!, goalIds: l.goals.map((g) => g.goalId) })),
    calls: calls.map((c) => ({
      id: c.id,
      goalIds: c.goals.map((g) => g.goalId),
      date: c.opensOn ?? c.createdAt,
      hasBrief: c.assessments.length > 0,
      appliesLessons: c.assessments.some((a) => a.verdict === "applied"),
    })),
    applications: calls.flatMap((c) =>
      c.assessments
        .filter((a) => a.verdict === "applied")
        // appliedAt is set whenever a lesson is marked applied; updatedAt only guards older rows.
        .map((a) => ({ callId: c.id, lessonId: a.lessonId, appliedAt: a.appliedAt ?? a.updatedAt, lessonPublishedAt: a.lesson.publishedAt })),
    ),
    projects: projects.map((p) => ({
      id: p.id,
      callId: p.callId!,
      decisionDate: p.decisionDate,
      amountOre: p.decidedAmountOre,
      expected: p.expectedResults.map((r) => ({ indicatorId: r.indicatorId, unit: r.unit, value: r.targetValue })),
      realised: p.realisedResults.map((r) => ({ indicatorId: r.indicatorId, unit: r.unit, value: r.value })),
    })),
  };
  return { rows, data };
}

/** The page: one row per goal, the organisation's total, one row per year, and the projects' results. */
export async function loopOverview(organisationId: string, year: number | null) {
  const { rows, data } = await loadLoop(organisationId);
  const total = select(data, { goalIds: null, year });
  const indicatorIds = [...new Set(data.projects.flatMap((p) => [...p.expected, ...p.realised].flatMap((r) => (r.indicatorId ? [r.indicatorId] : []))))];
  const indicators = new Map(
    (await db.indicator.findMany({ where: { organisationId, id: { in: indicatorIds } }, select: { id: true, name: true, unit: true } })).map((i) => [i.id, i]),
  );
  const results = resultGroups(total.projects)
    .map((g) => {
      const indicator = g.indicatorId ? indicators.get(g.indicatorId) : undefined;
      return { key: g.key, name: indicator?.name ?? null, unit: indicator?.unit || g.unit, expected: g.expected, realised: g.realised, projects: g.projectIds.length };
    })
    // Indicators by name first, then the results without one, by unit.
    .sort((a, b) => (a.name === null ? 1 : 0) - (b.name === null ? 1 : 0) || (a.name ?? a.unit).localeCompare(b.name ?? b.unit, "sv"));
  return {
    goals: rows.map((row) => ({ ...row, figures: countFigures(select(data, { goalIds: subtree(data.goals, row.id), year })) })),
    total: countFigures(total),
    years: yearsWithData(data).map((y) => ({ year: y, figures: countFigures(select(data, { goalIds: null, year: y })) })),
    results,
    hasCalls: data.calls.length > 0,
  };
}

export type FigureQuery = { figure: Figure; goalId: string | null; year: number | null; result: string | null };

/** The items behind one figure, with what the list shows of them; null for a goal outside the organisation. */
export async function loopFigureList(organisationId: string, query: FigureQuery) {
  const { rows, data } = await loadLoop(organisationId);
  const goal = query.goalId ? rows.find((r) => r.id === query.goalId) : null;
  if (goal === undefined) return null;
  const scope: Scope = { goalIds: goal ? subtree(data.goals, goal.id) : null, year: query.year };
  const selection = select(data, scope);
  const context = { goal, year: query.year };

  switch (query.figure) {
    case "published": {
      const lessons = await lessonDetails(selection.published.map((l) => l.id));
      return { ...context, kind: "lessons" as const, lessons: lessons.map((l) => ({ ...l, applications: [], days: null })) };
    }
    case "applied":
    case "days": {
      const ids = query.figure === "days" ? selection.days.map((d) => d.lessonId) : selection.appliedLessonIds;
      const [lessons, calls] = await Promise.all([
        lessonDetails(ids),
        callTitles([...selection.applications.map((a) => a.callId), ...selection.days.map((d) => d.firstCallId)]),
      ]);
      const days = new Map(selection.days.map((d) => [d.lessonId, d]));
      return {
        ...context,
        kind: "lessons" as const,
        lessons: lessons.map((l) => {
          const first = days.get(l.id);
          return {
            ...l,
            // For "applied": the applications that count here; for "days": the first one, wherever it was.
            applications:
              query.figure === "applied"
                ? selection.applications
                    .filter((a) => a.lessonId === l.id)
                    .sort((a, b) => a.appliedAt.getTime() - b.appliedAt.getTime())
                    .map((a) => ({ callId: a.callId, callTitle: calls.get(a.callId) ?? "", appliedAt: a.appliedAt }))
                : first
                  ? [{ callId: first.firstCallId, callTitle: calls.get(first.firstCallId) ?? "", appliedAt: first.firstAppliedAt }]
                  : [],
            days: first?.days ?? null,
          };
        }),
      };
    }
    case "calls-with-brief":
    case "calls-without-brief": {
      const ids = (query.figure === "calls-with-brief" ? selection.callsWithBrief : selection.callsWithoutBrief).map((c) => c.id);
      const calls = await db.call.findMany({
        where: { organisationId, id: { in: ids } },
        orderBy: [{ opensOn: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
        select: { id: true, title: true, status: true, opensOn: true, createdAt: true, assessments: { select: { verdict: true } } },
      });
      return {
        ...context,
        kind: "calls" as const,
        calls: calls.map(({ assessments, ...c }) => ({ ...c, assessed: assessments.length, applied: assessments.filter((a) => a.verdict === "applied").length })),
      };
    }
    case "money":
    case "projects": {
      const chosen = query.result ? selection.projects.filter((p) => [...p.expected, ...p.realised].some((r) => resultKey(r) === query.result)) : selection.projects;
      const sums = new Map(chosen.map((p) => [p.id, resultGroups([p]).find((g) => g.key === query.result)]));
      const projects = await db.project.findMany({
        where: { organisationId, id: { in: chosen.map((p) => p.id) } },
        orderBy: [{ decisionDate: { sort: "desc", nulls: "last" } }, { caseNumber: "asc" }],
        select: { id: true, caseNumber: true, name: true, decisionDate: true, decidedAmountOre: true, call: { select: { id: true, title: true } } },
      });
      return {
        ...context,
        kind: "projects" as const,
        result: query.result ? await resultLabel(organisationId, query.result) : null,
        sumOre: chosen.reduce((sum, p) => sum + p.amountOre, 0n).toString(),
        projects: projects.map((p) => ({
          ...p,
          decidedAmountOre: p.decidedAmountOre.toString(),
          expected: sums.get(p.id)?.expected ?? null,
          realised: sums.get(p.id)?.realised ?? null,
        })),
      };
    }
  }
}

// Lessons may come from other organisations (shared ones assessed in our calls); ids come from our own calls.
function lessonDetails(ids: string[]) {
  return db.lesson.findMany({
    where: { id: { in: ids } },
    orderBy: [{ publishedAt: { sort: "desc", nulls: "last" } }, { title: "asc" }],
    select: { id: true, title: true, publishedAt: true, organisation: { select: { name: true } } },
  });
}

async function callTitles(ids: string[]) {
  const calls = await db.call.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, title: true } });
  return new Map(calls.map((c) => [c.id, c.title]));
}

/** "Indicator (unit)" or, for results without an indicator, just the unit. */
async function resultLabel(organisationId: string, key: string) {
  if (key.startsWith("u:")) return { name: null, unit: key.slice(2) };
  const indicator = await db.indicator.findFirst({ where: { id: key.slice(2), organisationId }, select: { name: true, unit: true } });
  return { name: indicator?.name ?? "", unit: indicator?.unit ?? "" };
}
