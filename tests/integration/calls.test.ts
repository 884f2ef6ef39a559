import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server.ts";
import { indexLesson } from "../../app/search/search-index.server.ts";
import { PASSWORD, twoRegions } from "../support/fixtures.ts";
import { Client, startTestServer, type TestServer } from "../support/test-server.ts";

type World = Awaited<ReturnType<typeof twoRegions>>;

async function lesson(organisationId: string, title: string, fields: { goalIds?: string[]; tagIds?: string[]; visibility?: string; networkId?: string; status?: string; text?: string; evidence?: string } = {}) {
  const created = await db.lesson.create({
    data: {
      organisationId,
      title,
      whatWeLearned: fields.text ?? "",
      status: fields.status ?? "published",
      publishedAt: fields.status === "draft" ? null : new Date("2025-05-01T00:00:00Z"),
      visibility: fields.visibility ?? "organisation",
      networkId: fields.networkId,
      evidence: fields.evidence ?? "observation",
      goals: { create: (fields.goalIds ?? []).map((goalId) => ({ goalId })) },
      tags: { create: (fields.tagIds ?? []).map((tagId) => ({ tagId })) },
    },
  });
  await indexLesson(created.id);
  return created.id;
}

/** A page's text with the non-breaking spaces of Swedish number formatting as plain spaces. */
const text = async (response: Response) => (await response.text()).replace(/\u00a0/g, " ");

/** The order in which lesson titles appear on a page. */
const orderOf = (html: string, titles: string[]) => titles.filter((t) => html.includes(t)).sort((a, b) => html.indexOf(a) - html.indexOf(b));

