import { beforeAll, describe, expect, it } from "vitest";
import { db, onPostgres } from "../../app/db.server.ts";
import { listThreads, threadPage } from "../../app/threads/threads.server.ts";
import { twoRegions } from "../support/fixtures.ts";

// SQLite's ANALYZE counts the rows without a value as one value, so an index
// on a foreign key that most rows leave empty (a lesson's thread, project,
// session…) looks useless to the planner, which then reads every lesson
// through another index. The partial indexes of migration
// 20261129111500_sparse_foreign_key_indexes keep those lookups cheap.
// PostgreSQL's statistics know the share of empty values, so this is SQLite's alone.
describe.runIf(!onPostgres)("query plans on SQLite with planner statistics", () => {
  let world: Awaited<ReturnType<typeof twoRegions>>;
  let threadId: string;
  let postId: string;

  beforeAll(async () => {
    world = await twoRegions();
    const category = await db.category.create({ data: { organisationId: world.north.id, name: "Projektgenomförande" } });
    const thread = await db.thread.create({
      data: { organisationId: world.north.id, categoryId: category.id, title: "Erfarenheter av förstudier", authorId: world.people.northMember.id },
    });
    threadId = thread.id;
    const post = await db.post.create({
      data: { threadId, number: 1, authorId: world.people.northMember.id, authorOrganisationId: world.north.id, bodyHtml: "<p>Förstudien tog för lång tid.</p>" },
    });
    postId = post.id;
    const lesson = (i: number) => ({
      organisationId: world.north.id,
      title: `Lärdom ${i}`,
      status: ["draft", "pending-approval", "published"][i % 3],
      visibility: ["organisation", "network", "public"][Math.floor(i / 3) % 3],
    });
    await db.lesson.createMany({ data: Array.from({ length: 3000 }, (_, i) => lesson(i)) });
    // The first is promoted from the thread's first post.
    await db.lesson.createMany({ data: [2, 5, 8].map((i) => ({ ...lesson(i), threadId, postId: i === 2 ? postId : null })) });
    await db.$executeRawUnsafe("ANALYZE");
  });

  const planOf = async (sql: string, ...values: unknown[]) =>
    ((await db.$queryRawUnsafe(`EXPLAIN QUERY PLAN ${sql}`, ...values)) as { detail: string }[]).map((row) => row.detail).join("; ");

  it("counts a thread's published lessons through the thread index, not by reading every lesson", async () => {
    const plan = await planOf(`SELECT "threadId", COUNT(*) FROM "Lesson" WHERE "threadId" IN (?) AND "status" = ? GROUP BY "threadId"`, threadId, "published");
    expect(plan).toMatch(/^SEARCH Lesson USING INDEX Lesson_threadId\w* \(threadId=\?\)$/);
    const { threads } = await listThreads(
      { userId: world.people.northMember.id, organisationId: world.north.id, role: "member" },
      { sort: "activity", page: 1 },
    );
    expect(threads.find((t) => t.id === threadId)?.lessonCount).toBe(3);
  });

  it("finds the lessons promoted from a thread page's posts through the post index, not by reading every lesson", async () => {
    const plan = await planOf(`SELECT "id", "title", "postId" FROM "Lesson" WHERE "status" = ? AND "postId" IN (?)`, "published", postId);
    expect(plan).toMatch(/^SEARCH Lesson USING INDEX Lesson_postId\w* \(postId=\?\)$/);
    const page = await threadPage({ userId: world.people.northMember.id, organisationId: world.north.id, role: "member" }, threadId, 1);
    expect(page?.posts[0].lessons.map((l) => l.title)).toEqual(["Lärdom 2"]);
  });
});
