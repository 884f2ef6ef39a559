import { execFile } from "node:child_process";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server.ts";
import { importProjects, previewImport } from "../../app/projects/import/import-projects.server.ts";
import { addMember, createOrganisation, createUser, PASSWORD, twoRegions } from "../support/fixtures.ts";
import { refuseWrites } from "../support/refuse-writes.ts";
import { Client, startTestServer, type TestServer } from "../support/test-server.ts";

const fixture = (name: string) => new Uint8Array(readFileSync(path.resolve("tests/fixtures", name)));
const run = promisify(execFile);

describe("project import", () => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof twoRegions>>;
  const as = (email: string) => Client.signedIn(server.url, email, PASSWORD);
  const csv = (bytes: Uint8Array, name = "export.csv") => new File([Buffer.from(bytes)], name, { type: "text/csv" });

  beforeAll(async () => {
    server = await startTestServer();
    world = await twoRegions();
  });
  afterAll(() => server.close());

  it("takes an admin from upload through a preview to an import, and is idempotent", async () => {
    const admin = await as("admin@nord.se");
    const preview = await admin.upload("/o/region-nord/projects/import", { file: csv(fixture("nyps-export-sample.csv")) });
    expect(preview.status).toBe(200);
    const html = await preview.text();
    expect(html).toContain("40 rader: 40 nya projekt och 0 som uppdateras.");
    expect(html).toContain("Digitalt lyft för småföretag 1");
    expect(await db.project.count({ where: { organisationId: world.north.id } })).toBe(0);

    const uploadId = html.match(/name="uploadId" value="([a-f0-9]{32})"/)![1];
    const imported = await admin.post("/o/region-nord/projects/import", { uploadId, intent: "import", "map-caseNumber": "Ärendenummer", "map-name": "Projektnamn", "map-supportForm": "Stödform", "map-decidedAmount": "Beslutat belopp", "map-municipality": "Kommun", "map-s3Area": "S3-område" });
    expect(await imported.text()).toContain("Importen är klar: 40 rader lästa, 40 nya projekt, 0 uppdaterade.");
    const project = await db.project.findFirstOrThrow({ where: { organisationId: world.north.id, caseNumber: "20230001" }, include: { tags: { include: { tag: true } } } });
    expect(project.decidedAmountOre).toBe(32500050n);
    expect(project.tags.map((t) => t.tag.name).sort()).toEqual(["Digitalisering", "Klintehamn"]);

    // The mapping is remembered: the next upload starts with it.
    const again = await (await admin.upload("/o/region-nord/projects/import", { file: csv(fixture("nyps-export-sample.csv")) })).text();
    expect(again).toContain("40 rader: 0 nya projekt och 40 som uppdateras.");
    const beneficiarySelect = again.match(/<select id="map-beneficiary"[\s\S]*?<\/select>/)![0];
    expect(beneficiarySelect).toMatch(/<option value="" selected="">/);

    const result = await importProjects(world.north.id, fixture("nyps-export-sample.csv"));
    expect(result).toEqual({ ok: true, read: 40, created: 0, updated: 40 });
    expect(await db.project.count({ where: { organisationId: world.north.id } })).toBe(40);
    expect(await db.projectTag.count({ where: { projectId: project.id } })).toBe(2);
  });

  it("makes imported projects findable in search, and a renamed project findable under its new name only", async () => {
    const harbour = await createOrganisation("region-hamn", "Region Hamn");
    await addMember((await createUser("member@hamn.se", "Hanna Medlem")).id, harbour.id, "member");
    const header = readFileSync(path.resolve("tests/fixtures/nyps-export-sample.csv"), "utf8").split("\n")[0];
    const file = (name: string) =>
      new Uint8Array(Buffer.from(`${header}\n20240101;${name};Hamnbolaget AB;556000-0001;Regionalt projektstöd;100 000;0;2024-01-10;2024-02-01;2025-01-31;Beslutat;Innovation;Energi;Visby\n`));
    const hits = async (q: string) => {
      const html = await (await (await as("member@hamn.se")).get(`/o/region-hamn/search?q=${encodeURIComponent(q)}`)).text();
      return html.replace(/<[^>]+>/g, "").split("20240101").length - 1;
    };

    expect(await importProjects(harbour.id, file("Vätgastankning i hamnen"))).toMatchObject({ ok: true, created: 1 });
    expect(await hits("vätgastankning")).toBeGreaterThan(0);
    expect(await importProjects(harbour.id, file("Elektrifierade färjelägen"))).toMatchObject({ ok: true, created: 0, updated: 1 });
    expect(await hits("färjelägen")).toBeGreaterThan(0);
    expect(await hits("vätgastankning")).toBe(0);
    const entries = await db.$queryRaw<{ n: number | bigint }[]>`SELECT count(*) AS n FROM search_index WHERE kind = 'project' AND organisation_id = ${harbour.id}`;
    expect(Number(entries[0].n)).toBe(1);
  });

  it("lists every bad row and why, and writes nothing", async () => {
    const admin = await as("admin@syd.se");
    const preview = await (await admin.upload("/o/region-syd/projects/import", { file: csv(fixture("nyps-export-with-errors.csv")) })).text();
    expect(preview).toContain("Rad 5: Beslutat belopp: &quot;ca 300 tkr&quot; är inget belopp i kronor");
    expect(preview).toContain("Rad 9: Beslutsdatum: &quot;2024-13-45&quot; är inget giltigt datum");
    expect(preview).toContain("Rad 13: Ärendenummer: ärendenumret finns redan på rad 4");
    expect(preview).toContain("Rad 17: Stödform: okänd stödform");
    expect(preview).toContain("Rad 20: Projektnamn: saknas");
    expect(preview).not.toContain("Importera 25 rader");

    const result = await importProjects(world.south.id, fixture("nyps-export-with-errors.csv"));
    expect(result.ok).toBe(false);
    expect(await db.project.count({ where: { organisationId: world.south.id } })).toBe(0);
    expect(await db.tag.count({ where: { organisationId: world.south.id } })).toBe(0);
  });

  it("rolls everything back when the database refuses a write half-way", async () => {
    const before = await db.project.findFirstOrThrow({ where: { organisationId: world.north.id, caseNumber: "20230001" } });
    await db.project.update({ where: { id: before.id }, data: { name: "Namn före importen" } });
    const projectsBefore = await db.project.count();
    const tagsBefore = await db.tag.count();
    const allowWrites = await refuseWrites("ProjectTag", "INSERT");
    try {
      const changed = new TextDecoder().decode(fixture("nyps-export-sample.csv")).replace("20230001;Digitalt lyft för småföretag 1", "20230001;Nytt namn").replace("Klintehamn", "Ny kommun");
      const extra = `${changed.trimEnd()}\n29990001;Helt nytt projekt;X;556000-0000;Regionalt projektstöd;100 000;0;2024-01-01;2024-02-01;2025-01-01;Beslutat;Innovation;Nytt S3;Visby\n`;
      await expect(importProjects(world.north.id, new TextEncoder().encode(extra))).rejects.toThrow();
    } finally {
      await allowWrites();
    }
    expect(await db.project.count()).toBe(projectsBefore);
    expect(await db.tag.count()).toBe(tagsBefore);
    expect((await db.project.findUniqueOrThrow({ where: { id: before.id } })).name).toBe("Namn före importen");
  });

  it("is for admins of the organisation only", async () => {
    const member = await as("member@nord.se");
    expect((await member.get("/o/region-nord/projects/import")).status).toBe(403);
    expect((await member.upload("/o/region-nord/projects/import", { file: csv(fixture("nyps-export-sample.csv")) })).status).toBe(403);
    const otherAdmin = await as("admin@syd.se");
    expect((await otherAdmin.get("/o/region-nord/projects/import")).status).toBe(404);
    // Another organisation cannot import someone else's upload by its id.
    const admin = await as("admin@nord.se");
    const html = await (await admin.upload("/o/region-nord/projects/import", { file: csv(fixture("nyps-export-sample.csv")) })).text();
    const uploadId = html.match(/name="uploadId" value="([a-f0-9]{32})"/)![1];
    const stolen = await otherAdmin.post("/o/region-syd/projects/import", { uploadId, intent: "import" });
    expect(await stolen.text()).toContain("Den uppladdade filen finns inte längre.");
    expect(await db.project.count({ where: { organisationId: world.south.id } })).toBe(0);
  });

  it("imports Windows-1252 comma-separated files and XLSX workbooks", async () => {
    const east = await createOrganisation("region-ost");
    const csvText = [
      "Ärendenummer,Projektnamn,Stödmottagare,Stödform,Beslutat belopp,Beslutsdatum,Kommun",
      '20250001,Växtkraft på Fårö,"Öns Bygg, AB",Regionalt projektstöd,"1 234 567,50",2024-03-01,Fårö',
      "20250002,Ål och ärtor,Åkerö gård,Företagsstöd – investeringsstöd,95000,,Höganäs",
    ].join("\r\n");
    const cp1252 = new Uint8Array(iconv.encode(csvText, "win1252"));
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(cp1252)).toThrow();
    expect(await importProjects(east.id, cp1252)).toEqual({ ok: true, read: 2, created: 2, updated: 0 });
    const first = await db.project.findFirstOrThrow({ where: { organisationId: east.id, caseNumber: "20250001" }, include: { tags: { include: { tag: true } } } });
    expect(first).toMatchObject({ name: "Växtkraft på Fårö", beneficiary: "Öns Bygg, AB", supportType: "project", decidedAmountOre: 123456750n });
    expect(first.decisionDate?.toISOString()).toBe("2024-03-01T00:00:00.000Z");
    expect(first.tags.map((t) => t.tag.name)).toEqual(["Fårö"]);
    expect(await db.project.findFirstOrThrow({ where: { organisationId: east.id, caseNumber: "20250002" } })).toMatchObject({ name: "Ål och ärtor", supportType: "company", decisionDate: null });

    const west = await createOrganisation("region-vast");
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Ärenden");
    sheet.addRow(["Ärendenummer", "Projektnamn", "Stödform", "Beslutat belopp", "Medfinansiering", "Beslutsdatum", "Status", "S3-område"]);
    sheet.addRow([20250001, "Växtkraft på Fårö", "Regionalt projektstöd", 1234567.5, "47 500", new Date(Date.UTC(2024, 2, 1)), "Pågående", "Livsmedel"]);
    sheet.addRow(["20250002", "Ål och ärtor", "Företagsstöd – konsultcheck", 95000, null, null, "Beslutat", ""]);
    const xlsx = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(await importProjects(west.id, xlsx)).toEqual({ ok: true, read: 2, created: 2, updated: 0 });
    const fromExcel = await db.project.findFirstOrThrow({ where: { organisationId: west.id, caseNumber: "20250001" }, include: { tags: { include: { tag: { include: { dimension: true } } } } } });
    expect(fromExcel).toMatchObject({ decidedAmountOre: 123456750n, coFundingOre: 4750000n, status: "ongoing", statusLabel: "Pågående" });
    expect(fromExcel.decisionDate?.toISOString()).toBe("2024-03-01T00:00:00.000Z");
    expect(fromExcel.tags.map((t) => [t.tag.dimension.key, t.tag.dimension.name, t.tag.name])).toEqual([["s3", "S3-områden", "Livsmedel"]]);
  });

  it("remembers the column mapping per organisation", async () => {
    const a = await createOrganisation("region-a");
    const b = await createOrganisation("region-b");
    const file = new TextEncoder().encode("Dnr;Titel;Typ;Belopp;Ort\nA-1;Första;Regionalt projektstöd;100;Visby\n");
    const mapping = { caseNumber: "Dnr", name: "Titel", supportForm: "Typ", decidedAmount: "Belopp", municipality: "Ort" };
    expect((await previewImport(a.id, file)).problems.map((p) => p.column)).toEqual(["Ärendenummer", "Projektnamn", "Stödform", "Beslutat belopp"]);
    expect(await importProjects(a.id, file, mapping)).toMatchObject({ ok: true, created: 1 });

    const saved = await db.importMapping.findUniqueOrThrow({ where: { organisationId_kind: { organisationId: a.id, kind: "projects" } } });
    expect(JSON.parse(saved.mapping)).toEqual(mapping);
    const previewA = await previewImport(a.id, file);
    expect(previewA).toMatchObject({ mapping, problems: [], creates: 0, updates: 1 });
    // Region B never imported: it starts from the Nyps headers, which this file does not have.
    const previewB = await previewImport(b.id, file);
    expect(previewB.mapping).toEqual({});
    expect(previewB.problems).toHaveLength(4);
    expect(await db.importMapping.count({ where: { organisationId: b.id } })).toBe(0);
    // A failed import does not change the remembered mapping.
    expect(await importProjects(a.id, file, { caseNumber: "Dnr" })).toMatchObject({ ok: false });
    expect(JSON.parse((await db.importMapping.findUniqueOrThrow({ where: { id: saved.id } })).mapping)).toEqual(mapping);
  });

  it("sets the tags the file names and leaves other tags alone", async () => {
    const org = await createOrganisation("region-tagg");
    const header = "Ärendenummer;Projektnamn;Stödform;Beslutat belopp;Insatsområde;S3-område;Kommun";
    const file = (...rows: string[]) => new TextEncoder().encode([header, ...rows].join("\n"));
    const dimension = await db.tagDimension.create({ data: { organisationId: org.id, key: "municipality", name: "Våra kommuner" } });
    const visby = await db.tag.create({ data: { organisationId: org.id, dimensionId: dimension.id, name: "Visby" } });
    const theme = await db.tagDimension.create({ data: { organisationId: org.id, key: "theme", name: "Tema", tags: { create: { organisationId: org.id, name: "Unga" } } }, include: { tags: true } });

    await importProjects(org.id, file("1;Ett;Regionalt projektstöd;100;Innovation;Digitalisering;visby", "2;Två;Regionalt projektstöd;100;Innovation;;Slite"));
    const one = await db.project.findFirstOrThrow({ where: { organisationId: org.id, caseNumber: "1" } });
    const tagsOf = async (projectId: string) =>
      (await db.projectTag.findMany({ where: { projectId }, include: { tag: { include: { dimension: true } } } })).map((l) => `${l.tag.dimension.key}:${l.tag.name}`).sort();
    expect(await tagsOf(one.id)).toEqual(["municipality:Visby", "priority-area:Innovation", "s3:Digitalisering"]);
    expect(await db.tag.count({ where: { dimensionId: dimension.id } })).toBe(2); // "visby" is the existing Visby; Slite is new
    expect(await db.tagDimension.findFirstOrThrow({ where: { organisationId: org.id, key: "priority-area" } })).toMatchObject({ name: "Insatsområden" });
    await db.projectTag.create({ data: { projectId: one.id, tagId: theme.tags[0].id } });

    // The file moves project 1 to Slite and drops its S3 area; the theme tag set in Lärloop stays.
    expect(await importProjects(org.id, file("1;Ett;Regionalt projektstöd;100;Innovation;;Slite"))).toEqual({ ok: true, read: 1, created: 0, updated: 1 });
    expect(await tagsOf(one.id)).toEqual(["municipality:Slite", "priority-area:Innovation", "theme:Unga"]);
    expect(await db.tag.findUnique({ where: { id: visby.id } })).not.toBeNull();
    const two = await db.project.findFirstOrThrow({ where: { organisationId: org.id, caseNumber: "2" } });
    expect(await tagsOf(two.id)).toEqual(["municipality:Slite", "priority-area:Innovation"]);
  });

  it("shows the problems again when the admin changes the mapping and imports without a new preview", async () => {
    const admin = await as("admin@nord.se");
    const html = await (await admin.upload("/o/region-nord/projects/import", { file: csv(fixture("nyps-export-sample.csv")) })).text();
    const uploadId = html.match(/name="uploadId" value="([a-f0-9]{32})"/)![1];
    const before = await db.project.count();
    const response = await admin.post("/o/region-nord/projects/import", { uploadId, intent: "import", "map-caseNumber": "Ärendenummer", "map-name": "Projektnamn", "map-supportForm": "Stödform" });
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain("Rad 1: Beslutat belopp: kolumnen saknas i filen");
    expect(page).toContain(`value="${uploadId}"`);
    expect(await db.project.count()).toBe(before);
  });

  it("tells the admin when the database refuses the import, and keeps the upload for another try", async () => {
    const admin = await as("admin@nord.se");
    const html = await (await admin.upload("/o/region-nord/projects/import", { file: csv(fixture("nyps-export-sample.csv")) })).text();
    const uploadId = html.match(/name="uploadId" value="([a-f0-9]{32})"/)![1];
    const fields = { uploadId, intent: "import", "map-caseNumber": "Ärendenummer", "map-name": "Projektnamn", "map-supportForm": "Stödform", "map-decidedAmount": "Beslutat belopp", "map-status": "Status" };
    const allowWrites = await refuseWrites("Project", "UPDATE");
    try {
      const refused = await admin.post("/o/region-nord/projects/import", fields);
      expect(refused.status).toBe(500);
      expect(await refused.text()).toContain("Importen misslyckades och inget sparades.");
    } finally {
      await allowWrites();
    }
    expect(await db.project.count({ where: { organisationId: world.north.id, statusLabel: "Pågående", status: "ongoing" } })).toBe(0);
    const retried = await admin.post("/o/region-nord/projects/import", fields);
    expect(await retried.text()).toContain("Importen är klar: 40 rader lästa, 0 nya projekt, 40 uppdaterade.");
    expect(await db.project.count({ where: { organisationId: world.north.id, status: "ongoing" } })).toBeGreaterThan(0);
  });

  it("runs from the command line with the documented output and exit codes", async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "test" };
    // stderr is logged, not compared: it explains a failure here.
    const cli = (...args: string[]) => run(process.execPath, ["--import", "tsx", "scripts/cli.ts", ...args], { env }).then(
      (r) => ({ code: 0, out: r.stdout }),
      (e: { code: number; stdout: string; stderr: string }) => (e.stderr && console.error(e.stderr), { code: e.code, out: e.stdout }),
    );
    const bad = await cli("import-projects", "tests/fixtures/nyps-export-with-errors.csv", "--org", "region-syd");
    expect(bad.code).toBe(1);
    expect(bad.out.trimEnd().split("\n")).toEqual([
      'row 5: Beslutat belopp: "ca 300 tkr" är inget belopp i kronor (skriv till exempel 1 234 567,50)',
      'row 9: Beslutsdatum: "2024-13-45" är inget giltigt datum (skriv ÅÅÅÅ-MM-DD)',
      "row 13: Ärendenummer: ärendenumret finns redan på rad 4",
      'row 17: Stödform: okänd stödform "Okänt stöd" (väntade projektstöd eller företagsstöd)',
      "row 20: Projektnamn: saknas",
    ]);
    expect(await db.project.count({ where: { organisationId: world.south.id } })).toBe(0);
    expect((await cli("import-projects", "tests/fixtures/nyps-export-sample.csv", "--org", "no-such-region")).code).toBe(2);

    const dry = await cli("import-projects", "tests/fixtures/nyps-export-sample.csv", "--org", "region-syd", "--dry-run");
    expect(dry).toEqual({ code: 0, out: "dry run: 40 rows read, 40 would be created, 0 updated\n" });
    expect(await db.project.count({ where: { organisationId: world.south.id } })).toBe(0);

    const mappingFile = path.join(process.env.DATA_DIR!, "mapping.json");
    writeFileSync(mappingFile, JSON.stringify({ caseNumber: "Ärendenummer", name: "Projektnamn", supportForm: "Stödform", decidedAmount: "Beslutat belopp" }));
    const good = await cli("import-projects", "tests/fixtures/nyps-export-sample.csv", "--org", "region-syd", "--mapping", mappingFile);
    expect(good).toEqual({ code: 0, out: "40 rows read, 40 created, 0 updated\n" });
    expect(await db.tag.count({ where: { organisationId: world.south.id } })).toBe(0);
    const again = await cli("import-projects", "tests/fixtures/nyps-export-sample.csv", "--org", "region-syd", "--mapping", mappingFile);
    expect(again).toEqual({ code: 0, out: "40 rows read, 0 created, 40 updated\n" });
    expect(await db.project.count({ where: { organisationId: world.south.id } })).toBe(40);
  }, 90_000); // five subprocesses, each starting node and running migrations
});
