import { seededRandom } from "./support/swedish-text.ts";
import { MUNICIPALITIES } from "./support/lesson-text.ts";
import { benchIds, openRawDatabase, sqliteDate } from "./support/raw-database.ts";
import { formatNumber, nowMs, ratioOf, summarise } from "./support/stats.ts";
import type { Bench, BenchContext } from "./support/types.ts";

// Importing a Nyps export of 10 000 projects through the app's own import
// (importProjects, what the import page and `npm run cli -- import-projects`
// call): read the CSV, check every row, write projects and their tags in one
// transaction, index them for search. Baseline: the same 10 000 projects,
// already converted, written with batched INSERTs on better-sqlite3 in one
// transaction. Each import goes into a fresh organisation, so that every row
// is a new project, as in a region's first import; app and baseline take
// turns.

export const PROJECT_ROWS = 10_000;
const WARM_UP = 1;
const SAMPLES = 5;
const INSERT_SLICE = 400;

const PREFIXES = ["Kompetenslyft", "Innovationsmiljö", "Klimatkliv", "Smart specialisering", "Digitalt först", "Besöksnäring 2030", "Framtidens livsmedel", "Cirkulära flöden", "Tillväxt genom export", "Landsbygd i utveckling"];
const FOCUS = ["för små företag", "i inlandet", "för unga vuxna", "inom träindustrin", "med högskolan", "längs kusten", "för kvinnors företagande", "i fjällvärlden"];
const FORMS = ["Projektstöd (ERUF)", "Projektstöd (regionala 1:1-medel)", "Företagsstöd – investeringsstöd", "Företagsstöd – konsultcheck", "Företagsstöd – innovationscheck"];
const STATUSES = ["Beslutat", "Pågående", "Pågående", "Slutrapporterat", "Avslutat"];
const PRIORITY_AREAS = ["Hållbar tillväxt", "Kompetensförsörjning", "Innovation och digitalisering", "Tillgänglighet", "Attraktiva livsmiljöer"];
const S3_AREAS = ["Hållbar energi", "Skogsbaserad bioekonomi", "Besöksnäring", "Livsmedel", "Test och demonstration", "Rymd", "Life science", "Digitala tjänster"];
const HEADERS = ["Ärendenummer", "Projektnamn", "Stödmottagare", "Organisationsnummer", "Stödform", "Beslutat belopp", "Medfinansiering", "Beslutsdatum", "Projektstart", "Projektslut", "Status", "Insatsområde", "S3-område", "Kommun"];

/** Kronor as a Swedish export writes them: "1 234 567,50". */
function kronor(value: number): string {
  const ore = Math.round(value * 100);
  return `${Math.floor(ore / 100).toLocaleString("sv-SE")},${String(ore % 100).padStart(2, "0")}`;
}
const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** A Nyps export as Swedish Excel saves it: `;`-separated UTF-8 with a BOM. */
function nypsExport(): Uint8Array {
  const random = seededRandom(20_261_201);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const lines = [HEADERS.join(";")];
  for (let i = 0; i < PROJECT_ROWS; i++) {
    const year = 2019 + (i % 7);
    const kommun = pick(MUNICIPALITIES);
    const form = pick(FORMS);
    const company = form.startsWith("Företagsstöd");
    const decided = new Date(Date.UTC(year, Math.floor(random() * 12), 1 + Math.floor(random() * 28)));
    const start = new Date(decided.getTime() + (14 + Math.floor(random() * 60)) * 86_400_000);
    const end = new Date(start.getTime() + (180 + Math.floor(random() * 900)) * 86_400_000);
    const amount = company ? 50_000 + random() * 950_000 : 500_000 + random() * 9_500_000;
    lines.push(
      [
        `${year}${String(i).padStart(5, "0")}`,
        `${pick(PREFIXES)} ${pick(FOCUS)} – ${kommun}`,
        company ? `${kommun} ${pick(["Trä", "Bygg", "Fisk", "Turism", "Data", "Mekaniska"])} AB` : `${kommun}s kommun`,
        `${company ? 556 : 212}${String(1_000_000 + Math.floor(random() * 8_999_999))}`.replace(/^(\d{6})(\d{4})$/, "$1-$2"),
        form,
        kronor(amount),
        kronor(amount * (0.3 + random() * 0.7)),
        isoDate(decided),
        isoDate(start),
        isoDate(end),
        pick(STATUSES),
        pick(PRIORITY_AREAS),
        pick(S3_AREAS),
        kommun,
      ].join(";"),
    );
  }
  return new TextEncoder().encode(`\uFEFF${lines.join("\r\n")}\r\n`);
}

const PROJECT_COLUMNS = [
  "id", "organisationId", "caseNumber", "name", "beneficiary", "beneficiaryOrgNumber", "supportType", "supportForm",
  "decidedAmountOre", "coFundingOre", "decisionDate", "startDate", "endDate", "status", "statusLabel", "createdAt", "updatedAt",
];

