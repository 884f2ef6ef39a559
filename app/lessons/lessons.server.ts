import type { Prisma } from "~/generated/prisma/client";
import { auditByViewer, recordAudit } from "~/audit/audit.server";
import { db } from "~/db.server";
import { goalWithDescendants } from "~/goals/goals.server";
import { isMember, joinedBy, sharingChoices } from "~/networks/networks.server";
import { hasRole } from "~/organisations/roles";
import { indexLesson } from "~/search/search-index.server";
import { TRACKED_FIELDS, type LessonStatus } from "./options";
import type { RenderedBody } from "./rich-text.server";
import type { LessonInput } from "./schemas";

/** Who is looking, from which organisation's workspace (and, in a request, from which address, for the audit log). */
export type Viewer = { userId: string; organisationId: string; role: string; clientAddress?: string };

/**
 * The lessons a viewer may read: their own organisation's published lessons,
 * their own drafts, what waits for approval if they are an admin, and what
 * other organisations have published for the network or the public.
 * "Network" means every organisation on this Lärloop until networks of
 * organisations arrive (docs/decisions/0006-lesson-visibility.md).
 */
export function readableWhere(viewer: Viewer): Prisma.LessonWhereInput {
  const own: Prisma.LessonWhereInput[] = [
    { organisationId: viewer.organisationId, status: "published" },
    { organisationId: viewer.organisationId, authorId: viewer.userId },
  ];
  if (hasRole(viewer.role, "admin")) own.push({ organisationId: viewer.organisationId, status: "pending-approval" });
  return {
    OR: [
      ...own,
      {
        organisationId: { not: viewer.organisationId },
        status: "published",
        OR: [{ visibility: "public" }, { visibility: "network", network: joinedBy(viewer.organisationId) }],
      },
    ],
  };
}

export function canEdit(viewer: Viewer, lesson: { organisationId: string; authorId: string | null }): boolean {
  return lesson.organisationId === viewer.organisationId && (lesson.authorId === viewer.userId || hasRole(viewer.role, "admin"));
}

export type LessonFilters = {
  goalId?: string;
  tagId?: string;
  sourceType?: string;
  evidence?: string;
  scope?: "own" | "shared";
  year?: number;
  ids?: string[];
};

export async function listLessons(viewer: Viewer, filters: LessonFilters = {}, take = 50) {
  const and: Prisma.LessonWhereInput[] = [readableWhere(viewer)];
  if (filters.goalId) {
    const goalIds = await goalWithDescendants(viewer.organisationId, filters.goalId);
    and.push({ goals: { some: { goalId: { in: goalIds } } } });
  }
  if (filters.tagId) and.push({ tags: { some: { tagId: filters.tagId } } });
  if (filters.sourceType) and.push({ sourceType: filters.sourceType });
  if (filters.evidence) and.push({ evidence: filters.evidence });
  if (filters.scope === "own") and.push({ organisationId: viewer.organisationId });
  if (filters.scope === "shared") and.push({ organisationId: { not: viewer.organisationId } });
  if (filters.year) {
    and.push({ createdAt: { gte: new Date(`${filters.year}-01-01T00:00:00Z`), lt: new Date(`${filters.year + 1}-01-01T00:00:00Z`) } });
  }
  if (filters.ids) and.push({ id: { in: filters.ids } });
  return db.lesson.findMany({
    where: { AND: and },
    orderBy: [{ publishedAt: { sort: "desc", nulls: "first" } }, { updatedAt: "desc" }],
    take,
    select: {
      id: true,
      title: true,
      status: true,
      evidence: true,
      visibility: true,
      sourceType: true,
      whatWeLearned: true,
      publishedAt: true,
      updatedAt: true,
      organisation: { select: { id: true, name: true } },
      author: { select: { name: true } },
      goals: { select: { goal: { select: { id: true, code: true, name: true } } } },
      _count: { select: { usefulMarks: true, comments: true } },
    },
  });
}

