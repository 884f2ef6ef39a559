import { db, onPostgres } from "~/db.server";
import { Prisma } from "~/generated/prisma/client";
import type { AuditAction } from "~/audit/actions";
import { rotateSessionsOf } from "~/auth/lucia.server";
import { verifyPassword } from "~/auth/password.server";
import { countAttempt, secondsUntilAllowed } from "~/auth/rate-limit.server";
import { publishAccessEvent } from "~/live/access-events.server";
import { indexPost } from "~/search/search-index.server";
import { composePostBody } from "~/threads/post-body.server";
import { withoutMentionOf } from "~/threads/mention-node";
import { isDepartedLessons, type DepartedLessons } from "./departed-lessons";

// Erasing a person (GDPR art. 17), from one organisation at an admin's request
// or from Lärloop altogether when they delete their account. What they wrote
// for others stays, by "a former member"; what was only about them goes.
// docs/decisions/0017-account-deletion.md says why each table is treated so.


type Tx = Prisma.TransactionClient;
type Person = { id: string; name: string; email: string };

/** An audit row whose actor is a former member: neither their name nor their id is kept. */
function formerMemberEvent(organisationId: string, action: AuditAction, detail: string, ip: string) {
  return { organisationId, actorId: null, actorName: "", actorFormer: true, action, detail, ip };
}

/** Replaces the person's name and address in free text of the log (e.g. "Nina Medlem: member → admin"). */
function withoutPerson(text: string, person: Person): string {
  return text.split(person.email).join("–").split(person.name).join("–");
}

/**
 * The organisation's past events keep no trace of the person: where they acted
 * the row says "former member", where they were the subject the name goes.
 * `organisationId` null means every organisation's log, and rows of none.
 */
async function scrubAuditLog(tx: Tx, person: Person, organisationId: string | null) {
  const scope = organisationId ? { organisationId } : {};
  await tx.auditEvent.updateMany({ where: { ...scope, actorId: person.id }, data: { actorId: null, actorName: "", actorFormer: true } });
  const mentioning = await tx.auditEvent.findMany({
    where: {
      ...scope,
      OR: [
        { targetType: "user", targetId: person.id },
        { detail: { contains: person.email } },
        { detail: { contains: person.name } },
      ],
    },
    select: { id: true, detail: true, targetType: true, targetId: true },
  });
  for (const row of mentioning) {
    await tx.auditEvent.update({
      where: { id: row.id },
      data: { detail: withoutPerson(row.detail, person), targetId: row.targetType === "user" && row.targetId === person.id ? "" : row.targetId },
    });
  }
}

// How a former member is written into stored text (others' @mentions of them), in the default language.
const FORMER_MEMBER = "Tidigare medlem";

/**
 * Other people's posts that @mention the person: the mention becomes plain
 * "@Tidigare medlem", in the post and its earlier versions. Returns the posts,
 * to be indexed again once the transaction has committed.
 */
async function unmention(tx: Tx, person: Person, organisationId: string | null): Promise<string[]> {
  const scope = organisationId ? { thread: { organisationId } } : {};
  const posts = await tx.post.findMany({ where: { ...scope, body: { contains: `"userId":${JSON.stringify(person.id)}` } }, select: { id: true, body: true } });
  const changed: string[] = [];
  for (const post of posts) {
    const json = withoutMentionOf(post.body, person.id, FORMER_MEMBER);
    const body = json ? composePostBody({ body: json, bodyText: "" }) : null;
    if (!body) continue;
    await tx.post.update({ where: { id: post.id }, data: { body: body.rendered.json, bodyHtml: body.rendered.html, bodyText: body.rendered.text } });
    changed.push(post.id);
  }
  if (changed.length) {
    const revisions = await tx.postRevision.findMany({ where: { postId: { in: changed }, bodyHtml: { contains: `@${person.name}` } }, select: { id: true, bodyHtml: true } });
    for (const r of revisions) await tx.postRevision.update({ where: { id: r.id }, data: { bodyHtml: r.bodyHtml.split(`@${person.name}`).join(`@${FORMER_MEMBER}`) } });
  }
  return changed;
}

