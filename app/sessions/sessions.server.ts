import { addMonths } from "date-fns";
import { TZDate } from "@date-fns/tz";
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/db.server";
import { goalWithDescendants } from "~/goals/goals.server";
import { readableWhere as lessonReadableWhere, type Viewer } from "~/lessons/lessons.server";
import { isMember, joinedBy } from "~/networks/networks.server";
import { hasRole } from "~/organisations/roles";
import { threadReadableWhere } from "~/threads/threads.server";
import { TIME_ZONE } from "./calendar.server";
import type { EditSessionInput, SessionInput } from "./schemas";
import { BUILT_IN_TEMPLATES, RECURRENCE_MONTHS, type PhaseDraft } from "./templates";

// Who may see a session: its organisation's members, everyone invited to it
// (partner organisations' people for cross-region sessions), and, when it is
// open to a network, the members of that network's organisations, who may
// sign up. Who may run it: the people named as its facilitators.

export function sessionVisibleWhere(viewer: Viewer): Prisma.LearningSessionWhereInput {
  return {
    OR: [
      { organisationId: viewer.organisationId },
      { participants: { some: { userId: viewer.userId } } },
      { network: joinedBy(viewer.organisationId) },
    ],
  };
}

export const canPlanSessions = (viewer: Viewer) => hasRole(viewer.role, "facilitator");

export async function findVisibleSession(viewer: Viewer, sessionId: string) {
  return db.learningSession.findFirst({
    where: { AND: [{ id: sessionId }, sessionVisibleWhere(viewer)] },
    include: {
      organisation: { select: { id: true, name: true, slug: true } },
      network: { select: { name: true } },
      participants: { include: { user: { select: { id: true, name: true, email: true } } }, orderBy: { invitedAt: "asc" } },
      phases: { orderBy: { position: "asc" } },
      goals: { select: { goal: { select: { id: true, code: true, name: true } } } },
      series: { select: { id: true, title: true, recurrence: true } },
    },
  });
}

export type VisibleSession = NonNullable<Awaited<ReturnType<typeof findVisibleSession>>>;

export const isFacilitator = (session: { participants: { userId: string; role: string }[] }, userId: string) =>
  session.participants.some((p) => p.userId === userId && p.role === "facilitator");

/** A date and time typed in Stockholm time, as an instant. */
export function stockholmInstant(date: string, time: string): Date {
  const [y, m, d] = date.split("-").map(Number);
  const [hh, mm] = time.split(":").map(Number);
  return new Date(new TZDate(y, m - 1, d, hh, mm, 0, TIME_ZONE).getTime());
}

/** The same wall-clock time in Stockholm, `months` later: summer time does not shift a 09:00 session to 08:00. */
export function recurrenceDates(first: Date, recurrence: keyof typeof RECURRENCE_MONTHS, occurrences: number): Date[] {
  const step = RECURRENCE_MONTHS[recurrence];
  if (!step) return [first];
  const local = new TZDate(first.getTime(), TIME_ZONE);
  return Array.from({ length: occurrences }, (_, i) => new Date(addMonths(local, i * step).getTime()));
}

export async function templatePhases(organisationId: string, templateId: string, locale: "sv" | "en"): Promise<PhaseDraft[] | null> {
  const builtIn = BUILT_IN_TEMPLATES[templateId];
  if (builtIn) return builtIn.phases[locale];
  const own = await db.sessionTemplate.findFirst({ where: { id: templateId, organisationId } });
  return own ? (JSON.parse(own.phases) as PhaseDraft[]) : null;
}

export type PlanResult = { ok: true; sessionIds: string[]; seriesId: string | null } | { ok: false; error: "invalidLinks" | "invalidTemplate" };

/**
 * Plan a session, or a series of them with a recurrence: each occurrence is a
 * session of its own with the template's phases, the same goals and people.
 */
