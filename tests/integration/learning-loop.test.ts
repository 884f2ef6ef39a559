import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server.ts";
import { addMember, createOrganisation, createUser, PASSWORD, twoRegions } from "../support/fixtures.ts";
import { Client, startTestServer, type TestServer } from "../support/test-server.ts";

const day = (iso: string) => new Date(`${iso}T10:00:00Z`);
const LOOP = "/o/region-nord/dashboard/loop";

/** Text of an HTML fragment as a reader sees it: no tags, no React comments, plain spaces. */
const text = (html: string) =>
  html
    .replace(/<!-- -->/g, "")
    .replace(/<\/?(td|th|li|tr|dd|dt|p)\b[^>]*>/g, " ")
    .replace(/<[^>]+>/g, "")
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/[\u00a0\u202f]/g, " ")
    .replace(/\s+/g, " ")
    .trim();

/** Every table row as its cells' texts. */
function rows(html: string): string[][] {
  return [...html.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) => [...row[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => text(cell[1])));
}

/** The cells after the row header of the first row whose header is `header`, in the table under the heading `heading`. */
function row(html: string, heading: string, header: string): string[] {
  const start = html.indexOf(`>${heading}</h2>`);
  const end = html.indexOf("<h2", start + 1);
  const found = rows(html.slice(start, end === -1 ? undefined : end)).find((cells) => cells[0] === header);
  if (!found) throw new Error(`No row "${header}" under "${heading}"`);
  return found.slice(1);
}

/** The row headers of the list page's table body, sorted: the items behind a figure. */
function items(html: string): string[] {
  const body = html.slice(html.indexOf("<tbody>"), html.indexOf("</tbody>"));
  return [...body.matchAll(/<th scope="row"[^>]*>([\s\S]*?)<\/th>/g)].map((m) => text(m[1])).sort();
}

