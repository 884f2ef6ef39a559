import { db } from "~/db.server";

/** Awaits every query of a record at once and keeps their names and types. */
async function allOf<T extends Record<string, Promise<unknown>>>(queries: T): Promise<{ [K in keyof T]: Awaited<T[K]> }> {
  const values = await Promise.all(Object.values(queries));
  return Object.fromEntries(Object.keys(queries).map((name, i) => [name, values[i]])) as { [K in keyof T]: Awaited<T[K]> };
}

/**
 * Everything Lärloop holds about one person, for their own download (GDPR
 * art. 15 and 20): what they wrote, where they are a member, what they were
 * told and what was logged about their account. Other people appear only by
 * name where the person's own data refers to them; no password hash, session
 * id, token or secret is included.
 *
 * With `organisationId`, only what that organisation holds, for its admin's
 * answer to a data-subject request: each organisation is its own controller,
 * so nothing from another one, and no account-wide settings or sign-ins.
 */
export async function personalDataOf(userId: string, organisationId?: string) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      name: true,
      email: true,
      locale: true,
      createdAt: true,
      mailOnMention: true,
      mailOnReply: true,
      followOnPost: true,
    },
  });
  // The same filter at the depth each table reaches its organisation; nothing when unscoped.
  const own = organisationId ? { organisationId } : {};
  const via = <K extends string>(relation: K) => (organisationId ? { [relation]: { organisationId } } : {}) as Partial<Record<K, { organisationId: string }>>;
  const organisation = { select: { name: true } } as const;
  const written = await allOf({
    memberships: db.membership.findMany({
      where: { userId, ...own },
      select: { role: true, askMeAbout: true, createdAt: true, organisation },
    }),
    signIns: db.session.findMany({
      where: { userId },
      select: { createdAt: true, lastSeenAt: true, expiresAt: true },
    }),
    lessons: db.lesson.findMany({
      where: { authorId: userId, ...own },
      select: {
        title: true,
        status: true,
        visibility: true,
        context: true,
        whatHappened: true,
        whatWeLearned: true,
        recommendation: true,
        createdAt: true,
        updatedAt: true,
        organisation,
      },
    }),
    lessonComments: db.lessonComment.findMany({
      where: { authorId: userId, ...via("lesson") },
      select: {
        body: true,
        createdAt: true,
        lesson: { select: { title: true } },
      },
    }),
    threads: db.thread.findMany({
      where: { authorId: userId, ...own },
      select: { title: true, createdAt: true, organisation },
    }),
    posts: db.post.findMany({
      where: { authorId: userId, deletedAt: null, ...via("thread") },
      select: {
        number: true,
        bodyText: true,
        createdAt: true,
        editedAt: true,
        thread: { select: { title: true } },
      },
    }),
    reactions: db.postReaction.findMany({
      where: { userId, ...(organisationId ? { post: { thread: { organisationId } } } : {}) },
      select: {
        kind: true,
        createdAt: true,
        post: { select: { number: true, thread: { select: { title: true } } } },
      },
    }),
    follows: db.threadFollow.findMany({
      where: { userId, ...via("thread") },
      select: { thread: { select: { title: true } } },
    }),
    notifications: db.notification.findMany({
      where: { userId, ...own },
      select: {
        type: true,
        createdAt: true,
        readAt: true,
        thread: { select: { title: true } },
        actor: { select: { name: true } },
      },
    }),
    learningSessions: db.sessionParticipant.findMany({
      where: { userId, ...via("session") },
      select: {
        role: true,
        rsvp: true,
        invitedAt: true,
        session: { select: { title: true, startsAt: true } },
      },
    }),
    sessionNotes: db.sessionNote.findMany({
      where: { authorId: userId, ...via("session") },
      select: {
        text: true,
        createdAt: true,
        session: { select: { title: true } },
      },
    }),
    actionItems: db.actionItem.findMany({
      where: { ownerId: userId, ...own },
      select: { title: true, dueDate: true, doneAt: true, createdAt: true },
    }),
    calls: db.call.findMany({
      where: { authorId: userId, ...own },
      select: { title: true, createdAt: true, organisation },
    }),
    studyVisits: db.studyVisitParticipant.findMany({
      where: { userId, ...via("studyVisit") },
      select: { studyVisit: { select: { title: true, visitDate: true } } },
    }),
    networkAnswers: db.networkAnswer.findMany({
      where: { answeredById: userId, ...own },
      select: {
        answer: true,
        updatedAt: true,
        questionnaire: { select: { title: true } },
      },
    }),
    auditEvents: db.auditEvent.findMany({
      where: {
        ...own,
        OR: [{ actorId: userId }, { targetType: "user", targetId: userId }],
      },
      select: {
        action: true,
        detail: true,
        ip: true,
        createdAt: true,
        organisation,
      },
    }),
  });
  if (organisationId) {
    const { signIns: _accountWide, ...held } = written;
    return { exportedAt: new Date().toISOString(), account: { name: user.name, email: user.email }, ...held };
  }
  return { exportedAt: new Date().toISOString(), account: user, ...written };
}

/** What the account page shows: who the person is, where they are a member, how many browsers are signed in. */
export async function accountOverview(userId: string) {
  const [account, memberships, signIns] = await Promise.all([
    db.user.findUniqueOrThrow({
      where: { id: userId },
      select: { name: true, email: true, createdAt: true },
    }),
    db.membership.findMany({
      where: { userId },
      select: {
        role: true,
        organisation: { select: { name: true, slug: true } },
      },
      orderBy: { createdAt: "asc" },
    }),
    db.session.count({ where: { userId } }),
  ]);
  return { account, memberships, signIns };
}
