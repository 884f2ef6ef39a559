import { auditByViewer, recordAudit } from "~/audit/audit.server";
import { db } from "~/db.server";
import { publishAccessEvent } from "~/live/access-events.server";
import type { Viewer } from "~/lessons/lessons.server";
import { networkRoom, organisationRoom, publishLive, threadRoom } from "~/live/live-events.server";
import { notifyAboutPost } from "~/notifications/notifications.server";
import { indexPost, indexThread } from "~/search/search-index.server";
import { mentionedUserIds } from "./mention-node";
import type { Reaction } from "./options";
import type { PostBody } from "./post-body.server";
import { canModerate, categoryReadableWhere, findReadableThread, loadPostView, type PostView } from "./threads.server";

// Every change to a thread is saved first, then told to everyone viewing it
// (socket.io room per thread) and to the thread lists (organisation room, or
// the whole network for a shared category).

type Failure = "notFound" | "forbidden" | "locked" | "invalidLinks";
export type Result<T> = { ok: true; value: T } | { ok: false; error: Failure };
const fail = (error: Failure) => ({ ok: false, error }) as const;

function excerptOf(text: string, length = 300) {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > length ? `${flat.slice(0, length)}…` : flat;
}

async function announceActivity(threadId: string, actorId: string | null = null): Promise<void> {
  const thread = await db.thread.findUnique({
    where: { id: threadId },
    select: { id: true, title: true, postCount: true, lastPostAt: true, organisationId: true, lockedAt: true, category: { select: { id: true, networkId: true } } },
  });
  if (!thread) return;
  const activity = {
    threadId: thread.id,
    categoryId: thread.category.id,
    title: thread.title,
    postCount: thread.postCount,
    replies: Math.max(0, thread.postCount - 1),
    lastPostAt: thread.lastPostAt.toISOString(),
    locked: Boolean(thread.lockedAt),
    actorId,
  };
  publishLive(thread.category.networkId ? networkRoom(thread.category.networkId) : organisationRoom(thread.organisationId), "thread:activity", activity);
}

function publishPost(event: "thread:post" | "thread:post-updated", threadId: string, post: PostView) {
  publishLive(threadRoom(threadId), event, { threadId, post });
}

async function follow(userId: string, threadId: string) {
  await db.threadFollow.upsert({ where: { threadId_userId: { threadId, userId } }, create: { threadId, userId }, update: {} });
}

/** Goals, tags and the project must belong to the thread's organisation. */
async function linksBelongTo(organisationId: string, links: { goalIds: string[]; tagIds: string[]; projectId?: string }) {
  const [goals, tags, project] = await Promise.all([
    db.goal.count({ where: { organisationId, id: { in: links.goalIds } } }),
    db.tag.count({ where: { organisationId, id: { in: links.tagIds } } }),
    links.projectId ? db.project.count({ where: { organisationId, id: links.projectId } }) : Promise.resolve(1),
  ]);
  return goals === new Set(links.goalIds).size && tags === new Set(links.tagIds).size && project === 1;
}

export type NewThread = { categoryId: string; title: string; goalIds: string[]; tagIds: string[]; projectId?: string };

