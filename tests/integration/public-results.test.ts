import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server.ts";
import { PASSWORD, twoRegions } from "../support/fixtures.ts";
import { Client, startTestServer, type TestServer } from "../support/test-server.ts";

// Swedish number formatting puts no-break spaces between thousands; compare with plain ones.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

/** The cells of the table row whose row header is `label`, as text. */
function row(html: string, label: string): string[] {
  const tr = plain(html)
    .split("<tr")
    .find((part) => part.includes(`<th scope="row">${label}</th>`) || part.includes(`<th scope="row">${label}<`));
  if (!tr) throw new Error(`No row "${label}"`);
  return [...tr.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1].replace(/<[^>]+>/g, ""));
}

const PRIVATE = {
  organisationLesson: "Intern lärdom om budgetuppföljning",
  networkLesson: "Nätverkslärdom om lägesrapporter",
  draft: "Utkast om företagsstödens uppföljning",
  pending: "Väntande lärdom om upphandling",
  otherOrganisationLesson: "Sydlig offentlig lärdom",
  author: "Nina Medlem",
  admin: "Nora Admin",
  beneficiary: "Hemliga Företaget AB",
  orgNumber: "556677-8899",
  privateLearning: "Bara för oss internt",
};
const PUBLIC_LESSON = "Offentlig lärdom om digital mognad";