export async function findReadableLesson(viewer: Viewer, lessonId: string) {
  return db.lesson.findFirst({
    where: { AND: [{ id: lessonId }, readableWhere(viewer)] },
    include: {
      organisation: { select: { id: true, name: true, slug: true } },
      author: { select: { id: true, name: true } },
      project: { select: { id: true, caseNumber: true, name: true } },
      thread: { select: { id: true, title: true } },
      post: { select: { number: true } },
      evaluation: { select: { id: true, title: true } },
      network: { select: { name: true } },
      goals: { select: { goal: { select: { id: true, code: true, name: true } } } },
      tags: { select: { tag: { select: { id: true, name: true, dimension: { select: { name: true } } } } } },
      comments: { orderBy: { createdAt: "asc" }, select: { id: true, body: true, createdAt: true, author: { select: { name: true } } } },
      usefulMarks: { select: { userId: true } },
    },
  });
}

type SaveResult = { ok: true; id: string; status: LessonStatus } | { ok: false; error: "notFound" | "invalidLinks" };

function snapshotOf(input: LessonInput & { status: string }, body: RenderedBody) {
  return {
    title: input.title,
    bodyText: body.text,
    context: input.context,
    whatHappened: input.whatHappened,
    whatWeLearned: input.whatWeLearned,
    recommendation: input.recommendation,
    sourceType: input.sourceType,
    projectId: input.projectId ?? null,
    evidence: input.evidence,
    visibility: input.visibility,
    networkId: input.visibility === "network" ? (input.networkId ?? null) : null,
    status: input.status,
    goalIds: [...input.goalIds].sort(),
    tagIds: [...input.tagIds].sort(),
  };
}

/** Goals, tags and the project must all belong to the lesson's organisation, and a network must be one it belongs to. */
async function linksBelongTo(organisationId: string, input: LessonInput): Promise<boolean> {
  const [goals, tags, project, network] = await Promise.all([
    db.goal.count({ where: { organisationId, id: { in: input.goalIds } } }),
    db.tag.count({ where: { organisationId, id: { in: input.tagIds } } }),
    input.projectId ? db.project.count({ where: { organisationId, id: input.projectId } }) : Promise.resolve(1),
    input.visibility === "network" && input.networkId ? isMember(organisationId, input.networkId) : Promise.resolve(true),
  ]);
  return goals === new Set(input.goalIds).size && tags === new Set(input.tagIds).size && project === 1 && network;
}

/**
 * Create (lessonId null) or update a lesson, recording who changed what.
 * Publishing beyond the organisation waits for an admin when the organisation
 * asks for approval.
 */
export async function saveLesson(
  viewer: Viewer,
  lessonId: string | null,
  input: LessonInput,
  body: RenderedBody,
  sharingNeedsApproval: boolean,
): Promise<SaveResult> {
  if (!(await linksBelongTo(viewer.organisationId, input))) return { ok: false, error: "invalidLinks" };
  const existing = lessonId
    ? await db.lesson.findFirst({
        where: { id: lessonId, organisationId: viewer.organisationId },
        include: { goals: true, tags: true, revisions: { orderBy: { createdAt: "desc" }, take: 1 } },
      })
    : null;
  if (lessonId && (!existing || !canEdit(viewer, existing))) return { ok: false, error: "notFound" };

  const wantsPublished = input.intent === "publish" || existing?.status === "published";
  const needsApproval = sharingNeedsApproval && input.visibility !== "organisation" && !hasRole(viewer.role, "admin");
  const status: LessonStatus = !wantsPublished ? (existing?.status === "pending-approval" ? "pending-approval" : "draft") : needsApproval ? "pending-approval" : "published";
  const snapshot = snapshotOf({ ...input, status }, body);
  const previous = existing?.revisions[0] ? (JSON.parse(existing.revisions[0].snapshot) as Record<string, unknown>) : null;
  const changed = TRACKED_FIELDS.filter((field) => JSON.stringify(previous?.[field]) !== JSON.stringify(snapshot[field]));

  const data = {
    title: input.title,
    body: body.json,
    bodyHtml: body.html,
    context: input.context,
    whatHappened: input.whatHappened,
    whatWeLearned: input.whatWeLearned,
    recommendation: input.recommendation,
    sourceType: input.sourceType,
    projectId: input.projectId || null,
    sourceNote: input.sourceNote,
    evidence: input.evidence,
    visibility: input.visibility,
    networkId: input.visibility === "network" ? (input.networkId ?? null) : null,
    status,
    publishedAt: status === "published" ? (existing?.publishedAt ?? new Date()) : null,
  };

  const id = await db.$transaction(async (tx) => {
    const lesson = existing
      ? await tx.lesson.update({ where: { id: existing.id }, data })
      : await tx.lesson.create({
          data: { ...data, organisationId: viewer.organisationId, authorId: viewer.userId, threadId: input.threadId || null, postId: input.postId || null },
        });
    await tx.lessonGoal.deleteMany({ where: { lessonId: lesson.id } });
    await tx.lessonTag.deleteMany({ where: { lessonId: lesson.id } });
    await tx.lessonGoal.createMany({ data: [...new Set(input.goalIds)].map((goalId) => ({ lessonId: lesson.id, goalId })) });
    await tx.lessonTag.createMany({ data: [...new Set(input.tagIds)].map((tagId) => ({ lessonId: lesson.id, tagId })) });
    if (changed.length) {
      await tx.lessonRevision.create({
        data: { lessonId: lesson.id, editorId: viewer.userId, changed: JSON.stringify(changed), snapshot: JSON.stringify(snapshot) },
      });
    }
    return lesson.id;
  });
  await indexLesson(id);
  if (existing && (existing.visibility !== data.visibility || existing.networkId !== data.networkId)) await recordAudit(auditByViewer(viewer), { organisationId: viewer.organisationId, action: "lesson-visibility", target: { type: "lesson", id }, detail: `${input.title}: ${existing.visibility} → ${data.visibility}` });
  return { ok: true, id, status };
}

