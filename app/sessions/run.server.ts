import { db } from "~/db.server";
import type { Viewer } from "~/lessons/lessons.server";
import { plainTextToLessonBody } from "~/lessons/rich-text.server";
import { indexLesson } from "~/search/search-index.server";
import { publishLive } from "~/live/live-events.server";
import { findVisibleSession, isFacilitator, previousInSeries, type VisibleSession } from "./sessions.server";

// A session run live. Every change is saved first and then announced to the
// session's room; the clock is the server's: the phase's end time (or, when
// paused, what was left), so every browser, a reload and a late joiner
// count down to the same moment.

export const learningRoom = (sessionId: string) => `learning:${sessionId}`;

export type Failure = "notFound" | "forbidden" | "notRunning" | "tooManyVotes" | "invalid";
export type RunResult = { ok: true } | { ok: false; error: Failure };
const fail = (error: Failure): RunResult => ({ ok: false, error });
const ok: RunResult = { ok: true };

export type Clock = { status: string; currentPhaseId: string | null; phaseEndsAt: string | null; pausedRemainingMs: number | null; serverNow: string };

export function clockOf(session: { status: string; currentPhaseId: string | null; phaseEndsAt: Date | null; pausedRemainingMs: number | null }): Clock {
  return {
    status: session.status,
    currentPhaseId: session.currentPhaseId,
    phaseEndsAt: session.phaseEndsAt?.toISOString() ?? null,
    pausedRemainingMs: session.pausedRemainingMs,
    serverNow: new Date().toISOString(),
  };
}

/** Tell everyone in the session that something changed, with the clock as it is now. */
export async function announce(sessionId: string, what: string): Promise<void> {
  const session = await db.learningSession.findUnique({ where: { id: sessionId } });
  if (session) publishLive(learningRoom(sessionId), "learning:changed", { sessionId, what, clock: clockOf(session) });
}

async function access(viewer: Viewer, sessionId: string) {
  const session = await findVisibleSession(viewer, sessionId);
  if (!session) return null;
  return { session, facilitator: isFacilitator(session, viewer.userId) };
}

// ── Presence and pairs ──────────────────────────────────────────────────────

/** The reader opened the session: they take part (own organisation's members join by coming). */
export async function markPresent(viewer: Viewer, sessionId: string): Promise<boolean> {
  const found = await access(viewer, sessionId);
  if (!found) return false;
  await db.sessionParticipant.upsert({
    where: { sessionId_userId: { sessionId, userId: viewer.userId } },
    create: { sessionId, userId: viewer.userId, rsvp: "yes", presentAt: new Date() },
    update: { presentAt: new Date(), leftAt: null },
  });
  await announce(sessionId, "presence");
  return true;
}

/** Away, unless the person came back (another tab joined) after this tab began to leave. */
export async function markAway(userId: string, sessionId: string, leaving = new Date()): Promise<void> {
  await db.sessionParticipant.updateMany({ where: { sessionId, userId, presentAt: { lt: leaving } }, data: { leftAt: new Date() } });
  await announce(sessionId, "presence");
}

function shuffled<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/** Pairs of the people present; with an odd number the last pair becomes a trio. */
export function formPairs(userIds: string[]): string[][] {
  const people = shuffled(userIds);
  const pairs: string[][] = [];
  for (let i = 0; i + 1 < people.length; i += 2) pairs.push([people[i], people[i + 1]]);
  if (people.length % 2 === 1) {
    if (pairs.length) pairs[pairs.length - 1].push(people[people.length - 1]);
    else pairs.push([people[people.length - 1]]);
  }
  return pairs;
}

/** Foursomes joined from the earlier pairs (an odd pair out joins the last foursome); without pairs, fours of those present. */
export function formFoursomes(pairs: string[][], present: string[]): string[][] {
  const here = new Set(present);
  const kept = pairs.map((pair) => pair.filter((id) => here.has(id))).filter((pair) => pair.length);
  const inPairs = new Set(kept.flat());
  const newcomers = present.filter((id) => !inPairs.has(id));
  // Larger units first, so that the one left over (it joins the last foursome) is the smallest:
  // eleven people make 5 + 6 rather than 4 + 7.
  const units = (kept.length ? [...kept, ...formPairs(newcomers)] : formPairs(present)).sort((a, b) => b.length - a.length);
  const fours: string[][] = [];
  for (let i = 0; i + 1 < units.length; i += 2) fours.push([...units[i], ...units[i + 1]]);
  if (units.length % 2 === 1) {
    if (fours.length) fours[fours.length - 1].push(...units[units.length - 1]);
    else fours.push(units[units.length - 1]);
  }
  return fours;
}

