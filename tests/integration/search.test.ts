import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server.ts";
import { indexProjects } from "../../app/search/search-index.server.ts";
import { PASSWORD, twoRegions } from "../support/fixtures.ts";
import { Client, startTestServer, type TestServer } from "../support/test-server.ts";

describe("full-text search", () => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof twoRegions>>;
  const as = (email: string) => Client.signedIn(server.url, email, PASSWORD);
  const publish = (client: Client, slug: string, fields: Record<string, string>) =>
    client.post(`/o/${slug}/lessons/new`, { sourceType: "other", evidence: "observation", visibility: "organisation", intent: "publish", ...fields });
  const titlesIn = (html: string) => [...html.matchAll(/<h2><a [^>]*>(.*?)<\/a><\/h2>/g)].map((m) => m[1].replace(/<[^>]+>/g, ""));

  beforeAll(async () => {
    server = await startTestServer();
    world = await twoRegions();
    const north = await as("member@nord.se");
    await publish(north, "region-nord", { title: "Samverkan med kommunerna", whatWeLearned: "Vid upphandlingen av konsulter blev kraven för otydliga." });
    await publish(north, "region-nord", { title: "Upphandling av utvärderare tar tid", whatWeLearned: "Börja i god tid." });
    await publish(north, "region-nord", { title: "Cirkulära affärsmodeller", whatWeLearned: "Företagen behöver stöd att räkna på cirkularitet." });
    const south = await as("member@syd.se");
    await publish(south, "region-syd", { title: "Hemlig upphandlingsmiss i Syd", whatWeLearned: "Intern." });
    await publish(south, "region-syd", { title: "Delad lärdom om upphandlingar", visibility: "network", networkId: world.network.id, whatWeLearned: "Dela gärna." });
    const project = await db.project.create({
      data: { organisationId: world.north.id, caseNumber: "20240007", name: "Upphandlingsstöd för småföretag", supportType: "project", beneficiary: "Almi Nord" },
    });
    const southProject = await db.project.create({
      data: { organisationId: world.south.id, caseNumber: "20240008", name: "Upphandlingsskola Syd", supportType: "project" },
    });
    await indexProjects([project.id, southProject.id]);
  });
  afterAll(() => server.close());

  it("finds Swedish word forms, ranks title matches first and marks the matches", async () => {
    const north = await as("member@nord.se");
    const html = await (await north.get(`/o/region-nord/search?q=${encodeURIComponent("upphandlingen")}`)).text();
    const titles = titlesIn(html);
    // Matches in the title rank above a match in the text.
    expect(titles.indexOf("Upphandling av utvärderare tar tid")).toBeGreaterThanOrEqual(0);
    expect(titles.indexOf("Upphandling av utvärderare tar tid")).toBeLessThan(titles.indexOf("Samverkan med kommunerna"));
    expect(titles.indexOf("Delad lärdom om upphandlingar")).toBeLessThan(titles.indexOf("Samverkan med kommunerna"));
    expect(html).toContain("<mark>Upphandling</mark>");
    expect(html).toContain("<mark>upphandlingen</mark>");
    expect(titles).not.toContain("Cirkulära affärsmodeller");
  });

  it("searches projects of the organisation and what others share, nothing private of theirs", async () => {
    const north = await as("member@nord.se");
    const titles = titlesIn(await (await north.get("/o/region-nord/search?q=upphandling")).text());
    expect(titles).toContain("20240007 Upphandlingsstöd för småföretag");
    expect(titles).toContain("Delad lärdom om upphandlingar");
    expect(titles).not.toContain("Hemlig upphandlingsmiss i Syd");
    expect(titles).not.toContain("20240008 Upphandlingsskola Syd");
  });

  it("treats FTS syntax in the query as plain words", async () => {
    const north = await as("member@nord.se");
    const response = await north.get(`/o/region-nord/search?q=${encodeURIComponent('"företagen* ) ( -:^ *')}`);
    expect(response.status).toBe(200);
    expect(titlesIn(await response.text())).toContain("Cirkulära affärsmodeller");
  });

  it("forgets a lesson's old words when it is edited", async () => {
    const north = await as("member@nord.se");
    const lesson = await db.lesson.findFirstOrThrow({ where: { title: "Cirkulära affärsmodeller" } });
    await north.post(`/o/region-nord/lessons/${lesson.id}/edit`, {
      title: "Cirkulära affärsmodeller",
      whatWeLearned: "Kalkyler för återbruk.",
      sourceType: "other",
      evidence: "observation",
      visibility: "organisation",
      intent: "publish",
    });
    expect(titlesIn(await (await north.get("/o/region-nord/search?q=företagen")).text())).not.toContain("Cirkulära affärsmodeller");
    expect(titlesIn(await (await north.get("/o/region-nord/search?q=återbruket")).text())).toContain("Cirkulära affärsmodeller");
  });
});
