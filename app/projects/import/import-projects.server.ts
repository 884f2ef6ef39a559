import { randomBytes } from "node:crypto";
import { Prisma } from "~/generated/prisma/client";
import { recordAudit, type AuditBy } from "~/audit/audit.server";
import { db, onPostgres } from "~/db.server";
import { indexProjects } from "~/search/search-index.server";
import { MappingSchema, resolveMapping, type Mapping } from "./nyps-mapping";
import { readTable } from "./read-table.server";
import { validateRows, type Problem, type ProjectRow } from "./validate-rows";

type Tx = Prisma.TransactionClient;

export type Preview = {
  headers: string[];
  mapping: Mapping;
  rowCount: number;
  sample: string[][];
  /** The file's row number of each sample row (header = 1). */
  sampleRows: number[];
  problems: Problem[];
  creates: number;
  updates: number;
};

export type ImportResult = { ok: true; read: number; created: number; updated: number } | { ok: false; problems: Problem[] };

export const MAPPING_KIND = "projects";

export async function rememberedMapping(organisationId: string): Promise<Mapping | undefined> {
  const saved = await db.importMapping.findUnique({ where: { organisationId_kind: { organisationId, kind: MAPPING_KIND } } });
  if (!saved) return undefined;
  try {
    const parsed = MappingSchema.safeParse(JSON.parse(saved.mapping));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Read and check a file: the mapping used (the chosen one, else remembered, else Nyps' headers) and every problem. */
async function readAndValidate(organisationId: string, bytes: Uint8Array, chosen?: Mapping) {
  const table = await readTable(bytes);
  const mapping = chosen ?? resolveMapping(table.headers, await rememberedMapping(organisationId));
  const { rows, problems } = validateRows(table.headers, table.rows, mapping, table.rowNumbers);
  return { table, mapping, rows, problems };
}

/** Everything the user sees before importing: the mapping used, a sample and every row's problems. */
export async function previewImport(organisationId: string, bytes: Uint8Array, chosen?: Mapping): Promise<Preview> {
  const { table, mapping, rows, problems } = await readAndValidate(organisationId, bytes, chosen);
  const existing = new Set(
    (await db.project.findMany({ where: { organisationId }, select: { caseNumber: true } })).map((p) => p.caseNumber),
  );
  const updates = rows.filter((r) => existing.has(r.caseNumber)).length;
  return {
    headers: table.headers,
    mapping,
    rowCount: table.rows.length,
    sample: table.rows.slice(0, 20),
    sampleRows: table.rowNumbers.slice(0, 20),
    problems,
    creates: rows.length - updates,
    updates,
  };
}

// ── Writing ─────────────────────────────────────────────────────────────────
// 10 000 rows must import in seconds. Prisma's createMany/updateMany cost
// about half a millisecond per row on SQLite, so the writes are multi-row
// statements built with Prisma.sql (bound parameters, the dialect's own
// placeholders), a few hundred rows each; everything is read up front in a
// handful of queries, and rows that did not change are not written at all.

/** Rows per statement: SQLite allows 32 766 bound parameters, PostgreSQL 65 535. */
const SLICE = 400;

function slices<T>(items: T[], size = SLICE): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

// Prisma's SQLite adapter stores DateTime as ISO text with an explicit offset.
const dateText = (date: Date | null) => (date ? date.toISOString().replace("Z", "+00:00") : null);

let counter = 0;
/** A collision-resistant id in the style of Prisma's cuid(): "c", time, counter, randomness. */
function newId(): string {
  counter = (counter + 1) % 36 ** 4;
  return `c${Date.now().toString(36)}${counter.toString(36).padStart(4, "0")}${BigInt(`0x${randomBytes(8).toString("hex")}`).toString(36).padStart(12, "0").slice(0, 12)}`;
}

// Where the tag-like columns go: dimension key and the name it gets if it has to be created.
const TAG_COLUMNS = [
  { field: "s3Area", key: "s3", name: "S3-områden" },
  { field: "municipality", key: "municipality", name: "Kommuner" },
  { field: "priorityArea", key: "priority-area", name: "Insatsområden" },
] as const;
type TagColumn = (typeof TAG_COLUMNS)[number];

const tagKey = (dimensionKey: string, name: string) => `${dimensionKey}\u0000${name.toLocaleLowerCase("sv-SE")}`;

/**
 * The dimensions of the tag columns the mapping imports, created when the
 * file has values for them, and their tags (created as needed) by
 * dimension key + lower-case name, so "visby" finds the tag "Visby".
 */
async function ensureTags(tx: Tx, organisationId: string, rows: ProjectRow[], mapping: Mapping) {
  const tagIds = new Map<string, string>();
  const dimensions: { column: TagColumn; id: string }[] = [];
  const existingDimensions = await tx.tagDimension.findMany({
    where: { organisationId, key: { in: TAG_COLUMNS.map((c) => c.key) } },
    select: { id: true, key: true },
  });
  let dimensionCount: number | undefined;
  for (const column of TAG_COLUMNS) {
    if (!mapping[column.field]) continue;
    const names = [...new Set(rows.map((r) => r[column.field]).filter(Boolean))];
    let dimensionId = existingDimensions.find((d) => d.key === column.key)?.id;
    if (!dimensionId) {
      if (!names.length) continue;
      dimensionCount ??= await tx.tagDimension.count({ where: { organisationId } });
      dimensionId = (
        await tx.tagDimension.create({
          data: { organisationId, key: column.key, name: column.name, position: dimensionCount++ },
          select: { id: true },
        })
      ).id;
    }
    dimensions.push({ column, id: dimensionId });
    const existing = await tx.tag.findMany({ where: { dimensionId }, select: { id: true, name: true } });
    for (const tag of existing) if (!tagIds.has(tagKey(column.key, tag.name))) tagIds.set(tagKey(column.key, tag.name), tag.id);
    const missing = new Map<string, string>();
    for (const name of names) {
      const key = tagKey(column.key, name);
      if (!tagIds.has(key) && !missing.has(key)) missing.set(key, name);
    }
    let position = existing.length;
    for (const [key, name] of missing) {
      const id = newId();
      await tx.tag.create({ data: { id, organisationId, dimensionId, name, position: position++ } });
      tagIds.set(key, id);
    }
  }
  return { tagIds, dimensions };
}

const PROJECT_COLUMNS = [
  "name",
  "beneficiary",
  "beneficiaryOrgNumber",
  "supportType",
  "supportForm",
  "decidedAmountOre",
  "coFundingOre",
  "decisionDate",
  "startDate",
  "endDate",
  "status",
  "statusLabel",
] as const;
type ProjectColumn = (typeof PROJECT_COLUMNS)[number];
type ProjectData = Record<ProjectColumn, string | bigint | Date | null>;

const projectData = (r: ProjectRow): ProjectData => ({
  name: r.name,
  beneficiary: r.beneficiary,
  beneficiaryOrgNumber: r.orgNumber,
  supportType: r.supportType,
  supportForm: r.supportForm,
  decidedAmountOre: r.decidedAmountOre,
  coFundingOre: r.coFundingOre,
  decisionDate: r.decisionDate,
  startDate: r.startDate,
  endDate: r.endDate,
  status: r.status,
  statusLabel: r.statusLabel,
});

const sqlValue = (value: string | bigint | Date | null) => (value instanceof Date ? dateText(value) : value);
const same = (a: ProjectData[ProjectColumn], b: ProjectData[ProjectColumn]) =>
  a instanceof Date || b instanceof Date ? a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : false : a === b;
const identifiers = (names: readonly string[]) => Prisma.raw(names.map((n) => `"${n}"`).join(", "));

async function insertProjects(tx: Tx, organisationId: string, rows: { id: string; row: ProjectRow }[], now: string) {
  const columns = identifiers(["id", "organisationId", "caseNumber", ...PROJECT_COLUMNS, "createdAt", "updatedAt"]);
  for (const slice of slices(rows)) {
    const values = slice.map(({ id, row }) => {
      const data = projectData(row);
      return Prisma.sql`(${Prisma.join([id, organisationId, row.caseNumber, ...PROJECT_COLUMNS.map((c) => sqlValue(data[c])), now, now])})`;
    });
    await tx.$executeRaw`INSERT INTO "Project" (${columns}) VALUES ${Prisma.join(values)}`;
  }
}

/** One UPDATE … FROM (VALUES …) per slice instead of a round trip per row. */
async function updateProjects(tx: Tx, updates: { id: string; row: ProjectRow }[], now: string) {
  const columns = identifiers(["id", ...PROJECT_COLUMNS]);
  // VALUES rows are untyped text on PostgreSQL: money and dates are cast to their columns' types.
  const cast = (c: ProjectColumn) => (!onPostgres ? "" : c.endsWith("Ore") ? "::bigint" : c.endsWith("Date") ? "::timestamp(3)" : "");
  const assignments = Prisma.raw(PROJECT_COLUMNS.map((c) => `"${c}" = v."${c}"${cast(c)}`).join(", "));
  for (const slice of slices(updates)) {
    const values = slice.map(({ id, row }) => {
      const data = projectData(row);
      return Prisma.sql`(${Prisma.join([id, ...PROJECT_COLUMNS.map((c) => sqlValue(data[c]))])})`;
    });
    await tx.$executeRaw`WITH v(${columns}) AS (VALUES ${Prisma.join(values)}) UPDATE "Project" SET ${assignments}, "updatedAt" = ${now} FROM v WHERE "Project"."id" = v."id"`;
  }
}

async function insertProjectTags(tx: Tx, links: { projectId: string; tagId: string }[]) {
  for (const slice of slices(links)) {
    await tx.$executeRaw`INSERT INTO "ProjectTag" ("projectId", "tagId") VALUES ${Prisma.join(slice.map((l) => Prisma.sql`(${l.projectId}, ${l.tagId})`))}`;
  }
}

async function deleteProjectTags(tx: Tx, links: { projectId: string; tagId: string }[]) {
  for (const slice of slices(links)) {
    await tx.$executeRaw`DELETE FROM "ProjectTag" WHERE ("projectId", "tagId") IN (VALUES ${Prisma.join(slice.map((l) => Prisma.sql`(${l.projectId}, ${l.tagId})`))})`;
  }
}

/**
 * Import all rows or none: any problem, or any failure while writing, leaves
 * the database as it was (one transaction). Upserts by case number within the
 * organisation; the tag columns (S3 area, municipality, priority area) set the
 * project's tags in those dimensions, other tags set in Lärloop stay. The
 * mapping used is remembered for the organisation's next import.
 */
export async function importProjects(organisationId: string, bytes: Uint8Array, chosen?: Mapping, by: AuditBy = { actorId: null }): Promise<ImportResult> {
  const { table, mapping, rows, problems } = await readAndValidate(organisationId, bytes, chosen);
  if (problems.length) return { ok: false, problems };

  const { created, updated, newIds, changedIds } = await db.$transaction(
    async (tx) => {
      const now = dateText(new Date())!;
      const existing = new Map(
        (
          await tx.project.findMany({
            where: { organisationId },
            select: { id: true, caseNumber: true, ...Object.fromEntries(PROJECT_COLUMNS.map((c) => [c, true])) },
          })
        ).map((p) => [p.caseNumber as string, p as unknown as ProjectData & { id: string }]),
      );
      const fresh: { id: string; row: ProjectRow }[] = [];
      const changed: { id: string; row: ProjectRow }[] = [];
      const idOf = new Map<string, string>();
      for (const row of rows) {
        const old = existing.get(row.caseNumber);
        if (!old) {
          fresh.push({ id: newId(), row });
        } else {
          const data = projectData(row);
          if (PROJECT_COLUMNS.some((c) => !same(old[c], data[c]))) changed.push({ id: old.id, row });
          idOf.set(row.caseNumber, old.id);
        }
      }
      for (const { id, row } of fresh) idOf.set(row.caseNumber, id);
      await insertProjects(tx, organisationId, fresh, now);
      await updateProjects(tx, changed, now);

      // Tags: what the file says, in the imported dimensions, for the projects in the file.
      const { tagIds, dimensions } = await ensureTags(tx, organisationId, rows, mapping);
      const wanted = new Map<string, { projectId: string; tagId: string }>();
      for (const row of rows) {
        for (const { column } of dimensions) {
          if (!row[column.field]) continue;
          const link = { projectId: idOf.get(row.caseNumber)!, tagId: tagIds.get(tagKey(column.key, row[column.field]))! };
          wanted.set(`${link.projectId} ${link.tagId}`, link);
        }
      }
      const inFile = new Set(idOf.values());
      const current = dimensions.length
        ? await tx.projectTag.findMany({
            where: { project: { organisationId }, tag: { dimensionId: { in: dimensions.map((d) => d.id) } } },
            select: { projectId: true, tagId: true },
          })
        : [];
      const have = new Set(current.map((l) => `${l.projectId} ${l.tagId}`));
      await deleteProjectTags(tx, current.filter((l) => inFile.has(l.projectId) && !wanted.has(`${l.projectId} ${l.tagId}`)));
      await insertProjectTags(tx, [...wanted].filter(([key]) => !have.has(key)).map(([, link]) => link));

      await tx.importMapping.upsert({
        where: { organisationId_kind: { organisationId, kind: MAPPING_KIND } },
        create: { organisationId, kind: MAPPING_KIND, mapping: JSON.stringify(mapping) },
        update: { mapping: JSON.stringify(mapping) },
      });
      return { created: fresh.length, updated: rows.length - fresh.length, newIds: fresh.map((p) => p.id), changedIds: changed.map((p) => p.id) };
    },
    { timeout: 120_000 },
  );
  // Search is derived data, rebuilt from the projects; only new and changed ones need it.
  await indexProjects(newIds, { new: true });
  await indexProjects(changedIds);
  await recordAudit(by, { organisationId, action: "projects-imported", detail: `${table.rows.length} read, ${created} created, ${updated} updated` });
  return { ok: true, read: table.rows.length, created, updated };
}