async function presentParticipants(sessionId: string): Promise<string[]> {
  const rows = await db.sessionParticipant.findMany({
    where: { sessionId, role: "participant", presentAt: { not: null }, leftAt: null },
    select: { userId: true },
  });
  return rows.map((r) => r.userId);
}

async function groupingsFor(session: VisibleSession, phaseId: string): Promise<string | null> {
  const phase = session.phases.find((p) => p.id === phaseId);
  if (!phase || (phase.kind !== "pairs" && phase.kind !== "foursomes")) return null;
  const present = await presentParticipants(session.id);
  if (phase.kind === "pairs") return JSON.stringify(formPairs(present));
  const earlierPairs = [...session.phases].reverse().find((p) => p.position < phase.position && p.kind === "pairs" && p.groupings);
  return JSON.stringify(formFoursomes(earlierPairs ? (JSON.parse(earlierPairs.groupings) as string[][]) : [], present));
}

// ── The clock: facilitators only ────────────────────────────────────────────

/** Notes never discussed in the previous session of the series come along to this one's first phase. */
async function carryOver(session: VisibleSession): Promise<void> {
  const previous = await previousInSeries(session);
  const first = session.phases[0];
  if (!previous || !first) return;
  const already = await db.sessionNote.count({ where: { sessionId: session.id, carriedFromId: { not: null } } });
  if (already) return;
  const open = await db.sessionNote.findMany({
    where: { sessionId: previous.id, discussedAt: null, hiddenAt: null, OR: [{ groupId: null }, { group: { discussedAt: null } }] },
    orderBy: { createdAt: "asc" },
  });
  if (!open.length) return;
  await db.sessionNote.createMany({
    data: open.map((n) => ({ sessionId: session.id, phaseId: first.id, authorId: n.authorId, text: n.text, carriedFromId: n.id })),
  });
}

export type ClockIntent = "start" | "pause" | "resume" | "extend" | "next" | "previous" | "end";

export async function moveClock(viewer: Viewer, sessionId: string, intent: ClockIntent | "go-to", phaseId?: string): Promise<RunResult> {
  const found = await access(viewer, sessionId);
  if (!found) return fail("notFound");
  if (!found.facilitator) return fail("forbidden");
  const { session } = found;
  const now = Date.now();
  const phases = session.phases;
  const index = phases.findIndex((p) => p.id === session.currentPhaseId);
  const enter = async (target: (typeof phases)[number] | undefined) => {
    if (!target) return fail("invalid");
    const groupings = target.groupings ? null : await groupingsFor(session, target.id);
    await db.$transaction([
      ...(groupings !== null ? [db.sessionPhase.update({ where: { id: target.id }, data: { groupings } })] : []),
      db.learningSession.update({
        where: { id: sessionId },
        data: { status: "running", currentPhaseId: target.id, phaseEndsAt: new Date(now + target.durationSeconds * 1000), pausedRemainingMs: null },
      }),
    ]);
    return ok;
  };

  let result: RunResult = ok;
  switch (intent) {
    case "start":
      if (session.status === "running") return fail("invalid");
      await carryOver(session);
      await db.learningSession.update({ where: { id: sessionId }, data: { startedAt: session.startedAt ?? new Date(now), endedAt: null } });
      result = await enter(phases[0]);
      break;
    case "pause":
      if (session.status !== "running" || !session.phaseEndsAt) return fail("notRunning");
      await db.learningSession.update({
        where: { id: sessionId },
        data: { pausedRemainingMs: Math.max(0, session.phaseEndsAt.getTime() - now), phaseEndsAt: null },
      });
      break;
    case "resume":
      if (session.status !== "running" || session.pausedRemainingMs === null) return fail("notRunning");
      await db.learningSession.update({ where: { id: sessionId }, data: { phaseEndsAt: new Date(now + session.pausedRemainingMs), pausedRemainingMs: null } });
      break;
    case "extend":
      if (session.status !== "running") return fail("notRunning");
      await db.learningSession.update({
        where: { id: sessionId },
        data:
          session.pausedRemainingMs !== null
            ? { pausedRemainingMs: session.pausedRemainingMs + 60_000 }
            : { phaseEndsAt: new Date(Math.max(now, session.phaseEndsAt?.getTime() ?? now) + 60_000) },
      });
      break;
    case "next":
      if (session.status !== "running") return fail("notRunning");
      result = await enter(phases[index + 1]);
      break;
    case "previous":
      if (session.status !== "running") return fail("notRunning");
      result = await enter(phases[index - 1]);
      break;
    case "go-to":
      if (session.status !== "running") return fail("notRunning");
      result = await enter(phases.find((p) => p.id === phaseId));
      break;
    case "end":
      await db.learningSession.update({ where: { id: sessionId }, data: { status: "ended", endedAt: new Date(now), phaseEndsAt: null, pausedRemainingMs: null } });
      break;
  }
  if (result.ok) await announce(sessionId, "clock");
  return result;
}