/** Start a thread in a category the viewer may post in, with its opening post. */
export async function startThread(viewer: Viewer, input: NewThread, body: PostBody, origin: string): Promise<Result<{ threadId: string }>> {
  const category = await db.category.findFirst({ where: { AND: [{ id: input.categoryId }, categoryReadableWhere(viewer)] } });
  if (!category) return fail("notFound");
  // Goals and tags are the category organisation's own; a partner posting in a shared category has none to pick.
  if (!(await linksBelongTo(category.organisationId, input))) return fail("invalidLinks");
  const author = await db.user.findUniqueOrThrow({ where: { id: viewer.userId }, select: { name: true } });
  const thread = await db.$transaction(async (tx) => {
    const created = await tx.thread.create({
      data: {
        organisationId: category.organisationId,
        categoryId: category.id,
        authorId: viewer.userId,
        projectId: input.projectId || null,
        title: input.title,
        postCount: 1,
        goals: { create: [...new Set(input.goalIds)].map((goalId) => ({ goalId })) },
        tags: { create: [...new Set(input.tagIds)].map((tagId) => ({ tagId })) },
      },
    });
    const post = await tx.post.create({
      data: {
        threadId: created.id,
        authorId: viewer.userId,
        authorOrganisationId: viewer.organisationId,
        number: 1,
        body: body.rendered.json,
        bodyHtml: body.rendered.html,
        bodyText: body.rendered.text,
      },
    });
    // Whoever starts a thread follows it, so that replies reach them.
    await tx.threadFollow.create({ data: { threadId: created.id, userId: viewer.userId } });
    await tx.threadRead.create({ data: { threadId: created.id, userId: viewer.userId, lastReadNumber: 1 } });
    return { ...created, postId: post.id };
  });
  await indexPost(thread.postId);
  await announceActivity(thread.id, viewer.userId);
  await notifyAboutPost({
    thread: { id: thread.id, title: thread.title, organisationId: thread.organisationId, networkId: category.networkId },
    post: { id: thread.postId, number: 1, excerpt: excerptOf(body.rendered.text) },
    actor: { id: viewer.userId, name: author.name },
    mentioned: body.mentions,
    isNewReply: false,
    origin,
  });
  return { ok: true, value: { threadId: thread.id } };
}

/** Reply to a thread, optionally quoting one of its posts. Locked threads take replies from moderators only. */
export async function reply(viewer: Viewer, threadId: string, body: PostBody, quotedPostId: string | undefined, origin: string): Promise<Result<PostView>> {
  const thread = await findReadableThread(viewer, threadId);
  if (!thread) return fail("notFound");
  if (thread.lockedAt && !canModerate(viewer, thread)) return fail("locked");
  const quoted = quotedPostId ? await db.post.findFirst({ where: { id: quotedPostId, threadId, deletedAt: null }, select: { id: true } }) : null;
  const author = await db.user.findUniqueOrThrow({ where: { id: viewer.userId }, select: { name: true, followOnPost: true } });
  const post = await db.$transaction(async (tx) => {
    // The increment takes the write lock, so two replies never get the same number.
    const { postCount } = await tx.thread.update({ where: { id: threadId }, data: { postCount: { increment: 1 }, lastPostAt: new Date() } });
    return tx.post.create({
      data: {
        threadId,
        authorId: viewer.userId,
        authorOrganisationId: viewer.organisationId,
        number: postCount,
        body: body.rendered.json,
        bodyHtml: body.rendered.html,
        bodyText: body.rendered.text,
        quotedPostId: quoted?.id ?? null,
      },
      select: { id: true, number: true },
    });
  });
  if (author.followOnPost) await follow(viewer.userId, threadId);
  await db.threadRead.upsert({
    where: { threadId_userId: { threadId, userId: viewer.userId } },
    create: { threadId, userId: viewer.userId, lastReadNumber: post.number },
    update: { lastReadNumber: post.number },
  });
  const view = (await loadPostView(post.id))!;
  publishPost("thread:post", threadId, view);
  await announceActivity(threadId, viewer.userId);
  await indexPost(post.id);
  await notifyAboutPost({
    thread: { id: threadId, title: thread.title, organisationId: thread.organisationId, networkId: thread.category.networkId },
    post: { id: post.id, number: post.number, excerpt: excerptOf(body.rendered.text) },
    actor: { id: viewer.userId, name: author.name },
    mentioned: body.mentions,
    isNewReply: true,
    origin,
  });
  return { ok: true, value: view };
}

async function ownPost(viewer: Viewer, threadId: string, postId: string) {
  const thread = await findReadableThread(viewer, threadId);
  if (!thread) return null;
  const post = await db.post.findFirst({ where: { id: postId, threadId } });
  return post ? { thread, post } : null;
}