/** Deletes the person's lessons in the organisation, with their search entries and the session reviews that pointed at them. */
async function deleteLessons(tx: Tx, userId: string, organisationId: string): Promise<number> {
  const lessons = await tx.lesson.findMany({ where: { organisationId, authorId: userId }, select: { id: true } });
  const ids = lessons.map((l) => l.id);
  if (!ids.length) return 0;
  await tx.$executeRaw`DELETE FROM search_index WHERE kind = 'lesson' AND ref_id IN (${Prisma.join(ids)})`;
  await tx.sessionReviewItem.deleteMany({ where: { kind: "lesson", refId: { in: ids } } });
  // Goals, tags, revisions, comments, "useful" marks and call assessments go with the lesson (onDelete: Cascade).
  await tx.lesson.deleteMany({ where: { id: { in: ids } } });
  return ids.length;
}

/**
 * Takes the person out of one organisation: the membership ends, what they
 * wrote there is kept by "a former member" (or, for lessons, deleted when so
 * chosen), and what was only about them there (notifications, follows, reads,
 * reactions, votes, invitations to their address) is deleted.
 */
async function eraseFromOrganisation(tx: Tx, person: Person, organisationId: string, lessons: DepartedLessons) {
  const userId = person.id;
  const inOrg = { organisationId };
  const deletedLessons = lessons === "delete" ? await deleteLessons(tx, userId, organisationId) : 0;
  const keptLessons = (await tx.lesson.updateMany({ where: { ...inOrg, authorId: userId }, data: { authorId: null } })).count;
  await tx.lessonRevision.updateMany({ where: { editorId: userId, lesson: inOrg }, data: { editorId: null } });
  await tx.lessonComment.updateMany({ where: { authorId: userId, lesson: inOrg }, data: { authorId: null } });
  await tx.lessonUseful.deleteMany({ where: { userId, lesson: inOrg } });

  await tx.thread.updateMany({ where: { ...inOrg, authorId: userId }, data: { authorId: null } });
  const posts = (await tx.post.updateMany({ where: { authorId: userId, thread: inOrg }, data: { authorId: null } })).count;
  await tx.postRevision.updateMany({ where: { editorId: userId, post: { thread: inOrg } }, data: { editorId: null } });
  await tx.postReaction.deleteMany({ where: { userId, post: { thread: inOrg } } });
  await tx.threadRead.deleteMany({ where: { userId, thread: inOrg } });
  await tx.threadFollow.deleteMany({ where: { userId, thread: inOrg } });
  await tx.notification.deleteMany({ where: { ...inOrg, userId } });
  await tx.notification.updateMany({ where: { ...inOrg, actorId: userId }, data: { actorId: null } });
  await tx.moderationAct.updateMany({ where: { ...inOrg, actorId: userId }, data: { actorId: null } });

  await tx.sessionSeries.updateMany({ where: { ...inOrg, createdById: userId }, data: { createdById: null } });
  await tx.learningSession.updateMany({ where: { ...inOrg, createdById: userId }, data: { createdById: null } });
  await tx.sessionTemplate.updateMany({ where: { ...inOrg, createdById: userId }, data: { createdById: null } });
  await tx.sessionParticipant.deleteMany({ where: { userId, session: inOrg } });
  await tx.sessionNote.updateMany({ where: { authorId: userId, session: inOrg }, data: { authorId: null } });
  await tx.noteVote.deleteMany({ where: { userId, session: inOrg } });
  await tx.actionItem.updateMany({ where: { ...inOrg, ownerId: userId }, data: { ownerId: null } });

  await tx.call.updateMany({ where: { ...inOrg, authorId: userId }, data: { authorId: null } });
  await tx.callLesson.updateMany({ where: { assessedById: userId, call: inOrg }, data: { assessedById: null } });
  await tx.studyVisit.updateMany({ where: { ...inOrg, createdById: userId }, data: { createdById: null } });
  await tx.studyVisitParticipant.deleteMany({ where: { userId, studyVisit: inOrg } });
  await tx.networkQuestionnaire.updateMany({ where: { ...inOrg, authorId: userId }, data: { authorId: null } });
  await tx.networkAnswer.updateMany({ where: { ...inOrg, answeredById: userId }, data: { answeredById: null } });
  await tx.networkMember.updateMany({ where: { ...inOrg, invitedById: userId }, data: { invitedById: null } });

  // Their own invitation holds their address; invitations they sent stay valid for the people invited.
  await tx.invitation.deleteMany({ where: { ...inOrg, email: person.email } });
  await tx.invitation.updateMany({ where: { ...inOrg, acceptedById: userId }, data: { acceptedById: null } });
  await tx.membership.deleteMany({ where: { ...inOrg, userId } });
  await scrubAuditLog(tx, person, organisationId);
  const unmentioned = await unmention(tx, person, organisationId);
  return { deletedLessons, keptLessons, posts, unmentioned };
}