// ── Phases: facilitators change them before and during the session ─────────

export async function requireFacilitator(viewer: Viewer, sessionId: string) {
  const found = await access(viewer, sessionId);
  if (!found) return { error: "notFound" as const };
  if (!found.facilitator) return { error: "forbidden" as const };
  return { session: found.session };
}

export async function addPhase(viewer: Viewer, sessionId: string, phase: { kind: string; title: string; prompt: string; durationSeconds: number }): Promise<RunResult> {
  const check = await requireFacilitator(viewer, sessionId);
  if ("error" in check) return fail(check.error!);
  await db.sessionPhase.create({ data: { ...phase, sessionId, position: check.session!.phases.length } });
  await announce(sessionId, "phases");
  return ok;
}

export async function updatePhase(viewer: Viewer, sessionId: string, phaseId: string, phase: { kind: string; title: string; prompt: string; durationSeconds: number }): Promise<RunResult> {
  const check = await requireFacilitator(viewer, sessionId);
  if ("error" in check) return fail(check.error!);
  const { count } = await db.sessionPhase.updateMany({ where: { id: phaseId, sessionId }, data: phase });
  if (!count) return fail("notFound");
  await announce(sessionId, "phases");
  return ok;
}

export async function removeOrMovePhase(viewer: Viewer, sessionId: string, phaseId: string, how: "remove-phase" | "move-up" | "move-down"): Promise<RunResult> {
  const check = await requireFacilitator(viewer, sessionId);
  if ("error" in check) return fail(check.error!);
  const phases = check.session!.phases;
  const index = phases.findIndex((p) => p.id === phaseId);
  if (index < 0) return fail("notFound");
  let order = phases.map((p) => p.id);
  if (how === "remove-phase") {
    // The running phase, and a phase that holds notes, stay: nothing written is lost.
    const notes = await db.sessionNote.count({ where: { phaseId } });
    if (phaseId === check.session!.currentPhaseId || notes > 0) return fail("invalid");
    order = order.filter((id) => id !== phaseId);
  } else {
    const swap = how === "move-up" ? index - 1 : index + 1;
    if (swap < 0 || swap >= order.length) return fail("invalid");
    [order[index], order[swap]] = [order[swap], order[index]];
  }
  await db.$transaction([
    ...(how === "remove-phase" ? [db.sessionPhase.delete({ where: { id: phaseId } })] : []),
    ...order.map((id, position) => db.sessionPhase.update({ where: { id }, data: { position } })),
  ]);
  await announce(sessionId, "phases");
  return ok;
}

// ── Notes, groups and votes: everyone taking part ───────────────────────────

export async function addNote(viewer: Viewer, sessionId: string, text: string): Promise<RunResult> {
  const found = await access(viewer, sessionId);
  if (!found) return fail("notFound");
  if (found.session.status !== "running" || !found.session.currentPhaseId) return fail("notRunning");
  await db.sessionNote.create({ data: { sessionId, phaseId: found.session.currentPhaseId, authorId: viewer.userId, text } });
  await announce(sessionId, "notes");
  return ok;
}

