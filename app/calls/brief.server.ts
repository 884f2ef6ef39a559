import { db } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import { readableWhere, type Viewer } from "~/lessons/lessons.server";
import { entriesOfKind, matchEntries } from "~/search/full-text.server";
import { stem, words } from "~/search/stemming.server";
import { canEditCall } from "./calls.server";
import type { Verdict } from "./options";

export type Reason =
  | { kind: "goal" | "sub-goal" | "parent-goal"; label: string }
  | { kind: "tag"; label: string }
  | { kind: "text" };

export type BriefItem = {
  lessonId: string;
  title: string;
  whatWeLearned: string;
  evidence: string;
  publishedAt: string | null;
  organisationName: string;
  own: boolean;
  score: number;
  reasons: Reason[];
  assessment: { verdict: Verdict; note: string; assessedBy: string | null; assessedAt: string } | null;
};

// Weights: a lesson on the call's own goal or one of its sub-goals outranks
// anything found by tags or text alone; tags outrank a loose text likeness.
const WEIGHT = { goal: 4, subGoal: 3, parentGoal: 1, tag: 1.5, tagCap: 3, text: 1 } as const;
const EVIDENCE_BONUS: Record<string, number> = { evaluation: 0.5, "follow-up": 0.25 };
const BRIEF_SIZE = 40;

type CallForBrief = {
  id: string;
  organisationId: string;
  title: string;
  description: string;
  goals: { goal: { id: string } }[];
  tags: { tag: { id: string; name: string; code: string; dimension: { key: string; name: string } } }[];
};

function goalFamilies(goals: { id: string; parentId: string | null }[], callGoalIds: string[]) {
  const children = new Map<string, string[]>();
  const parent = new Map<string, string | null>();
  for (const g of goals) {
    parent.set(g.id, g.parentId);
    if (g.parentId) children.set(g.parentId, [...(children.get(g.parentId) ?? []), g.id]);
  }
  const direct = new Set(callGoalIds);
  const below = new Set<string>();
  const above = new Set<string>();
  for (const id of callGoalIds) {
    const stack = [...(children.get(id) ?? [])];
    while (stack.length) {
      const next = stack.pop()!;
      if (!direct.has(next)) below.add(next);
      stack.push(...(children.get(next) ?? []));
    }
    for (let up = parent.get(id); up; up = parent.get(up)) if (!direct.has(up)) above.add(up);
  }
  return { direct, below, above };
}

// A word found in more than this share of lessons says little about any one of them.
const COMMON_WORD_SHARE = 0.2;
const PER_WORD_LIMIT = 500;

/**
 * Lessons whose text is like the call's, with how alike: the number of the
 * call's distinctive words (stems, as FTS5 prefix terms) each lesson shares.
 * Words that appear in many lessons ("projekt", "utlysningen") are left out,
 * and one shared word is not enough when the call has several.
 */
async function textMatches(viewer: Viewer, call: CallForBrief): Promise<Map<string, number>> {
  const stems = [...new Set(words(`${call.title} ${call.description}`).filter((w) => w.length >= 5).map(stem))].slice(0, 24);
  const shared = new Map<string, number>();
  if (!stems.length) return shared;
  const limit = Math.max(2, (await entriesOfKind("lesson")) * COMMON_WORD_SHARE);
  const hits = await Promise.all(
    stems.map((s) => matchEntries([[s]], { organisationId: viewer.organisationId, kind: "lesson", limit: PER_WORD_LIMIT + 1 })),
  );
  // Readable hits only approximate how common a word is; the limit keeps a common word from flooding the brief.
  const distinctive = hits.filter((rows) => rows.length <= Math.min(limit, PER_WORD_LIMIT));
  for (const rows of distinctive) for (const { ref_id } of rows) shared.set(ref_id, (shared.get(ref_id) ?? 0) + 1);
  const needed = Math.min(2, distinctive.length);
  for (const [id, count] of shared) if (count < needed) shared.delete(id);
  return shared;
}

/**
 * The lessons that bear on a call, ranked: by its goals (and their sub-goals),
 * its tags (matched across organisations by the shared dimension and code), and
 * text likeness, among the lessons the viewer may read. Lessons already judged
 * stay in the brief whatever their rank.
 */
