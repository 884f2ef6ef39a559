import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server.ts";
import { ensureStandardDimensions } from "../../app/goals/tags.server.ts";
import { PASSWORD, twoRegions } from "../support/fixtures.ts";
import { Client, startTestServer, type TestServer } from "../support/test-server.ts";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const kr = (amount: number) => BigInt(Math.round(amount * 100));

/**
 * The page's HTML with non-breaking spaces (Swedish thousands) as plain spaces.
 * It must hold no NUL byte: React 18 can leave one where "ä" or a no-break
 * space meets its 2 KiB buffer's end, which a browser shows as "�"
 * (app/entry.server.tsx drops them).
 */
async function page(client: Client, path: string) {
  const response = await client.get(path);
  expect(response.status).toBe(200);
  const html = await response.text();
  expect(html.includes("\u0000"), `a NUL byte in ${path}`).toBe(false);
  return html.replaceAll("\u00a0", " ");
}

/** The rows of the table with this caption: row name → [projects, amount]. */
function fundsTable(html: string, caption: string): Record<string, [string, string]> {
  const start = html.indexOf(`<caption>${caption}</caption>`);
  expect(start, `table "${caption}"`).toBeGreaterThan(-1);
  const table = html.slice(start, html.indexOf("</table>", start));
  const rows: Record<string, [string, string]> = {};
  for (const m of table.matchAll(/<th scope="row"[^>]*>([^<]+)<\/th><td class="numeric">(\d+)<\/td><td class="numeric">([^<]+)<\/td>/g)) {
    rows[m[1]] = [m[2], m[3]];
  }
  return rows;
}

/** A CSV download: BOM checked, then lines of fields. */
async function csv(client: Client, path: string) {
  const response = await client.get(path);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
  expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename=".+\.csv"/);
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return new TextDecoder().decode(bytes).trimEnd().split("\r\n").map((line) => line.split(";"));
}