export async function setNoteHidden(viewer: Viewer, sessionId: string, noteId: string, hidden: boolean): Promise<RunResult> {
  const check = await requireFacilitator(viewer, sessionId);
  if ("error" in check) return fail(check.error!);
  const { count } = await db.sessionNote.updateMany({ where: { id: noteId, sessionId }, data: { hiddenAt: hidden ? new Date() : null } });
  if (!count) return fail("notFound");
  await announce(sessionId, "notes");
  return ok;
}

export async function groupNote(viewer: Viewer, sessionId: string, noteId: string, groupId: string, newGroup: string): Promise<RunResult> {
  const found = await access(viewer, sessionId);
  if (!found) return fail("notFound");
  if (found.session.status === "ended") return fail("notRunning");
  const note = await db.sessionNote.findFirst({ where: { id: noteId, sessionId, hiddenAt: null } });
  if (!note) return fail("notFound");
  let target: string | null = null;
  if (groupId === "new") {
    const count = await db.noteGroup.count({ where: { sessionId } });
    const group = await db.noteGroup.create({ data: { sessionId, title: newGroup || note.text.slice(0, 60), position: count } });
    target = group.id;
  } else if (groupId) {
    const group = await db.noteGroup.findFirst({ where: { id: groupId, sessionId } });
    if (!group) return fail("notFound");
    target = group.id;
  }
  await db.sessionNote.update({ where: { id: noteId }, data: { groupId: target } });
  // A group left empty goes, with the votes on it.
  if (note.groupId && note.groupId !== target && !(await db.sessionNote.count({ where: { groupId: note.groupId } }))) {
    await db.$transaction([db.noteVote.deleteMany({ where: { targetId: note.groupId } }), db.noteGroup.delete({ where: { id: note.groupId } })]);
  }
  // Votes on a note move with it into a group.
  if (target) await db.noteVote.updateMany({ where: { sessionId, targetType: "note", targetId: noteId }, data: { targetType: "group", targetId: target } });
  await announce(sessionId, "groups");
  return ok;
}

export async function renameGroup(viewer: Viewer, sessionId: string, groupId: string, title: string): Promise<RunResult> {
  const found = await access(viewer, sessionId);
  if (!found) return fail("notFound");
  const { count } = await db.noteGroup.updateMany({ where: { id: groupId, sessionId }, data: { title } });
  if (!count) return fail("notFound");
  await announce(sessionId, "groups");
  return ok;
}

async function targetExists(sessionId: string, targetType: "group" | "note", targetId: string) {
  return targetType === "group"
    ? (await db.noteGroup.count({ where: { id: targetId, sessionId } })) > 0
    : (await db.sessionNote.count({ where: { id: targetId, sessionId, groupId: null, hiddenAt: null } })) > 0;
}

/** One dot more or less; at most the session's votes per person, and per group or note. */
export async function vote(viewer: Viewer, sessionId: string, targetType: "group" | "note", targetId: string, add: boolean): Promise<RunResult> {
  const found = await access(viewer, sessionId);
  if (!found) return fail("notFound");
  if (found.session.status !== "running") return fail("notRunning");
  if (!(await targetExists(sessionId, targetType, targetId))) return fail("notFound");
  if (add) {
    const [mine, onTarget] = await Promise.all([
      db.noteVote.count({ where: { sessionId, userId: viewer.userId } }),
      db.noteVote.count({ where: { sessionId, userId: viewer.userId, targetId } }),
    ]);
    if (mine >= found.session.votesPerPerson || onTarget >= found.session.votesPerTarget) return fail("tooManyVotes");
    await db.noteVote.create({ data: { sessionId, userId: viewer.userId, targetType, targetId } });
  } else {
    const last = await db.noteVote.findFirst({ where: { sessionId, userId: viewer.userId, targetId }, orderBy: { createdAt: "desc" } });
    if (!last) return fail("invalid");
    await db.noteVote.delete({ where: { id: last.id } });
  }
  await announce(sessionId, "votes");
  return ok;
}

// ── Outcomes: facilitators turn groups and notes into lessons, recommendations and actions ──

async function notesOf(sessionId: string, targetType: "group" | "note", targetId: string) {
  return targetType === "group"
    ? db.sessionNote.findMany({ where: { sessionId, groupId: targetId, hiddenAt: null }, orderBy: { createdAt: "asc" } })
    : db.sessionNote.findMany({ where: { sessionId, id: targetId, hiddenAt: null } });
}

