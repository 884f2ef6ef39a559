import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server.ts";
import { PASSWORD, twoRegions } from "../support/fixtures.ts";
import { Client, startTestServer, type TestServer } from "../support/test-server.ts";

const WRONG_PASSWORD = "fel-lösenord-7731";
const UNKNOWN_PASSWORD = "gissat-lösenord-4410";

describe("audit log", () => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof twoRegions>>;
  let lessonId: string;
  const as = (email: string) => Client.signedIn(server.url, email, PASSWORD);
  const page = async (client: Client, query = "") => {
    const response = await client.get(`/o/region-nord/settings/audit${query}`);
    expect(response.status).toBe(200);
    return response.text();
  };

  beforeAll(async () => {
    server = await startTestServer();
    world = await twoRegions();

    // Real actions over HTTP, as people in Region Nord would take them.
    const admin = await as("admin@nord.se");
    const member = await as("member@nord.se");
    expect((await new Client(server.url).signIn("member@nord.se", WRONG_PASSWORD)).status).toBe(401);
    expect((await new Client(server.url).signIn("nobody@nord.se", UNKNOWN_PASSWORD)).status).toBe(401);

    const membership = await db.membership.findFirstOrThrow({ where: { userId: world.people.northMember.id, organisationId: world.north.id } });
    expect((await admin.post("/o/region-nord/settings/members", { intent: "change-role", membershipId: membership.id, role: "facilitator" })).status).toBe(200);

    const lesson = { title: "Upphandling i små kommuner", bodyText: "Korta anbudstider stänger ute små företag.", sourceType: "other", evidence: "observation", intent: "publish" };
    const created = await member.post("/o/region-nord/lessons/new", { ...lesson, visibility: "organisation" });
    lessonId = created.headers.get("location")!.match(/lessons\/([^?]+)/)![1];
    const shared = await member.post(`/o/region-nord/lessons/${lessonId}/edit`, { ...lesson, visibility: "network", networkId: world.network.id });
    expect(shared.status).toBe(302);

    const file = new File([readFileSync(path.resolve("tests/fixtures/nyps-export-sample.csv"))], "export.csv", { type: "text/csv" });
    const preview = await (await admin.upload("/o/region-nord/projects/import", { file })).text();
    const uploadId = preview.match(/name="uploadId" value="([a-f0-9]{32})"/)![1];
    const imported = await admin.post("/o/region-nord/projects/import", { uploadId, intent: "import", "map-caseNumber": "Ärendenummer", "map-name": "Projektnamn", "map-supportForm": "Stödform", "map-decidedAmount": "Beslutat belopp" });
    expect(await imported.text()).toContain("Importen är klar");
  });
  afterAll(() => server.close());

  it("shows the admin who did what, when and from where, linked from the settings", async () => {
    const admin = await as("admin@nord.se");
    const html = await page(admin);
    expect(html).toContain('href="/o/region-nord/settings/audit"');
    expect(html).toContain("<h1>Händelselogg</h1>");
    expect(html).toMatch(/<caption>Händelser, nyaste först<\/caption>/);
    for (const text of [
      "Inloggning",
      "Misslyckad inloggning",
      "Ändrad roll",
      "Nina Medlem: member → facilitator",
      "Ändrad synlighet för lärdom",
      "Upphandling i små kommuner: organisation → network",
      `href="/o/region-nord/lessons/${lessonId}"`,
      "Projekt importerade",
      "40 read, 40 created, 0 updated",
      "Nora Admin",
      "127.0.0.1",
    ]) {
      expect(html).toContain(text);
    }
    expect(html).not.toContain(WRONG_PASSWORD);
    // A failed sign-in for an address that is no account belongs to no organisation.
    expect(html).not.toContain("nobody@nord.se");
  });

  it("filters by event, by person and by date, as a GET form", async () => {
    const admin = await as("admin@nord.se");
    const roleChanges = await page(admin, "?action=role-change");
    expect(roleChanges).toContain("1 händelse");
    expect(roleChanges).toContain("Nina Medlem: member → facilitator");
    expect(roleChanges).not.toContain("Projekt importerade</td>");

    // A person's events: what they did, and what was done to their account.
    const nina = await page(admin, `?actor=${world.people.northMember.id}`);
    expect(nina).toContain("Ändrad synlighet för lärdom</td>");
    expect(nina).toContain("Ändrad roll</td>");
    expect(nina).toContain("Misslyckad inloggning</td>");
    expect(nina).not.toContain("Projekt importerade</td>");

    const tomorrow = new Date(Date.now() + 36 * 3600_000).toISOString().slice(0, 10);
    expect(await page(admin, `?from=${tomorrow}`)).toContain("Inga händelser matchar filtret.");
    expect(await page(admin, `?action=projects-imported&from=2020-01-01&to=${tomorrow}`)).toContain("1 händelse");
  });

  it("exports what the filters show as CSV that Swedish Excel opens, without any password", async () => {
    const admin = await as("admin@nord.se");
    expect(await page(admin, "?action=role-change")).toContain('href="/o/region-nord/settings/audit.csv?action=role-change"');

    const response = await admin.get("/o/region-nord/settings/audit.csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    expect(response.headers.get("content-disposition")).toContain('filename="handelselogg-region-nord.csv"');
    const csv = await response.text();
    const [header, ...rows] = csv.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(header).toBe("När;Vem;Händelse;Kod;Uppgift;Gäller;Gäller (id);IP-adress");
    expect(rows.some((r) => r.includes("Ändrad roll;role-change;Nina Medlem: member → facilitator;Person;"))).toBe(true);
    expect(rows.some((r) => r.includes(`;Ändrad synlighet för lärdom;lesson-visibility;`) && r.includes(lessonId))).toBe(true);
    expect(rows.some((r) => r.includes(";Projekt importerade;projects-imported;40 read, 40 created, 0 updated;"))).toBe(true);
    expect(rows.some((r) => r.startsWith(new Date().getFullYear().toString()) && r.includes("Misslyckad inloggning;sign-in-failed;"))).toBe(true);
    expect(csv).not.toContain(WRONG_PASSWORD);

    const filtered = (await (await admin.get("/o/region-nord/settings/audit.csv?action=role-change")).text()).trimEnd().split("\r\n");
    expect(filtered).toHaveLength(2);
  });

  it("logs a failed sign-in without the password, and one for an unknown address in no organisation", async () => {
    const failed = await db.auditEvent.findMany({ where: { action: "sign-in-failed" } });
    expect(failed).toHaveLength(2);
    const known = failed.find((e) => e.actorId === world.people.northMember.id)!;
    expect(known).toMatchObject({ organisationId: world.north.id, actorName: "Nina Medlem", detail: "" });
    const unknown = failed.find((e) => e.actorId === null)!;
    expect(unknown).toMatchObject({ organisationId: null, detail: "nobody@nord.se" });
    expect(unknown.ip).toMatch(/127\.0\.0\.1/);
    const everything = JSON.stringify(await db.auditEvent.findMany());
    expect(everything).not.toContain(WRONG_PASSWORD);
    expect(everything).not.toContain(UNKNOWN_PASSWORD);
  });

  it("is for admins only; another organisation's admin sees none of it", async () => {
    const member = await as("member@syd.se");
    expect((await member.get("/o/region-syd/settings/audit")).status).toBe(403);
    expect((await member.get("/o/region-syd/settings/audit.csv")).status).toBe(403);
    const facilitator = await as("facilitator@nord.se");
    expect((await facilitator.get("/o/region-nord/settings/audit")).status).toBe(403);
    expect((await facilitator.get("/o/region-nord/settings/audit.csv")).status).toBe(403);
    expect((await new Client(server.url).get("/o/region-nord/settings/audit.csv")).status).toBe(302);

    const southAdmin = await as("admin@syd.se");
    expect((await southAdmin.get("/o/region-nord/settings/audit")).status).toBe(404);
    expect((await southAdmin.get("/o/region-nord/settings/audit.csv")).status).toBe(404);
    const own = await (await southAdmin.get("/o/region-syd/settings/audit")).text();
    expect(own).toContain("Sven Admin");
    for (const text of ["Nina Medlem", "Nora Admin", "Ändrad roll</td>", "Projekt importerade</td>", "Upphandling"]) expect(own).not.toContain(text);
    const ownCsv = await (await southAdmin.get("/o/region-syd/settings/audit.csv")).text();
    expect(ownCsv).not.toContain("Nina Medlem");
    // Someone from Region Nord cannot be picked as a person to filter by in Region Syd.
    const byNina = await (await southAdmin.get(`/o/region-syd/settings/audit?actor=${world.people.northMember.id}`)).text();
    expect(byNina).toContain("Inga händelser matchar filtret.");
  });

  it("pages through a long log, keeping the filters", async () => {
    await db.auditEvent.createMany({
      data: Array.from({ length: 60 }, (_, i) => ({
        organisationId: world.north.id,
        actorId: world.people.northFacilitator.id,
        actorName: "Nils Samtalsledare",
        action: "sign-in",
        ip: `10.0.0.${i}`,
        createdAt: new Date(Date.now() - (i + 1) * 60_000),
      })),
    });
    const admin = await as("admin@nord.se");
    const first = await page(admin, "?action=sign-in");
    expect(first).toContain('href="/o/region-nord/settings/audit?action=sign-in&amp;page=2"');
    const second = await page(admin, "?action=sign-in&page=2");
    expect(second).toContain('<span aria-current="page">Sida 2</span>');
    expect(second).toContain("10.0.0.59");
  });

  it("records sharing a category, moderation and leaving a network beside the organisation's own logs", async () => {
    const admin = await as("admin@nord.se");
    const member = await as("facilitator@nord.se");
    expect((await admin.post("/o/region-nord/settings/categories", { intent: "create-category", name: "Erfarenheter" })).status).toBe(200);
    const category = await db.category.findFirstOrThrow({ where: { organisationId: world.north.id, name: "Erfarenheter" } });
    const shared = await admin.post("/o/region-nord/settings/categories", { intent: "update-category", categoryId: category.id, name: "Erfarenheter", networkId: world.network.id });
    expect(shared.status).toBe(200);

    const started = await member.post("/o/region-nord/daily/new", { categoryId: category.id, title: "Grannkommunen", bodyText: "Handläggarna där är helt inkompetenta." });
    const threadId = started.headers.get("location")!.match(/\/daily\/([^/?#]+)$/)![1];
    const post = await db.post.findFirstOrThrow({ where: { threadId } });
    expect((await admin.post(`/o/region-nord/daily/${threadId}`, { intent: "hide-post", postId: post.id, reason: "Personangrepp" })).status).toBe(200);
    expect((await admin.post(`/o/region-nord/networks/${world.network.id}`, { intent: "leave" })).status).toBe(302);

    const html = await page(admin);
    expect(html).toContain("Erfarenheter: – → Nord och Syd");
    expect(html).toContain("hide-post: Personangrepp");
    expect(html).toContain("Lämnade nätverk");
    expect(html).toContain("unshared: 1 lessons, 1 categories, 0 sessions");
    // The moderation log keeps its own record.
    expect(await db.moderationAct.count({ where: { postId: post.id, action: "hide-post" } })).toBe(1);
  });

  it("records deletions, with what was deleted and from which address, without a link to what is gone", async () => {
    const admin = await as("admin@nord.se");
    const member = await as("member@nord.se");
    const category = await db.category.findFirstOrThrow({ where: { organisationId: world.north.id } });
    const started = await member.post("/o/region-nord/daily/new", { categoryId: category.id, title: "Lokala mötesplatser", bodyText: "Fel siffror, jag skriver om." });
    const threadId = started.headers.get("location")!.match(/\/daily\/([^/?#]+)$/)![1];
    const post = await db.post.findFirstOrThrow({ where: { threadId } });
    expect((await member.post(`/o/region-nord/daily/${threadId}`, { intent: "delete-post", postId: post.id })).status).toBe(200);

    const strategy = await db.strategy.create({ data: { organisationId: world.north.id, name: "RUS 2022–2030" } });
    const goal = await db.goal.create({ data: { organisationId: world.north.id, strategyId: strategy.id, code: "2.1", name: "Fler växande företag" } });
    const dimension = await db.tagDimension.create({ data: { organisationId: world.north.id, key: "theme", name: "Tema" } });
    const tag = await db.tag.create({ data: { organisationId: world.north.id, dimensionId: dimension.id, name: "Besöksnäring" } });
    const empty = await db.category.create({ data: { organisationId: world.north.id, name: "Tom kategori" } });
    const call = await db.call.create({ data: { organisationId: world.north.id, authorId: world.people.northAdmin.id, title: "Utlysning hållbar turism" } });
    expect((await admin.post(`/o/region-nord/goals/${goal.id}`, { intent: "delete-goal" })).status).toBe(302);
    expect((await admin.post("/o/region-nord/goals?index", { intent: "delete-strategy", strategyId: strategy.id })).status).toBe(200);
    expect((await admin.post("/o/region-nord/settings/tags", { intent: "delete-tag", tagId: tag.id })).status).toBe(200);
    expect((await admin.post("/o/region-nord/settings/categories", { intent: "delete-category", categoryId: empty.id })).status).toBe(200);
    expect((await admin.post(`/o/region-nord/calls/${call.id}/edit?delete`, {})).status).toBe(302);

    const deleted = await db.auditEvent.findMany({ where: { organisationId: world.north.id, action: "deleted" }, orderBy: { createdAt: "asc" } });
    expect(deleted.map((e) => [e.targetType, e.detail, e.actorName])).toEqual([
      ["post", "Lokala mötesplatser", "Nina Medlem"],
      ["goal", "2.1 Fler växande företag", "Nora Admin"],
      ["strategy", "RUS 2022–2030", "Nora Admin"],
      ["tag", "Besöksnäring", "Nora Admin"],
      ["category", "Tom kategori", "Nora Admin"],
      ["call", "Utlysning hållbar turism", "Nora Admin"],
    ]);
    for (const event of deleted) expect(event.ip).toMatch(/127\.0\.0\.1/);

    const html = await page(admin, "?action=deleted");
    expect(html).toContain("Utlysning hållbar turism");
    expect(html).toContain("<td>Utlysning</td>");
    expect(html).not.toContain(`/daily/${threadId}"`);
  });

  it("records the sign-in that closes the window once, not every attempt refused after it", async () => {
    const attacker = new Client(server.url);
    for (let attempt = 1; attempt <= 5; attempt++) expect((await attacker.signIn("facilitator@nord.se", WRONG_PASSWORD)).status).toBe(401);
    expect((await attacker.signIn("facilitator@nord.se", WRONG_PASSWORD)).status).toBe(429);
    expect((await attacker.signIn("facilitator@nord.se", PASSWORD)).status).toBe(429);

    const limited = await db.auditEvent.findMany({ where: { action: "sign-in-limited" } });
    expect(limited).toHaveLength(1);
    expect(limited[0]).toMatchObject({ organisationId: world.north.id, actorName: "Nils Samtalsledare", detail: "account" });
    expect(await page(await as("admin@nord.se"), "?action=sign-in-limited")).toContain("Inloggning spärrad efter upprepade försök");
  });

  it("keeps the events, and the name, after the person's account is gone", async () => {
    await db.user.delete({ where: { id: world.people.northMember.id } });
    const rows = await db.auditEvent.findMany({ where: { actorName: "Nina Medlem" } });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.actorId === null)).toBe(true);
    const admin = await as("admin@nord.se");
    expect(await page(admin, "?action=lesson-visibility")).toContain("Nina Medlem");
  });
});