export async function planSessions(viewer: Viewer, input: SessionInput, locale: "sv" | "en"): Promise<PlanResult> {
  const phases = await templatePhases(viewer.organisationId, input.template, locale);
  if (!phases) return { ok: false, error: "invalidTemplate" };
  const goalCount = await db.goal.count({ where: { organisationId: viewer.organisationId, id: { in: input.goalIds } } });
  // Facilitators come from the organisation (facilitator or admin); invitees from any organisation.
  const facilitatorIds = [...new Set([viewer.userId, ...input.facilitatorIds])];
  const facilitators = await db.membership.count({
    where: { organisationId: viewer.organisationId, userId: { in: facilitatorIds }, role: { in: ["facilitator", "admin"] } },
  });
  const inviteeIds = [...new Set(input.inviteeIds)].filter((id) => !facilitatorIds.includes(id));
  const invitees = await db.user.count({ where: { AND: [{ id: { in: inviteeIds } }, await invitableWhere(viewer.organisationId)] } });
  const network = input.networkId ? await isMember(viewer.organisationId, input.networkId) : true;
  if (goalCount !== new Set(input.goalIds).size || facilitators !== facilitatorIds.length || invitees !== inviteeIds.length || !network) {
    return { ok: false, error: "invalidLinks" };
  }
  const first = stockholmInstant(input.date, input.time);
  const dates = recurrenceDates(first, input.recurrence, input.recurrence === "none" ? 1 : input.occurrences);
  return db.$transaction(async (tx) => {
    const series =
      input.recurrence === "none"
        ? null
        : await tx.sessionSeries.create({
            data: { organisationId: viewer.organisationId, title: input.title, theme: input.theme, recurrence: input.recurrence, createdById: viewer.userId },
          });
    const sessionIds: string[] = [];
    for (const [i, startsAt] of dates.entries()) {
      const session = await tx.learningSession.create({
        data: {
          organisationId: viewer.organisationId,
          seriesId: series?.id ?? null,
          title: series ? `${input.title} ${i + 1}` : input.title,
          theme: input.theme,
          startsAt,
          durationMinutes: input.durationMinutes,
          place: input.place,
          videoUrl: input.videoUrl,
          networkId: input.networkId,
          anonymousNotes: input.anonymousNotes,
          votesPerPerson: input.votesPerPerson,
          votesPerTarget: input.votesPerTarget,
          createdById: viewer.userId,
          goals: { create: [...new Set(input.goalIds)].map((goalId) => ({ goalId })) },
          participants: {
            create: [
              ...facilitatorIds.map((userId) => ({ userId, role: "facilitator", rsvp: userId === viewer.userId ? "yes" : "pending" })),
              ...inviteeIds.map((userId) => ({ userId, role: "participant" })),
            ],
          },
          phases: { create: phases.map((phase, position) => ({ ...phase, position })) },
        },
      });
      sessionIds.push(session.id);
    }
    return { ok: true as const, sessionIds, seriesId: series?.id ?? null };
  });
}

/** False when the session would open to a network its organisation is not in. */
export async function updateSessionDetails(session: { id: string; organisationId: string }, input: EditSessionInput): Promise<boolean> {
  if (input.networkId && !(await isMember(session.organisationId, input.networkId))) return false;
  await db.learningSession.update({
    where: { id: session.id },
    data: {
      title: input.title,
      theme: input.theme,
      startsAt: stockholmInstant(input.date, input.time),
      durationMinutes: input.durationMinutes,
      place: input.place,
      videoUrl: input.videoUrl,
      networkId: input.networkId,
      anonymousNotes: input.anonymousNotes,
      votesPerPerson: input.votesPerPerson,
      votesPerTarget: input.votesPerTarget,
    },
  });
  return true;
}

