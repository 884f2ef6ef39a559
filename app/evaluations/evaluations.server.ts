import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/db.server";
import { goalOptions } from "~/goals/goals.server";
import type { Kind, Status } from "./options";
import type { EvaluationInput } from "./schemas";

// The evaluation plan: thematic evaluations tied to goals and aggregated
// evaluations across projects, each with a status, and the lessons that
// publish their findings.

export type EvaluationFilters = { status?: Status; kind?: Kind };

type Save = { ok: true; id: string } | { ok: false; error: "notFound" | "invalidGoals" | "invalidProjects" };

/** Only published lessons count as findings: drafts are their authors' own business. */
const PUBLISHED = { status: "published" } as const;

export async function listEvaluations(organisationId: string, filters: EvaluationFilters = {}) {
  const where: Prisma.EvaluationWhereInput = { organisationId };
  if (filters.status) where.status = filters.status;
  if (filters.kind) where.kind = filters.kind;
  return db.evaluation.findMany({
    where,
    orderBy: [{ startsOn: { sort: "asc", nulls: "last" } }, { title: "asc" }],
    select: {
      id: true,
      title: true,
      kind: true,
      status: true,
      evaluator: true,
      startsOn: true,
      endsOn: true,
      goals: { orderBy: { goal: { code: "asc" } }, select: { goal: { select: { id: true, code: true, name: true } } } },
      _count: { select: { projects: true, lessons: { where: PUBLISHED } } },
    },
  });
}

export async function findEvaluation(organisationId: string, evaluationId: string) {
  return db.evaluation.findFirst({
    where: { id: evaluationId, organisationId },
    select: {
      id: true,
      title: true,
      description: true,
      kind: true,
      status: true,
      evaluator: true,
      startsOn: true,
      endsOn: true,
      goals: { orderBy: { goal: { code: "asc" } }, select: { goal: { select: { id: true, code: true, name: true } } } },
      projects: {
        orderBy: { project: { caseNumber: "asc" } },
        select: { project: { select: { id: true, caseNumber: true, name: true, beneficiary: true, supportType: true } } },
      },
      lessons: {
        where: PUBLISHED,
        orderBy: { publishedAt: "desc" },
        select: { id: true, title: true, whatWeLearned: true, evidence: true, visibility: true, publishedAt: true, author: { select: { name: true } } },
      },
    },
  });
}

/** Goals and projects an evaluation can be tied to: the organisation's own only. */
export async function evaluationFormOptions(organisationId: string) {
  const [goals, projects] = await Promise.all([
    goalOptions(organisationId),
    db.project.findMany({ where: { organisationId }, orderBy: { caseNumber: "desc" }, take: 500, select: { id: true, caseNumber: true, name: true } }),
  ]);
  return { goals, projects };
}

/** The links an evaluation of this kind keeps, or the error if any of them is not the organisation's. */
async function linksOf(organisationId: string, input: EvaluationInput) {
  const goalIds = input.kind === "thematic" ? [...new Set(input.goalIds)] : [];
  const projectIds = input.kind === "aggregated" ? [...new Set(input.projectIds)] : [];
  const [goals, projects] = await Promise.all([
    db.goal.count({ where: { organisationId, id: { in: goalIds } } }),
    db.project.count({ where: { organisationId, id: { in: projectIds } } }),
  ]);
  if (goals !== goalIds.length) return { ok: false as const, error: "invalidGoals" as const };
  if (projects !== projectIds.length) return { ok: false as const, error: "invalidProjects" as const };
  return { ok: true as const, goalIds, projectIds };
}

function fieldsOf(input: EvaluationInput) {
  return {
    title: input.title,
    description: input.description,
    kind: input.kind,
    status: input.status,
    evaluator: input.evaluator,
    // Cleared dates are stored as "no date", not left as they were.
    startsOn: input.startsOn ?? null,
    endsOn: input.endsOn ?? null,
  };
}

/** Create (evaluationId null) or update an evaluation with its goals or projects. */
export async function saveEvaluation(organisationId: string, evaluationId: string | null, input: EvaluationInput): Promise<Save> {
  if (evaluationId !== null && !(await db.evaluation.count({ where: { id: evaluationId, organisationId } }))) return { ok: false, error: "notFound" };
  const links = await linksOf(organisationId, input);
  if (!links.ok) return links;
  const id = await db.$transaction(async (tx) => {
    const evaluation = evaluationId !== null
      ? await tx.evaluation.update({ where: { id: evaluationId }, data: fieldsOf(input) })
      : await tx.evaluation.create({ data: { organisationId, ...fieldsOf(input) } });
    await tx.evaluationGoal.deleteMany({ where: { evaluationId: evaluation.id } });
    await tx.evaluationProject.deleteMany({ where: { evaluationId: evaluation.id } });
    await tx.evaluationGoal.createMany({ data: links.goalIds.map((goalId) => ({ evaluationId: evaluation.id, goalId })) });
    await tx.evaluationProject.createMany({ data: links.projectIds.map((projectId) => ({ evaluationId: evaluation.id, projectId })) });
    return evaluation.id;
  });
  return { ok: true, id };
}

export async function setEvaluationStatus(organisationId: string, evaluationId: string, status: Status): Promise<boolean> {
  const { count } = await db.evaluation.updateMany({ where: { id: evaluationId, organisationId }, data: { status } });
  return count === 1;
}

/** What the edit form starts from. */
export async function evaluationValues(organisationId: string, evaluationId: string) {
  const evaluation = await db.evaluation.findFirst({
    where: { id: evaluationId, organisationId },
    include: { goals: { select: { goalId: true } }, projects: { select: { projectId: true } } },
  });
  if (!evaluation) return null;
  const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");
  return {
    id: evaluation.id,
    title: evaluation.title,
    description: evaluation.description,
    kind: evaluation.kind,
    status: evaluation.status,
    evaluator: evaluation.evaluator,
    startsOn: day(evaluation.startsOn),
    endsOn: day(evaluation.endsOn),
    goalIds: evaluation.goals.map((g) => g.goalId),
    projectIds: evaluation.projects.map((p) => p.projectId),
  };
}
