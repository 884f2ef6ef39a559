import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/db.server";
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
  problems: Problem[];
  creates: number;
  updates: number;
};

export type ImportResult = { ok: true; read: number; created: number; updated: number } | { ok: false; problems: Problem[] };

async function rememberedMapping(organisationId: string): Promise<Mapping | undefined> {
  const saved = await db.importMapping.findUnique({ where: { organisationId_kind: { organisationId, kind: "projects" } } });
  if (!saved) return undefined;
  const parsed = MappingSchema.safeParse(JSON.parse(saved.mapping));
  return parsed.success ? parsed.data : undefined;
}

/** Everything the user sees before importing: the mapping used, a sample and every row's problems. */
export async function previewImport(organisationId: string, bytes: Uint8Array, chosen?: Mapping): Promise<Preview> {
  const table = await readTable(bytes);
  const mapping = chosen ?? resolveMapping(table.headers, await rememberedMapping(organisationId));
  const { rows, problems } = validateRows(table.headers, table.rows, mapping);
  const existing = await existingCaseNumbers(db, organisationId, rows);
  return {
    headers: table.headers,
    mapping,
    rowCount: table.rows.length,
    sample: table.rows.slice(0, 20),
    problems,
    creates: rows.filter((r) => !existing.has(r.caseNumber)).length,
    updates: rows.filter((r) => existing.has(r.caseNumber)).length,
  };
}

/** Case number → id of the organisation's projects, read whole: one query instead of thousands of parameters. */
async function existingCaseNumbers(client: Tx, organisationId: string, rows: ProjectRow[]) {
  const wanted = new Set(rows.map((r) => r.caseNumber));
  const found = await client.project.findMany({ where: { organisationId }, select: { id: true, caseNumber: true } });
  return new Map(found.filter((p) => wanted.has(p.caseNumber)).map((p) => [p.caseNumber, p.id]));
}

// SQLite limits the parameters of one statement; long id lists go in slices.
function slices<T>(items: T[], size = 500): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

// Where the tag-like columns go: dimension key and the name it gets if it has to be created.
const TAG_COLUMNS = [
  { field: "s3Area", key: "s3", name: "S3-områden" },
  { field: "municipality", key: "municipality", name: "Kommuner" },
  { field: "priorityArea", key: "priority-area", name: "Insatsområden" },
] as const;

/** Tag ids by dimension key and name, creating the dimensions and tags the rows need. */
async function ensureTags(tx: Tx, organisationId: string, rows: ProjectRow[]) {
  const ids = new Map<string, string>();
  for (const column of TAG_COLUMNS) {
    const names = [...new Set(rows.map((r) => r[column.field]).filter(Boolean))];
    if (!names.length) continue;
    const dimension = await tx.tagDimension.upsert({
      where: { organisationId_key: { organisationId, key: column.key } },
      create: { organisationId, key: column.key, name: column.name },
      update: {},
    });
    const existing = await tx.tag.findMany({ where: { dimensionId: dimension.id }, select: { id: true, name: true } });
    const have = new Set(existing.map((t) => t.name));
    await tx.tag.createMany({ data: names.filter((n) => !have.has(n)).map((name) => ({ organisationId, dimensionId: dimension.id, name })) });
    for (const tag of await tx.tag.findMany({ where: { dimensionId: dimension.id }, select: { id: true, name: true } })) {
      ids.set(`${column.key}:${tag.name}`, tag.id);
    }
  }
  return ids;
}

const projectData = (r: ProjectRow) => ({
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

const UPDATED_COLUMNS = [
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

/**
 * Update many projects with one statement per slice (UPDATE … FROM a VALUES
 * list) instead of one round trip per row: 10 000 rows in about a second.
 * Dates are written the way Prisma's SQLite adapter stores them (ISO text).
 */
async function updateProjects(tx: Tx, updates: { id: string; row: ProjectRow }[]) {
  const isoText = (date: Date) => date.toISOString().replace("Z", "+00:00");
  const now = isoText(new Date());
  for (const slice of slices(updates, 300)) {
    const values = slice.map(() => `(${Array(UPDATED_COLUMNS.length + 1).fill("?").join(",")})`).join(",");
    const params = slice.flatMap(({ id, row }) => {
      const data = projectData(row);
      return [id, ...UPDATED_COLUMNS.map((c) => {
        const value = data[c];
        return value instanceof Date ? isoText(value) : value;
      })];
    });
    const columns = ["id", ...UPDATED_COLUMNS].map((c) => `"${c}"`).join(", ");
    const assignments = UPDATED_COLUMNS.map((c) => `"${c}" = v."${c}"`).join(", ");
    await tx.$executeRawUnsafe(
      `WITH v(${columns}) AS (VALUES ${values}) UPDATE "Project" SET ${assignments}, "updatedAt" = '${now}' FROM v WHERE "Project"."id" = v."id"`,
      ...params,
    );
  }
}

/**
 * Import all rows or none: any problem, or any failure while writing, leaves
 * the database as it was. Upserts by case number within the organisation.
 */
export async function importProjects(organisationId: string, bytes: Uint8Array, chosen?: Mapping): Promise<ImportResult> {
  const table = await readTable(bytes);
  const mapping = chosen ?? resolveMapping(table.headers, await rememberedMapping(organisationId));
  const { rows, problems } = validateRows(table.headers, table.rows, mapping);
  if (problems.length) return { ok: false, problems };

  const { created, updated, ids } = await db.$transaction(
    async (tx) => {
      const existing = await existingCaseNumbers(tx, organisationId, rows);
      const tagIds = await ensureTags(tx, organisationId, rows);
      const fresh = rows.filter((r) => !existing.has(r.caseNumber));
      const inserted = fresh.length
        ? await tx.project.createManyAndReturn({
            data: fresh.map((r) => ({ organisationId, caseNumber: r.caseNumber, ...projectData(r) })),
            select: { id: true, caseNumber: true },
          })
        : [];
      const idOf = new Map([...existing, ...inserted.map((p) => [p.caseNumber, p.id] as const)]);
      await updateProjects(
        tx,
        rows.filter((r) => existing.has(r.caseNumber)).map((r) => ({ id: existing.get(r.caseNumber)!, row: r })),
      );
      // The tag columns are the file's to decide: replace those tags, keep others set in Lärloop.
      const importedDimensionTags = [...tagIds.values()];
      for (const projectIds of slices([...existing.values()])) {
        await tx.projectTag.deleteMany({ where: { projectId: { in: projectIds }, tagId: { in: importedDimensionTags } } });
      }
      await tx.projectTag.createMany({
        data: rows.flatMap((r) =>
          TAG_COLUMNS.filter((c) => r[c.field]).map((c) => ({ projectId: idOf.get(r.caseNumber)!, tagId: tagIds.get(`${c.key}:${r[c.field]}`)! })),
        ),
      });
      await tx.importMapping.upsert({
        where: { organisationId_kind: { organisationId, kind: "projects" } },
        create: { organisationId, kind: "projects", mapping: JSON.stringify(mapping) },
        update: { mapping: JSON.stringify(mapping) },
      });
      return { created: inserted.length, updated: rows.length - inserted.length, ids: [...idOf.values()] };
    },
    { timeout: 120_000 },
  );
  await indexProjects(ids);
  return { ok: true, read: table.rows.length, created, updated };
}