const summary = (r: { deletedLessons: number; keptLessons: number; posts: number }) =>
  `lessons kept: ${r.keptLessons}, lessons deleted: ${r.deletedLessons}, posts: ${r.posts}`;

/** The organisations where the person is the only admin: they must name another before they go. */
export async function organisationsOnlyAdministeredBy(userId: string) {
  const adminOf = await db.membership.findMany({ where: { userId, role: "admin" }, select: { organisation: { select: { id: true, name: true } } } });
  const alone = [];
  for (const { organisation } of adminOf) {
    const admins = await db.membership.count({ where: { organisationId: organisation.id, role: "admin" } });
    if (admins <= 1) alone.push(organisation.name);
  }
  return alone;
}

/** Thrown inside the deletion's transaction, so that it rolls back, when an organisation would be left without an admin. */
class OnlyAdmin extends Error {
  constructor(readonly organisation: string) {
    super(`the only admin of ${organisation}`);
  }
}

export type DeletionResult = { ok: true } | { ok: false; error: "wrongPassword" } | { ok: false; error: "rateLimited" } | { ok: false; error: "onlyAdmin"; organisations: string[] };

/**
 * Deletes the signed-in person's account, if the password is theirs and no
 * organisation would be left without an admin. In one transaction: every
 * membership is erased as above (lessons per each organisation's setting),
 * each organisation's log gets one event by "a former member", and the user
 * row goes, with its sessions and everything else that hangs on it.
 */
export async function deleteOwnAccount(userId: string, password: string, ip: string): Promise<DeletionResult> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, name: true, email: true, passwordHash: true } });
  // Guesses here count against the same limit as sign-in attempts, so a stolen session cannot try passwords freely.
  if ((await secondsUntilAllowed("signInAccount", user.email)) > 0) return { ok: false, error: "rateLimited" };
  if (!(await verifyPassword(user.passwordHash, password))) {
    await countAttempt("signInAccount", user.email);
    return { ok: false, error: "wrongPassword" };
  }
  const alone = await organisationsOnlyAdministeredBy(userId);
  if (alone.length) return { ok: false, error: "onlyAdmin", organisations: alone };
  const person = { id: user.id, name: user.name, email: user.email };

  const memberships = await db.membership.findMany({ where: { userId }, select: { role: true, organisation: { select: { id: true, name: true, departedLessons: true } } } });
  const unmentioned = await db.$transaction(async (tx) => {
    // Again inside the transaction: two admins of one organisation deleting their accounts at once must not both go.
    // PostgreSQL reads committed rows only, so the admins' rows are locked first; SQLite lets one writer at a time commit.
    for (const { organisation, role } of memberships) {
      if (role === "admin" && onPostgres) await tx.$queryRaw`SELECT id FROM "Membership" WHERE "organisationId" = ${organisation.id} AND role = 'admin' FOR UPDATE`;
      if (role === "admin" && (await tx.membership.count({ where: { organisationId: organisation.id, role: "admin" } })) <= 1) throw new OnlyAdmin(organisation.name);
    }
    const reindex: string[] = [];
    for (const { organisation } of memberships) {
      const lessons = isDepartedLessons(organisation.departedLessons) ? organisation.departedLessons : "keep";
      const result = await eraseFromOrganisation(tx, person, organisation.id, lessons);
      await tx.auditEvent.create({ data: formerMemberEvent(organisation.id, "account-deleted", summary(result), ip) });
      reindex.push(...result.unmentioned);
    }
    // What is left from organisations they had already left: kept by a former member, as above.
    await scrubAuditLog(tx, person, null);
    await tx.invitation.deleteMany({ where: { email: person.email } });
    await tx.sessionTemplate.updateMany({ where: { createdById: userId }, data: { createdById: null } });
    // Relations to the user end by the schema's own rules: sessions, follows, reactions and the like are
    // deleted (Cascade), authorship elsewhere becomes empty (SetNull).
    await tx.user.delete({ where: { id: userId } });
    return [...reindex, ...(await unmention(tx, person, null))];
  }).catch((error: unknown) => {
    if (error instanceof OnlyAdmin) return error;
    throw error;
  });
  if (unmentioned instanceof OnlyAdmin) return { ok: false, error: "onlyAdmin", organisations: [unmentioned.organisation] };
  for (const postId of unmentioned) await indexPost(postId);
  publishAccessEvent({ type: "user-signed-out-everywhere", userId });
  return { ok: true };
}

