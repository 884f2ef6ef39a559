import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server.ts";
import { PASSWORD, twoRegions } from "../support/fixtures.ts";
import { Client, startTestServer, type TestServer } from "../support/test-server.ts";

describe("goal framework", () => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof twoRegions>>;
  const as = (email: string) => Client.signedIn(server.url, email, PASSWORD);

  beforeAll(async () => {
    server = await startTestServer();
    world = await twoRegions();
  });
  afterAll(() => server.close());

  it("lets an admin build a strategy's goal tree with indicators and measured values", async () => {
    const admin = await as("admin@nord.se");
    const strategy = await admin.post("/o/region-nord/goals?index", {
      intent: "create-strategy",
      name: "RUS Region Nord 2022–2030",
      startYear: "2022",
      endYear: "2030",
    });
    expect(await strategy.text()).toContain("Strategin RUS Region Nord 2022–2030 är tillagd.");
    const strategyId = (await db.strategy.findFirstOrThrow({ where: { organisationId: world.north.id } })).id;

    await admin.post("/o/region-nord/goals?index", { intent: "create-goal", strategyId, code: "1", name: "Ett konkurrenskraftigt näringsliv" });
    const area = await db.goal.findFirstOrThrow({ where: { name: "Ett konkurrenskraftigt näringsliv" } });
    const sub = await admin.post(`/o/region-nord/goals/${area.id}`, {
      intent: "create-goal",
      strategyId,
      code: "1.1",
      name: "Fler innovativa företag",
      oneToOneRelevant: "on",
    });
    expect(await sub.text()).toContain("Målet Fler innovativa företag är tillagt.");
    const goal = await db.goal.findFirstOrThrow({ where: { name: "Fler innovativa företag" } });
    expect(goal).toMatchObject({ parentId: area.id, oneToOneRelevant: true });

    await admin.post(`/o/region-nord/goals/${goal.id}`, {
      intent: "create-indicator",
      name: "Andel innovativa företag",
      unit: "%",
      baselineValue: "31,5",
      baselineYear: "2021",
      targetValue: "40",
      targetYear: "2030",
    });
    const indicator = await db.indicator.findFirstOrThrow({ where: { goalId: goal.id } });
    expect(indicator.baselineValue).toBe(31.5);
    const recorded = await admin.post(`/o/region-nord/goals/${goal.id}`, { intent: "record-value", indicatorId: indicator.id, year: "2024", value: "33,4" });
    expect(await recorded.text()).toContain("Utfallet för 2024 är registrerat.");

    const member = await as("member@nord.se");
    const tree = await (await member.get("/o/region-nord/goals")).text();
    expect(tree).toContain("Ett konkurrenskraftigt näringsliv");
    expect(tree).toContain("Fler innovativa företag");
    expect(tree).not.toContain("Ny strategi");
    const page = await (await member.get(`/o/region-nord/goals/${goal.id}`)).text();
    expect(page).toContain("31,5 % (2021)");
    expect(page).toContain("33,4 % (2024)");
    expect(page).toContain("1:1-relevant");
  });

  it("imports an indicator's values from a file, all rows or none", async () => {
    const admin = await as("admin@nord.se");
    const goal = await db.goal.findFirstOrThrow({ where: { name: "Fler innovativa företag" } });
    const indicator = await db.indicator.findFirstOrThrow({ where: { goalId: goal.id } });
    const file = (text: string) => new File([text], "utfall.csv", { type: "text/csv" });
    const url = `/o/region-nord/goals/${goal.id}`;

    const bad = await admin.upload(url, { intent: "import-values", indicatorId: indicator.id, file: file("År;Värde;Kommentar\n2022;32,5;\ntjugo;33;\n2024;mycket;\n2022;34;\n") });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("Rad 3: År: &quot;tjugo&quot; är inget årtal");
    expect(html).toContain("Rad 4: Värde: &quot;mycket&quot; är inget tal");
    expect(html).toContain("Rad 5: År: året finns redan på rad 2");
    expect(await db.indicatorValue.count({ where: { indicatorId: indicator.id, year: 2022 } })).toBe(0);

    const good = await admin.upload(url, { intent: "import-values", indicatorId: indicator.id, file: file("År;Värde;Kommentar\n2022;32,5;Preliminärt\n2024;34,1;Rättat\n") });
    expect(await good.text()).toContain("2 utfall är importerade.");
    const values = await db.indicatorValue.findMany({ where: { indicatorId: indicator.id }, orderBy: { year: "asc" } });
    expect(values.map((v) => [v.year, v.value, v.note])).toEqual([
      [2022, 32.5, "Preliminärt"],
      [2024, 34.1, "Rättat"],
    ]);

    const southAdmin = await as("admin@syd.se");
    const foreign = await southAdmin.upload(`/o/region-syd/goals/${goal.id}`, { intent: "import-values", indicatorId: indicator.id, file: file("År;Värde\n2025;99\n") });
    expect(foreign.status).toBe(404);
    expect(await db.indicatorValue.count({ where: { indicatorId: indicator.id, year: 2025 } })).toBe(0);
  });

  it("explains bad numbers and years next to the fields and keeps the input", async () => {
    const admin = await as("admin@nord.se");
    const goal = await db.goal.findFirstOrThrow({ where: { name: "Fler innovativa företag" } });
    const response = await admin.post(`/o/region-nord/goals/${goal.id}`, {
      intent: "create-indicator",
      name: "Sysselsättning",
      baselineValue: "ungefär hälften",
      baselineYear: "tjugotjugo",
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Skriv ett tal, till exempel 1 234,5.");
    expect(html).toContain("Skriv ett årtal, till exempel 2026.");
    expect(html).toContain('value="ungefär hälften"');
    expect(await db.indicator.count({ where: { name: "Sysselsättning" } })).toBe(0);
  });

  it("lets an admin correct an indicator's baseline and target", async () => {
    const admin = await as("admin@nord.se");
    const goal = await db.goal.findFirstOrThrow({ where: { name: "Fler innovativa företag" } });
    const indicator = await db.indicator.findFirstOrThrow({ where: { goalId: goal.id } });
    const response = await admin.post(`/o/region-nord/goals/${goal.id}`, {
      intent: "update-indicator",
      indicatorId: indicator.id,
      name: "Andel innovativa företag",
      unit: "%",
      targetValue: "42,5",
      targetYear: "2030",
    });
    expect(await response.text()).toContain("Indikatorn Andel innovativa företag är sparad.");
    expect(await db.indicator.findUniqueOrThrow({ where: { id: indicator.id } })).toMatchObject({
      targetValue: 42.5,
      baselineValue: null,
      baselineYear: null,
    });
  });

  it("lets members read but not change the goals", async () => {
    const member = await as("member@nord.se");
    const strategyId = (await db.strategy.findFirstOrThrow({ where: { organisationId: world.north.id } })).id;
    const attempt = await member.post("/o/region-nord/goals?index", { intent: "create-goal", strategyId, name: "Smygmål" });
    expect(attempt.status).toBe(403);
    expect(await db.goal.count({ where: { name: "Smygmål" } })).toBe(0);
  });

  it("keeps one organisation's goals out of another's reach", async () => {
    const goal = await db.goal.findFirstOrThrow({ where: { name: "Fler innovativa företag" } });
    const southAdmin = await as("admin@syd.se");
    expect((await southAdmin.get(`/o/region-nord/goals/${goal.id}`)).status).toBe(404);
    // Not through their own organisation's URL either.
    expect((await southAdmin.get(`/o/region-syd/goals/${goal.id}`)).status).toBe(404);
    const edit = await southAdmin.post(`/o/region-syd/goals/${goal.id}`, { intent: "update-goal", name: "Kapat" });
    expect(edit.status).toBe(404);
    const del = await southAdmin.post(`/o/region-syd/goals/${goal.id}`, { intent: "delete-goal" });
    expect(del.status).toBe(404);
    expect((await db.goal.findUniqueOrThrow({ where: { id: goal.id } })).name).toBe("Fler innovativa företag");
    expect(await (await southAdmin.get("/o/region-syd/goals")).text()).not.toContain("Fler innovativa företag");
  });

  it("lets an admin rename a strategy, and not another organisation's", async () => {
    const admin = await as("admin@nord.se");
    const strategy = await db.strategy.findFirstOrThrow({ where: { organisationId: world.north.id } });
    const saved = await admin.post("/o/region-nord/goals?index", { intent: "update-strategy", strategyId: strategy.id, name: "RUS Region Nord 2022–2035", startYear: "2022", endYear: "2035" });
    expect(await saved.text()).toContain("Strategin RUS Region Nord 2022–2035 är sparad.");
    expect(await db.strategy.findUniqueOrThrow({ where: { id: strategy.id } })).toMatchObject({ endYear: 2035 });
    const southAdmin = await as("admin@syd.se");
    const foreign = await southAdmin.post("/o/region-syd/goals?index", { intent: "delete-strategy", strategyId: strategy.id });
    expect(foreign.status).toBe(404);
    expect(await db.strategy.count({ where: { id: strategy.id } })).toBe(1);
  });

  it("deletes a goal with its sub-goals and returns to the parent", async () => {
    const admin = await as("admin@nord.se");
    const area = await db.goal.findFirstOrThrow({ where: { name: "Ett konkurrenskraftigt näringsliv" } });
    const response = await admin.post(`/o/region-nord/goals/${area.id}`, { intent: "delete-goal" });
    expect(response.headers.get("location")).toBe("/o/region-nord/goals");
    expect(await db.goal.count({ where: { organisationId: world.north.id } })).toBe(0);
  });
});
