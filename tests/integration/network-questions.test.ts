import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server.ts";
import { addMember, createOrganisation, createUser, PASSWORD, twoRegions } from "../support/fixtures.ts";
import { Client, startTestServer, type TestServer } from "../support/test-server.ts";

// Questions to a network: an admin of Region Nord asks the network (Nord and
// Syd) a few questions; each organisation answers through its admins and
// facilitators, and both read the answers side by side. Region Öst is in no
// network with them, Region Väst is only invited: neither reads anything.
describe("questions to a network", () => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof twoRegions>>;
  let questionnaireId: string;
  const as = (email: string) => Client.signedIn(server.url, email, PASSWORD);
  const questions = (slug: string) => `/o/${slug}/networks/${world.network.id}/questions`;
  const QUESTIONS = [
    "Hur följer ni upp era 1:1-medel?",
    "Utvärderar ni 1:1-medlen mot RUS:en?",
    "Vad skulle hjälpa er att lära mer av projekten?",
  ];
  const NORTH = ["Nord följer upp i Nyps och egen databas.", "Nord utvärderar vartannat år.", "Nord vill ha bättre slutrapporter."];
  const SOUTH = ["Syd följer upp med lägesrapporter.", "", "Syd vill ha ett forum för erfarenhetsutbyte."];

  const answerForm = (answers: string[]) => Object.fromEntries(answers.map((a, i) => [`answers[${i}]`, a]));

  /** The side-by-side table as text: its column headers and one row of cells per question. */
  function sideBySide(html: string) {
    const table = html.match(/<table>([\s\S]*?)<\/table>/)![1];
    const text = (cell: string) => cell.replace(/<\/p><p>/g, "\n").replace(/<[^>]+>/g, "").trim();
    const cells = (row: string) => [...row.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((m) => text(m[1]));
    const head = cells(table.match(/<thead>([\s\S]*?)<\/thead>/)![1]);
    const rows = [...table.match(/<tbody>([\s\S]*?)<\/tbody>/)![1].matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => cells(m[1]));
    return { head, rows };
  }

  /** The CSV as rows of cells; the test's answers hold no semicolons or quotes. */
  const parseCsv = (body: string) =>
    body
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n")
      .map((line) => line.split(";"));

  beforeAll(async () => {
    server = await startTestServer();
    world = await twoRegions();
    await addMember((await createUser("facilitator@syd.se", "Sara Samtalsledare")).id, world.south.id, "facilitator");
    const east = await createOrganisation("region-ost", "Region Öst");
    await addMember((await createUser("admin@ost.se", "Olle Admin")).id, east.id, "admin");
    await addMember((await createUser("member@ost.se", "Oda Medlem")).id, east.id, "member");
    const west = await createOrganisation("region-vast", "Region Väst");
    await addMember((await createUser("admin@vast.se", "Vera Admin")).id, west.id, "admin");
    await addMember((await createUser("member@vast.se", "Viktor Medlem")).id, west.id, "member");
    await db.networkMember.create({ data: { networkId: world.network.id, organisationId: west.id, status: "invited" } });
  });
  afterAll(() => server.close());

  it("lets only admins of a member organisation write questions", async () => {
    const member = await as("member@nord.se");
    expect((await member.get(`${questions("region-nord")}/new`)).status).toBe(403);
    expect((await member.post(`${questions("region-nord")}/new`, { title: "Medlemmens frågor", questions: "Fråga?" })).status).toBe(403);
    const facilitator = await as("facilitator@nord.se");
    expect((await facilitator.get(`${questions("region-nord")}/new`)).status).toBe(403);
    const list = await (await member.get(questions("region-nord"))).text();
    expect(list).toContain("Ingen har skickat frågor till nätverket än.");
    expect(list).not.toContain("Skicka nya frågor");

    const admin = await as("admin@nord.se");
    expect((await admin.get(`${questions("region-nord")}/new`)).status).toBe(200);
    // An admin outside the network, or only invited to it, does not learn that the page exists.
    expect((await (await as("admin@ost.se")).get(`${questions("region-ost")}/new`)).status).toBe(404);
    expect((await (await as("admin@vast.se")).get(`${questions("region-vast")}/new`)).status).toBe(404);
    expect((await (await as("admin@vast.se")).post(`${questions("region-vast")}/new`, { title: "Västs frågor", questions: "Fråga?" })).status).toBe(404);
    expect(await db.networkQuestionnaire.count()).toBe(0);
  });

  it("says next to each field what is wrong and keeps what was typed", async () => {
    const admin = await as("admin@nord.se");
    const tooMany = Array.from({ length: 16 }, (_, i) => `Fråga nummer ${i + 1}?`).join("\n");
    const refused = await admin.post(`${questions("region-nord")}/new`, { title: "Ab", intro: "Vår inledning om uppföljning", questions: tooMany, closesOn: "2026-02-30" });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    const errorOf = (field: string) => html.match(new RegExp(`<p id="[^"]*${field}-error" class="field__error">([^<]*)</p>`))?.[1];
    expect(errorOf("title")).toBe("Skriv en rubrik med minst 3 tecken.");
    expect(errorOf("questions")).toBe("Skriv högst 15 frågor, en per rad.");
    expect(errorOf("closesOn")).toBe("Skriv ett datum som ÅÅÅÅ-MM-DD, till exempel 2026-03-01.");
    expect(html).toContain("Vår inledning om uppföljning");
    expect(html).toContain("Fråga nummer 16?");
    expect(html).toContain('value="2026-02-30"');

    const again = await (await admin.post(`${questions("region-nord")}/new`, { title: "Långa frågor", questions: `Kort fråga?\n${"x".repeat(301)}`, closesOn: "2001-01-01" })).text();
    expect(again).toContain("En fråga får ha högst 300 tecken.");
    expect(again).toContain("Välj ett datum från och med i dag.");
    expect((await (await admin.post(`${questions("region-nord")}/new`, { title: "Inga frågor", questions: " \n \n" })).text())).toContain("Skriv minst en fråga, en per rad.");
    expect(await db.networkQuestionnaire.count()).toBe(0);
  });

  it("sends the questions to the network, where each member organisation sees it has not answered", async () => {
    const admin = await as("admin@nord.se");
    const created = await admin.post(`${questions("region-nord")}/new`, {
      title: "Hur följer ni upp 1:1-medlen?",
      intro: "Vi vill lära av varandra.",
      questions: `${QUESTIONS.join("\n")}\n\n`,
    });
    expect(created.status).toBe(302);
    const location = created.headers.get("location")!;
    expect(location).toMatch(/notice=created$/);
    questionnaireId = location.match(/questions\/([^?/]+)/)![1];
    expect(await (await admin.get(location)).text()).toContain("Frågorna är skickade till organisationerna i nätverket.");

    const southMember = await as("member@syd.se");
    const list = await (await southMember.get(questions("region-syd"))).text();
    expect(list).toContain("Hur följer ni upp 1:1-medlen?");
    expect(list).toContain("Från Region Nord");
    expect(list).toContain("0 av 2 organisationer har svarat");
    expect(list).toContain("Ni har inte svarat");
  });

  it("lets admins and facilitators answer for their organisation, and plain members only read", async () => {
    const page = (slug: string) => `${questions(slug)}/${questionnaireId}`;
    const northMember = await as("member@nord.se");
    expect((await northMember.post(page("region-nord"), answerForm(NORTH))).status).toBe(403);
    const memberView = await (await northMember.get(page("region-nord"))).text();
    expect(memberView).toContain("Administratörer och samtalsledare i Region Nord svarar för organisationen.");
    expect(memberView).not.toContain('name="answers[0]"');

    const northAdmin = await as("admin@nord.se");
    const form = await (await northAdmin.get(page("region-nord"))).text();
    expect(form).toContain("1. Hur följer ni upp era 1:1-medel?");
    expect(form).toContain('name="answers[2]"');
    const nothing = await northAdmin.post(page("region-nord"), answerForm(["", "", ""]));
    expect(nothing.status).toBe(400);
    const nothingPage = await nothing.text();
    expect(nothingPage).toContain("Skriv svar på minst en av frågorna.");
    expect(nothingPage).toContain('name="answers[2]"');
    const tooLong = await northAdmin.post(page("region-nord"), answerForm([NORTH[0], "x".repeat(5001), NORTH[2]]));
    expect(tooLong.status).toBe(400);
    const kept = await tooLong.text();
    expect(kept).toContain("Ett svar får ha högst 5 000 tecken.");
    expect(kept).toContain(NORTH[2]);

    const saved = await northAdmin.post(page("region-nord"), answerForm(NORTH));
    expect(saved.status).toBe(302);
    expect(saved.headers.get("location")).toMatch(/notice=saved$/);
    const southFacilitator = await as("facilitator@syd.se");
    expect((await southFacilitator.post(page("region-syd"), answerForm(SOUTH))).status).toBe(302);
    const southMember = await as("member@syd.se");
    expect((await southMember.post(page("region-syd"), answerForm(["Medlemmens eget svar", "", ""]))).status).toBe(403);

    const answers = await db.networkAnswer.findMany({ where: { questionnaireId, organisationId: world.south.id }, orderBy: { position: "asc" } });
    // The blank answer is no answer; the member's attempt changed nothing.
    expect(answers.map((a) => [a.position, a.answer])).toEqual([
      [0, SOUTH[0]],
      [2, SOUTH[2]],
    ]);
    expect(await (await southMember.get(page("region-syd"))).text()).toContain("Senast sparat av Sara Samtalsledare");
    const list = await (await southMember.get(questions("region-syd"))).text();
    expect(list).toContain("2 av 2 organisationer har svarat");
    expect(list).toContain("Ni har svarat");
  });

  it("shows each organisation's answers side by side under its name, to every member of the network", async () => {
    const southMember = await as("member@syd.se");
    const html = await (await southMember.get(`${questions("region-syd")}/${questionnaireId}`)).text();
    expect(html).toContain("<caption>Svaren från organisationerna i nätverket, en kolumn per organisation</caption>");
    expect(html).toContain('<th scope="col">Region Nord</th>');
    expect(html).toContain('<th scope="col">Region Syd</th>');
    const { head, rows } = sideBySide(html);
    expect(head).toEqual(["Fråga", "Region Nord", "Region Syd"]);
    expect(rows).toEqual(QUESTIONS.map((q, i) => [`${i + 1}. ${q}`, NORTH[i], SOUTH[i] || "Inget svar"]));
    expect(html).toContain("Senast sparat av Nora Admin");
    // Their own answers come back into the form for changing.
    const southFacilitator = await as("facilitator@syd.se");
    const form = await (await southFacilitator.get(`${questions("region-syd")}/${questionnaireId}`)).text();
    expect(form).toMatch(new RegExp(`<textarea[^>]*name="answers\\[2\\]"[^>]*>${SOUTH[2]}</textarea>`));
  });

  it("offers the same table as CSV", async () => {
    const northMember = await as("member@nord.se");
    const response = await northMember.get(`${questions("region-nord")}/${questionnaireId}.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const rows = parseCsv(await response.text());
    expect(rows[0]).toEqual(["Fråga", "Region Nord", "Region Syd"]);
    expect(rows.slice(1, 4)).toEqual(QUESTIONS.map((q, i) => [`${i + 1}. ${q}`, NORTH[i], SOUTH[i]]));
    expect(rows[4]).toEqual(["Svarat av", "Nora Admin", "Sara Samtalsledare"]);
  });

  it("shows nothing to a non-partner organisation or one only invited", async () => {
    const east = await createOrganisation("region-ost-2", "Region Öst 2");
    // Region Öst has a network of its own: the questionnaire cannot be reached under it either.
    const own = await db.network.create({
      data: { name: "Östs eget nätverk", members: { create: [{ organisationId: (await db.organisation.findUniqueOrThrow({ where: { slug: "region-ost" } })).id, status: "member" }, { organisationId: east.id, status: "member" }] } },
    });
    for (const [email, slug] of [
      ["member@ost.se", "region-ost"],
      ["admin@ost.se", "region-ost"],
      ["member@vast.se", "region-vast"],
      ["admin@vast.se", "region-vast"],
    ]) {
      const outsider = await as(email);
      expect((await outsider.get(questions(slug))).status).toBe(404);
      expect((await outsider.get(`${questions(slug)}/${questionnaireId}`)).status).toBe(404);
      expect((await outsider.get(`${questions(slug)}/${questionnaireId}.csv`)).status).toBe(404);
      expect((await outsider.post(`${questions(slug)}/${questionnaireId}`, answerForm(["Utifrån", "", ""]))).status).toBe(404);
    }
    const eastAdmin = await as("admin@ost.se");
    const underOwn = `/o/region-ost/networks/${own.id}/questions`;
    expect((await eastAdmin.get(`${underOwn}/${questionnaireId}`)).status).toBe(404);
    expect((await eastAdmin.get(`${underOwn}/${questionnaireId}.csv`)).status).toBe(404);
    expect((await eastAdmin.post(`${underOwn}/${questionnaireId}`, answerForm(["Utifrån", "", ""]))).status).toBe(404);
    expect(await (await eastAdmin.get(underOwn)).text()).not.toContain("Hur följer ni upp 1:1-medlen?");
    expect(await db.networkAnswer.count({ where: { answer: "Utifrån" } })).toBe(0);
  });

  it("refuses answers once the questions have closed, and keeps them readable", async () => {
    await db.networkQuestionnaire.update({ where: { id: questionnaireId }, data: { closesAt: new Date(Date.now() - 60_000) } });
    const page = `${questions("region-nord")}/${questionnaireId}`;
    const northAdmin = await as("admin@nord.se");
    const refused = await northAdmin.post(page, answerForm(["Ett sent svar", "", ""]));
    expect(refused.status).toBe(409);
    const message = await refused.text();
    expect(message).toContain("Frågorna har stängt, så svaren sparades inte. Det här är vad du skrev:");
    expect(message).toContain("Ett sent svar");
    expect((await db.networkAnswer.findUniqueOrThrow({ where: { questionnaireId_organisationId_position: { questionnaireId, organisationId: world.north.id, position: 0 } } })).answer).toBe(NORTH[0]);

    const html = await (await northAdmin.get(page)).text();
    expect(html).toContain("Svaren går att läsa men inte längre ändra.");
    expect(html).not.toContain('name="answers[0]"');
    expect(sideBySide(html).rows[0]).toEqual([`1. ${QUESTIONS[0]}`, NORTH[0], SOUTH[0]]);
  });

  it("stops showing the questions to an organisation that leaves, and its answers to the others", async () => {
    const southAdmin = await as("admin@syd.se");
    expect((await southAdmin.post(`/o/region-syd/networks/${world.network.id}`, { intent: "leave" })).status).toBe(302);
    const southMember = await as("member@syd.se");
    expect((await southMember.get(questions("region-syd"))).status).toBe(404);
    expect((await southMember.get(`${questions("region-syd")}/${questionnaireId}`)).status).toBe(404);
    expect((await southMember.get(`${questions("region-syd")}/${questionnaireId}.csv`)).status).toBe(404);

    const northMember = await as("member@nord.se");
    const html = await (await northMember.get(`${questions("region-nord")}/${questionnaireId}`)).text();
    expect(sideBySide(html).head).toEqual(["Fråga", "Region Nord"]);
    expect(html).not.toContain(SOUTH[0]);
    expect(await (await northMember.get(`${questions("region-nord")}/${questionnaireId}.csv`)).text()).not.toContain(SOUTH[0]);
    expect(await (await northMember.get(questions("region-nord"))).text()).toContain("1 av 1 organisationer har svarat");
  });
});
