import { db } from "~/db.server";
import { Prisma } from "~/generated/prisma/client";
import { stemText } from "./stemming.server";

// The FTS5 table is written with raw, parameterised SQL: Prisma does not model
// virtual tables (prisma/migrations/*_search_index).

// A thread's entry holds its title and opening post; each reply has its own.
export type Kind = "lesson" | "project" | "thread" | "post";

type Client = Prisma.TransactionClient;

async function replaceEntry(client: Client, kind: Kind, refId: string, organisationId: string, shared: boolean, title: string, body: string) {
  await client.$executeRaw`DELETE FROM search_index WHERE kind = ${kind} AND ref_id = ${refId}`;
  await client.$executeRaw`INSERT INTO search_index (kind, ref_id, organisation_id, shared, title, body)
    VALUES (${kind}, ${refId}, ${organisationId}, ${shared ? 1 : 0}, ${stemText(title)}, ${stemText(body)})`;
}

const LESSON_FIELDS = {
  id: true,
  organisationId: true,
  status: true,
  visibility: true,
  title: true,
  bodyHtml: true,
  context: true,
  whatHappened: true,
  whatWeLearned: true,
  recommendation: true,
  sourceNote: true,
} as const;
type IndexedLesson = Prisma.LessonGetPayload<{ select: typeof LESSON_FIELDS }>;

function lessonText(lesson: IndexedLesson) {
  const bodyText = lesson.bodyHtml.replace(/<[^>]+>/g, " ");
  return [bodyText, lesson.context, lesson.whatHappened, lesson.whatWeLearned, lesson.recommendation, lesson.sourceNote].join("\n");
}

// Other organisations may find a lesson once it is published beyond its own.
const lessonShared = (lesson: IndexedLesson) => lesson.status === "published" && lesson.visibility !== "organisation";

/** (Re)index one lesson after it was saved or its status changed. */
export async function indexLesson(lessonId: string): Promise<void> {
  const lesson = await db.lesson.findUnique({ where: { id: lessonId }, select: LESSON_FIELDS });
  if (!lesson) {
    await db.$executeRaw`DELETE FROM search_index WHERE kind = 'lesson' AND ref_id = ${lessonId}`;
    return;
  }
  await replaceEntry(db, "lesson", lesson.id, lesson.organisationId, lessonShared(lesson), lesson.title, lessonText(lesson));
}

const SLICE = 500;

/**
 * (Re)index projects after an import or an edit, a slice of rows per statement.
 * `new: true` says none of them is indexed yet: it skips the DELETE by ref_id,
 * which scans the whole FTS table (ref_id is an UNINDEXED column).
 */
export async function indexProjects(projectIds: string[], options: { new?: boolean } = {}): Promise<void> {
  await db.$transaction(async (tx) => {
    for (let i = 0; i < projectIds.length; i += SLICE) {
      const ids = projectIds.slice(i, i + SLICE);
      const projects = await tx.project.findMany({
        where: { id: { in: ids } },
        select: { id: true, organisationId: true, caseNumber: true, name: true, beneficiary: true, supportForm: true, statusLabel: true },
      });
      if (!projects.length) continue;
      if (!options.new) await tx.$executeRaw`DELETE FROM search_index WHERE kind = 'project' AND ref_id IN (${Prisma.join(projects.map((p) => p.id))})`;
      const rows = projects.map(
        (p) => Prisma.sql`('project', ${p.id}, ${p.organisationId}, 0, ${stemText(`${p.caseNumber} ${p.name}`)}, ${stemText([p.beneficiary, p.supportForm, p.statusLabel].join(" "))})`,
      );
      await tx.$executeRaw`INSERT INTO search_index (kind, ref_id, organisation_id, shared, title, body) VALUES ${Prisma.join(rows)}`;
    }
  });
}

