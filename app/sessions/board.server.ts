import { db } from "~/db.server";
import type { Viewer } from "~/lessons/lessons.server";
import { clockOf } from "./run.server";
import { isFacilitator, type VisibleSession } from "./sessions.server";

/**
 * Everything a participant sees of a session, as they may see it: notes are
 * anonymous when the facilitator chose so (authors see their own), hidden
 * notes only reach facilitators, and each person sees their own votes.
 */
export async function sessionBoard(viewer: Viewer, session: VisibleSession) {
  const facilitator = isFacilitator(session, viewer.userId);
  const current = session.phases.find((p) => p.id === session.currentPhaseId) ?? null;
  // Until the whole group meets, a participant's page carries their own notes only (not just shows them).
  const wholeGroup = session.status === "ended" || current?.kind === "group";
  const [notes, groups, votes, lessons, recommendations, actions] = await Promise.all([
    db.sessionNote.findMany({
      where: { sessionId: session.id, ...(facilitator ? {} : { hiddenAt: null, ...(wholeGroup ? {} : { authorId: viewer.userId }) }) },
      orderBy: { createdAt: "asc" },
      select: { id: true, phaseId: true, text: true, groupId: true, hiddenAt: true, discussedAt: true, carriedFromId: true, authorId: true, author: { select: { name: true } } },
    }),
    db.noteGroup.findMany({ where: { sessionId: session.id }, orderBy: { position: "asc" }, select: { id: true, title: true, discussedAt: true } }),
    db.noteVote.findMany({ where: { sessionId: session.id }, select: { userId: true, targetId: true } }),
    db.lesson.findMany({ where: { sessionId: session.id }, select: { id: true, title: true, status: true } }),
    db.sessionRecommendation.findMany({ where: { sessionId: session.id }, orderBy: { createdAt: "asc" }, select: { id: true, text: true, addressedTo: true } }),
    db.actionItem.findMany({
      where: { sessionId: session.id },
      orderBy: { createdAt: "asc" },
      select: { id: true, title: true, dueDate: true, doneAt: true, ownerId: true, owner: { select: { name: true } } },
    }),
  ]);
  const totals = new Map<string, number>();
  const mine = new Map<string, number>();
  for (const v of votes) {
    totals.set(v.targetId, (totals.get(v.targetId) ?? 0) + 1);
    if (v.userId === viewer.userId) mine.set(v.targetId, (mine.get(v.targetId) ?? 0) + 1);
  }
  const names = new Map(session.participants.map((p) => [p.userId, p.user.name]));
  const groupings = current?.groupings ? (JSON.parse(current.groupings) as string[][]) : [];
  const myGroup = groupings.find((g) => g.includes(viewer.userId)) ?? null;
  const openActionsInSeries = session.seriesId
    ? await db.actionItem.findMany({
        where: { session: { seriesId: session.seriesId, startsAt: { lt: session.startsAt } }, doneAt: null },
        orderBy: { dueDate: "asc" },
        select: { id: true, title: true, dueDate: true, owner: { select: { name: true } }, session: { select: { title: true } } },
      })
    : [];
  return {
    facilitator,
    clock: clockOf(session),
    phases: session.phases.map((p) => ({ id: p.id, kind: p.kind, title: p.title, prompt: p.prompt, durationSeconds: p.durationSeconds, position: p.position })),
    notes: notes.map((n) => ({
      id: n.id,
      phaseId: n.phaseId,
      text: n.text,
      groupId: n.groupId,
      hidden: Boolean(n.hiddenAt),
      discussed: Boolean(n.discussedAt),
      carried: Boolean(n.carriedFromId),
      mine: n.authorId === viewer.userId,
      author: session.anonymousNotes ? null : (n.author?.name ?? null),
      // Not anonymous, yet nobody: the author has left (account deleted or erased on request).
      formerAuthor: !session.anonymousNotes && !n.author,
      votes: totals.get(n.id) ?? 0,
      myVotes: mine.get(n.id) ?? 0,
    })),
    groups: groups.map((g) => ({ id: g.id, title: g.title, discussed: Boolean(g.discussedAt), votes: totals.get(g.id) ?? 0, myVotes: mine.get(g.id) ?? 0 })),
    votesLeft: session.votesPerPerson - votes.filter((v) => v.userId === viewer.userId).length,
    myGroup: myGroup ? myGroup.filter((id) => id !== viewer.userId).map((id) => names.get(id) ?? "–") : null,
    groupings: facilitator ? groupings.map((g) => g.map((id) => names.get(id) ?? "–")) : [],
    participants: session.participants.map((p) => ({
      id: p.userId,
      name: p.user.name,
      role: p.role,
      rsvp: p.rsvp,
      present: Boolean(p.presentAt && !p.leftAt),
    })),
    lessons,
    recommendations,
    actions: actions.map((a) => ({ id: a.id, title: a.title, ownerId: a.ownerId, dueDate: a.dueDate?.toISOString().slice(0, 10) ?? null, done: Boolean(a.doneAt), owner: a.owner?.name ?? null })),
    openActionsInSeries: openActionsInSeries.map((a) => ({ id: a.id, title: a.title, session: a.session?.title ?? "", dueDate: a.dueDate?.toISOString().slice(0, 10) ?? null, owner: a.owner?.name ?? null })),
  };
}

export type Board = Awaited<ReturnType<typeof sessionBoard>>;