describe("the learning loop in numbers", () => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof twoRegions>>;
  const ids: Record<string, string> = {};
  const as = (email: string) => Client.signedIn(server.url, email, PASSWORD);
  const page = async (client: Client, path: string) => {
    const response = await client.get(path);
    expect(response.status, path).toBe(200);
    return response.text();
  };

  beforeAll(async () => {
    server = await startTestServer();
    world = await twoRegions();
    const north = world.north.id;
    const south = world.south.id;

    const strategy = await db.strategy.create({ data: { organisationId: north, name: "RUS Nord" } });
    const goal = (code: string, name: string, parentId: string | null = null) =>
      db.goal.create({ data: { organisationId: north, strategyId: strategy.id, parentId, code, name } });
    ids.g1 = (await goal("1", "Hållbar tillväxt")).id;
    ids.g11 = (await goal("1.1", "Cirkulär ekonomi", ids.g1)).id;
    ids.g2 = (await goal("2", "Kompetensförsörjning")).id;
    const southStrategy = await db.strategy.create({ data: { organisationId: south, name: "RUS Syd" } });
    ids.southGoal = (await db.goal.create({ data: { organisationId: south, strategyId: southStrategy.id, code: "A", name: "Sydmål" } })).id;

    const lesson = async (key: string, organisationId: string, title: string, publishedAt: string | null, goalIds: string[], visibility = "organisation") => {
      ids[key] = (
        await db.lesson.create({
          data: {
            organisationId,
            title,
            visibility,
            status: publishedAt ? "published" : "draft",
            publishedAt: publishedAt ? day(publishedAt) : null,
            goals: { create: goalIds.map((goalId) => ({ goalId })) },
          },
        })
      ).id;
    };
    await lesson("l1", north, "Krav på cirkulära affärsmodeller", "2025-02-01", [ids.g11], "network");
    await lesson("l2", north, "Samverka tidigt med kommunerna", "2025-06-15", [ids.g1]);
    await lesson("l3", north, "Kortare ansökningstid fungerar", "2026-01-10", [ids.g1]);
    await lesson("l4", north, "Kompetenslyft i små företag", "2026-03-01", [ids.g2]);
    await lesson("l5", north, "Utkast om bredband", null, [ids.g1]);
    await lesson("l6", north, "Lärdom utan mål", "2026-02-01", []);
    await lesson("s1", south, "Lokala energibolag som motor", "2025-05-01", [ids.southGoal], "network");

    const call = async (key: string, organisationId: string, title: string, goalIds: string[], opensOn: string | null, createdAt: string, assessments: [string, string, string | null][]) => {
      ids[key] = (
        await db.call.create({
          data: {
            organisationId,
            title,
            opensOn: opensOn ? day(opensOn) : null,
            createdAt: day(createdAt),
            goals: { create: goalIds.map((goalId) => ({ goalId })) },
            assessments: { create: assessments.map(([lesson, verdict, appliedAt]) => ({ lessonId: ids[lesson], verdict, appliedAt: appliedAt ? day(appliedAt) : null })) },
          },
        })
      ).id;
    };
    await call("c1", north, "Cirkulär omställning 2025", [ids.g11], "2025-09-01", "2025-06-01", [
      ["l1", "applied", "2025-08-20"],
      ["l2", "not-applied", null],
      ["s1", "applied", "2025-08-25"],
    ]);
    await call("c2", north, "Hållbar tillväxt 2026", [ids.g1], "2026-04-01", "2026-01-15", [
      ["l1", "applied", "2026-03-15"],
      ["l3", "applied", "2026-03-20"],
      ["l2", "considered", null],
    ]);
    await call("c3", north, "Kompetens 2026", [ids.g2], "2026-05-01", "2026-02-01", []);
    await call("c4", north, "Öppen innovation", [], null, "2025-11-01", [["l4", "applied", "2026-03-10"]]);
    await call("c5", north, "Ungas företagande", [ids.g2], "2025-03-01", "2025-01-10", [["l2", "considered", null]]);
    // The other region applies the shared lesson earlier than the first region: none of it counts for the first.
    await call("sc1", south, "Energi i Syd", [ids.southGoal], "2025-04-01", "2025-03-01", [["l1", "applied", "2025-03-20"]]);

    const indicator = await db.indicator.create({ data: { organisationId: north, goalId: ids.g11, name: "Minskade utsläpp", unit: "ton" } });
    const project = async (
      key: string,
      organisationId: string,
      name: string,
      callId: string | null,
      decisionDate: string | null,
      kronor: string,
      expected: [string | null, number, string][] = [],
      realised: [string | null, number, string][] = [],
    ) => {
      ids[key] = (
        await db.project.create({
          data: {
            organisationId,
            caseNumber: `2025-${key}`,
            name,
            supportType: "project",
            callId,
            decisionDate: decisionDate ? day(decisionDate) : null,
            decidedAmountOre: BigInt(kronor),
            expectedResults: { create: expected.map(([indicatorId, targetValue, unit]) => ({ indicatorId, targetValue, unit })) },
            realisedResults: { create: realised.map(([indicatorId, value, unit]) => ({ indicatorId, value, unit, date: day("2026-06-01") })) },
          },
        })
      ).id;
    };
    await project("p1", north, "Återbruk i byggsektorn", ids.c1, "2025-12-01", "100000000", [[indicator.id, 100, "ton"], [null, 5, "st"]], [[indicator.id, 40, "ton"], [indicator.id, 20, "ton"], [null, 2, "st"]]);
    await project("p2", north, "Cirkulära kluster", ids.c2, "2026-06-01", "25000050", [[indicator.id, 50, "ton"]]);
    await project("p3", north, "Kompetensnav", ids.c3, "2026-07-01", "50000000", [[null, 7, "st"]]);
    await project("p4", north, "Innovationscheckar", ids.c4, "2026-08-01", "30000000", [[null, 3, "st"]]);
    await project("p5", north, "Bredband utan utlysning", null, "2026-01-01", "70000000");
    await project("p6", north, "Förstudie återbruk", ids.c1, null, "1000000");
    await project("sp1", south, "Energibolag Syd", ids.sc1, "2025-10-01", "99900");
  });
  afterAll(() => server.close());

  it("counts each goal with its sub-goals, and the whole organisation once, for all years", async () => {
    const html = await page(await as("member@nord.se"), LOOP);
    expect(html).toContain("<h1>Lärloopen i siffror</h1>");
    // published, applied, median days, calls with brief, without, money, projects
    expect(row(html, "Per mål", "1 Hållbar tillväxt")).toEqual(["3", "3", "116", "2", "0", "1 260 000,50 kr", "3"]);
    expect(row(html, "Per mål", "1.1 Cirkulär ekonomi")).toEqual(["1", "2", "158", "1", "0", "1 010 000 kr", "2"]);
    expect(row(html, "Per mål", "2 Kompetensförsörjning")).toEqual(["1", "0", "–", "1", "1", "0 kr", "0"]);
    expect(row(html, "Per mål", "Hela organisationen")).toEqual(["5", "4", "92,5", "4", "1", "1 560 000,50 kr", "4"]);

    expect(row(html, "Per år", "2025")).toEqual(["2", "2", "158", "3", "0", "1 000 000 kr", "1"]);
    expect(row(html, "Per år", "2026")).toEqual(["3", "3", "69", "1", "1", "550 000,50 kr", "2"]);

    // indicator, unit, expected, realised, projects
    expect(row(html, "Förväntade och uppnådda resultat", "Minskade utsläpp")).toEqual(["ton", "150", "60", "2"]);
    expect(row(html, "Förväntade och uppnådda resultat", "Utan indikator")).toEqual(["st", "8", "2", "2"]);
    expect(html).toContain("Så räknas siffrorna");
    expect(html).toContain(`href="${LOOP}.csv"`);
  });

  it("counts one year when a year is chosen", async () => {
    const html = await page(await as("member@nord.se"), `${LOOP}?year=2026`);
    expect(row(html, "Per mål", "1 Hållbar tillväxt")).toEqual(["1", "2", "134,5", "1", "0", "250 000,50 kr", "1"]);
    expect(row(html, "Per mål", "1.1 Cirkulär ekonomi")).toEqual(["0", "0", "–", "0", "0", "0 kr", "0"]);
    expect(row(html, "Per mål", "2 Kompetensförsörjning")).toEqual(["1", "0", "–", "0", "1", "0 kr", "0"]);
    expect(row(html, "Per mål", "Hela organisationen")).toEqual(["3", "3", "69", "1", "1", "550 000,50 kr", "2"]);
    expect(row(html, "Förväntade och uppnådda resultat", "Minskade utsläpp")).toEqual(["ton", "50", "0", "1"]);
    expect(row(html, "Förväntade och uppnådda resultat", "Utan indikator")).toEqual(["st", "3", "0", "1"]);
    expect(html).toContain(`href="${LOOP}/applied?goal=${ids.g1}&amp;year=2026"`);
  });

  it("lists exactly the items behind each figure", async () => {
    const member = await as("member@nord.se");
    const list = (figure: string, query = "") => page(member, `${LOOP}/${figure}${query}`);

    let html = await list("published", `?goal=${ids.g1}`);
    expect(items(html)).toEqual(["Krav på cirkulära affärsmodeller", "Kortare ansökningstid fungerar", "Samverka tidigt med kommunerna"].sort());
    expect(html).toContain("3 lärdomar");
    expect(html).toContain(`href="/o/region-nord/lessons/${ids.l1}"`);
    expect(items(await list("published"))).toEqual([
      "Kompetenslyft i små företag",
      "Krav på cirkulära affärsmodeller",
      "Kortare ansökningstid fungerar",
      "Lärdom utan mål",
      "Samverka tidigt med kommunerna",
    ].sort());

    html = await list("applied", `?goal=${ids.g1}`);
    expect(items(html)).toEqual(["Kortare ansökningstid fungerar", "Krav på cirkulära affärsmodeller", "Lokala energibolag som motor"].sort());
    expect(text(html)).toContain("Lokala energibolag som motor Region Syd 2025-05-01 Cirkulär omställning 2025, 2025-08-25");
    expect(text(html)).toContain("Krav på cirkulära affärsmodeller Region Nord 2025-02-01 Cirkulär omställning 2025, 2025-08-20 Hållbar tillväxt 2026, 2026-03-15");
    expect(html).toContain(`href="/o/region-nord/lessons/${ids.s1}"`);
    expect(html).toContain(`href="/o/region-nord/calls/${ids.c2}"`);
    expect(items(await list("applied", "?year=2026"))).toEqual(["Kompetenslyft i små företag", "Kortare ansökningstid fungerar", "Krav på cirkulära affärsmodeller"].sort());

    html = await list("days");
    expect(text(html)).toContain("4 lärdomar · Median: 92,5 dagar");
    expect(text(html)).toContain("Krav på cirkulära affärsmodeller Region Nord 2025-02-01 Cirkulär omställning 2025, 2025-08-20 200");
    expect(text(html)).toContain("Lokala energibolag som motor Region Syd 2025-05-01 Cirkulär omställning 2025, 2025-08-25 116");
    expect(text(html)).toContain("Kortare ansökningstid fungerar Region Nord 2026-01-10 Hållbar tillväxt 2026, 2026-03-20 69");
    expect(text(html)).toContain("Kompetenslyft i små företag Region Nord 2026-03-01 Öppen innovation, 2026-03-10 9");

    expect(items(await list("calls-with-brief"))).toEqual(["Cirkulär omställning 2025", "Hållbar tillväxt 2026", "Ungas företagande", "Öppen innovation"].sort());
    html = await list("calls-without-brief", `?goal=${ids.g2}`);
    expect(items(html)).toEqual(["Kompetens 2026"]);
    expect(html).toContain(`href="/o/region-nord/calls/${ids.c3}"`);

    html = await list("money", `?goal=${ids.g1}`);
    expect(items(html)).toEqual(["Cirkulära kluster", "Förstudie återbruk", "Återbruk i byggsektorn"].sort());
    expect(text(html)).toContain("3 projekt, 1 260 000,50 kr beviljat");
    expect(html).toContain(`href="/o/region-nord/projects/${ids.p1}"`);
    html = await list("projects", "?year=2026");
    expect(items(html)).toEqual(["Cirkulära kluster", "Innovationscheckar"].sort());
    expect(text(html)).toContain("2 projekt, 550 000,50 kr beviljat");

    html = await list("projects", `?result=${encodeURIComponent("u:st")}`);
    expect(items(html)).toEqual(["Innovationscheckar", "Återbruk i byggsektorn"].sort());
    expect(text(html)).toContain("Återbruk i byggsektorn Cirkulär omställning 2025 2025-12-01 1 000 000 kr 5 2");
  });

  it("offers the per-goal table as a CSV with the same numbers", async () => {
    const member = await as("member@nord.se");
    const response = await member.get(`${LOOP}.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).trimEnd().split("\r\n");
    expect(lines).toEqual([
      "Strategi;Mål;År;Publicerade lärdomar;Tillämpade lärdomar;Mediantid till första tillämpning (dagar);Utlysningar med lärandeunderlag;Utlysningar utan lärandeunderlag;Beviljat i utlysningar som tillämpat lärdomar (kr);Projekt i de utlysningarna",
      "RUS Nord;1 Hållbar tillväxt;Alla år;3;3;116;2;0;1260000,50;3",
      "RUS Nord;1.1 Cirkulär ekonomi;Alla år;1;2;158;1;0;1010000,00;2",
      "RUS Nord;2 Kompetensförsörjning;Alla år;1;0;;1;1;0,00;0",
      ";Hela organisationen;Alla år;5;4;92,5;4;1;1560000,50;4",
    ]);
    const year = new TextDecoder().decode(new Uint8Array(await (await member.get(`${LOOP}.csv?year=2026`)).arrayBuffer()).slice(3));
    expect(year).toContain("RUS Nord;1 Hållbar tillväxt;2026;1;2;134,5;1;0;250000,50;1\r\n");
    expect(year).toContain(";Hela organisationen;2026;3;3;69;1;1;550000,50;2\r\n");
  });

  it("goes up by one for the goal when a lesson is marked applied in a call for it", async () => {
    const member = await as("member@nord.se");
    const before = row(await page(member, LOOP), "Per mål", "2 Kompetensförsörjning");
    await db.callLesson.create({ data: { callId: ids.c3, lessonId: ids.l4, verdict: "applied", appliedAt: new Date() } });
    const after = row(await page(member, LOOP), "Per mål", "2 Kompetensförsörjning");
    expect([before[1], after[1]]).toEqual(["0", "1"]);
    await db.callLesson.delete({ where: { callId_lessonId: { callId: ids.c3, lessonId: ids.l4 } } });
  });

  it("keeps each region's loop to itself", async () => {
    const southMember = await as("member@syd.se");
    for (const path of [LOOP, `${LOOP}/applied`, `${LOOP}.csv`]) expect((await southMember.get(path)).status, path).toBe(404);

    const html = await page(southMember, "/o/region-syd/dashboard/loop");
    // The first region's shared lesson, published 2025-02-01 and applied here on 2025-03-20.
    expect(row(html, "Per mål", "A Sydmål")).toEqual(["1", "1", "47", "1", "0", "999 kr", "1"]);
    expect(row(html, "Per mål", "Hela organisationen")).toEqual(["1", "1", "47", "1", "0", "999 kr", "1"]);
    expect(html).not.toContain("Hållbar tillväxt");

    const member = await as("member@nord.se");
    expect((await member.get(`${LOOP}/applied?goal=${ids.southGoal}`)).status).toBe(404);
    expect((await member.get(`${LOOP}/everything`)).status).toBe(404);
  });

  it("shows an empty state when there are no calls", async () => {
    const org = await createOrganisation("region-tom", "Region Tom");
    const user = await createUser("member@tom.se");
    await addMember(user.id, org.id);
    const html = await page(await as("member@tom.se"), "/o/region-tom/dashboard/loop");
    expect(html).toContain("Det finns inga utlysningar än.");
    expect(row(html, "Per mål", "Hela organisationen")).toEqual(["0", "0", "–", "0", "0", "0 kr", "0"]);
  });
});