/** The post to edit, if the viewer wrote it and may still change it. */
export async function findEditablePost(viewer: Viewer, threadId: string, postId: string) {
  const found = await ownPost(viewer, threadId, postId);
  if (!found || found.post.deletedAt || found.post.authorId !== viewer.userId) return null;
  if (found.thread.lockedAt && !canModerate(viewer, found.thread)) return null;
  return found;
}

/** Edit one's own post; the text before the edit is kept in its history. */
export async function editPost(viewer: Viewer, threadId: string, postId: string, body: PostBody, origin: string): Promise<Result<PostView>> {
  const found = await findEditablePost(viewer, threadId, postId);
  if (!found) return fail("notFound");
  const { thread, post } = found;
  if (post.body === body.rendered.json) return { ok: true, value: (await loadPostView(post.id))! };
  await db.$transaction([
    db.postRevision.create({ data: { postId: post.id, editorId: viewer.userId, bodyHtml: post.bodyHtml } }),
    db.post.update({
      where: { id: post.id },
      data: { body: body.rendered.json, bodyHtml: body.rendered.html, bodyText: body.rendered.text, editedAt: new Date() },
    }),
  ]);
  const view = (await loadPostView(post.id))!;
  publishPost("thread:post-updated", threadId, view);
  await indexPost(post.id);
  const author = await db.user.findUniqueOrThrow({ where: { id: viewer.userId }, select: { name: true } });
  await notifyAboutPost({
    thread: { id: threadId, title: thread.title, organisationId: thread.organisationId, networkId: thread.category.networkId },
    post: { id: post.id, number: post.number, excerpt: excerptOf(body.rendered.text) },
    actor: { id: viewer.userId, name: author.name },
    mentioned: body.mentions,
    alreadyMentioned: mentionedUserIds(post.body),
    isNewReply: false,
    origin,
  });
  return { ok: true, value: view };
}

/** Remove one's own post (a moderator may remove any): it stays in place, shown as removed. */
export async function deletePost(viewer: Viewer, threadId: string, postId: string): Promise<Result<PostView>> {
  const found = await ownPost(viewer, threadId, postId);
  if (!found || found.post.deletedAt) return fail("notFound");
  if (found.post.authorId !== viewer.userId && !canModerate(viewer, found.thread)) return fail("forbidden");
  await db.post.update({ where: { id: postId }, data: { deletedAt: new Date() } });
  await recordAudit(auditByViewer(viewer), { organisationId: viewer.organisationId, action: "deleted", target: { type: "post", id: postId }, detail: found.thread.title });
  const view = (await loadPostView(postId))!;
  publishPost("thread:post-updated", threadId, view);
  await indexPost(postId);
  return { ok: true, value: view };
}

/** Add the viewer's reaction of this kind, or take it back. */
export async function toggleReaction(viewer: Viewer, threadId: string, postId: string, kind: Reaction): Promise<Result<PostView>> {
  const found = await ownPost(viewer, threadId, postId);
  if (!found || found.post.deletedAt || found.post.hiddenAt) return fail("notFound");
  const key = { postId_userId_kind: { postId, userId: viewer.userId, kind } };
  await db.$transaction(async (tx) => {
    if (await tx.postReaction.findUnique({ where: key })) await tx.postReaction.delete({ where: key });
    else await tx.postReaction.create({ data: { postId, userId: viewer.userId, kind } });
    // Readers who were away catch up on posts changed since; a reaction is a change.
    await tx.post.update({ where: { id: postId }, data: { updatedAt: new Date() } });
  });
  const view = (await loadPostView(postId))!;
  publishPost("thread:post-updated", threadId, view);
  return { ok: true, value: view };
}

export async function setFollowing(viewer: Viewer, threadId: string, following: boolean): Promise<boolean> {
  if (!(await findReadableThread(viewer, threadId))) return false;
  if (following) await follow(viewer.userId, threadId);
  else await db.threadFollow.deleteMany({ where: { threadId, userId: viewer.userId } });
  return true;
}