/** (Re)index a thread's title and opening post, and every reply, e.g. after it moved category. */
export async function indexThread(threadId: string): Promise<void> {
  const thread = await db.thread.findUnique({
    where: { id: threadId },
    select: { id: true, title: true, organisationId: true, category: { select: { networkId: true } } },
  });
  const posts = await db.post.findMany({ where: { threadId }, select: { id: true, number: true, bodyText: true, deletedAt: true, hiddenAt: true } });
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`DELETE FROM search_index WHERE kind = 'thread' AND ref_id = ${threadId}`;
    for (let i = 0; i < posts.length; i += SLICE) {
      const ids = posts.slice(i, i + SLICE).map((p) => p.id);
      await tx.$executeRaw`DELETE FROM search_index WHERE kind = 'post' AND ref_id IN (${Prisma.join(ids)})`;
    }
    if (!thread) return;
    const shared = thread.category.networkId !== null;
    const visible = posts.filter((p) => !p.deletedAt && !p.hiddenAt);
    const opening = visible.find((p) => p.number === 1);
    await replaceEntry(tx, "thread", thread.id, thread.organisationId, shared, thread.title, opening?.bodyText ?? "");
    const replies = visible.filter((p) => p.number !== 1);
    for (let i = 0; i < replies.length; i += SLICE) {
      const slice = replies.slice(i, i + SLICE);
      const rows = slice.map((p) => Prisma.sql`('post', ${p.id}, ${thread.organisationId}, ${shared ? 1 : 0}, '', ${stemText(p.bodyText)})`);
      await tx.$executeRaw`INSERT INTO search_index (kind, ref_id, organisation_id, shared, title, body) VALUES ${Prisma.join(rows)}`;
    }
  });
}

/** (Re)index one post after it was written, edited, removed or hidden. */
export async function indexPost(postId: string): Promise<void> {
  const post = await db.post.findUnique({
    where: { id: postId },
    select: {
      id: true,
      number: true,
      bodyText: true,
      deletedAt: true,
      hiddenAt: true,
      thread: { select: { id: true, title: true, organisationId: true, category: { select: { networkId: true } } } },
    },
  });
  if (!post) return;
  const { thread } = post;
  const visibleText = post.deletedAt || post.hiddenAt ? "" : post.bodyText;
  if (post.number === 1) {
    await replaceEntry(db, "thread", thread.id, thread.organisationId, thread.category.networkId !== null, thread.title, visibleText);
  } else if (visibleText) {
    await replaceEntry(db, "post", post.id, thread.organisationId, thread.category.networkId !== null, "", visibleText);
  } else {
    await db.$executeRaw`DELETE FROM search_index WHERE kind = 'post' AND ref_id = ${post.id}`;
  }
}

/**
 * Build the index from scratch, e.g. after a restore or on a database seeded
 * before search existed. Lessons go in a slice per statement and without the
 * per-entry DELETE (the index was just emptied, and a DELETE by ref_id scans
 * the whole FTS table): 100 000 lessons take seconds rather than minutes.
 */
export async function rebuildSearchIndex(): Promise<void> {
  await db.$executeRaw`DELETE FROM search_index`;
  await db.$transaction(
    async (tx) => {
      let after: string | undefined;
      for (;;) {
        const lessons: IndexedLesson[] = await tx.lesson.findMany({
          select: LESSON_FIELDS,
          where: after ? { id: { gt: after } } : {},
          orderBy: { id: "asc" },
          take: SLICE,
        });
        if (!lessons.length) break;
        after = lessons.at(-1)!.id;
        const rows = lessons.map((l) => Prisma.sql`('lesson', ${l.id}, ${l.organisationId}, ${lessonShared(l) ? 1 : 0}, ${stemText(l.title)}, ${stemText(lessonText(l))})`);
        await tx.$executeRaw`INSERT INTO search_index (kind, ref_id, organisation_id, shared, title, body) VALUES ${Prisma.join(rows)}`;
      }
    },
    { timeout: 600_000 },
  );
  const projects = await db.project.findMany({ select: { id: true } });
  await indexProjects(projects.map((p) => p.id), { new: true });
  const threads = await db.thread.findMany({ select: { id: true } });
  for (const { id } of threads) await indexThread(id);
}

export async function searchIndexIsEmpty(): Promise<boolean> {
  const rows = await db.$queryRaw<{ n: number | bigint }[]>`SELECT count(*) AS n FROM search_index`;
  return Number(rows[0].n) === 0;
}
