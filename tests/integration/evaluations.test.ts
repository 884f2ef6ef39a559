import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server.ts";
import { PASSWORD, twoRegions } from "../support/fixtures.ts";
import { Client, startTestServer, type TestServer } from "../support/test-server.ts";

let server: TestServer;
let world: Awaited<ReturnType<typeof twoRegions>>;
const ids = { goal: "", otherGoal: "", foreignGoal: "", projectA: "", projectB: "", foreignProject: "" };
const as = (email: string) => Client.signedIn(server.url, email, PASSWORD);
const MODEL = "/o/region-nord/evaluations/model";

beforeAll(async () => {
  server = await startTestServer();
  world = await twoRegions();
  const strategy = await db.strategy.create({ data: { organisationId: world.north.id, name: "RUS Nord" } });
  ids.goal = (await db.goal.create({ data: { organisationId: world.north.id, strategyId: strategy.id, code: "1.1", name: "Fler innovativa företag" } })).id;
  ids.otherGoal = (await db.goal.create({ data: { organisationId: world.north.id, strategyId: strategy.id, code: "3.1", name: "Minskade utsläpp" } })).id;
  const southStrategy = await db.strategy.create({ data: { organisationId: world.south.id, name: "RUS Syd" } });
  ids.foreignGoal = (await db.goal.create({ data: { organisationId: world.south.id, strategyId: southStrategy.id, code: "9", name: "Sydmål" } })).id;
  ids.projectA = (
    await db.project.create({
      data: { organisationId: world.north.id, caseNumber: "20230001", name: "Digitalt lyft", supportType: "project", goals: { create: [{ goalId: ids.goal }] } },
    })
  ).id;
  ids.projectB = (
    await db.project.create({
      data: { organisationId: world.north.id, caseNumber: "20230002", name: "Smart energi i hamnen", supportType: "company", goals: { create: [{ goalId: ids.otherGoal }] } },
    })
  ).id;
  ids.foreignProject = (await db.project.create({ data: { organisationId: world.south.id, caseNumber: "20239999", name: "Sydprojekt", supportType: "project" } })).id;
});
afterAll(() => server.close());

const entry = (fields: Record<string, string>) => ({ intent: "create-entry", level: "outcome", supportType: "", projectType: "", goalId: "", what: "", method: "", ...fields });

