import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server.ts";
import { PASSWORD, twoRegions } from "../support/fixtures.ts";
import { Client, startTestServer, type TestServer } from "../support/test-server.ts";

describe("editing a project", () => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof twoRegions>>;
  let projectId: string;
  let goalId: string;
  let foreignGoalId: string;
  let indicatorId: string;
  const as = (email: string) => Client.signedIn(server.url, email, PASSWORD);

  beforeAll(async () => {
    server = await startTestServer();
    world = await twoRegions();
    const strategy = await db.strategy.create({ data: { organisationId: world.north.id, name: "RUS" } });
    const goal = await db.goal.create({ data: { organisationId: world.north.id, strategyId: strategy.id, code: "3.1", name: "Minskade utsläpp" } });
    goalId = goal.id;
    indicatorId = (await db.indicator.create({ data: { organisationId: world.north.id, goalId, name: "Utsläpp", unit: "ton" } })).id;
    const foreign = await db.strategy.create({ data: { organisationId: world.south.id, name: "RUS Syd" } });
    foreignGoalId = (await db.goal.create({ data: { organisationId: world.south.id, strategyId: foreign.id, name: "Sydmål" } })).id;
    projectId = (await db.project.create({ data: { organisationId: world.north.id, caseNumber: "20240003", name: "Smart energi i hamnen", supportType: "company" } })).id;
  });
  afterAll(() => server.close());

  it("lets an admin link goals and record expected and realised results and reports", async () => {
    const admin = await as("admin@nord.se");
    const url = `/o/region-nord/projects/${projectId}`;
    expect(await (await admin.post(url, { intent: "links", goalIds: goalId })).text()).toContain("Mål och taggar är sparade.");
    await admin.post(url, { intent: "expected", indicatorId, targetValue: "320", unit: "ton" });
    await admin.post(url, { intent: "realised", indicatorId, value: "250,5", unit: "ton", date: "2025-03-31", sourceReport: "Slutredovisning" });
    await admin.post(url, { intent: "report", type: "final-account", date: "2025-03-31", summary: "Driftsattes fyra månader sent." });

    const page = await (await (await as("member@nord.se")).get(url)).text();
    expect(page).toContain("3.1 Minskade utsläpp");
    expect(page).toContain("320 ton");
    expect(page).toContain("250,5 ton");
    expect(page).toContain("Driftsattes fyra månader sent.");
    expect(page).not.toContain("Ändra projektet");
  });

  it("answers a bad value or date next to the field and saves nothing", async () => {
    const admin = await as("admin@nord.se");
    const response = await admin.post(`/o/region-nord/projects/${projectId}`, { intent: "realised", value: "många", date: "2025-02-30", sourceReport: "Lägesrapport" });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Skriv ett tal, till exempel 1 234,5.");
    expect(html).toContain("Skriv ett datum som ÅÅÅÅ-MM-DD, till exempel 2026-03-01.");
    expect(await db.realisedResult.count({ where: { projectId, sourceReport: "Lägesrapport" } })).toBe(0);
  });

  it("refuses links to another organisation's goals, and edits from members or other organisations", async () => {
    const admin = await as("admin@nord.se");
    const foreign = await admin.post(`/o/region-nord/projects/${projectId}`, { intent: "links", goalIds: foreignGoalId });
    expect(foreign.status).toBe(400);
    expect(await db.projectGoal.count({ where: { projectId, goalId: foreignGoalId } })).toBe(0);

    const member = await as("member@nord.se");
    expect((await member.post(`/o/region-nord/projects/${projectId}`, { intent: "report", type: "status", date: "2025-01-01", summary: "x" })).status).toBe(403);
    const southAdmin = await as("admin@syd.se");
    expect((await southAdmin.post(`/o/region-syd/projects/${projectId}`, { intent: "report", type: "status", date: "2025-01-01", summary: "x" })).status).toBe(404);
    expect((await southAdmin.get(`/o/region-syd/projects/${projectId}`)).status).toBe(404);
    expect(await db.projectReport.count({ where: { projectId, type: "status" } })).toBe(0);
  });
});