export async function listSessions(viewer: Viewer) {
  const sessions = await db.learningSession.findMany({
    where: sessionVisibleWhere(viewer),
    orderBy: { startsAt: "asc" },
    select: {
      id: true,
      title: true,
      theme: true,
      startsAt: true,
      durationMinutes: true,
      place: true,
      status: true,
      organisationId: true,
      organisation: { select: { name: true } },
      series: { select: { id: true, title: true } },
      participants: { where: { userId: viewer.userId }, select: { role: true, rsvp: true } },
      _count: { select: { participants: true, lessons: true } },
    },
  });
  const now = Date.now();
  const view = sessions.map((s) => ({
    ...s,
    startsAt: s.startsAt.toISOString(),
    own: s.organisationId === viewer.organisationId,
    myRole: s.participants[0]?.role ?? null,
    myRsvp: s.participants[0]?.rsvp ?? null,
  }));
  return {
    upcoming: view.filter((s) => s.status !== "ended" && new Date(s.startsAt).getTime() + s.durationMinutes * 60_000 > now - 12 * 3600_000),
    past: view.filter((s) => !(s.status !== "ended" && new Date(s.startsAt).getTime() + s.durationMinutes * 60_000 > now - 12 * 3600_000)).reverse(),
  };
}

export async function setRsvp(viewer: Viewer, sessionId: string, rsvp: string): Promise<boolean> {
  const session = await db.learningSession.findFirst({ where: { AND: [{ id: sessionId }, sessionVisibleWhere(viewer)] }, select: { id: true, organisationId: true } });
  if (!session) return false;
  await db.sessionParticipant.upsert({
    where: { sessionId_userId: { sessionId, userId: viewer.userId } },
    create: { sessionId, userId: viewer.userId, rsvp },
    update: { rsvp },
  });
  return true;
}

/** The session before this one in its series, if any. */
export function previousInSeries(session: { seriesId: string | null; startsAt: Date; id: string }) {
  if (!session.seriesId) return Promise.resolve(null);
  return db.learningSession.findFirst({
    where: { seriesId: session.seriesId, startsAt: { lt: session.startsAt }, id: { not: session.id } },
    orderBy: { startsAt: "desc" },
    select: { id: true, title: true, startsAt: true, endedAt: true },
  });
}

/**
 * The preparation pack: lessons, threads and projects on the session's goals
 * (sub-goals included) since the previous session in its series, or the last
 * six months for a session on its own.
 */
export async function preparationPack(viewer: Viewer, session: VisibleSession) {
  const previous = await previousInSeries(session);
  const since = previous?.startsAt ?? new Date(session.startsAt.getTime() - 183 * 86_400_000);
  const goalIds = (
    await Promise.all(session.goals.map((g) => goalWithDescendants(session.organisationId, g.goal.id)))
  ).flat();
  const onGoals = goalIds.length ? { goals: { some: { goalId: { in: goalIds } } } } : {};
  const [lessons, threads, projects, picked] = await Promise.all([
    db.lesson.findMany({
      where: { AND: [lessonReadableWhere(viewer), onGoals, { status: "published", publishedAt: { gte: since } }] },
      orderBy: { publishedAt: "desc" },
      take: 30,
      select: { id: true, title: true, organisation: { select: { name: true } }, publishedAt: true },
    }),
    db.thread.findMany({
      where: { AND: [threadReadableWhere(viewer), onGoals, { lastPostAt: { gte: since } }] },
      orderBy: { lastPostAt: "desc" },
      take: 30,
      select: { id: true, title: true, postCount: true, lastPostAt: true },
    }),
    db.project.findMany({
      where: { AND: [{ organisationId: session.organisationId }, onGoals, { OR: [{ updatedAt: { gte: since } }, { reports: { some: { date: { gte: since } } } }] }] },
      orderBy: { caseNumber: "desc" },
      take: 30,
      select: { id: true, caseNumber: true, name: true, status: true },
    }),
    db.sessionReviewItem.findMany({ where: { sessionId: session.id }, select: { kind: true, refId: true } }),
  ]);
  return {
    since: since.toISOString(),
    previous: previous ? { id: previous.id, title: previous.title } : null,
    lessons: lessons.map((l) => ({ ...l, publishedAt: l.publishedAt?.toISOString() ?? null })),
    threads: threads.map((t) => ({ ...t, lastPostAt: t.lastPostAt.toISOString() })),
    projects,
    picked: picked.map((p) => `${p.kind}:${p.refId}`),
  };
}

