import { execFile } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server.ts";
import { importProjects } from "../../app/projects/import/import-projects.server.ts";
import { PASSWORD, twoRegions } from "../support/fixtures.ts";
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
    await db.$executeRawUnsafe(`CREATE TRIGGER refuse_project_tags BEFORE INSERT ON "ProjectTag" BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    try {
      const changed = new TextDecoder().decode(fixture("nyps-export-sample.csv")).replace("20230001;Digitalt lyft för småföretag 1", "20230001;Nytt namn").replace("Klintehamn", "Ny kommun");
      const extra = `${changed.trimEnd()}\n29990001;Helt nytt projekt;X;556000-0000;Regionalt projektstöd;100 000;0;2024-01-01;2024-02-01;2025-01-01;Beslutat;Innovation;Nytt S3;Visby\n`;
      await expect(importProjects(world.north.id, new TextEncoder().encode(extra))).rejects.toThrow();
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER refuse_project_tags`);
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

  it("runs from the command line with the documented output and exit codes", async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "test" };
    const cli = (...args: string[]) => run(process.execPath, ["--import", "tsx", "scripts/cli.ts", ...args], { env }).then(
      (r) => ({ code: 0, out: r.stdout }),
      (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
    );
    const bad = await cli("import-projects", "tests/fixtures/nyps-export-with-errors.csv", "--org", "region-syd");
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('row 5: Beslutat belopp: "ca 300 tkr" är inget belopp i kronor');
    expect(bad.out).toContain("row 20: Projektnamn: saknas");

    const dry = await cli("import-projects", "tests/fixtures/nyps-export-sample.csv", "--org", "region-syd", "--dry-run");
    expect(dry).toEqual({ code: 0, out: "dry run: 40 rows read, 40 would be created, 0 updated\n" });
    expect(await db.project.count({ where: { organisationId: world.south.id } })).toBe(0);

    const mappingFile = path.join(process.env.DATA_DIR!, "mapping.json");
    writeFileSync(mappingFile, JSON.stringify({ caseNumber: "Ärendenummer", name: "Projektnamn", supportForm: "Stödform", decidedAmount: "Beslutat belopp" }));
    const good = await cli("import-projects", "tests/fixtures/nyps-export-sample.csv", "--org", "region-syd", "--mapping", mappingFile);
    expect(good).toEqual({ code: 0, out: "40 rows read, 40 created, 0 updated\n" });
    expect(await db.tag.count({ where: { organisationId: world.south.id } })).toBe(0);
  });
});
