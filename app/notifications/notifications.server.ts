import { db } from "~/db.server";
import { publishLive, userRoom } from "~/live/live-events.server";
import { sendMail } from "~/mail/mailer.server";
import { pageOfPost } from "~/threads/options";

export type PostNotice = {
  thread: { id: string; title: string; organisationId: string; networkId: string | null };
  post: { id: string; number: number; excerpt: string };
  actor: { id: string; name: string };
  // Everyone the post mentions now, and who it mentioned before an edit (not told twice).
  mentioned: string[];
  alreadyMentioned?: string[];
  isNewReply: boolean;
  origin: string;
};

/** Keep only the users who may read the thread: its organisation's members, and for a shared category those of the network's member organisations. */
async function readersAmong(userIds: string[], thread: PostNotice["thread"]): Promise<string[]> {
  if (!userIds.length) return [];
  const users = await db.user.findMany({
    where: { id: { in: userIds }, memberships: {
        some: thread.networkId
          ? { OR: [{ organisationId: thread.organisationId }, { organisation: { networks: { some: { networkId: thread.networkId, status: "member" } } } }] }
          : { organisationId: thread.organisationId },
      },
    },
    select: { id: true },
  });
  return users.map((u) => u.id);
}

/** The workspace a recipient opens the thread from: the thread's organisation if they belong to it. */
async function linkFor(userId: string, notice: PostNotice): Promise<string> {
  const memberships = await db.membership.findMany({ where: { userId }, select: { organisationId: true, organisation: { select: { slug: true } } } });
  const home = memberships.find((m) => m.organisationId === notice.thread.organisationId) ?? memberships[0];
  return `/o/${home?.organisation.slug ?? ""}/daily/${notice.thread.id}?page=${pageOfPost(notice.post.number)}#post-${notice.post.number}`;
}