export type ErasureResult = { ok: true } | { ok: false; error: "notFound" | "lastAdmin" | "self" };

/** An admin's answer to a request for erasure: the person leaves the organisation and their traces there with it. */
export async function eraseMember(organisationId: string, userId: string, lessons: DepartedLessons, by: { actorId: string; ip: string }): Promise<ErasureResult> {
  const membership = await db.membership.findUnique({
    where: { userId_organisationId: { userId, organisationId } },
    select: { role: true, user: { select: { id: true, name: true, email: true } } },
  });
  if (!membership) return { ok: false, error: "notFound" };
  // An admin's own data goes with their account (My account), where the password is asked.
  if (userId === by.actorId) return { ok: false, error: "self" };
  if (membership.role === "admin" && (await db.membership.count({ where: { organisationId, role: "admin" } })) <= 1) return { ok: false, error: "lastAdmin" };
  const actor = await db.user.findUniqueOrThrow({ where: { id: by.actorId }, select: { name: true } });
  const unmentioned = await db.$transaction(async (tx) => {
    const result = await eraseFromOrganisation(tx, membership.user, organisationId, lessons);
    // The admin is named; the person is not (the event's subject is a former member).
    await tx.auditEvent.create({
      data: { organisationId, actorId: by.actorId, actorName: actor.name, action: "member-erased", detail: summary(result), ip: by.ip },
    });
    return result.unmentioned;
  });
  for (const postId of unmentioned) await indexPost(postId);
  await rotateSessionsOf(userId);
  publishAccessEvent({ type: "membership-ended", userId, organisationId });
  return { ok: true };
}

/** What the confirm page tells the person before they delete their account. */
export async function deletionPreview(userId: string) {
  const memberships = await db.membership.findMany({
    where: { userId },
    orderBy: { organisation: { name: "asc" } },
    select: { organisation: { select: { name: true, departedLessons: true } } },
  });
  return {
    onlyAdminOf: await organisationsOnlyAdministeredBy(userId),
    lessons: memberships.map(({ organisation }) => ({ organisation: organisation.name, departedLessons: organisation.departedLessons === "delete" ? "delete" : "keep" })),
  };
}

export async function departedLessonsSetting(organisationId: string): Promise<DepartedLessons> {
  const organisation = await db.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { departedLessons: true } });
  return isDepartedLessons(organisation.departedLessons) ? organisation.departedLessons : "keep";
}

export async function setDepartedLessons(organisationId: string, departedLessons: DepartedLessons): Promise<void> {
  await db.organisation.update({ where: { id: organisationId }, data: { departedLessons } });
}
