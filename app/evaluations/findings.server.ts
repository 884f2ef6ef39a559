import { db } from "~/db.server";
import type { Viewer } from "~/lessons/lessons.server";
import { TRACKED_FIELDS } from "~/lessons/options";
import { indexLesson } from "~/search/search-index.server";

/**
 * "Publish findings as a lesson": a draft lesson in the organisation, with the
 * evaluation as its source and evidence, tagged to the evaluation's goals (for
 * an aggregated evaluation, its projects' goals). The author finishes and
 * publishes it in the lesson editor. Null when the evaluation is not the viewer's organisation's.
 */
export async function draftFindingLesson(viewer: Viewer, evaluationId: string, input: { title: string; whatWeLearned: string }): Promise<string | null> {
  const evaluation = await db.evaluation.findFirst({
    where: { id: evaluationId, organisationId: viewer.organisationId },
    select: {
      id: true,
      title: true,
      goals: { select: { goalId: true } },
      projects: { select: { project: { select: { goals: { select: { goalId: true } } } } } },
    },
  });
  if (!evaluation) return null;
  const goalIds = [...new Set([...evaluation.goals.map((g) => g.goalId), ...evaluation.projects.flatMap((p) => p.project.goals.map((g) => g.goalId))])].sort();
  const lesson = {
    title: input.title,
    whatWeLearned: input.whatWeLearned,
    sourceType: "evaluation",
    sourceNote: evaluation.title,
    evidence: "evaluation",
    visibility: "organisation",
    status: "draft",
  };
  // The first revision holds the same snapshot the lesson editor records, so the history reads as for any other lesson.
  const snapshot = {
    title: lesson.title,
    bodyText: "",
    context: "",
    whatHappened: "",
    whatWeLearned: lesson.whatWeLearned,
    recommendation: "",
    sourceType: lesson.sourceType,
    projectId: null,
    evidence: lesson.evidence,
    visibility: lesson.visibility,
    status: lesson.status,
    goalIds,
    tagIds: [],
  };
  const created = await db.lesson.create({
    data: {
      ...lesson,
      organisationId: viewer.organisationId,
      authorId: viewer.userId,
      evaluationId: evaluation.id,
      projectId: null,
      goals: { create: goalIds.map((goalId) => ({ goalId })) },
      revisions: { create: { editorId: viewer.userId, changed: JSON.stringify([...TRACKED_FIELDS]), snapshot: JSON.stringify(snapshot) } },
    },
  });
  await indexLesson(created.id);
  return created.id;
}