// ── Moderation: the thread organisation's admins, every act logged ─────────

async function moderated(viewer: Viewer, threadId: string) {
  const thread = await findReadableThread(viewer, threadId);
  if (!thread) return { error: "notFound" as const };
  if (!canModerate(viewer, thread)) return { error: "forbidden" as const };
  return { thread };
}

export async function setPostHidden(viewer: Viewer, threadId: string, postId: string, hidden: boolean, reason: string): Promise<Result<PostView>> {
  const check = await moderated(viewer, threadId);
  if ("error" in check) return fail(check.error!);
  const post = await db.post.findFirst({ where: { id: postId, threadId, deletedAt: null } });
  if (!post) return fail("notFound");
  await db.$transaction([
    db.post.update({ where: { id: postId }, data: hidden ? { hiddenAt: new Date(), hiddenReason: reason } : { hiddenAt: null, hiddenReason: "" } }),
    db.moderationAct.create({
      data: { organisationId: viewer.organisationId, actorId: viewer.userId, action: hidden ? "hide-post" : "unhide-post", threadId, postId, reason },
    }),
  ]);
  await recordAudit(auditByViewer(viewer), { organisationId: viewer.organisationId, action: "moderation", target: { type: "post", id: postId }, detail: hidden ? `hide-post: ${reason}` : "unhide-post" });
  const view = (await loadPostView(postId))!;
  publishPost("thread:post-updated", threadId, view);
  await indexPost(postId);
  return { ok: true, value: view };
}

export async function setThreadLocked(viewer: Viewer, threadId: string, locked: boolean): Promise<Result<null>> {
  const check = await moderated(viewer, threadId);
  if ("error" in check) return fail(check.error!);
  await db.$transaction([
    db.thread.update({ where: { id: threadId }, data: { lockedAt: locked ? new Date() : null } }),
    db.moderationAct.create({ data: { organisationId: viewer.organisationId, actorId: viewer.userId, action: locked ? "lock-thread" : "unlock-thread", threadId } }),
  ]);
  await recordAudit(auditByViewer(viewer), { organisationId: viewer.organisationId, action: "moderation", target: { type: "thread", id: threadId }, detail: locked ? "lock-thread" : "unlock-thread" });
  publishLive(threadRoom(threadId), "thread:state", { threadId, locked });
  await announceActivity(threadId);
  return { ok: true, value: null };
}

export async function moveThread(viewer: Viewer, threadId: string, categoryId: string): Promise<Result<null>> {
  const check = await moderated(viewer, threadId);
  if ("error" in check) return fail(check.error!);
  const target = await db.category.findFirst({ where: { id: categoryId, organisationId: viewer.organisationId } });
  if (!target) return fail("notFound");
  if (target.id === check.thread!.categoryId) return { ok: true, value: null };
  await db.$transaction([
    db.thread.update({ where: { id: threadId }, data: { categoryId } }),
    db.moderationAct.create({
      data: {
        organisationId: viewer.organisationId,
        actorId: viewer.userId,
        action: "move-thread",
        threadId,
        detail: `${check.thread!.category.name} → ${target.name}`,
      },
    }),
  ]);
  await recordAudit(auditByViewer(viewer), { organisationId: viewer.organisationId, action: "moderation", target: { type: "thread", id: threadId }, detail: `move-thread: ${check.thread!.category.name} → ${target.name}` });
  // Moving into another network or out of a shared category changes who may find it, and who may keep watching it.
  await indexThread(threadId);
  if (check.thread!.category.networkId && check.thread!.category.networkId !== target.networkId) {
    publishAccessEvent({ type: "threads-unshared", threadIds: [threadId], organisationId: viewer.organisationId });
  }
  publishLive(threadRoom(threadId), "thread:state", { threadId, categoryId });
  await announceActivity(threadId);
  return { ok: true, value: null };
}
