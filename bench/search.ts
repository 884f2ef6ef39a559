import { LESSONS, lessonWorld } from "./support/lesson-world.ts";
import { openRawDatabase } from "./support/raw-database.ts";
import { formatNumber, nowMs, ratioOf, summarise } from "./support/stats.ts";
import type { Bench, Row } from "./support/types.ts";
import { threadWorld } from "./support/world.ts";

// Full-text search over 100 000 lessons (support/lesson-world.ts): the app's
// search() (the FTS5 MATCH through Prisma, then the readable lessons and
// their excerpts, highlighted), called in-process as the search page's loader
// calls it, against the same MATCH statement run directly on better-sqlite3
// against the same file.

const WARM_UP = 5;
const SAMPLES = 30;

// A word most lessons share, and one a few hundred do (see support/lesson-text.ts).
const QUERIES = [
  { name: "search", q: "företagen" },
  { name: "search-rare", q: "elektrolysörer" },
];

const search: Bench = {
  name: "search",
  description: `search() over ${LESSONS.toLocaleString("en")} lessons (a common and a rare word), p50 ms vs the same FTS5 MATCH on better-sqlite3`,
  async run(context) {
    const world = await threadWorld(context);
    const { rebuildMs } = await lessonWorld(context);
    const { db, log } = context;

    const { search: appSearch, stemQuery } = await import("../app/search/search.server.ts");
    const { sqliteMatch } = await import("../app/search/full-text.server.ts");
    const viewer = { userId: world.users[2].id, organisationId: world.organisation.id, role: "member" };
    // The statement search() sends through Prisma, word for word.
    const sql = `SELECT kind, ref_id FROM search_index
    WHERE search_index MATCH ?
      AND (organisation_id = ? OR shared = 1)
    ORDER BY bm25(search_index, 0, 0, 0, 0, 10.0, 1.0)
    LIMIT 200`;
    const raw = openRawDatabase(context);
    const statement = raw.prepare(sql);
    const count = raw.prepare("SELECT count(*) AS n FROM search_index WHERE search_index MATCH ? AND (organisation_id = ? OR shared = 1)");

    const rows: Row[] = [];
    try {
      for (const query of QUERIES) {
        const stems = stemQuery(query.q);
        const match = stems ? sqliteMatch(stems.query) : undefined;
        if (!match) throw new Error(`No FTS query for "${query.q}"`);
        const matching = Number((count.get(match, viewer.organisationId) as { n: number }).n);
        const appTimes: number[] = [];
        const baseTimes: number[] = [];
        const prismaTimes: number[] = [];
        let hits = 0;
        let ranked = 0;
        for (let i = 0; i < WARM_UP + SAMPLES; i++) {
          let start = nowMs();
          const found = await appSearch(viewer, query.q);
          const appMs = nowMs() - start;
          start = nowMs();
          const direct = statement.all(match, viewer.organisationId);
          const baseMs = nowMs() - start;
          // The MATCH alone through Prisma: how much of the app's time is the driver adapter.
          start = nowMs();
          await db.$queryRawUnsafe(sql, match, viewer.organisationId);
          const prismaMs = nowMs() - start;
          if (i === 0) {
            hits = found.length;
            ranked = direct.length;
            if (!hits) throw new Error(`search("${query.q}") found nothing`);
          }
          if (i >= WARM_UP) {
            appTimes.push(appMs);
            baseTimes.push(baseMs);
            prismaTimes.push(prismaMs);
          }
        }
        const app = summarise(appTimes);
        const base = summarise(baseTimes);
        const prisma = summarise(prismaTimes);
        log(`  "${query.q}": ${matching} matching entries, ${hits} hits shown`);
        rows.push({
          name: query.name,
          value: app.p50,
          baseline: base.p50,
          ratio: ratioOf(app.p50, base.p50),
          unit: "ms",
          detail: `"${query.q}": ${matching} matches, top ${ranked} ranked, ${hits} shown; MATCH via Prisma p50 ${formatNumber(prisma.p50)}; p99 ${formatNumber(app.p99)} vs ${formatNumber(base.p99)}; n=${app.n}`,
        });
      }
    } finally {
      raw.close();
    }
    rows[0].detail += `; index rebuilt in ${(rebuildMs / 1000).toFixed(1)} s`;
    return rows;
  },
};

export default search;