async function markDiscussed(sessionId: string, targetType: "group" | "note", targetId: string) {
  const now = new Date();
  if (targetType === "group") {
    await db.noteGroup.updateMany({ where: { id: targetId, sessionId }, data: { discussedAt: now } });
    await db.sessionNote.updateMany({ where: { groupId: targetId, sessionId }, data: { discussedAt: now } });
  } else await db.sessionNote.updateMany({ where: { id: targetId, sessionId }, data: { discussedAt: now } });
}

/** A draft lesson from a group or note: its notes as the text, tagged to the session's goals, source = this session. */
export async function outcomeLesson(viewer: Viewer, sessionId: string, targetType: "group" | "note", targetId: string, title: string): Promise<RunResult & { lessonId?: string }> {
  const check = await requireFacilitator(viewer, sessionId);
  if ("error" in check) return fail(check.error!);
  const session = check.session!;
  const notes = await notesOf(sessionId, targetType, targetId);
  if (!notes.length) return fail("notFound");
  const body = plainTextToLessonBody(notes.map((n) => n.text).join("\n\n"));
  const lesson = await db.lesson.create({
    data: {
      organisationId: session.organisationId,
      authorId: viewer.userId,
      title,
      body: body.json,
      bodyHtml: body.html,
      sourceType: "session",
      sourceNote: session.title,
      sessionId,
      status: "draft",
      goals: { create: session.goals.map((g) => ({ goalId: g.goal.id })) },
    },
  });
  await markDiscussed(sessionId, targetType, targetId);
  await indexLesson(lesson.id);
  await announce(sessionId, "outcomes");
  return { ok: true, lessonId: lesson.id };
}

export async function outcomeRecommendation(viewer: Viewer, sessionId: string, targetType: "group" | "note", targetId: string, text: string, addressedTo: string): Promise<RunResult> {
  const check = await requireFacilitator(viewer, sessionId);
  if ("error" in check) return fail(check.error!);
  if (!(await notesOf(sessionId, targetType, targetId)).length) return fail("notFound");
  await db.sessionRecommendation.create({ data: { sessionId, text, addressedTo } });
  await markDiscussed(sessionId, targetType, targetId);
  await announce(sessionId, "outcomes");
  return ok;
}

export async function outcomeAction(
  viewer: Viewer,
  sessionId: string,
  input: { targetType?: "group" | "note"; targetId?: string; title: string; ownerId: string; dueDate: string },
): Promise<RunResult> {
  const check = await requireFacilitator(viewer, sessionId);
  if ("error" in check) return fail(check.error!);
  const session = check.session!;
  // The owner takes part in the session or belongs to its organisation.
  const owner = await db.user.count({
    where: { id: input.ownerId, OR: [{ sessionRoles: { some: { sessionId } } }, { memberships: { some: { organisationId: session.organisationId } } }] },
  });
  if (!owner) return fail("invalid");
  await db.actionItem.create({
    data: { organisationId: session.organisationId, sessionId, title: input.title, ownerId: input.ownerId, dueDate: new Date(`${input.dueDate}T00:00:00Z`) },
  });
  if (input.targetType && input.targetId) await markDiscussed(sessionId, input.targetType, input.targetId);
  await announce(sessionId, "outcomes");
  return ok;
}

/** The owner, or a facilitator of its session, marks an action done (or not). */
export async function setActionDone(viewer: Viewer, actionId: string, done: boolean): Promise<boolean> {
  const action = await db.actionItem.findUnique({ where: { id: actionId }, include: { session: { include: { participants: true } } } });
  if (!action) return false;
  const allowed = action.ownerId === viewer.userId || (action.session ? isFacilitator(action.session, viewer.userId) : false);
  if (!allowed) return false;
  await db.actionItem.update({ where: { id: actionId }, data: { doneAt: done ? new Date() : null } });
  if (action.sessionId) await announce(action.sessionId, "outcomes");
  return true;
}

export function myOpenActions(userId: string) {
  return db.actionItem.findMany({
    where: { ownerId: userId, doneAt: null },
    orderBy: [{ dueDate: "asc" }],
    select: { id: true, title: true, dueDate: true, session: { select: { id: true, title: true, organisation: { select: { slug: true } } } } },
  });
}