describe("calls and their learning briefs", () => {
  let server: TestServer;
  let world: World;
  const as = (email: string) => Client.signedIn(server.url, email, PASSWORD);
  const ids = {} as Record<string, string>;

  beforeAll(async () => {
    server = await startTestServer();
    world = await twoRegions();
    const strategy = await db.strategy.create({ data: { organisationId: world.north.id, name: "RUS Nord" } });
    const parent = await db.goal.create({ data: { organisationId: world.north.id, strategyId: strategy.id, code: "1", name: "Konkurrenskraftigt näringsliv" } });
    const sub = await db.goal.create({ data: { organisationId: world.north.id, strategyId: strategy.id, parentId: parent.id, code: "1.1", name: "Digital mognad i småföretag" } });
    const other = await db.goal.create({ data: { organisationId: world.north.id, strategyId: strategy.id, code: "4", name: "Bredband" } });
    const southStrategy = await db.strategy.create({ data: { organisationId: world.south.id, name: "RUS Syd" } });
    const southGoal = await db.goal.create({ data: { organisationId: world.south.id, strategyId: southStrategy.id, name: "Sydmål" } });
    // The same S3 area in both regions, matched across them by dimension and code.
    const northS3 = await db.tagDimension.create({ data: { organisationId: world.north.id, key: "s3", name: "S3" } });
    const southS3 = await db.tagDimension.create({ data: { organisationId: world.south.id, key: "s3", name: "S3" } });
    const northDigital = await db.tag.create({ data: { organisationId: world.north.id, dimensionId: northS3.id, name: "Digitalisering", code: "s3-digital" } });
    const southDigital = await db.tag.create({ data: { organisationId: world.south.id, dimensionId: southS3.id, name: "Digital omställning", code: "s3-digital" } });
    Object.assign(ids, { parent: parent.id, sub: sub.id, other: other.id, southGoal: southGoal.id, northDigital: northDigital.id });

    ids.onSubGoal = await lesson(world.north.id, "Lärdom på delmålet", { goalIds: [sub.id] });
    ids.onParent = await lesson(world.north.id, "Lärdom på huvudmålet", { goalIds: [parent.id] });
    ids.untagged = await lesson(world.north.id, "Otaggad lärdom om digitalisering", { text: "Småföretagens digitalisering kräver en intern ansvarig." });
    ids.unrelated = await lesson(world.north.id, "Lärdom om bredband", { goalIds: [other.id], text: "Fiber på landsbygden." });
    ids.draft = await lesson(world.north.id, "Utkast på delmålet", { goalIds: [sub.id], status: "draft" });
    ids.shared = await lesson(world.south.id, "Sydlig lärdom om digital omställning", { tagIds: [southDigital.id], visibility: "network", networkId: world.network.id, text: "Delad med nätverket." });
    ids.southPrivate = await lesson(world.south.id, "Syds interna lärdom", { goalIds: [southGoal.id], tagIds: [southDigital.id], text: "Småföretagens digitalisering." });
  });
  afterAll(() => server.close());

  it("refuses a bad call next to its fields and keeps what was typed", async () => {
    const member = await as("member@nord.se");
    const response = await member.post("/o/region-nord/calls/new", {
      title: "Digitalt lyft 2027",
      description: "Mitt långa utkast till utlysningstext.",
      budget: "tolv miljoner",
      status: "open",
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Skriv beloppet i kronor, till exempel 12 000 000.");
    expect(html).toContain("Mitt långa utkast till utlysningstext.");
    expect(html).toContain('value="tolv miljoner"');
    const dates = await member.post("/o/region-nord/calls/new", { title: "Digitalt lyft 2027", budget: "1 000 000", status: "open", opensOn: "2027-02-01", closesOn: "2027-01-01" });
    expect(await dates.text()).toContain("Stängningsdatumet kan inte ligga före öppningsdatumet.");
    expect(await db.call.count()).toBe(0);
  });

  it("refuses another region's goal on a call", async () => {
    const member = await as("member@nord.se");
    const response = await member.post("/o/region-nord/calls/new", { title: "Med fel mål", budget: "100 000", status: "planned", goalIds: ids.southGoal });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Några av målen eller taggarna finns inte längre.");
  });

  it("ranks a lesson on a sub-goal of the call's goal above an untagged one, and shows partners' shared lessons only", async () => {
    const member = await as("member@nord.se");
    const created = await member.post("/o/region-nord/calls/new", {
      title: "Digitalisering i småföretag",
      description: "Stöd till småföretagens digitalisering.",
      budget: "8 000 000",
      status: "open",
      opensOn: "2026-11-01",
      closesOn: "2027-01-31",
      goalIds: ids.parent,
    });
    expect(created.status).toBe(302);
    ids.call = created.headers.get("location")!.split("/").pop()!.split("?")[0];
    await db.callTag.create({ data: { callId: ids.call, tagId: ids.northDigital } });

    const html = await text(await member.get(`/o/region-nord/calls/${ids.call}`));
    expect(html).toContain("8 000 000 kr");
    const order = orderOf(html, ["Lärdom på huvudmålet", "Lärdom på delmålet", "Sydlig lärdom om digital omställning", "Otaggad lärdom om digitalisering"]);
    expect(order).toEqual(["Lärdom på huvudmålet", "Lärdom på delmålet", "Sydlig lärdom om digital omställning", "Otaggad lärdom om digitalisering"]);
    expect(html).toContain("delmål 1.1 Digital mognad i småföretag");
    expect(html).toContain("Från Region Syd");
    expect(html).not.toContain("Lärdom om bredband");
    expect(html).not.toContain("Utkast på delmålet");
    expect(html).not.toContain("Syds interna lärdom");
  });

  it("lets only the call's author and admins judge lessons, and asks why", async () => {
    const url = `/o/region-nord/calls/${ids.call}`;
    const other = await as("facilitator@nord.se");
    expect((await other.post(url, { intent: "assess", lessonId: ids.onSubGoal, verdict: "considered", note: "" })).status).toBe(403);

    const author = await as("member@nord.se");
    const missing = await author.post(url, { intent: "assess", lessonId: ids.onSubGoal, verdict: "applied", note: "" });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain("Skriv med en mening vad som ändrades i utlysningen.");

    // A lesson the author may not read cannot be judged, even by id.
    expect((await author.post(url, { intent: "assess", lessonId: ids.southPrivate, verdict: "considered", note: "" })).status).toBe(404);

    const applied = await author.post(url, { intent: "assess", lessonId: ids.onSubGoal, verdict: "applied", note: "Företagen ska utse en digitaliseringsansvarig." });
    expect(await applied.text()).toContain("Bedömningen är sparad.");
    await author.post(url, { intent: "assess", lessonId: ids.shared, verdict: "applied", note: "Rapporteringen följer Syds mall." });
    await author.post(url, { intent: "assess", lessonId: ids.untagged, verdict: "not-applied", note: "Gäller redan enligt förordningen." });
    const saved = await db.callLesson.findMany({ where: { callId: ids.call }, orderBy: { verdict: "asc" } });
    expect(saved.map((s) => [s.verdict, Boolean(s.appliedAt)])).toEqual([
      ["applied", true],
      ["applied", true],
      ["not-applied", false],
    ]);

    const page = await (await author.get(url)).text();
    expect(page).toContain("3 bedömda, 2 tillämpade");
  });

  it("shows on a lesson page every call it influenced and the chain to the projects' results", async () => {
    const admin = await as("admin@nord.se");
    const project = await db.project.create({ data: { organisationId: world.north.id, caseNumber: "20270001", name: "Digitalt lyft Nord", supportType: "project" } });
    const linked = await admin.post(`/o/region-nord/projects/${project.id}`, { intent: "links", callId: ids.call });
    expect(await linked.text()).toContain("Mål och taggar är sparade.");
    const foreignCall = await db.call.create({ data: { organisationId: world.south.id, title: "Syds utlysning" } });
    expect((await admin.post(`/o/region-nord/projects/${project.id}`, { intent: "links", callId: foreignCall.id })).status).toBe(400);

    let page = await (await admin.get(`/o/region-nord/lessons/${ids.onSubGoal}`)).text();
    expect(page).toContain("Lärdomens väg");
    expect(page).toContain("Det här ändrades: Företagen ska utse en digitaliseringsansvarig.");
    expect(page).toContain("0 av 1 projekt har rapporterat resultat");

    await db.realisedResult.create({ data: { projectId: project.id, value: 12, unit: "företag", date: new Date("2027-06-30T00:00:00Z") } });
    page = await (await admin.get(`/o/region-nord/lessons/${ids.onSubGoal}`)).text();
    expect(page).toContain("1 av 1 projekt har rapporterat resultat");
    expect(page).toContain("20270001 Digitalt lyft Nord");

    const callPage = await (await admin.get(`/o/region-nord/calls/${ids.call}`)).text();
    expect(callPage).toContain("20270001 Digitalt lyft Nord");
  });

  it("tells the lesson's own region where a partner applied it, but not the partner's other judgements or projects", async () => {
    const south = await as("member@syd.se");
    const page = await (await south.get(`/o/region-syd/lessons/${ids.shared}`)).text();
    expect(page).toContain("Region Nord: Digitalisering i småföretag");
    expect(page).toContain("Rapporteringen följer Syds mall.");
    expect(page).not.toContain("Digitalt lyft Nord");
    expect(page).toContain("1 av 1 projekt har rapporterat resultat");
  });

  it("shows the lessons on a goal beside an indicator that falls behind its target, and not when it is on track", async () => {
    const indicator = await db.indicator.create({
      data: { organisationId: world.north.id, goalId: ids.parent, name: "Andel digitalt mogna företag", unit: "%", baselineValue: 10, baselineYear: 2020, targetValue: 30, targetYear: 2030 },
    });
    // The line from 10 % in 2020 to 30 % in 2030 passes 20 % in 2025.
    await db.indicatorValue.create({ data: { indicatorId: indicator.id, year: 2025, value: 12 } });
    const member = await as("member@nord.se");
    let page = await text(await member.get(`/o/region-nord/goals/${ids.parent}`));
    expect(page).toContain("Efter målet");
    expect(page).toContain("Andel digitalt mogna företag: 12 % år 2025, där linjen mot målvärdet ligger på 20 %.");
    expect(page).toContain("Lärdomar om det här målet");
    expect(page).toContain("Lärdom på delmålet");
    expect(page).toContain("Lärdom på huvudmålet");
    expect(page).not.toContain("Utkast på delmålet");
    expect(page).not.toContain("Lärdom om bredband");

    await db.indicatorValue.update({ where: { indicatorId_year: { indicatorId: indicator.id, year: 2025 } }, data: { value: 21 } });
    page = await text(await member.get(`/o/region-nord/goals/${ids.parent}`));
    expect(page).not.toContain("Efter målet");
    expect(page).not.toContain("Lärdomar om det här målet");
  });

  it("keeps calls inside their region", async () => {
    const south = await as("member@syd.se");
    expect((await south.get(`/o/region-nord/calls/${ids.call}`)).status).toBe(404);
    expect((await south.get(`/o/region-syd/calls/${ids.call}`)).status).toBe(404);
    expect((await south.post(`/o/region-syd/calls/${ids.call}`, { intent: "assess", lessonId: ids.shared, verdict: "considered", note: "" })).status).toBe(404);
    expect(await (await south.get("/o/region-syd/calls")).text()).not.toContain("Digitalisering i småföretag");
  });

  it("exports the brief for the decision memo with what changed and why not", async () => {
    const member = await as("member@nord.se");
    const response = await member.get(`/o/region-nord/calls/${ids.call}/brief.md`);
    expect(response.headers.get("content-type")).toContain("text/markdown");
    const markdown = await response.text();
    expect(markdown).toContain("# Lärandeunderlag: Digitalisering i småföretag");
    expect(markdown).toMatch(/## Tillämpade lärdomar – vad som ändrades\n\n- \[Lärdom på delmålet\]\(http[^)]+\) – Företagen ska utse en digitaliseringsansvarig\./);
    expect(markdown).toContain("(Region Syd) – Rapporteringen följer Syds mall.");
    expect(markdown).toContain("## Lärdomar som inte tillämpades – varför");
    expect(markdown).toContain("Gäller redan enligt förordningen.");
  });

  it("lets the author change the call and an admin delete it", async () => {
    const member = await as("member@nord.se");
    const changed = await member.post(`/o/region-nord/calls/${ids.call}/edit`, {
      title: "Digitalisering i småföretag 2027",
      budget: "9 500 000,50",
      status: "decided",
      opensOn: "2026-11-01",
      closesOn: "2027-01-31",
      decidedOn: "",
      goalIds: ids.parent,
    });
    expect(changed.status).toBe(400);
    expect(await changed.text()).toContain("Skriv beslutsdatum för en beslutad utlysning.");
    await member.post(`/o/region-nord/calls/${ids.call}/edit`, {
      title: "Digitalisering i småföretag 2027",
      budget: "9 500 000,50",
      status: "decided",
      opensOn: "2026-11-01",
      closesOn: "2027-01-31",
      decidedOn: "2027-04-15",
      goalIds: ids.parent,
    });
    const call = await db.call.findUniqueOrThrow({ where: { id: ids.call } });
    expect([call.title, call.budgetOre, call.status]).toEqual(["Digitalisering i småföretag 2027", 950_000_050n, "decided"]);
    expect((await (await as("facilitator@nord.se")).get(`/o/region-nord/calls/${ids.call}/edit`)).status).toBe(403);

    const admin = await as("admin@nord.se");
    expect((await admin.post(`/o/region-nord/calls/${ids.call}/edit?delete`, {})).status).toBe(302);
    expect(await db.call.count({ where: { id: ids.call } })).toBe(0);
    expect((await db.project.findFirstOrThrow({ where: { caseNumber: "20270001" } })).callId).toBeNull();
  });
});