describe("the evaluation model", () => {
  it("lets an admin add rows that every member reads, grouped by level of the result chain", async () => {
    const admin = await as("admin@nord.se");
    const created = await admin.post(
      MODEL,
      entry({ supportType: "company", projectType: "Investering", goalId: ids.goal, what: "Ökad omsättning två år efter stödet", method: "Registerdata från SCB med kontrollgrupp" }),
    );
    expect(created.status).toBe(200);
    expect(await created.text()).toContain("Raden är tillagd.");
    await admin.post(MODEL, entry({ level: "output", what: "Antal företag som fått stöd", method: "Uppföljning i Nyps" }));

    const member = await as("member@nord.se");
    const page = await (await member.get(MODEL)).text();
    for (const text of ["Prestationer", "Resultat", "Effekter", "Ökad omsättning två år efter stödet", "Registerdata från SCB med kontrollgrupp", "Företagsstöd", "Investering", "1.1 Fler innovativa företag", "Alla stödformer", "Alla projekttyper", "Alla mål"]) {
      expect(page).toContain(text);
    }
    // Outputs come before outcomes, whatever order the rows were added in.
    expect(page.indexOf("Antal företag som fått stöd")).toBeLessThan(page.indexOf("Ökad omsättning två år efter stödet"));
    expect(page).not.toContain("Lägg till rad i modellen");
    expect(page).not.toContain("Flytta upp");
  });

  it("lets an admin reorder, edit and delete rows", async () => {
    const admin = await as("admin@nord.se");
    await admin.post(MODEL, entry({ what: "Fler anställda efter tre år", method: "Registerdata från SCB" }));
    const second = await db.evaluationModelEntry.findFirstOrThrow({ where: { what: "Fler anställda efter tre år" } });
    const moved = await admin.post(MODEL, { intent: "move-up", entryId: second.id });
    expect(await moved.text()).toContain("Raden är flyttad upp.");
    let page = await (await admin.get(MODEL)).text();
    expect(page.indexOf("Fler anställda efter tre år")).toBeLessThan(page.indexOf("Ökad omsättning två år efter stödet"));
    // Each button names its row for screen readers.
    expect(page).toContain('Flytta ner<span class="visually-hidden"> Fler anställda efter tre år</span>');

    const edit = await admin.get(`${MODEL}?edit=${second.id}`);
    expect(await edit.text()).toContain("Ändra raden");
    const refused = await admin.post(`${MODEL}?edit=${second.id}`, { ...entry({ what: "", method: "Registerdata och intervjuer" }), intent: "update-entry", entryId: second.id });
    expect(refused.status).toBe(400);
    const refusedHtml = await refused.text();
    expect(refusedHtml).toContain("Skriv vad som kan utvärderas.");
    expect(refusedHtml).toContain("Registerdata och intervjuer</textarea>");
    const saved = await admin.post(`${MODEL}?edit=${second.id}`, { ...entry({ what: "Fler anställda tre år efter stödet", method: "Registerdata från SCB" }), intent: "update-entry", entryId: second.id });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("location")).toBe(`${MODEL}?notice=saved#row-${second.id}`);
    page = await (await admin.get(MODEL)).text();
    expect(page).toContain("Fler anställda tre år efter stödet");

    await admin.post(MODEL, { intent: "delete-entry", entryId: second.id });
    page = await (await admin.get(MODEL)).text();
    expect(page).not.toContain("Fler anställda tre år efter stödet");
  });

  it("shows a missing description next to the field and keeps what was typed", async () => {
    const admin = await as("admin@nord.se");
    const before = await db.evaluationModelEntry.count();
    const response = await admin.post(MODEL, entry({ projectType: "Förstudie", method: "Enkät till deltagarna" }));
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Skriv vad som kan utvärderas.");
    expect(html).toContain('value="Förstudie"');
    expect(html).toContain("Enkät till deltagarna</textarea>");

    const foreign = await admin.post(MODEL, entry({ goalId: ids.foreignGoal, what: "Något" }));
    expect(foreign.status).toBe(400);
    expect(await foreign.text()).toContain("Välj ett av organisationens egna mål.");
    expect(await db.evaluationModelEntry.count()).toBe(before);
  });

  it("refuses changes from members and facilitators, and hides the model from other organisations", async () => {
    const before = await db.evaluationModelEntry.count();
    const row = await db.evaluationModelEntry.findFirstOrThrow();
    expect((await (await as("member@nord.se")).post(MODEL, entry({ what: "Medlemmens rad" }))).status).toBe(403);
    expect((await (await as("facilitator@nord.se")).post(MODEL, { intent: "delete-entry", entryId: row.id })).status).toBe(403);
    const southAdmin = await as("admin@syd.se");
    expect((await southAdmin.get(MODEL)).status).toBe(404);
    expect((await southAdmin.post(MODEL, entry({ what: "Sydrad" }))).status).toBe(404);
    // Another organisation's row cannot be reached through one's own model either.
    expect((await southAdmin.post("/o/region-syd/evaluations/model", { intent: "delete-entry", entryId: row.id })).status).toBe(404);
    expect(await db.evaluationModelEntry.count()).toBe(before);
  });
});

const evaluation = (fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams({ title: "", description: "", kind: "thematic", status: "planned", evaluator: "", startsOn: "", endsOn: "" });
  for (const [key, value] of Object.entries(fields)) {
    body.delete(key);
    for (const v of ([] as string[]).concat(value)) body.append(key, v);
  }
  return body;
};