export async function approveLesson(viewer: Viewer, lessonId: string): Promise<boolean> {
  if (!hasRole(viewer.role, "admin")) return false;
  const { count } = await db.lesson.updateMany({
    where: { id: lessonId, organisationId: viewer.organisationId, status: "pending-approval" },
    data: { status: "published", publishedAt: new Date() },
  });
  if (count === 1) await indexLesson(lessonId);
  if (count === 1) await recordAudit(auditByViewer(viewer), { organisationId: viewer.organisationId, action: "lesson-visibility", target: { type: "lesson", id: lessonId }, detail: "pending-approval → published" });
  return count === 1;
}

/** Mark a lesson useful, or take the mark back. */
export async function toggleUseful(viewer: Viewer, lessonId: string): Promise<boolean | null> {
  const lesson = await db.lesson.findFirst({ where: { AND: [{ id: lessonId }, readableWhere(viewer)] }, select: { id: true } });
  if (!lesson) return null;
  const key = { lessonId_userId: { lessonId, userId: viewer.userId } };
  if (await db.lessonUseful.findUnique({ where: key })) {
    await db.lessonUseful.delete({ where: key });
    return false;
  }
  await db.lessonUseful.create({ data: { lessonId, userId: viewer.userId } });
  return true;
}

export async function addComment(viewer: Viewer, lessonId: string, body: string): Promise<boolean> {
  const lesson = await db.lesson.findFirst({ where: { AND: [{ id: lessonId }, readableWhere(viewer)] }, select: { id: true } });
  if (!lesson) return false;
  await db.lessonComment.create({ data: { lessonId, authorId: viewer.userId, body } });
  return true;
}

export async function listRevisions(viewer: Viewer, lessonId: string) {
  const lesson = await db.lesson.findFirst({ where: { AND: [{ id: lessonId }, readableWhere(viewer)] }, select: { id: true, title: true } });
  if (!lesson) return null;
  const revisions = await db.lessonRevision.findMany({
    where: { lessonId },
    orderBy: { createdAt: "desc" },
    select: { id: true, changed: true, snapshot: true, createdAt: true, editor: { select: { name: true } } },
  });
  return { lesson, revisions: revisions.map((r) => ({ ...r, changed: JSON.parse(r.changed) as string[], snapshot: JSON.parse(r.snapshot) as Record<string, unknown> })) };
}

/** Goals, tags, projects and networks to choose from when writing a lesson. */
export async function lessonFormOptions(organisationId: string) {
  const [tags, projects, networks] = await Promise.all([
    db.tagDimension.findMany({
      where: { organisationId },
      orderBy: [{ position: "asc" }],
      select: { id: true, name: true, tags: { orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true, name: true } } },
    }),
    db.project.findMany({ where: { organisationId }, orderBy: { caseNumber: "desc" }, select: { id: true, caseNumber: true, name: true }, take: 500 }),
    sharingChoices(organisationId),
  ]);
  return { dimensions: tags.filter((d) => d.tags.length > 0), projects, networks };
}
