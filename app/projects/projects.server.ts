import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/db.server";
import { goalWithDescendants } from "~/goals/goals.server";
import { listLessons, type Viewer } from "~/lessons/lessons.server";

export type ProjectFilters = { goalId?: string; tagId?: string; status?: string; supportType?: string; year?: number };

export async function listProjects(organisationId: string, filters: ProjectFilters = {}, take = 200) {
  const and: Prisma.ProjectWhereInput[] = [{ organisationId }];
  if (filters.goalId) {
    const goalIds = await goalWithDescendants(organisationId, filters.goalId);
    and.push({ goals: { some: { goalId: { in: goalIds } } } });
  }
  if (filters.tagId) and.push({ tags: { some: { tagId: filters.tagId } } });
  if (filters.status) and.push({ status: filters.status });
  if (filters.supportType) and.push({ supportType: filters.supportType });
  if (filters.year) {
    and.push({ decisionDate: { gte: new Date(`${filters.year}-01-01T00:00:00Z`), lt: new Date(`${filters.year + 1}-01-01T00:00:00Z`) } });
  }
  const [projects, total] = await Promise.all([
    db.project.findMany({
      where: { AND: and },
      orderBy: [{ decisionDate: { sort: "desc", nulls: "last" } }, { caseNumber: "desc" }],
      take,
      select: {
        id: true,
        caseNumber: true,
        name: true,
        beneficiary: true,
        supportType: true,
        decidedAmountOre: true,
        decisionDate: true,
        status: true,
        statusLabel: true,
        _count: { select: { lessons: true } },
      },
    }),
    db.project.aggregate({ where: { AND: and }, _count: true, _sum: { decidedAmountOre: true } }),
  ]);
  return {
    // Money travels as strings of öre: JSON has no bigint.
    projects: projects.map((p) => ({ ...p, decidedAmountOre: p.decidedAmountOre.toString() })),
    count: total._count,
    sumOre: (total._sum.decidedAmountOre ?? 0n).toString(),
  };
}

export async function findProject(viewer: Viewer, projectId: string) {
  const project = await db.project.findFirst({
    where: { id: projectId, organisationId: viewer.organisationId },
    include: {
      call: { select: { id: true, title: true } },
      goals: { select: { goal: { select: { id: true, code: true, name: true } } } },
      tags: { select: { tag: { select: { id: true, name: true, dimension: { select: { name: true } } } } } },
      expectedResults: { include: { indicator: { select: { name: true, unit: true } } } },
      realisedResults: { orderBy: { date: "asc" }, include: { indicator: { select: { name: true, unit: true } } } },
      reports: { orderBy: { date: "asc" } },
    },
  });
  if (!project) return null;
  const lessonIds = (await db.lesson.findMany({ where: { projectId: project.id }, select: { id: true } })).map((l) => l.id);
  const lessons = lessonIds.length ? await listLessons(viewer, { ids: lessonIds }) : [];
  return {
    ...project,
    decidedAmountOre: project.decidedAmountOre.toString(),
    coFundingOre: project.coFundingOre.toString(),
    lessons,
  };
}

type Change = { ok: true } | { ok: false; error: "notFound" | "invalidLinks" };

async function ownProject(organisationId: string, projectId: string) {
  return db.project.findFirst({ where: { id: projectId, organisationId }, select: { id: true } });
}

/** Replace the goals, tags and call a project is linked to; all must be the organisation's own. */
export async function setProjectLinks(
  organisationId: string,
  projectId: string,
  goalIds: string[],
  tagIds: string[],
  callId: string | null,
): Promise<Change> {
  if (!(await ownProject(organisationId, projectId))) return { ok: false, error: "notFound" };
  const [goals, tags, calls] = await Promise.all([
    db.goal.count({ where: { organisationId, id: { in: goalIds } } }),
    db.tag.count({ where: { organisationId, id: { in: tagIds } } }),
    callId ? db.call.count({ where: { organisationId, id: callId } }) : Promise.resolve(1),
  ]);
  if (goals !== new Set(goalIds).size || tags !== new Set(tagIds).size || calls !== 1) return { ok: false, error: "invalidLinks" };
  await db.$transaction([
    db.project.update({ where: { id: projectId }, data: { callId } }),
    db.projectGoal.deleteMany({ where: { projectId } }),
    db.projectTag.deleteMany({ where: { projectId } }),
    db.projectGoal.createMany({ data: [...new Set(goalIds)].map((goalId) => ({ projectId, goalId })) }),
    db.projectTag.createMany({ data: [...new Set(tagIds)].map((tagId) => ({ projectId, tagId })) }),
  ]);
  return { ok: true };
}

async function indicatorIsOwn(organisationId: string, indicatorId: string | undefined) {
  return !indicatorId || (await db.indicator.count({ where: { id: indicatorId, organisationId } })) === 1;
}

export async function addExpectedResult(
  organisationId: string,
  projectId: string,
  input: { indicatorId?: string; description: string; targetValue: number; unit: string },
): Promise<Change> {
  if (!(await ownProject(organisationId, projectId))) return { ok: false, error: "notFound" };
  if (!(await indicatorIsOwn(organisationId, input.indicatorId))) return { ok: false, error: "invalidLinks" };
  await db.expectedResult.create({ data: { projectId, ...input, indicatorId: input.indicatorId || null } });
  return { ok: true };
}

export async function addRealisedResult(
  organisationId: string,
  projectId: string,
  input: { indicatorId?: string; description: string; value: number; unit: string; date: Date; sourceReport: string },
): Promise<Change> {
  if (!(await ownProject(organisationId, projectId))) return { ok: false, error: "notFound" };
  if (!(await indicatorIsOwn(organisationId, input.indicatorId))) return { ok: false, error: "invalidLinks" };
  await db.realisedResult.create({ data: { projectId, ...input, indicatorId: input.indicatorId || null } });
  return { ok: true };
}

export async function addReport(organisationId: string, projectId: string, input: { type: string; date: Date; summary: string }): Promise<Change> {
  if (!(await ownProject(organisationId, projectId))) return { ok: false, error: "notFound" };
  await db.projectReport.create({ data: { projectId, ...input } });
  return { ok: true };
}

/** What an admin can link a project to: goals, tags and the organisation's indicators. */
export async function projectEditOptions(organisationId: string) {
  const [dimensions, indicators, calls] = await Promise.all([
    db.tagDimension.findMany({
      where: { organisationId },
      orderBy: { position: "asc" },
      select: { id: true, name: true, tags: { orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true, name: true } } },
    }),
    db.indicator.findMany({ where: { organisationId }, orderBy: { name: "asc" }, select: { id: true, name: true, unit: true } }),
    db.call.findMany({ where: { organisationId }, orderBy: { createdAt: "desc" }, select: { id: true, title: true } }),
  ]);
  return { dimensions: dimensions.filter((d) => d.tags.length), indicators, calls };
}
