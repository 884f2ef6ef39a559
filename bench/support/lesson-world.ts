import { swedishLesson } from "./lesson-text.ts";
import { benchIds, openRawDatabase, sqliteDate } from "./raw-database.ts";
import { nowMs } from "./stats.ts";
import { seededRandom, swedishPost } from "./swedish-text.ts";
import type { BenchContext } from "./types.ts";
import { threadWorld } from "./world.ts";

// A region's knowledge base at scale, shared by the rows that need one (search,
// and the load on the start page, which counts published lessons): 100 000
// lessons in 20 regions, a twentieth the bench region's own, written with
// batched SQL on better-sqlite3 and then indexed by the app's own
// rebuildSearchIndex(), as the server does at start on an unindexed database.

export const LESSONS = 100_000;
const REGIONS = 20;
const DISTINCT_BODIES = 400;
const INSERT_SLICE = 500;

const COUNTIES = [
  "Norrbotten", "Västerbotten", "Västernorrland", "Jämtland Härjedalen", "Gävleborg", "Dalarna", "Värmland", "Örebro",
  "Västmanland", "Uppsala", "Sörmland", "Östergötland", "Jönköpings län", "Kronoberg", "Kalmar", "Gotland",
  "Blekinge", "Skåne", "Halland",
];

const STATUSES = [
  { status: "published", share: 0.85 },
  { status: "pending-approval", share: 0.05 },
  { status: "draft", share: 0.1 },
];
const VISIBILITIES = ["organisation", "network", "network", "public"];
const SOURCE_TYPES = ["project", "session", "evaluation", "study-visit", "other"];
const EVIDENCE = ["observation", "follow-up", "evaluation"];

function chooseStatus(random: () => number): string {
  let r = random();
  for (const { status, share } of STATUSES) {
    if (r < share) return status;
    r -= share;
  }
  return "published";
}

async function writeLessons(context: BenchContext, organisationIds: string[], authorIds: Map<string, string[]>) {
  const { plainTextToLessonBody } = await import("../../app/lessons/rich-text.server.ts");
  const random = seededRandom(1_000_003);
  const bodies = Array.from({ length: DISTINCT_BODIES }, () => plainTextToLessonBody(swedishPost(random, 500)));
  const columns = [
    "id", "organisationId", "authorId", "title", "body", "bodyHtml", "context", "whatHappened", "whatWeLearned",
    "recommendation", "sourceType", "evidence", "visibility", "status", "publishedAt", "createdAt", "updatedAt",
  ];
  const raw = openRawDatabase(context);
  const insert = raw.prepare(
    `INSERT INTO "Lesson" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${Array(INSERT_SLICE).fill(`(${columns.map(() => "?").join(", ")})`).join(", ")}`,
  );
  const nextId = benchIds("lsn");
  const now = Date.now();
  const span = 4 * 365 * 24 * 3600 * 1000;
  try {
    raw.transaction(() => {
      for (let done = 0; done < LESSONS; done += INSERT_SLICE) {
        const values: unknown[] = [];
        for (let i = 0; i < INSERT_SLICE; i++) {
          const organisationId = organisationIds[(done + i) % organisationIds.length];
          const authors = authorIds.get(organisationId) ?? [];
          const text = swedishLesson(random);
          const body = bodies[Math.floor(random() * bodies.length)];
          const status = chooseStatus(random);
          const created = new Date(now - span + ((done + i) / LESSONS) * span);
          const updated = sqliteDate(new Date(created.getTime() + 3600 * 1000));
          values.push(
            nextId(), organisationId, authors.length ? authors[i % authors.length] : null, text.title, body.json, body.html,
            text.context, text.whatHappened, text.whatWeLearned, text.recommendation,
            SOURCE_TYPES[i % SOURCE_TYPES.length], EVIDENCE[i % EVIDENCE.length], VISIBILITIES[Math.floor(random() * VISIBILITIES.length)],
            status, status === "published" ? updated : null, sqliteDate(created), updated,
          );
        }
        insert.run(values);
      }
    })();
  } finally {
    raw.close();
  }
}

export type LessonWorld = { organisationIds: string[]; rebuildMs: number };

let lessons: Promise<LessonWorld> | undefined;

/** The lessons, created once per run by whichever row asks first. */
export function lessonWorld(context: BenchContext): Promise<LessonWorld> {
  lessons ??= createLessons(context);
  return lessons;
}

async function createLessons(context: BenchContext): Promise<LessonWorld> {
  const world = await threadWorld(context);
  const { db, log } = context;
  let started = nowMs();
  const organisationIds = [world.organisation.id];
  for (const [index, county] of COUNTIES.slice(0, REGIONS - 1).entries()) {
    const organisation = await db.organisation.create({
      data: { slug: `bank-region-${index + 2}`, name: `Region ${county}`, county },
      select: { id: true },
    });
    organisationIds.push(organisation.id);
  }
  await writeLessons(context, organisationIds, new Map([[world.organisation.id, world.users.map((u) => u.id)]]));
  log(`  wrote ${LESSONS} lessons in ${REGIONS} regions with batched SQL in ${Math.round(nowMs() - started)} ms`);

  const { rebuildSearchIndex } = await import("../../app/search/search-index.server.ts");
  started = nowMs();
  await rebuildSearchIndex();
  const rebuildMs = nowMs() - started;
  log(`  rebuildSearchIndex() in ${(rebuildMs / 1000).toFixed(1)} s`);
  // What the server's hourly statistics refresh (server/database.ts) would have done by now.
  const { refreshPlannerStatistics } = await import("../../server/database.ts");
  await refreshPlannerStatistics(db);
  return { organisationIds, rebuildMs };
}
