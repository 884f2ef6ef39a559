import { auditByViewer, recordAudit } from "~/audit/audit.server";
import { db } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import type { Viewer } from "~/lessons/lessons.server";
import { hasRole } from "~/organisations/roles";
import type { CallStatus } from "./options";
import type { CallInput } from "./schemas";

/** The call's author and the organisation's admins edit a call and judge the lessons in its brief. */
export function canEditCall(viewer: Viewer, call: { organisationId: string; authorId: string | null }): boolean {
  return call.organisationId === viewer.organisationId && (call.authorId === viewer.userId || hasRole(viewer.role, "admin"));
}

export async function listCalls(organisationId: string, filters: { status?: CallStatus; goalIds?: string[] } = {}) {
  const where: Prisma.CallWhereInput = { organisationId };
  if (filters.status) where.status = filters.status;
  if (filters.goalIds) where.goals = { some: { goalId: { in: filters.goalIds } } };
  const calls = await db.call.findMany({
    where,
    orderBy: [{ opensOn: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: {
      id: true,
      title: true,
      status: true,
      budgetOre: true,
      opensOn: true,
      closesOn: true,
      goals: { select: { goal: { select: { id: true, code: true, name: true } } } },
      assessments: { select: { verdict: true } },
      _count: { select: { projects: true } },
    },
  });
  return calls.map(({ assessments, budgetOre, ...call }) => ({
    ...call,
    budgetOre: budgetOre.toString(),
    assessed: assessments.length,
    applied: assessments.filter((a) => a.verdict === "applied").length,
  }));
}

export async function findCall(organisationId: string, callId: string) {
  const call = await db.call.findFirst({
    where: { id: callId, organisationId },
    include: {
      author: { select: { id: true, name: true } },
      goals: { select: { goal: { select: { id: true, code: true, name: true } } } },
      tags: { select: { tag: { select: { id: true, name: true, code: true, dimension: { select: { key: true, name: true } } } } } },
      projects: {
        orderBy: { caseNumber: "asc" },
        select: {
          id: true,
          caseNumber: true,
          name: true,
          beneficiary: true,
          decidedAmountOre: true,
          status: true,
          statusLabel: true,
          _count: { select: { realisedResults: true } },
        },
      },
    },
  });
  if (!call) return null;
  return {
    ...call,
    budgetOre: call.budgetOre.toString(),
    projects: call.projects.map((p) => ({ ...p, decidedAmountOre: p.decidedAmountOre.toString() })),
  };
}

/** Goals and tags must be the organisation's own. */
async function linksAreOwn(organisationId: string, input: CallInput): Promise<boolean> {
  const [goals, tags] = await Promise.all([
    db.goal.count({ where: { organisationId, id: { in: input.goalIds } } }),
    db.tag.count({ where: { organisationId, id: { in: input.tagIds } } }),
  ]);
  return goals === new Set(input.goalIds).size && tags === new Set(input.tagIds).size;
}

type SaveResult = { ok: true; id: string } | { ok: false; error: "notFound" | "invalidLinks" };

/** Create (callId null) or update a call with its goals and tags. */
export async function saveCall(viewer: Viewer, callId: string | null, input: CallInput): Promise<SaveResult> {
  if (callId) {
    const existing = await db.call.findFirst({ where: { id: callId, organisationId: viewer.organisationId } });
    if (!existing || !canEditCall(viewer, existing)) return { ok: false, error: "notFound" };
  }
  if (!(await linksAreOwn(viewer.organisationId, input))) return { ok: false, error: "invalidLinks" };
  const fields = {
    title: input.title,
    description: input.description,
    budgetOre: input.budget,
    status: input.status,
    opensOn: input.opensOn,
    closesOn: input.closesOn,
    decidedOn: input.decidedOn,
  };
  const goals = [...new Set(input.goalIds)].map((goalId) => ({ goalId }));
  const tags = [...new Set(input.tagIds)].map((tagId) => ({ tagId }));
  const call = callId
    ? await db.call.update({
        where: { id: callId },
        data: { ...fields, goals: { deleteMany: {}, create: goals }, tags: { deleteMany: {}, create: tags } },
      })
    : await db.call.create({
        data: { ...fields, organisationId: viewer.organisationId, authorId: viewer.userId, goals: { create: goals }, tags: { create: tags } },
      });
  return { ok: true, id: call.id };
}

export async function deleteCall(viewer: Viewer, callId: string): Promise<boolean> {
  const call = await db.call.findFirst({ where: { id: callId, organisationId: viewer.organisationId } });
  if (!call || !canEditCall(viewer, call)) return false;
  await db.call.delete({ where: { id: callId } });
  await recordAudit(auditByViewer(viewer), { organisationId: viewer.organisationId, action: "deleted", target: { type: "call", id: callId }, detail: call.title });
  return true;
}
