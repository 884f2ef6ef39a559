import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/db.server";
import { goalWithDescendants } from "~/goals/goals.server";
import { readableWhere as lessonReadableWhere, type Viewer } from "~/lessons/lessons.server";
import { joinedBy } from "~/networks/networks.server";
import { hasRole } from "~/organisations/roles";
import { POSTS_PER_PAGE, REACTIONS, THREADS_PER_PAGE, type Reaction, type ThreadSort } from "./options";

// Threads are read within their organisation; a category shared with a
// network opens its threads to the members of that network's organisations.

export function threadReadableWhere(viewer: Viewer): Prisma.ThreadWhereInput {
  return { OR: [{ organisationId: viewer.organisationId }, { category: { network: joinedBy(viewer.organisationId) } }] };
}

export function categoryReadableWhere(viewer: Viewer): Prisma.CategoryWhereInput {
  return { OR: [{ organisationId: viewer.organisationId }, { network: joinedBy(viewer.organisationId) }] };
}

/** Admins moderate their own organisation's threads, wherever the posters come from. */
export const canModerate = (viewer: Viewer, thread: { organisationId: string }) =>
  thread.organisationId === viewer.organisationId && hasRole(viewer.role, "admin");

export function findReadableThread(viewer: Viewer, threadId: string) {
  return db.thread.findFirst({
    where: { AND: [{ id: threadId }, threadReadableWhere(viewer)] },
    include: { category: { select: { id: true, name: true, networkId: true, organisationId: true } } },
  });
}

// ── Posts as readers see them ───────────────────────────────────────────────

export const postSelect = {
  id: true,
  threadId: true,
  number: true,
  bodyHtml: true,
  createdAt: true,
  editedAt: true,
  deletedAt: true,
  hiddenAt: true,
  hiddenReason: true,
  authorId: true,
  author: { select: { id: true, name: true } },
  authorOrganisation: { select: { id: true, name: true } },
  quotedPost: { select: { number: true, bodyText: true, deletedAt: true, hiddenAt: true, author: { select: { name: true } } } },
  reactions: { select: { userId: true, kind: true } },
  lessons: { where: { status: "published" }, select: { id: true, title: true } },
  _count: { select: { revisions: true } },
} satisfies Prisma.PostSelect;

type PostRow = Prisma.PostGetPayload<{ select: typeof postSelect }>;

export type PostView = {
  id: string;
  number: number;
  author: { id: string; name: string } | null;
  // Named when the author wrote from another organisation than the thread's.
  authorOrganisation: string | null;
  html: string;
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
  hiddenReason: string | null;
  quote: { number: number; author: string | null; excerpt: string } | null;
  reactions: Record<Reaction, string[]>;
  revisions: number;
  lessons: { id: string; title: string }[];
};

const excerpt = (text: string, length = 200) => {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > length ? `${flat.slice(0, length)}…` : flat;
};

/** What everyone may see of a post: removed and hidden posts lose their text. */
export function postView(row: PostRow, threadOrganisationId: string): PostView {
  const reactions = Object.fromEntries(REACTIONS.map((kind) => [kind, [] as string[]])) as Record<Reaction, string[]>;
  for (const reaction of row.reactions) reactions[reaction.kind as Reaction]?.push(reaction.userId);
  const quoted = row.quotedPost;
  return {
    id: row.id,
    number: row.number,
    author: row.author,
    authorOrganisation: row.authorOrganisation && row.authorOrganisation.id !== threadOrganisationId ? row.authorOrganisation.name : null,
    html: row.deletedAt || row.hiddenAt ? "" : row.bodyHtml,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    deleted: Boolean(row.deletedAt),
    hiddenReason: row.hiddenAt && !row.deletedAt ? row.hiddenReason : null,
    quote: quoted
      ? { number: quoted.number, author: quoted.author?.name ?? null, excerpt: quoted.deletedAt || quoted.hiddenAt ? "" : excerpt(quoted.bodyText) }
      : null,
    reactions,
    revisions: row._count.revisions,
    lessons: row.lessons,
  };
}

export async function loadPostView(postId: string): Promise<PostView | null> {
  const row = await db.post.findUnique({ where: { id: postId }, select: { ...postSelect, thread: { select: { organisationId: true } } } });
  return row ? postView(row, row.thread.organisationId) : null;
}

// ── Categories ──────────────────────────────────────────────────────────────

