import { db } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import { stemText } from "./stemming.server";

// The FTS5 table is written with raw, parameterised SQL: Prisma does not model
// virtual tables (prisma/migrations/*_search_index).

export type Kind = "lesson" | "project";

type Client = Prisma.TransactionClient;

async function replaceEntry(client: Client, kind: Kind, refId: string, organisationId: string, shared: boolean, title: string, body: string) {
  await client.$executeRaw`DELETE FROM search_index WHERE kind = ${kind} AND ref_id = ${refId}`;
  await client.$executeRaw`INSERT INTO search_index (kind, ref_id, organisation_id, shared, title, body)
    VALUES (${kind}, ${refId}, ${organisationId}, ${shared ? 1 : 0}, ${stemText(title)}, ${stemText(body)})`;
}

function lessonText(lesson: { bodyHtml: string; context: string; whatHappened: string; whatWeLearned: string; recommendation: string; sourceNote: string }) {
  const bodyText = lesson.bodyHtml.replace(/<[^>]+>/g, " ");
  return [bodyText, lesson.context, lesson.whatHappened, lesson.whatWeLearned, lesson.recommendation, lesson.sourceNote].join("\n");
}

/** (Re)index one lesson after it was saved or its status changed. */
export async function indexLesson(lessonId: string): Promise<void> {
  const lesson = await db.lesson.findUnique({ where: { id: lessonId } });
  if (!lesson) {
    await db.$executeRaw`DELETE FROM search_index WHERE kind = 'lesson' AND ref_id = ${lessonId}`;
    return;
  }
  const shared = lesson.status === "published" && lesson.visibility !== "organisation";
  await replaceEntry(db, "lesson", lesson.id, lesson.organisationId, shared, lesson.title, lessonText(lesson));
}

const SLICE = 500;

/** (Re)index projects after an import or an edit, a slice of rows per statement. */
export async function indexProjects(projectIds: string[]): Promise<void> {
  await db.$transaction(async (tx) => {
    for (let i = 0; i < projectIds.length; i += SLICE) {
      const ids = projectIds.slice(i, i + SLICE);
      const projects = await tx.project.findMany({
        where: { id: { in: ids } },
        select: { id: true, organisationId: true, caseNumber: true, name: true, beneficiary: true, supportForm: true, statusLabel: true },
      });
      if (!projects.length) continue;
      await tx.$executeRawUnsafe(
        `DELETE FROM search_index WHERE kind = 'project' AND ref_id IN (${projects.map(() => "?").join(",")})`,
        ...projects.map((p) => p.id),
      );
      await tx.$executeRawUnsafe(
        `INSERT INTO search_index (kind, ref_id, organisation_id, shared, title, body) VALUES ${projects.map(() => "('project', ?, ?, 0, ?, ?)").join(",")}`,
        ...projects.flatMap((p) => [p.id, p.organisationId, stemText(`${p.caseNumber} ${p.name}`), stemText([p.beneficiary, p.supportForm, p.statusLabel].join(" "))]),
      );
    }
  });
}

/** Build the index from scratch, e.g. after a restore or on a database seeded before search existed. */
export async function rebuildSearchIndex(): Promise<void> {
  await db.$executeRaw`DELETE FROM search_index`;
  const lessons = await db.lesson.findMany({ select: { id: true } });
  for (const { id } of lessons) await indexLesson(id);
  const projects = await db.project.findMany({ select: { id: true } });
  await indexProjects(projects.map((p) => p.id));
}

export async function searchIndexIsEmpty(): Promise<boolean> {
  const rows = await db.$queryRaw<{ n: number | bigint }[]>`SELECT count(*) AS n FROM search_index`;
  return Number(rows[0].n) === 0;
}