export async function learningBrief(viewer: Viewer, call: CallForBrief): Promise<BriefItem[]> {
  const callGoalIds = call.goals.map((g) => g.goal.id);
  const [goals, alike, assessments] = await Promise.all([
    db.goal.findMany({ where: { organisationId: call.organisationId }, select: { id: true, parentId: true } }),
    textMatches(viewer, call),
    db.callLesson.findMany({ where: { callId: call.id }, include: { assessedBy: { select: { name: true } } } }),
  ]);
  const families = goalFamilies(goals, callGoalIds);
  const goalIds = [...families.direct, ...families.below, ...families.above];
  const tagMatch: Prisma.TagWhereInput[] = call.tags.map(({ tag }) => ({
    OR: [{ id: tag.id }, { dimension: { key: tag.dimension.key }, ...(tag.code ? { code: tag.code } : { name: tag.name }) }],
  }));
  const found: Prisma.LessonWhereInput[] = [{ id: { in: [...alike.keys(), ...assessments.map((a) => a.lessonId)] } }];
  if (goalIds.length) found.push({ goals: { some: { goalId: { in: goalIds } } } });
  if (tagMatch.length) found.push({ tags: { some: { tag: { OR: tagMatch } } } });
  const lessons = await db.lesson.findMany({
    where: { AND: [readableWhere(viewer), { status: "published" }, { OR: found }] },
    select: {
      id: true,
      title: true,
      whatWeLearned: true,
      evidence: true,
      publishedAt: true,
      organisationId: true,
      organisation: { select: { name: true } },
      goals: { select: { goal: { select: { id: true, code: true, name: true } } } },
      tags: { select: { tag: { select: { id: true, name: true, code: true, dimension: { select: { key: true, name: true } } } } } },
    },
  });

  // Three shared distinctive words make a text as alike as it gets.
  const textScore = (id: string) => WEIGHT.text * Math.min(1, (alike.get(id) ?? 0) / 3);
  const byLesson = new Map(assessments.map((a) => [a.lessonId, a]));
  const items = lessons.map((lesson): BriefItem => {
    const reasons: Reason[] = [];
    let goalScore = 0;
    for (const { goal } of lesson.goals) {
      const label = `${goal.code ? `${goal.code} ` : ""}${goal.name}`;
      if (families.direct.has(goal.id)) reasons.push({ kind: "goal", label });
      else if (families.below.has(goal.id)) reasons.push({ kind: "sub-goal", label });
      else if (families.above.has(goal.id)) reasons.push({ kind: "parent-goal", label });
      else continue;
      const weight = families.direct.has(goal.id) ? WEIGHT.goal : families.below.has(goal.id) ? WEIGHT.subGoal : WEIGHT.parentGoal;
      goalScore = Math.max(goalScore, weight);
    }
    let tagScore = 0;
    for (const { tag } of lesson.tags) {
      const same = call.tags.some(
        ({ tag: c }) => c.id === tag.id || (c.dimension.key === tag.dimension.key && (c.code ? c.code === tag.code : c.name === tag.name)),
      );
      if (same) {
        reasons.push({ kind: "tag", label: `${tag.dimension.name}: ${tag.name}` });
        tagScore += WEIGHT.tag;
      }
    }
    const text = textScore(lesson.id);
    if (text > 0) reasons.push({ kind: "text" });
    const assessment = byLesson.get(lesson.id);
    return {
      lessonId: lesson.id,
      title: lesson.title,
      whatWeLearned: lesson.whatWeLearned,
      evidence: lesson.evidence,
      publishedAt: lesson.publishedAt?.toISOString() ?? null,
      organisationName: lesson.organisation.name,
      own: lesson.organisationId === viewer.organisationId,
      score: Math.round((goalScore + Math.min(tagScore, WEIGHT.tagCap) + text + (EVIDENCE_BONUS[lesson.evidence] ?? 0)) * 100) / 100,
      reasons,
      assessment: assessment
        ? { verdict: assessment.verdict as Verdict, note: assessment.note, assessedBy: assessment.assessedBy?.name ?? null, assessedAt: assessment.createdAt.toISOString() }
        : null,
    };
  });
  items.sort((a, b) => b.score - a.score || (b.publishedAt ?? "").localeCompare(a.publishedAt ?? ""));
  return items.filter((item, i) => i < BRIEF_SIZE || item.assessment);
}

type AssessResult = { ok: true } | { ok: false; error: "notFound" | "forbidden" };

/** Record (or with "none", withdraw) the author's judgement of one lesson in the call's brief. */
export async function assessLesson(
  viewer: Viewer,
  callId: string,
  input: { lessonId: string; verdict: Verdict | "none"; note: string },
): Promise<AssessResult> {
  const call = await db.call.findFirst({ where: { id: callId, organisationId: viewer.organisationId } });
  if (!call) return { ok: false, error: "notFound" };
  if (!canEditCall(viewer, call)) return { ok: false, error: "forbidden" };
  const lesson = await db.lesson.findFirst({ where: { AND: [{ id: input.lessonId, status: "published" }, readableWhere(viewer)] }, select: { id: true } });
  if (!lesson) return { ok: false, error: "notFound" };
  const key = { callId_lessonId: { callId, lessonId: lesson.id } };
  if (input.verdict === "none") {
    await db.callLesson.deleteMany({ where: { callId, lessonId: lesson.id } });
    return { ok: true };
  }
  const existing = await db.callLesson.findUnique({ where: key });
  // The first application is what the loop measures; switching back and forth keeps it.
  const appliedAt = input.verdict === "applied" ? (existing?.appliedAt ?? new Date()) : (existing?.appliedAt ?? null);
  const note = input.verdict === "considered" ? "" : input.note;
  await db.callLesson.upsert({
    where: key,
    create: { callId, lessonId: lesson.id, verdict: input.verdict, note, appliedAt, assessedById: viewer.userId },
    update: { verdict: input.verdict, note, appliedAt, assessedById: viewer.userId },
  });
  return { ok: true };
}