export async function unreadCount(userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

async function announce(userId: string): Promise<void> {
  publishLive(userRoom(userId), "notification:new", { unread: await unreadCount(userId) });
}

/**
 * Tell the people a post concerns: whoever it @mentions, and — for a new
 * reply — everyone following the thread. In-app at once; by mail as each
 * person prefers.
 */
export async function notifyAboutPost(notice: PostNotice): Promise<{ mentioned: string[]; replied: string[] }> {
  const skip = new Set([notice.actor.id, ...(notice.alreadyMentioned ?? [])]);
  const mentioned = await readersAmong([...new Set(notice.mentioned)].filter((id) => !skip.has(id)), notice.thread);
  let replied: string[] = [];
  if (notice.isNewReply) {
    const followers = await db.threadFollow.findMany({ where: { threadId: notice.thread.id }, select: { userId: true } });
    const already = new Set([notice.actor.id, ...mentioned]);
    replied = await readersAmong(followers.map((f) => f.userId).filter((id) => !already.has(id)), notice.thread);
  }
  const rows = [
    ...mentioned.map((userId) => ({ userId, type: "mention" })),
    ...replied.map((userId) => ({ userId, type: "reply" })),
  ].map((r) => ({ ...r, organisationId: notice.thread.organisationId, actorId: notice.actor.id, threadId: notice.thread.id, postId: notice.post.id }));
  if (!rows.length) return { mentioned, replied };
  await db.notification.createMany({ data: rows });
  await Promise.all(rows.map((r) => announce(r.userId)));

  const recipients = await db.user.findMany({
    where: { id: { in: rows.map((r) => r.userId) } },
    select: { id: true, email: true, locale: true, mailOnMention: true, mailOnReply: true },
  });
  for (const recipient of recipients) {
    const type = mentioned.includes(recipient.id) ? "mention" : "reply";
    if (type === "mention" ? !recipient.mailOnMention : !recipient.mailOnReply) continue;
    const link = notice.origin + (await linkFor(recipient.id, notice));
    const english = recipient.locale === "en";
    const subject =
      type === "mention"
        ? english
          ? `${notice.actor.name} mentioned you in "${notice.thread.title}"`
          : `${notice.actor.name} nämnde dig i ”${notice.thread.title}”`
        : english
          ? `New reply in "${notice.thread.title}"`
          : `Nytt svar i ”${notice.thread.title}”`;
    const footer = english
      ? "You can change which mails Lärloop sends you under Notifications."
      : "Du kan välja vilka mejl Lärloop skickar under Aviseringar.";
    await sendMail({ to: recipient.email, subject, text: `${notice.post.excerpt}\n\n${link}\n\n${footer}` }).catch((error) =>
      console.error("[mail] notification failed", error),
    );
  }
  return { mentioned, replied };
}

/**
 * Invite people to a session (the first of a series): a notification at once
 * and a mail with the link, where the invitation can be answered and added to a calendar.
 */
export async function notifySessionInvite(args: {
  session: { id: string; title: string; organisationId: string; organisationSlug: string; startsAt: Date };
  inviteeIds: string[];
  actor: { id: string; name: string };
  origin: string;
}): Promise<void> {
  const invitees = args.inviteeIds.filter((id) => id !== args.actor.id);
  if (!invitees.length) return;
  await db.notification.createMany({
    data: invitees.map((userId) => ({ userId, organisationId: args.session.organisationId, type: "session-invite", actorId: args.actor.id, sessionId: args.session.id })),
  });
  await Promise.all(invitees.map((id) => announce(id)));
  const recipients = await db.user.findMany({
    where: { id: { in: invitees } },
    select: { id: true, email: true, locale: true, memberships: { select: { organisationId: true, organisation: { select: { slug: true } } } } },
  });
  const when = args.session.startsAt.toLocaleString("sv-SE", { timeZone: "Europe/Stockholm", dateStyle: "short", timeStyle: "short" });
  for (const recipient of recipients) {
    const own = recipient.memberships.find((m) => m.organisationId === args.session.organisationId);
    const slug = own?.organisation.slug ?? recipient.memberships[0]?.organisation.slug ?? args.session.organisationSlug;
    const link = `${args.origin}/o/${slug}/sessions/${args.session.id}`;
    const english = recipient.locale === "en";
    await sendMail({
      to: recipient.email,
      subject: english ? `Invitation: ${args.session.title} (${when})` : `Inbjudan: ${args.session.title} (${when})`,
      text: english
        ? `${args.actor.name} invites you to the learning session "${args.session.title}" on ${when}.\n\nAnswer and add it to your calendar:\n${link}`
        : `${args.actor.name} bjuder in dig till lärtillfället ”${args.session.title}” ${when}.\n\nSvara och lägg till i din kalender:\n${link}`,
    }).catch((error) => console.error("[mail] invitation failed", error));
  }
}

export async function listNotifications(userId: string) {
  const rows = await db.notification.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: {
      id: true,
      type: true,
      readAt: true,
      createdAt: true,
      actor: { select: { name: true } },
      thread: { select: { id: true, title: true, organisationId: true } },
      post: { select: { number: true } },
      session: { select: { id: true, title: true, organisationId: true } },
    },
  });
  const memberships = await db.membership.findMany({ where: { userId }, select: { organisationId: true, organisation: { select: { slug: true } } } });
  const slugOf = (organisationId: string) =>
    (memberships.find((m) => m.organisationId === organisationId) ?? memberships[0])?.organisation.slug ?? "";
  return rows.map((n) => ({
    id: n.id,
    type: n.type,
    read: Boolean(n.readAt),
    createdAt: n.createdAt.toISOString(),
    actor: n.actor?.name ?? null,
    threadTitle: n.thread?.title ?? n.session?.title ?? null,
    href: n.thread
      ? `/o/${slugOf(n.thread.organisationId)}/daily/${n.thread.id}?page=${pageOfPost(n.post?.number ?? 1)}#post-${n.post?.number ?? 1}`
      : n.session
        ? `/o/${slugOf(n.session.organisationId)}/sessions/${n.session.id}`
        : null,
  }));
}

export async function markNotificationsRead(userId: string, ids: string[] | "all"): Promise<void> {
  await db.notification.updateMany({
    where: { userId, readAt: null, ...(ids === "all" ? {} : { id: { in: ids } }) },
    data: { readAt: new Date() },
  });
  await announce(userId);
}

/** Reading a thread page reads the notifications about its posts. */
export async function markThreadNotificationsRead(userId: string, threadId: string, upToNumber: number): Promise<void> {
  const { count } = await db.notification.updateMany({
    where: { userId, threadId, readAt: null, post: { number: { lte: upToNumber } } },
    data: { readAt: new Date() },
  });
  if (count) await announce(userId);
}

export type NotificationPreferences = { mailOnMention: boolean; mailOnReply: boolean; followOnPost: boolean };

export function preferencesOf(userId: string) {
  return db.user.findUniqueOrThrow({ where: { id: userId }, select: { mailOnMention: true, mailOnReply: true, followOnPost: true } });
}

export async function savePreferences(userId: string, preferences: NotificationPreferences): Promise<void> {
  await db.user.update({ where: { id: userId }, data: preferences });
}
