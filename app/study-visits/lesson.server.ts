import { db } from "~/db.server";
import type { Viewer } from "~/lessons/lessons.server";
import { TRACKED_FIELDS } from "~/lessons/options";
import { plainTextToLessonBody } from "~/lessons/rich-text.server";
import { isMember } from "~/networks/networks.server";
import { indexLesson } from "~/search/search-index.server";
import { canRecordNotes } from "./study-visits.server";

/**
 * "Gör anteckningarna till en lärdom": a draft lesson in the visiting
 * organisation with the visit as its source, titled after the visit and with
 * the notes as its body. It is shared with the visit's network, where the host
 * is a member, unless the writer changes that before publishing – as the
 * evaluations' findings (app/evaluations/findings.server.ts), the writer
 * finishes it in the lesson editor. "notFound" when the viewer may not record
 * the visit's notes, "noNotes" before there are any.
 */
export async function draftVisitLesson(viewer: Viewer, visitId: string): Promise<{ lessonId: string } | { error: "notFound" | "noNotes" }> {
  const visit = await db.studyVisit.findFirst({
    where: { id: visitId, organisationId: viewer.organisationId },
    select: { id: true, title: true, notes: true, networkId: true, organisationId: true, createdById: true, participants: { select: { userId: true } } },
  });
  if (!visit || !canRecordNotes(viewer, { ...visit, participantIds: visit.participants.map((p) => p.userId) })) return { error: "notFound" };
  if (!visit.notes.trim()) return { error: "noNotes" };
  // Should the organisation have left the network since, the draft stays its own.
  const shared = await isMember(viewer.organisationId, visit.networkId);
  const body = plainTextToLessonBody(visit.notes);
  const lesson = {
    title: visit.title,
    sourceType: "study-visit",
    sourceNote: visit.title,
    evidence: "observation",
    visibility: shared ? "network" : "organisation",
    networkId: shared ? visit.networkId : null,
    status: "draft",
  };
  // The first revision holds the same snapshot the lesson editor records, so the history reads as for any other lesson.
  const snapshot = {
    title: lesson.title,
    bodyText: body.text,
    context: "",
    whatHappened: "",
    whatWeLearned: "",
    recommendation: "",
    sourceType: lesson.sourceType,
    projectId: null,
    evidence: lesson.evidence,
    visibility: lesson.visibility,
    networkId: lesson.networkId,
    status: lesson.status,
    goalIds: [],
    tagIds: [],
  };
  const created = await db.lesson.create({
    data: {
      ...lesson,
      body: body.json,
      bodyHtml: body.html,
      organisationId: viewer.organisationId,
      authorId: viewer.userId,
      studyVisitId: visit.id,
      revisions: { create: { editorId: viewer.userId, changed: JSON.stringify([...TRACKED_FIELDS]), snapshot: JSON.stringify(snapshot) } },
    },
  });
  await indexLesson(created.id);
  return { lessonId: created.id };
}
