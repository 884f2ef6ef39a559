import { db, onPostgres } from "~/db.server";
import { Prisma } from "~/generated/prisma/client";
import type { Kind } from "./search-index.server";

// The one place that speaks each database's full-text dialect: FTS5 with
// bm25 on SQLite, a tsvector with the Swedish configuration and ts_rank on
// PostgreSQL (docs/decisions/0013-postgresql.md). Callers pass word stems.

/** Every group must match; within a group any stem (as a prefix) may. */
export type StemQuery = string[][];

// Stems are letters and digits only, so nothing in them can be query syntax on either database.
const clean = (stem: string) => stem.replace(/[^\p{L}\p{N}]/gu, "");

/** The FTS5 MATCH expression; exported for the benchmark, which runs it on the bare driver. */
export function sqliteMatch(query: StemQuery): string {
  const term = (s: string) => `"${clean(s)}"*`;
  return query.map((group) => (group.length > 1 ? `(${group.map(term).join(" OR ")})` : term(group[0]))).join(" AND ");
}

function postgresMatch(query: StemQuery): string {
  const term = (s: string) => `${clean(s)}:*`;
  return query.map((group) => (group.length > 1 ? `(${group.map(term).join(" | ")})` : term(group[0]))).join(" & ");
}

type Options = { organisationId: string; kind?: Kind; limit: number; titleWeight?: number };

/**
 * Index entries that match, best first: the organisation's own and those
 * shared with other organisations. Titles weigh more than bodies.
 */
export async function matchEntries(query: StemQuery, { organisationId, kind, limit, titleWeight = 10 }: Options): Promise<{ kind: Kind; ref_id: string }[]> {
  const groups = query.map((group) => group.map(clean).filter(Boolean)).filter((group) => group.length);
  if (!groups.length) return [];
  const kindFilter = kind ? Prisma.sql`AND kind = ${kind}` : Prisma.empty;
  if (onPostgres) {
    // ts_rank's weights are {D, C, B, A}: titles are A, bodies B.
    const weights = `{0, 0, ${(1 / titleWeight).toFixed(3)}, 1}`;
    return db.$queryRaw`
      SELECT kind, ref_id FROM search_index
      WHERE document @@ to_tsquery('swedish', ${postgresMatch(groups)})
        AND (organisation_id = ${organisationId} OR shared = 1) ${kindFilter}
      ORDER BY ts_rank(${weights}::float4[], document, to_tsquery('swedish', ${postgresMatch(groups)})) DESC
      LIMIT ${limit}`;
  }
  return db.$queryRaw`
    SELECT kind, ref_id FROM search_index
    WHERE search_index MATCH ${sqliteMatch(groups)}
      AND (organisation_id = ${organisationId} OR shared = 1) ${kindFilter}
    ORDER BY bm25(search_index, 0, 0, 0, 0, ${titleWeight}, 1.0)
    LIMIT ${limit}`;
}

export async function entriesOfKind(kind: Kind): Promise<number> {
  const rows = await db.$queryRaw<{ n: bigint | number }[]>`SELECT count(*) AS n FROM search_index WHERE kind = ${kind}`;
  return Number(rows[0].n);
}