describe("the follow-up dashboard", () => {
  let server: TestServer;
  const as = (email: string) => Client.signedIn(server.url, email, PASSWORD);

  beforeAll(async () => {
    server = await startTestServer();
    const { north, south } = await twoRegions();
    await ensureStandardDimensions(north.id);
    await ensureStandardDimensions(south.id);

    const strategy = await db.strategy.create({ data: { organisationId: north.id, name: "RUS Nord" } });
    const goal = (code: string, name: string, parentId: string | null = null, position = 0) =>
      db.goal.create({ data: { organisationId: north.id, strategyId: strategy.id, parentId, code, name, position } });
    const business = await goal("1", "Näringsliv");
    const innovation = await goal("1.1", "Innovation", business.id);
    const digital = await goal("1.1.1", "Digitalisering i företagen", innovation.id);
    const tourism = await goal("1.2", "Besöksnäring", business.id, 1);
    const skills = await goal("2", "Kompetens", null, 1);

    const dimension = (key: string) => db.tagDimension.findUniqueOrThrow({ where: { organisationId_key: { organisationId: north.id, key } } });
    const tag = async (key: string, name: string) =>
      db.tag.create({ data: { organisationId: north.id, dimensionId: (await dimension(key)).id, name } });
    const s3Digital = await tag("s3", "Digitalisering");
    const s3Energy = await tag("s3", "Energi");
    const visby = await tag("municipality", "Visby");

    const call = await db.call.create({ data: { organisationId: north.id, title: "Innovation 2023", opensOn: day("2023-01-10") } });
    await db.call.create({ data: { organisationId: north.id, title: "Tom utlysning", opensOn: day("2024-01-10") } });

    const indicator = (goalId: string, name: string, unit: string, baseline: [number, number], target: [number, number] | null, values: [number, number][]) =>
      db.indicator.create({
        data: {
          organisationId: north.id,
          goalId,
          name,
          unit,
          baselineValue: baseline[0],
          baselineYear: baseline[1],
          targetValue: target?.[0] ?? null,
          targetYear: target?.[1] ?? null,
          values: { create: values.map(([year, value]) => ({ year, value })) },
        },
      });
    const innovative = await indicator(innovation.id, "Andel innovativa företag", "%", [31, 2021], [40, 2030], [[2021, 31], [2024, 33.4]]);
    const nights = await indicator(tourism.id, "Gästnätter", "nätter", [1000, 2020], [2000, 2030], [[2022, 1300]]);
    await indicator(skills.id, "Förvärvsfrekvens", "%", [80, 2021], null, [[2023, 81]]);

    const project = (caseNumber: string, amount: number, decided: string | null, supportType: string, goals: string[], tags: string[], callId: string | null) =>
      db.project.create({
        data: {
          organisationId: north.id,
          caseNumber,
          name: `Projekt ${caseNumber}`,
          supportType,
          decidedAmountOre: kr(amount),
          decisionDate: decided ? day(decided) : null,
          callId,
          goals: { create: goals.map((goalId) => ({ goalId })) },
          tags: { create: tags.map((tagId) => ({ tagId })) },
        },
      });
    const p1 = await project("N1", 1_000_000.5, "2023-03-01", "project", [digital.id], [s3Digital.id, visby.id], call.id);
    // On a goal and its own sub-goal: still one project under each goal above.
    const p2 = await project("N2", 2_000_000, "2023-09-15", "company", [innovation.id, digital.id], [s3Digital.id, s3Energy.id], call.id);
    const p3 = await project("N3", 500_000, "2024-02-01", "project", [tourism.id, skills.id], [visby.id], null);
    const p4 = await project("N4", 250_000.25, "2024-06-30", "company", [], [], null);
    await project("N5", 300_000, null, "project", [skills.id], [], null);

    const expected = (projectId: string, indicatorId: string, targetValue: number, unit: string) =>
      db.expectedResult.create({ data: { projectId, indicatorId, targetValue, unit } });
    const realised = (projectId: string, indicatorId: string | null, value: number, unit: string) =>
      db.realisedResult.create({ data: { projectId, indicatorId, value, unit, date: day("2025-01-01") } });
    await expected(p1.id, innovative.id, 60, "företag");
    await realised(p1.id, innovative.id, 48, "företag");
    await expected(p2.id, innovative.id, 40, "företag");
    await realised(p2.id, innovative.id, 20, "företag");
    await expected(p3.id, nights.id, 100, "");
    await realised(p4.id, null, 7, "företag");

    // Region Syd's project, wrongly pointed at Nord's goal, tag, call and indicator, must never count for Nord.
    const intruder = await db.project.create({
      data: {
        organisationId: south.id,
        caseNumber: "S1",
        name: "Sydprojekt",
        supportType: "project",
        decidedAmountOre: kr(9_999_999),
        decisionDate: day("2023-05-05"),
        callId: call.id,
        goals: { create: [{ goalId: innovation.id }] },
        tags: { create: [{ tagId: s3Digital.id }] },
      },
    });
    await expected(intruder.id, innovative.id, 1000, "företag");
  });
  afterAll(() => server.close());

  it("shows a member the decided funds by goal, with sub-goals counted under their parents", async () => {
    const html = await page(await as("member@nord.se"), "/o/region-nord/dashboard");
    expect(html).toContain("<h1>Uppföljning</h1>");
    expect(html).toContain("<title>Uppföljning · Lärloop</title>");
    expect(html).toContain('href="/o/region-nord/dashboard/loop"');
    expect(html).toContain('href="/o/region-nord/evaluations"');
    expect(html).toContain("4 050 000,75 kr");
    expect(fundsTable(html, "Beviljade medel per mål")).toEqual({
      "1 Näringsliv": ["3", "3 500 000,50 kr"],
      "1.1 Innovation": ["2", "3 000 000,50 kr"],
      "1.1.1 Digitalisering i företagen": ["2", "3 000 000,50 kr"],
      "1.2 Besöksnäring": ["1", "500 000 kr"],
      "2 Kompetens": ["2", "800 000 kr"],
      "Inte kopplat till något mål": ["1", "250 000,25 kr"],
    });
    // The chart carries the same figures as text and as the bars' accessible names.
    expect(html).toContain('aria-label="1.1 Innovation: 3 000 000,50 kr · 2 projekt"');
    expect(html).toMatch(/<g class="chart__item" tabindex="0" role="img" aria-label="Inte kopplat till något mål: 250 000,25 kr · 1 projekt">/);
  });

  it("shows funds by tag dimension, by support type, by year and by call", async () => {
    const member = await as("member@nord.se");
    const html = await page(member, "/o/region-nord/dashboard");
    // Without a choice, the first dimension any project is tagged in: S3 (ERUF and the rest have none here).
    expect(fundsTable(html, "Beviljade medel per tagg: S3-områden")).toEqual({
      Digitalisering: ["2", "3 000 000,50 kr"],
      Energi: ["1", "2 000 000 kr"],
      "Utan tagg i dimensionen": ["3", "1 050 000,25 kr"],
    });
    expect(fundsTable(html, "Beviljade medel per stödform")).toEqual({
      Projektstöd: ["3", "1 800 000,50 kr"],
      Företagsstöd: ["2", "2 250 000,25 kr"],
    });
    expect(fundsTable(html, "Beviljade medel per beslutsår")).toEqual({
      "2023": ["2", "3 000 000,50 kr"],
      "2024": ["2", "750 000,25 kr"],
      "Utan beslutsdatum": ["1", "300 000 kr"],
    });
    expect(fundsTable(html, "Beviljade medel per utlysning")).toEqual({
      "Innovation 2023": ["2", "3 000 000,50 kr"],
      "Tom utlysning": ["0", "0 kr"],
      "Inte under någon utlysning": ["3", "1 050 000,25 kr"],
    });

    const municipalities = await page(member, "/o/region-nord/dashboard?dimension=municipality");
    expect(fundsTable(municipalities, "Beviljade medel per tagg: Kommuner")).toEqual({
      Visby: ["2", "1 500 000,50 kr"],
      "Utan tagg i dimensionen": ["3", "2 550 000,25 kr"],
    });
  });

  it("narrows everything but the years and the indicators to the chosen decision year", async () => {
    const html = await page(await as("member@nord.se"), "/o/region-nord/dashboard?year=2024");
    expect(html).toContain("Visar projekt med beslut 2024.");
    expect(html).toContain('<option value="2024" selected="">2024</option>');
    expect(html).toContain('href="/o/region-nord/dashboard/csv/goals.csv?year=2024&amp;dimension=s3"');
    expect(html).toContain("750 000,25 kr");
    expect(fundsTable(html, "Beviljade medel per mål")).toEqual({
      "1 Näringsliv": ["1", "500 000 kr"],
      "1.1 Innovation": ["0", "0 kr"],
      "1.1.1 Digitalisering i företagen": ["0", "0 kr"],
      "1.2 Besöksnäring": ["1", "500 000 kr"],
      "2 Kompetens": ["1", "500 000 kr"],
      "Inte kopplat till något mål": ["1", "250 000,25 kr"],
    });
    expect(fundsTable(html, "Beviljade medel per beslutsår")["2023"]).toEqual(["2", "3 000 000,50 kr"]);
    expect(html).not.toContain(">Andel innovativa företag</th>");
    expect(html).toContain(">Gästnätter</th>");
  });

  it("compares expected with realised results per indicator, and flags indicators behind their target", async () => {
    const html = await page(await as("member@nord.se"), "/o/region-nord/dashboard");
    const start = html.indexOf("<caption>Förväntade och uppnådda resultat</caption>");
    const table = html.slice(start, html.indexOf("</table>", start));
    const rows = [...table.matchAll(/<tr><th scope="row">([^<]+)<\/th>((?:<td[^>]*>[^<]*<\/td>)+)<\/tr>/g)].map((m) => [
      m[1],
      ...[...m[2].matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((c) => c[1]),
    ]);
    expect(rows).toEqual([
      ["Andel innovativa företag", "1.1 Innovation", "företag", "100", "68", "68 %", "2"],
      ["Gästnätter", "1.2 Besöksnäring", "nätter", "100", "0", "0 %", "1"],
    ]);
    expect(html).toContain("1 resultat är inte kopplat till någon indikator och ingår inte i summorna.");
    expect(html).toContain('aria-label="Andel innovativa företag (företag): 68 % (68 företag av 100 företag)"');

    const card = (name: string) => {
      const at = html.indexOf(`>${name}</h3>`);
      return html.slice(at, html.indexOf("</article>", at));
    };
    expect(card("Andel innovativa företag")).toContain("Efter målet");
    expect(card("Andel innovativa företag")).toContain("Senaste värdet 33,4 % (2024), linjen mot målet: 34 %.");
    expect(card("Gästnätter")).toContain("I fas med målet");
    expect(card("Förvärvsfrekvens")).toContain("Kan inte bedömas");
    expect(card("Andel innovativa företag")).toContain('aria-label="Mål 2030: 40 %"');
    expect(card("Andel innovativa företag")).toContain('aria-label="2024: 33,4 %"');
    expect(html).toContain("<dd>1 av 2</dd>");
  });

  it("offers every table as CSV with the same numbers", async () => {
    const member = await as("member@nord.se");
    expect(await csv(member, "/o/region-nord/dashboard/csv/goals.csv")).toEqual([
      ["Strategi", "Nummer", "Mål", "Nivå", "Projekt", "Beviljat belopp (kr)"],
      ["RUS Nord", "1", "Näringsliv", "1", "3", "3500000,50"],
      ["RUS Nord", "1.1", "Innovation", "2", "2", "3000000,50"],
      ["RUS Nord", "1.1.1", "Digitalisering i företagen", "3", "2", "3000000,50"],
      ["RUS Nord", "1.2", "Besöksnäring", "2", "1", "500000,00"],
      ["RUS Nord", "2", "Kompetens", "1", "2", "800000,00"],
      ["", "", "Inte kopplat till något mål", "", "1", "250000,25"],
    ]);
    expect(await csv(member, "/o/region-nord/dashboard/csv/dimension.csv?dimension=municipality&year=2023")).toEqual([
      ["Dimension", "Tagg", "Projekt", "Beviljat belopp (kr)"],
      ["Kommuner", "Visby", "1", "1000000,50"],
      ["Kommuner", "Utan tagg i dimensionen", "1", "2000000,00"],
    ]);
    expect(await csv(member, "/o/region-nord/dashboard/csv/support.csv")).toEqual([
      ["Stödform", "Projekt", "Beviljat belopp (kr)"],
      ["Projektstöd", "3", "1800000,50"],
      ["Företagsstöd", "2", "2250000,25"],
    ]);
    expect(await csv(member, "/o/region-nord/dashboard/csv/years.csv?year=2024")).toEqual([
      ["År", "Projekt", "Beviljat belopp (kr)"],
      ["2023", "2", "3000000,50"],
      ["2024", "2", "750000,25"],
      ["Utan beslutsdatum", "1", "300000,00"],
    ]);
    expect(await csv(member, "/o/region-nord/dashboard/csv/calls.csv")).toEqual([
      ["Utlysning", "Projekt", "Beviljat belopp (kr)"],
      ["Innovation 2023", "2", "3000000,50"],
      ["Tom utlysning", "0", "0,00"],
      ["Inte under någon utlysning", "3", "1050000,25"],
    ]);
    expect(await csv(member, "/o/region-nord/dashboard/csv/results.csv")).toEqual([
      ["Mål", "Indikator", "Enhet", "Förväntat", "Uppnått", "Andel uppnådd (%)", "Projekt"],
      ["1.1 Innovation", "Andel innovativa företag", "företag", "100", "68", "68", "2"],
      ["1.2 Besöksnäring", "Gästnätter", "nätter", "100", "0", "0", "1"],
    ]);
    expect(await csv(member, "/o/region-nord/dashboard/csv/indicators.csv")).toEqual([
      ["Mål", "Indikator", "Enhet", "Utgångsår", "Utgångsvärde", "Målår", "Målvärde", "År", "Värde", "Linjen mot målet", "Senaste värdet efter målet"],
      ["1.1 Innovation", "Andel innovativa företag", "%", "2021", "31", "2030", "40", "2021", "31", "31", "Ja"],
      ["1.1 Innovation", "Andel innovativa företag", "%", "2021", "31", "2030", "40", "2024", "33,4", "34", "Ja"],
      ["1.2 Besöksnäring", "Gästnätter", "nätter", "2020", "1000", "2030", "2000", "2022", "1300", "1200", "Nej"],
      ["2 Kompetens", "Förvärvsfrekvens", "%", "2021", "80", "", "", "2023", "81", "", ""],
    ]);
    expect((await member.get("/o/region-nord/dashboard/csv/projects.csv")).status).toBe(404);
  });

  it("is not found for members of other organisations, and never counts their projects", async () => {
    const outsider = await as("member@syd.se");
    expect((await outsider.get("/o/region-nord/dashboard")).status).toBe(404);
    expect((await outsider.get("/o/region-nord/dashboard/csv/goals.csv")).status).toBe(404);

    // Syd's own dashboard has only its own project, even though it points at Nord's goal and call.
    const own = await page(outsider, "/o/region-syd/dashboard");
    expect(own).toContain("9 999 999 kr");
    expect(own).not.toContain("Innovation 2023");
    expect(own).not.toContain("RUS Nord");
    expect(await csv(outsider, "/o/region-syd/dashboard/csv/calls.csv")).toEqual([
      ["Utlysning", "Projekt", "Beviljat belopp (kr)"],
      ["Inte under någon utlysning", "1", "9999999,00"],
    ]);
  });
});