describe("the public results page and open data", () => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof twoRegions>>;
  const lessonIds: Record<string, string> = {};
  const goalIds: Record<string, string> = {};
  const anonymous = () => new Client(server.url);
  const as = (email: string) => Client.signedIn(server.url, email, PASSWORD);

  beforeAll(async () => {
    server = await startTestServer();
    world = await twoRegions();
    const north = world.north.id;
    await db.organisation.update({ where: { id: north }, data: { publicResults: true } });

    const strategy = await db.strategy.create({ data: { organisationId: north, name: "RUS Nord" } });
    const goal = (code: string, name: string, parentId: string | null, position: number) =>
      db.goal.create({ data: { organisationId: north, strategyId: strategy.id, parentId, code, name, position } });
    goalIds.business = (await goal("1", "Näringsliv", null, 0)).id;
    goalIds.digital = (await goal("1.1", "Digitalisering", goalIds.business, 0)).id;
    goalIds.maturity = (await goal("1.1.1", "Digital mognad", goalIds.digital, 0)).id;
    goalIds.skills = (await goal("2", "Kompetens", null, 1)).id;
    goalIds.empty = (await goal("3", "Tillgänglighet", null, 2)).id;

    const indicator = await db.indicator.create({
      data: {
        organisationId: north,
        goalId: goalIds.digital,
        name: "Andel digitala företag",
        unit: "%",
        baselineValue: 31,
        baselineYear: 2021,
        targetValue: 40,
        targetYear: 2030,
        source: "SCB",
        values: { create: [{ year: 2022, value: 32.5 }, { year: 2024, value: 33.4 }] },
      },
    });

    const project = (caseNumber: string, amountOre: bigint, goals: string[], decided: string | null, supportType = "project") =>
      db.project.create({
        data: {
          organisationId: north,
          caseNumber,
          name: `Projekt ${caseNumber}`,
          beneficiary: PRIVATE.beneficiary,
          beneficiaryOrgNumber: PRIVATE.orgNumber,
          supportType,
          decidedAmountOre: amountOre,
          decisionDate: decided ? new Date(`${decided}T00:00:00Z`) : null,
          goals: { create: goals.map((goalId) => ({ goalId })) },
        },
      });
    // On a sub-goal: counted under "1 Näringsliv".
    const p1 = await project("2023001", 100_000_050n, [goalIds.digital], "2023-03-15");
    // On the parent and a grandchild: still counted once under "1".
    await project("2024001", 200_000_000n, [goalIds.business, goalIds.maturity], "2024-02-01", "company");
    // On two top-level goals' trees: counted under each.
    const p3 = await project("2024002", 50_000_000n, [goalIds.digital, goalIds.skills], "2024-09-30");
    // On no goal, without a decision date.
    await project("2025001", 25_000_000n, [], null);

    await db.expectedResult.create({ data: { projectId: p1.id, indicatorId: indicator.id, targetValue: 60, unit: "företag" } });
    await db.realisedResult.create({ data: { projectId: p1.id, indicatorId: indicator.id, value: 48, unit: "företag", date: new Date() } });
    await db.expectedResult.create({ data: { projectId: p3.id, indicatorId: indicator.id, targetValue: 40, unit: "företag" } });
    await db.realisedResult.create({ data: { projectId: p3.id, indicatorId: indicator.id, value: 12.5, unit: "företag", date: new Date() } });
    await db.expectedResult.create({ data: { projectId: p3.id, description: "Nya nätverk", targetValue: 3, unit: "st" } });

    const lesson = (key: string, organisationId: string, authorId: string, title: string, visibility: string, status: string) =>
      db.lesson
        .create({
          data: {
            organisationId,
            authorId,
            title,
            visibility,
            status,
            whatWeLearned: key === "public" ? "Utse en intern ansvarig i varje företag." : PRIVATE.privateLearning,
            publishedAt: status === "published" ? new Date("2025-04-10T08:00:00Z") : null,
            goals: organisationId === north ? { create: [{ goalId: goalIds.digital }] } : undefined,
          },
        })
        .then((l) => (lessonIds[key] = l.id));
    await lesson("public", north, world.people.northMember.id, PUBLIC_LESSON, "public", "published");
    await lesson("organisation", north, world.people.northMember.id, PRIVATE.organisationLesson, "organisation", "published");
    await lesson("network", north, world.people.northAdmin.id, PRIVATE.networkLesson, "network", "published");
    await lesson("draft", north, world.people.northMember.id, PRIVATE.draft, "public", "draft");
    await lesson("pending", north, world.people.northMember.id, PRIVATE.pending, "public", "pending-approval");
    await lesson("south", world.south.id, world.people.southMember.id, PRIVATE.otherOrganisationLesson, "public", "published");
  });
  afterAll(() => server.close());

  it("shows the money by goal, by year, the results and the public lessons to someone signed out", async () => {
    const response = await anonymous().get("/results/region-nord");
    expect(response.status).toBe(200);
    const html = plain(await response.text());
    expect(html).toContain("Vilken nytta gör 1:1-medlen?");
    expect(html).toContain("Region Nord");
    expect(html).toContain("Beslutat stöd per mål i RUS Nord</caption>");

    // 1 000 000,50 + 2 000 000 + 500 000: sub-goal projects counted under the parent, each once.
    expect(row(html, "1 Näringsliv")).toEqual(["3", "3 500 000,50 kr"]);
    expect(row(html, "2 Kompetens")).toEqual(["1", "500 000 kr"]);
    expect(row(html, "3 Tillgänglighet")).toEqual(["0", "0 kr"]);
    expect(html).not.toContain('<th scope="row">1.1 Digitalisering</th>');
    expect(html).toContain("1 projekt (250 000 kr) är inte kopplat till något mål.");
    expect(html).toMatch(/<dt>Projekt<\/dt><dd>4<\/dd>/);
    expect(html).toMatch(/<dt>Beslutat stöd totalt<\/dt><dd>3 750 000,50 kr<\/dd>/);

    expect(row(html, "2023")).toEqual(["1", "1 000 000,50 kr", "0 kr", "1 000 000,50 kr"]);
    expect(row(html, "2024")).toEqual(["2", "500 000 kr", "2 000 000 kr", "2 500 000 kr"]);
    expect(row(html, "Utan beslutsdatum")).toEqual(["1", "250 000 kr", "0 kr", "250 000 kr"]);

    expect(row(html, "Andel digitala företag")).toEqual(["företag", "100", "60,5", "2"]);
    expect(html).toContain("1 resultat i projekten är inte kopplat till någon indikator");
    const society = html.slice(html.indexOf("Indikatorer på samhällsnivå</caption>"));
    expect(row(society, "Andel digitala företag")).toEqual(["1.1 Digitalisering", "31 % (2021)", "33,4 % (2024)", "40 % (2030)", "SCB"]);

    expect(html).toContain(PUBLIC_LESSON);
    expect(html).toContain("Utse en intern ansvarig i varje företag.");
    expect(html).toContain("Publicerad 2025-04-10");
    expect(html).toContain(`href="/results/region-nord/lessons/${lessonIds.public}"`);
    expect(html).toContain('href="/results/region-nord/funds-by-goal.csv"');
    expect(html).toContain('href="/api/v1/results/region-nord"');
    expect(html).toContain('href="/api/v1"');
  });

  it("shows nothing private on the page, the lesson page, the CSV files or the JSON", async () => {
    const visitor = anonymous();
    const outputs: [string, Response][] = [];
    for (const path of [
      "/results/region-nord",
      `/results/region-nord/lessons/${lessonIds.public}`,
      ...["funds-by-goal", "funds-by-year", "results", "indicators", "lessons"].map((d) => `/results/region-nord/${d}.csv`),
      "/api/v1/results/region-nord",
      `/api/v1/results/region-nord/lessons/${lessonIds.public}`,
    ]) {
      outputs.push([path, await visitor.get(path)]);
    }
    for (const [path, response] of outputs) {
      expect(response.status, path).toBe(200);
      const body = await response.text();
      for (const secret of Object.values(PRIVATE)) expect(body, `${path} shows "${secret}"`).not.toContain(secret);
    }
  });

  it("opens a public lesson on its own page, and no other lesson", async () => {
    const visitor = anonymous();
    const page = await visitor.get(`/results/region-nord/lessons/${lessonIds.public}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`<h1 id="lesson-title">${PUBLIC_LESSON}</h1>`);
    expect(html).toContain("1.1 Digitalisering");
    for (const key of ["organisation", "network", "draft", "pending"]) {
      expect((await visitor.get(`/results/region-nord/lessons/${lessonIds[key]}`)).status, key).toBe(404);
      const api = await visitor.get(`/api/v1/results/region-nord/lessons/${lessonIds[key]}`);
      expect(api.status, key).toBe(404);
      expect(await api.json()).toEqual({ error: "not found" });
    }
    // Another organisation's public lesson is not this organisation's to show.
    expect((await visitor.get(`/results/region-nord/lessons/${lessonIds.south}`)).status).toBe(404);
  });

  it("offers the open data as semicolon-separated UTF-8 CSV with a byte-order mark", async () => {
    const response = await anonymous().get("/results/region-nord/funds-by-goal.csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).trimEnd().split("\r\n");
    expect(lines).toEqual([
      "strategy;goalCode;goalName;projectCount;decidedKronor;decidedOre",
      "RUS Nord;1;Näringsliv;3;3500000,50;350000050",
      "RUS Nord;2;Kompetens;1;500000,00;50000000",
      "RUS Nord;3;Tillgänglighet;0;0,00;0",
    ]);

    const years = (await (await anonymous().get("/results/region-nord/funds-by-year.csv")).text()).replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(years[1]).toBe("2023;1;1000000,50;100000050;1000000,50;100000050;0,00;0");
    expect(years[3]).toBe(";1;250000,00;25000000;250000,00;25000000;0,00;0");

    const results = (await (await anonymous().get("/results/region-nord/results.csv")).text()).trimEnd().split("\r\n");
    expect(results[1]).toBe("Andel digitala företag;1.1;Digitalisering;företag;100;60,5;2");

    const lessons = (await (await anonymous().get("/results/region-nord/lessons.csv")).text()).trimEnd().split("\r\n");
    expect(lessons).toHaveLength(2);
    expect(lessons[1]).toContain(`${lessonIds.public};${PUBLIC_LESSON};Utse en intern ansvarig i varje företag.;2025-04-10;1.1 Digitalisering;`);

    expect((await anonymous().get("/results/region-nord/projects.csv")).status).toBe(404);
  });

  it("answers the JSON API in the documented shape, open to any origin", async () => {
    const response = await anonymous().get("/api/v1/results/region-nord");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("cache-control")).toBe("public, max-age=300");
    const data = await response.json();
    expect(Object.keys(data).sort()).toEqual(
      ["fundsByGoal", "fundsByYear", "generatedAt", "indicators", "lessons", "organisation", "results", "totals"].sort(),
    );
    expect(data.organisation).toEqual({ name: "Region Nord", slug: "region-nord" });
    expect(new Date(data.generatedAt).toISOString()).toBe(data.generatedAt);
    expect(data.totals).toEqual({
      projectCount: 4,
      decidedKronor: 3750000.5,
      decidedOre: "375000050",
      withoutGoal: { projectCount: 1, decidedKronor: 250000, decidedOre: "25000000" },
    });
    expect(data.fundsByGoal[0]).toEqual({
      strategy: { id: expect.any(String), name: "RUS Nord" },
      goal: { id: goalIds.business, code: "1", name: "Näringsliv" },
      projectCount: 3,
      decidedKronor: 3500000.5,
      decidedOre: "350000050",
    });
    expect(data.fundsByYear).toEqual([
      expect.objectContaining({ year: 2023, projectCount: 1, decidedKronor: 1000000.5, decidedOre: "100000050" }),
      {
        year: 2024,
        projectCount: 2,
        decidedKronor: 2500000,
        decidedOre: "250000000",
        projectSupportKronor: 500000,
        projectSupportOre: "50000000",
        companySupportKronor: 2000000,
        companySupportOre: "200000000",
      },
      expect.objectContaining({ year: null, projectCount: 1 }),
    ]);
    expect(data.results).toEqual([
      {
        indicator: { id: expect.any(String), name: "Andel digitala företag", goalCode: "1.1", goalName: "Digitalisering" },
        unit: "företag",
        expected: 100,
        realised: 60.5,
        projectCount: 2,
      },
    ]);
    expect(data.indicators).toEqual([
      {
        id: expect.any(String),
        name: "Andel digitala företag",
        unit: "%",
        goal: { id: goalIds.digital, code: "1.1", name: "Digitalisering" },
        baseline: { value: 31, year: 2021 },
        latest: { value: 33.4, year: 2024 },
        target: { value: 40, year: 2030 },
        source: "SCB",
      },
    ]);
    expect(data.lessons).toEqual([
      {
        id: lessonIds.public,
        title: PUBLIC_LESSON,
        whatWeLearned: "Utse en intern ansvarig i varje företag.",
        publishedAt: "2025-04-10T08:00:00.000Z",
        goals: [{ code: "1.1", name: "Digitalisering" }],
        url: `${server.url}/results/region-nord/lessons/${lessonIds.public}`,
        apiUrl: `${server.url}/api/v1/results/region-nord/lessons/${lessonIds.public}`,
      },
    ]);

    const lesson = await (await anonymous().get(`/api/v1/results/region-nord/lessons/${lessonIds.public}`)).json();
    expect(lesson.organisation).toEqual({ name: "Region Nord", slug: "region-nord" });
    expect(lesson.lesson).toMatchObject({ id: lessonIds.public, title: PUBLIC_LESSON, publishedAt: "2025-04-10T08:00:00.000Z" });
    expect(Object.keys(lesson.lesson).sort()).toEqual(
      ["bodyHtml", "context", "evidence", "goals", "id", "publishedAt", "recommendation", "sourceType", "title", "url", "whatHappened", "whatWeLearned"].sort(),
    );

    const docs = await anonymous().get("/api/v1");
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain("/api/v1/results/<slug>");
  });

  it("switches to English with the language switch", async () => {
    const visitor = anonymous();
    await visitor.post("/language", { locale: "en", redirectTo: "/results/region-nord" });
    const html = plain(await (await visitor.get("/results/region-nord")).text());
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("What good do the 1:1 funds do?");
    expect(html).toContain("Funding decided per goal in RUS Nord</caption>");
  });

  it("is not found, page, CSV and API alike, for an organisation that has not opted in or does not exist", async () => {
    const visitor = anonymous();
    for (const slug of ["region-syd", "finns-inte"]) {
      const page = await visitor.get(`/results/${slug}`);
      expect(page.status).toBe(404);
      expect(await page.text()).toContain("Sidan finns inte");
      expect((await visitor.get(`/results/${slug}/funds-by-goal.csv`)).status).toBe(404);
      expect((await visitor.get(`/results/${slug}/lessons/${lessonIds.south}`)).status).toBe(404);
      const api = await visitor.get(`/api/v1/results/${slug}`);
      expect(api.status).toBe(404);
      expect(api.headers.get("access-control-allow-origin")).toBe("*");
      expect(await api.json()).toEqual({ error: "not found" });
    }
  });

  it("lets only an admin turn the page off and on in the settings, with immediate effect", async () => {
    const member = await as("member@nord.se");
    const refused = await member.post("/o/region-nord/settings?index", { intent: "public-results" });
    expect(refused.status).toBe(403);
    expect((await anonymous().get("/results/region-nord")).status).toBe(200);

    const admin = await as("admin@nord.se");
    const settings = await (await admin.get("/o/region-nord/settings")).text();
    expect(settings).toContain("Publicera en öppen resultatsida");
    expect(settings).toContain(`${server.url}/results/region-nord`);

    const off = await admin.post("/o/region-nord/settings?index", { intent: "public-results" });
    expect(off.status).toBe(200);
    expect(await off.text()).toContain("Den öppna resultatsidan är inte längre publicerad.");
    expect((await anonymous().get("/results/region-nord")).status).toBe(404);
    expect((await anonymous().get("/results/region-nord/results.csv")).status).toBe(404);
    expect((await anonymous().get("/api/v1/results/region-nord")).status).toBe(404);
    expect((await anonymous().get(`/results/region-nord/lessons/${lessonIds.public}`)).status).toBe(404);

    const on = await admin.post("/o/region-nord/settings?index", { intent: "public-results", publicResults: "on" });
    expect(await on.text()).toContain("Den öppna resultatsidan är publicerad.");
    expect((await anonymous().get("/results/region-nord")).status).toBe(200);
  });
});