const importBench: Bench = {
  name: "import",
  description: `importProjects() of a ${PROJECT_ROWS.toLocaleString("en")}-row Nyps CSV, p50 ms vs batched INSERTs of the same rows on better-sqlite3`,
  async run(context: BenchContext) {
    const { db, log } = context;
    const { importProjects } = await import("../app/projects/import/import-projects.server.ts");
    const { readTable } = await import("../app/projects/import/read-table.server.ts");
    const { resolveMapping } = await import("../app/projects/import/nyps-mapping.ts");
    const { validateRows } = await import("../app/projects/import/validate-rows.ts");
    const { indexProjects } = await import("../app/search/search-index.server.ts");

    const bytes = nypsExport();
    // The baseline writes what the import would, converted beforehand (outside the timing).
    const table = await readTable(bytes);
    const { rows: converted, problems } = validateRows(table.headers, table.rows, resolveMapping(table.headers));
    if (problems.length || converted.length !== PROJECT_ROWS) throw new Error(`The generated export has problems: ${JSON.stringify(problems.slice(0, 3))}`);
    log(`  a ${Math.round(bytes.length / 1024)} KiB CSV of ${PROJECT_ROWS} projects`);

    const raw = openRawDatabase(context);
    const placeholders = (n: number) => Array(n).fill(`(${PROJECT_COLUMNS.map(() => "?").join(", ")})`).join(", ");
    const insertSql = (n: number) => `INSERT INTO "Project" (${PROJECT_COLUMNS.map((c) => `"${c}"`).join(", ")}) VALUES ${placeholders(n)}`;
    const insertFull = raw.prepare(insertSql(INSERT_SLICE));
    const nextId = benchIds("prj");
    const date = (d: Date | null) => (d ? sqliteDate(d) : null);
    const rawImport = raw.transaction((organisationId: string) => {
      const now = sqliteDate(new Date());
      for (let i = 0; i < converted.length; i += INSERT_SLICE) {
        const slice = converted.slice(i, i + INSERT_SLICE);
        const values = slice.flatMap((r) => [
          nextId(), organisationId, r.caseNumber, r.name, r.beneficiary, r.orgNumber, r.supportType, r.supportForm,
          r.decidedAmountOre, r.coFundingOre, date(r.decisionDate), date(r.startDate), date(r.endDate), r.status, r.statusLabel, now, now,
        ]);
        (slice.length === INSERT_SLICE ? insertFull : raw.prepare(insertSql(slice.length))).run(values);
      }
    });

    let organisations = 0;
    const freshOrganisation = async (kind: string) => {
      organisations++;
      return db.organisation.create({ data: { slug: `bank-import-${kind}-${organisations}`, name: `Region Import ${organisations}` }, select: { id: true } });
    };

    const appTimes: number[] = [];
    const baseTimes: number[] = [];
    const readTimes: number[] = [];
    const indexTimes: number[] = [];
    try {
      for (let i = 0; i < WARM_UP + SAMPLES; i++) {
        const target = await freshOrganisation("app");
        let start = nowMs();
        const result = await importProjects(target.id, bytes);
        const appMs = nowMs() - start;
        if (!result.ok || result.created !== PROJECT_ROWS) throw new Error(`importProjects: ${JSON.stringify(result).slice(0, 300)}`);

        const bare = await freshOrganisation("raw");
        start = nowMs();
        rawImport(bare.id);
        const baseMs = nowMs() - start;

        // Two of the import's steps on their own, to show where its time goes.
        start = nowMs();
        const again = await readTable(bytes);
        validateRows(again.headers, again.rows, resolveMapping(again.headers));
        const readMs = nowMs() - start;
        const ids = (await db.project.findMany({ where: { organisationId: target.id }, select: { id: true } })).map((p) => p.id);
        start = nowMs();
        await indexProjects(ids);
        const indexMs = nowMs() - start;

        log(`  import ${i + 1}: app ${Math.round(appMs)} ms, raw ${Math.round(baseMs)} ms (read+check ${Math.round(readMs)}, search index ${Math.round(indexMs)})`);
        if (i >= WARM_UP) {
          appTimes.push(appMs);
          baseTimes.push(baseMs);
          readTimes.push(readMs);
          indexTimes.push(indexMs);
        }
      }
    } finally {
      raw.close();
    }
    const app = summarise(appTimes);
    const base = summarise(baseTimes);
    return {
      name: "import",
      value: app.p50,
      baseline: base.p50,
      ratio: ratioOf(app.p50, base.p50),
      unit: "ms",
      detail: `${PROJECT_ROWS} new projects, ${Math.round(bytes.length / 1024)} KiB CSV; of the import: read+check p50 ${formatNumber(summarise(readTimes).p50)}, search index p50 ${formatNumber(summarise(indexTimes).p50)}; n=${app.n}`,
    };
  },
};

export default importBench;