/** A form post with repeated fields (several goals or projects), as a browser sends checkboxes. */
async function postForm(client: Client, pathname: string, body: URLSearchParams) {
  return fetch(new URL(pathname, server.url), {
    method: "POST",
    headers: { cookie: client.cookieHeader, origin: server.url },
    body,
    redirect: "manual",
  });
}

const idFrom = (location: string | null) => location!.match(/evaluations\/([^/?]+)/)![1];

describe("the evaluation plan", () => {
  let thematicId = "";
  let aggregatedId = "";

  it("lets a facilitator plan a thematic evaluation tied to the organisation's goals", async () => {
    const facilitator = await as("facilitator@nord.se");
    expect((await facilitator.get("/o/region-nord/evaluations/new")).status).toBe(200);
    const response = await postForm(
      facilitator,
      "/o/region-nord/evaluations/new",
      evaluation({ title: "Digitaliseringsstöd 2020–2024", description: "Vad gav bestående resultat?", evaluator: "Utvärderingsbyrån Norr", startsOn: "2025-01-15", endsOn: "2025-06-30", goalIds: ids.goal }),
    );
    expect(response.status).toBe(302);
    thematicId = idFrom(response.headers.get("location"));
    const page = await (await (await as("member@nord.se")).get(`/o/region-nord/evaluations/${thematicId}`)).text();
    for (const text of ["Digitaliseringsstöd 2020–2024", "Vad gav bestående resultat?", "Tematisk", "Planerad", "Utvärderingsbyrån Norr", "2025-01-15 – 2025-06-30", "1.1 Fler innovativa företag"]) {
      expect(page).toContain(text);
    }
    expect(page).not.toContain("Publicera resultat som lärdom");
  });

  it("lets a facilitator plan an aggregated evaluation across the organisation's projects", async () => {
    const facilitator = await as("facilitator@nord.se");
    const response = await postForm(facilitator, "/o/region-nord/evaluations/new", evaluation({ title: "Samlad utvärdering av näringslivsprojekt", kind: "aggregated", status: "ongoing", projectIds: [ids.projectA, ids.projectB] }));
    expect(response.status).toBe(302);
    aggregatedId = idFrom(response.headers.get("location"));
    const page = await (await facilitator.get(`/o/region-nord/evaluations/${aggregatedId}`)).text();
    expect(page).toContain("Samlad");
    expect(page).toContain("Digitalt lyft");
    expect(page).toContain("Smart energi i hamnen");

    const plan = await (await (await as("member@nord.se")).get("/o/region-nord/evaluations")).text();
    expect(plan).toContain("2 utvärderingar");
    expect(plan).toContain("2 projekt");
    expect(plan).toContain("1.1 Fler innovativa företag");
    expect(plan).not.toContain("Planera utvärdering");
  });

  it("refuses other organisations' goals and projects, and a thematic evaluation without goals", async () => {
    const facilitator = await as("facilitator@nord.se");
    const before = await db.evaluation.count();
    const foreignGoal = await postForm(facilitator, "/o/region-nord/evaluations/new", evaluation({ title: "Med främmande mål", goalIds: [ids.goal, ids.foreignGoal] }));
    expect(foreignGoal.status).toBe(400);
    expect(await foreignGoal.text()).toContain("Välj bland organisationens egna mål.");
    const foreignProject = await postForm(facilitator, "/o/region-nord/evaluations/new", evaluation({ title: "Med främmande projekt", kind: "aggregated", projectIds: [ids.projectA, ids.foreignProject] }));
    expect(foreignProject.status).toBe(400);
    expect(await foreignProject.text()).toContain("Välj bland organisationens egna projekt.");
    const noGoals = await postForm(facilitator, "/o/region-nord/evaluations/new", evaluation({ title: "Utan mål", endsOn: "2025-13-01" }));
    expect(noGoals.status).toBe(400);
    const html = await noGoals.text();
    expect(html).toContain("Välj minst ett mål för en tematisk utvärdering.");
    expect(html).toContain("Skriv ett datum som ÅÅÅÅ-MM-DD, till exempel 2026-03-01.");
    expect(html).toContain('value="Utan mål"');
    expect(await db.evaluation.count()).toBe(before);
    // Editing is held to the same rule.
    const edit = await postForm(facilitator, `/o/region-nord/evaluations/${thematicId}/edit`, evaluation({ title: "Digitaliseringsstöd 2020–2024", goalIds: ids.foreignGoal }));
    expect(edit.status).toBe(400);
    expect(await db.evaluationGoal.count({ where: { evaluationId: thematicId, goalId: ids.goal } })).toBe(1);
  });

  it("lets a facilitator edit an evaluation and change its status, and filters the plan", async () => {
    const facilitator = await as("facilitator@nord.se");
    const edited = await postForm(
      facilitator,
      `/o/region-nord/evaluations/${thematicId}/edit`,
      evaluation({ title: "Digitaliseringsstöd 2020–2024", status: "ongoing", goalIds: [ids.goal, ids.otherGoal], startsOn: "2025-01-15" }),
    );
    expect(edited.status).toBe(302);
    let page = await (await facilitator.get(edited.headers.get("location")!)).text();
    expect(page).toContain("Utvärderingen är sparad.");
    expect(page).toContain("Pågående");
    expect(page).toContain("3.1 Minskade utsläpp");
    expect(page).toContain("2025-01-15 – …");

    const changed = await facilitator.post(`/o/region-nord/evaluations/${thematicId}`, { intent: "status", status: "completed" });
    expect(await changed.text()).toContain("Statusen är ändrad.");
    page = await (await facilitator.get("/o/region-nord/evaluations?status=completed")).text();
    expect(page).toContain("1 utvärdering");
    expect(page).toContain("Digitaliseringsstöd 2020–2024");
    expect(page).not.toContain("Samlad utvärdering av näringslivsprojekt");
    page = await (await facilitator.get("/o/region-nord/evaluations?kind=aggregated")).text();
    expect(page).toContain("Samlad utvärdering av näringslivsprojekt");
    expect(page).not.toContain("Digitaliseringsstöd 2020–2024");
  });

  it("keeps members to reading and other organisations out", async () => {
    const member = await as("member@nord.se");
    expect((await member.get("/o/region-nord/evaluations/new")).status).toBe(403);
    expect((await member.get(`/o/region-nord/evaluations/${thematicId}/edit`)).status).toBe(403);
    expect((await member.post(`/o/region-nord/evaluations/${thematicId}`, { intent: "status", status: "cancelled" })).status).toBe(403);
    expect((await member.post(`/o/region-nord/evaluations/${thematicId}`, { intent: "finding", title: "Medlemmens lärdom", whatWeLearned: "x" })).status).toBe(403);

    const south = await as("member@syd.se");
    expect((await south.get("/o/region-nord/evaluations")).status).toBe(404);
    expect((await south.get(`/o/region-nord/evaluations/${thematicId}`)).status).toBe(404);
    expect((await south.get(`/o/region-syd/evaluations/${thematicId}`)).status).toBe(404);
    const southAdmin = await as("admin@syd.se");
    expect((await southAdmin.get(`/o/region-syd/evaluations/${thematicId}/edit`)).status).toBe(404);
    expect((await southAdmin.post(`/o/region-syd/evaluations/${thematicId}`, { intent: "status", status: "cancelled" })).status).toBe(404);
    expect((await db.evaluation.findUniqueOrThrow({ where: { id: thematicId } })).status).toBe("completed");
  });

  it("publishes findings as a draft lesson from the evaluation, shown on its page once published", async () => {
    const facilitator = await as("facilitator@nord.se");
    const url = `/o/region-nord/evaluations/${thematicId}`;
    const invalid = await facilitator.post(url, { intent: "finding", title: "Stöd i två steg fungerar", whatWeLearned: "" });
    expect(invalid.status).toBe(400);
    const invalidHtml = await invalid.text();
    expect(invalidHtml).toContain("Skriv vad ni lärde er.");
    expect(invalidHtml).toContain('value="Stöd i två steg fungerar"');

    const response = await facilitator.post(url, { intent: "finding", title: "Stöd i två steg fungerar", whatWeLearned: "Behovsanalys följd av stöd till införande ger bestående resultat." });
    expect(response.status).toBe(302);
    const location = response.headers.get("location")!;
    expect(location).toMatch(/^\/o\/region-nord\/lessons\/[^/]+\/edit$/);
    const lessonId = location.split("/")[4];
    const lesson = await db.lesson.findUniqueOrThrow({ where: { id: lessonId }, include: { goals: true, revisions: true } });
    expect(lesson).toMatchObject({
      organisationId: world.north.id,
      authorId: world.people.northFacilitator.id,
      status: "draft",
      sourceType: "evaluation",
      evidence: "evaluation",
      evaluationId: thematicId,
      sourceNote: "Digitaliseringsstöd 2020–2024",
      projectId: null,
      whatWeLearned: "Behovsanalys följd av stöd till införande ger bestående resultat.",
    });
    expect(lesson.goals.map((g) => g.goalId).sort()).toEqual([ids.goal, ids.otherGoal].sort());
    expect(lesson.revisions).toHaveLength(1);

    // The author lands in the lesson editor with the draft filled in.
    const editor = await (await facilitator.get(location)).text();
    expect(editor).toContain('value="Stöd i två steg fungerar"');
    expect(editor).toContain("Behovsanalys följd av stöd till införande ger bestående resultat.");

    const member = await as("member@nord.se");
    expect(await (await member.get(url)).text()).not.toContain("Stöd i två steg fungerar");

    const published = await postForm(
      facilitator,
      location,
      new URLSearchParams([
        ["title", "Stöd i två steg fungerar"],
        ["bodyText", "Utvärderingen följde 40 företag."],
        ["whatWeLearned", "Behovsanalys följd av stöd till införande ger bestående resultat."],
        ["sourceType", "evaluation"],
        ["sourceNote", "Digitaliseringsstöd 2020–2024"],
        ["evidence", "evaluation"],
        ["visibility", "organisation"],
        ["goalIds", ids.goal],
        ["goalIds", ids.otherGoal],
        ["intent", "publish"],
      ]),
    );
    expect(published.status).toBe(302);
    expect((await db.lesson.findUniqueOrThrow({ where: { id: lessonId } })).evaluationId).toBe(thematicId);

    const page = await (await member.get(url)).text();
    expect(page).toContain("Stöd i två steg fungerar");
    expect(page).toContain("Lärdomar från utvärderingen");
    expect(page).not.toContain("Inga lärdomar har publicerats från utvärderingen än.");
    const plan = await (await member.get("/o/region-nord/evaluations?kind=thematic")).text();
    expect(plan).toMatch(/<td class="numeric">1<\/td>/);
  });

  it("tags findings from an aggregated evaluation to the goals of its projects", async () => {
    const admin = await as("admin@nord.se");
    const response = await admin.post(`/o/region-nord/evaluations/${aggregatedId}`, { intent: "finding", title: "Projekten rapporterar för sent", whatWeLearned: "Lägesrapporterna kommer efter beslut om nästa etapp." });
    expect(response.status).toBe(302);
    const lessonId = response.headers.get("location")!.split("/")[4];
    const lesson = await db.lesson.findUniqueOrThrow({ where: { id: lessonId }, include: { goals: true } });
    expect(lesson.sourceNote).toBe("Samlad utvärdering av näringslivsprojekt");
    expect(lesson.goals.map((g) => g.goalId).sort()).toEqual([ids.goal, ids.otherGoal].sort());
    expect(lesson.status).toBe("draft");
  });
});