/** The facilitator's picks from the pack replace the earlier ones; only items the pack offers are kept. */
export async function pickReviewItems(viewer: Viewer, session: VisibleSession, keys: string[]): Promise<void> {
  const pack = await preparationPack(viewer, session);
  const offered = new Set([
    ...pack.lessons.map((l) => `lesson:${l.id}`),
    ...pack.threads.map((t) => `thread:${t.id}`),
    ...pack.projects.map((p) => `project:${p.id}`),
    ...pack.picked,
  ]);
  const chosen = [...new Set(keys)].filter((key) => offered.has(key)).map((key) => {
    const [kind, refId] = key.split(":");
    return { sessionId: session.id, kind, refId };
  });
  await db.$transaction([db.sessionReviewItem.deleteMany({ where: { sessionId: session.id } }), db.sessionReviewItem.createMany({ data: chosen })]);
}

/** The organisation itself and the organisations it shares a network with. */
async function invitableOrganisationIds(organisationId: string): Promise<string[]> {
  const partners = await db.networkMember.findMany({
    where: { status: "member", network: joinedBy(organisationId) },
    select: { organisationId: true },
  });
  return [...new Set([organisationId, ...partners.map((p) => p.organisationId)])];
}

async function invitableWhere(organisationId: string): Promise<Prisma.UserWhereInput> {
  return { memberships: { some: { organisationId: { in: await invitableOrganisationIds(organisationId) } } } };
}

/** People who can be invited: the organisation's members and, for cross-region sessions, the people of its network partners. */
export async function invitablePeople(organisationId: string) {
  const organisationIds = await invitableOrganisationIds(organisationId);
  const users = await db.user.findMany({
    where: { memberships: { some: { organisationId: { in: organisationIds } } } },
    orderBy: { name: "asc" },
    take: 1000,
    select: {
      id: true,
      name: true,
      // Only the memberships the inviter may know of: a partner's people are shown with the partner's name.
      memberships: { where: { organisationId: { in: organisationIds } }, select: { organisationId: true, role: true, organisation: { select: { name: true } } } },
    },
  });
  return users.map((u) => {
    const own = u.memberships.find((m) => m.organisationId === organisationId);
    return {
      id: u.id,
      name: u.name,
      own: Boolean(own),
      canFacilitate: own ? hasRole(own.role, "facilitator") : false,
      organisation: own ? null : (u.memberships[0]?.organisation.name ?? null),
    };
  });
}

export async function saveOwnTemplate(viewer: Viewer, sessionId: string, name: string): Promise<void> {
  const phases = await db.sessionPhase.findMany({ where: { sessionId }, orderBy: { position: "asc" } });
  await db.sessionTemplate.create({
    data: {
      organisationId: viewer.organisationId,
      name,
      createdById: viewer.userId,
      phases: JSON.stringify(phases.map((p) => ({ kind: p.kind, title: p.title, prompt: p.prompt, durationSeconds: p.durationSeconds }))),
    },
  });
}

export function ownTemplates(organisationId: string) {
  return db.sessionTemplate.findMany({ where: { organisationId }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}

export async function calendarToken(userId: string, rotate = false): Promise<string> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { calendarToken: true } });
  if (user.calendarToken && !rotate) return user.calendarToken;
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  const token = Buffer.from(bytes).toString("base64url");
  await db.user.update({ where: { id: userId }, data: { calendarToken: token } });
  return token;
}