/** The viewer's own categories, then partner organisations' shared ones. */
export async function listCategories(viewer: Viewer) {
  const categories = await db.category.findMany({
    where: categoryReadableWhere(viewer),
    orderBy: [{ position: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      description: true,
      template: true,
      networkId: true,
      organisationId: true,
      organisation: { select: { name: true } },
      _count: { select: { threads: true } },
    },
  });
  const own = categories.filter((c) => c.organisationId === viewer.organisationId);
  const partners = categories.filter((c) => c.organisationId !== viewer.organisationId);
  return [...own, ...partners].map((c) => ({
    id: c.id,
    name: c.name,
    description: c.description,
    template: c.template,
    shared: c.networkId !== null,
    own: c.organisationId === viewer.organisationId,
    organisationName: c.organisation.name,
    threadCount: c._count.threads,
  }));
}

// ── Thread lists ────────────────────────────────────────────────────────────

export type ThreadFilters = { categoryId?: string; goalId?: string; tagId?: string; sort: ThreadSort; page: number };

const ORDER: Record<ThreadSort, Prisma.ThreadOrderByWithRelationInput[]> = {
  activity: [{ lastPostAt: "desc" }],
  newest: [{ createdAt: "desc" }],
  replies: [{ postCount: "desc" }, { lastPostAt: "desc" }],
};

export async function listThreads(viewer: Viewer, filters: ThreadFilters) {
  const and: Prisma.ThreadWhereInput[] = [threadReadableWhere(viewer)];
  if (filters.categoryId) and.push({ categoryId: filters.categoryId });
  if (filters.goalId) {
    const goalIds = await goalWithDescendants(viewer.organisationId, filters.goalId);
    and.push({ goals: { some: { goalId: { in: goalIds } } } });
  }
  if (filters.tagId) and.push({ tags: { some: { tagId: filters.tagId } } });
  const where: Prisma.ThreadWhereInput = { AND: and };
  const [total, rows] = await Promise.all([
    db.thread.count({ where }),
    db.thread.findMany({
      where,
      orderBy: ORDER[filters.sort],
      skip: (filters.page - 1) * THREADS_PER_PAGE,
      take: THREADS_PER_PAGE,
      select: {
        id: true,
        title: true,
        postCount: true,
        lastPostAt: true,
        createdAt: true,
        lockedAt: true,
        organisationId: true,
        organisation: { select: { name: true } },
        category: { select: { id: true, name: true, networkId: true } },
        author: { select: { name: true } },
        goals: { select: { goal: { select: { id: true, code: true, name: true } } } },
        tags: { select: { tag: { select: { id: true, name: true } } } },
        reads: { where: { userId: viewer.userId }, select: { lastReadNumber: true } },
      },
    }),
  ]);
  // Counted for the page's threads only: a relation _count here made the database count every lesson on each request.
  const lessonCounts = new Map(
    (
      await db.lesson.groupBy({ by: ["threadId"], where: { threadId: { in: rows.map((t) => t.id) }, status: "published" }, _count: { _all: true } })
    ).map((c) => [c.threadId, c._count._all]),
  );
  return {
    total,
    pages: Math.max(1, Math.ceil(total / THREADS_PER_PAGE)),
    threads: rows.map((t) => {
      const lastRead = t.reads[0]?.lastReadNumber ?? 0;
      return {
        id: t.id,
        title: t.title,
        replies: Math.max(0, t.postCount - 1),
        postCount: t.postCount,
        lastPostAt: t.lastPostAt.toISOString(),
        createdAt: t.createdAt.toISOString(),
        locked: Boolean(t.lockedAt),
        own: t.organisationId === viewer.organisationId,
        organisationName: t.organisation.name,
        category: t.category,
        author: t.author?.name ?? null,
        goals: t.goals.map((g) => g.goal),
        tags: t.tags.map((g) => g.tag),
        lessonCount: lessonCounts.get(t.id) ?? 0,
        // Never opened: the whole thread is new; otherwise what came after the last read post.
        neverRead: t.reads.length === 0,
        unread: Math.max(0, t.postCount - lastRead),
        firstUnread: Math.min(t.postCount, lastRead + 1),
      };
    }),
  };
}

export type ThreadListItem = Awaited<ReturnType<typeof listThreads>>["threads"][number];

// ── One thread ──────────────────────────────────────────────────────────────

/** A thread with one page of its posts, and what the viewer may do there. */
export async function threadPage(viewer: Viewer, threadId: string, page: number) {
  const thread = await db.thread.findFirst({
    where: { AND: [{ id: threadId }, threadReadableWhere(viewer)] },
    include: {
      organisation: { select: { id: true, name: true } },
      category: { select: { id: true, name: true, networkId: true } },
      author: { select: { name: true } },
      project: { select: { id: true, caseNumber: true, name: true } },
      goals: { select: { goal: { select: { id: true, code: true, name: true } } } },
      tags: { select: { tag: { select: { id: true, name: true, dimension: { select: { name: true } } } } } },
      reads: { where: { userId: viewer.userId }, select: { lastReadNumber: true } },
      follows: { where: { userId: viewer.userId }, select: { userId: true } },
    },
  });
  if (!thread) return null;
  const pages = Math.max(1, Math.ceil(thread.postCount / POSTS_PER_PAGE));
  const current = Math.min(Math.max(1, page), pages);
  const from = (current - 1) * POSTS_PER_PAGE + 1;
  const [rows, lessons] = await Promise.all([
    db.post.findMany({
      where: { threadId, number: { gte: from, lt: from + POSTS_PER_PAGE } },
      orderBy: { number: "asc" },
      select: postSelect,
    }),
    db.lesson.findMany({
      where: { AND: [{ threadId }, lessonReadableWhere(viewer)] },
      orderBy: { createdAt: "asc" },
      select: { id: true, title: true, status: true },
    }),
  ]);
  const moderator = canModerate(viewer, thread);
  // Moderators still read what they hid, to judge whether to show it again.
  const hiddenTexts = moderator ? await db.post.findMany({ where: { threadId, id: { in: rows.filter((r) => r.hiddenAt && !r.deletedAt).map((r) => r.id) } }, select: { id: true, bodyHtml: true } }) : [];
  return {
    thread: {
      id: thread.id,
      title: thread.title,
      organisationId: thread.organisationId,
      organisationName: thread.organisation.name,
      own: thread.organisationId === viewer.organisationId,
      category: thread.category,
      author: thread.author?.name ?? null,
      project: thread.project,
      goals: thread.goals.map((g) => g.goal),
      tags: thread.tags.map((t) => ({ id: t.tag.id, name: t.tag.name, dimension: t.tag.dimension.name })),
      postCount: thread.postCount,
      locked: Boolean(thread.lockedAt),
      createdAt: thread.createdAt.toISOString(),
    },
    posts: rows.map((row) => postView(row, thread.organisationId)),
    hiddenTexts: Object.fromEntries(hiddenTexts.map((h) => [h.id, h.bodyHtml])),
    lessons,
    page: current,
    pages,
    lastReadNumber: thread.reads[0]?.lastReadNumber ?? 0,
    following: thread.follows.length > 0,
    canModerate: moderator,
    canReply: !thread.lockedAt || moderator,
  };
}

/** Remember how far the viewer has read; never moves backwards. */
export async function markRead(userId: string, threadId: string, number: number): Promise<void> {
  const existing = await db.threadRead.findUnique({ where: { threadId_userId: { threadId, userId } } });
  if (existing && existing.lastReadNumber >= number) return;
  await db.threadRead.upsert({
    where: { threadId_userId: { threadId, userId } },
    create: { threadId, userId, lastReadNumber: number },
    update: { lastReadNumber: number },
  });
}

/**
 * What a reader who was away missed: every post after the last number they
 * saw, and every earlier post changed since their last sync. The server time
 * is taken first, so a change made while this runs comes again next time
 * rather than never; the client merges by id, so nothing shows twice.
 */
export async function changesSince(viewer: Viewer, threadId: string, afterNumber: number, since: Date | null) {
  const serverTime = new Date();
  const thread = await db.thread.findFirst({
    where: { AND: [{ id: threadId }, threadReadableWhere(viewer)] },
    select: { id: true, organisationId: true, postCount: true, lockedAt: true, categoryId: true },
  });
  if (!thread) return null;
  const [added, changed] = await Promise.all([
    db.post.findMany({ where: { threadId, number: { gt: afterNumber } }, orderBy: { number: "asc" }, take: 500, select: postSelect }),
    since
      ? db.post.findMany({ where: { threadId, number: { lte: afterNumber }, updatedAt: { gte: since } }, orderBy: { number: "asc" }, take: 500, select: postSelect })
      : Promise.resolve([]),
  ]);
  return {
    serverTime: serverTime.toISOString(),
    thread: { postCount: thread.postCount, locked: Boolean(thread.lockedAt), categoryId: thread.categoryId },
    added: added.map((row) => postView(row, thread.organisationId)),
    changed: changed.map((row) => postView(row, thread.organisationId)),
  };
}

/** Members who can be @mentioned in a thread: the viewer's and the thread's organisations. */
export async function mentionableMembers(viewer: Viewer, threadOrganisationId: string | null) {
  const organisationIds = [...new Set([viewer.organisationId, threadOrganisationId ?? viewer.organisationId])];
  const users = await db.user.findMany({
    where: { memberships: { some: { organisationId: { in: organisationIds } } } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
    take: 1000,
  });
  return users;
}

export async function listModerationActs(viewer: Viewer) {
  if (!hasRole(viewer.role, "admin")) return null;
  return db.moderationAct.findMany({
    where: { organisationId: viewer.organisationId },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: {
      id: true,
      action: true,
      reason: true,
      detail: true,
      createdAt: true,
      actor: { select: { name: true } },
      thread: { select: { id: true, title: true } },
      post: { select: { number: true } },
    },
  });
}
