import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server.ts";
import { PASSWORD, twoRegions } from "../support/fixtures.ts";
import { Client, startTestServer, type TestServer } from "../support/test-server.ts";

// A Lexical editor state with one paragraph of text.
const body = (text: string, extra: object[] = []) =>
  JSON.stringify({
    root: {
      type: "root",
      version: 1,
      direction: null,
      format: "",
      indent: 0,
      children: [
        {
          type: "paragraph",
          version: 1,
          direction: null,
          format: "",
          indent: 0,
          textFormat: 0,
          textStyle: "",
          children: [{ type: "text", version: 1, text, format: 0, detail: 0, mode: "normal", style: "" }, ...extra],
        },
      ],
    },
  });

describe("lessons", () => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof twoRegions>>;
  const as = (email: string) => Client.signedIn(server.url, email, PASSWORD);
  const lessonForm = (fields: Record<string, string>) => ({
    sourceType: "other",
    evidence: "observation",
    visibility: "organisation",
    intent: "publish",
    ...fields,
  });
  const idFrom = (response: Response) => response.headers.get("location")!.match(/lessons\/([^?]+)/)![1];

  beforeAll(async () => {
    server = await startTestServer();
    world = await twoRegions();
  });
  afterAll(() => server.close());

  it("publishes a lesson written in the editor, rendered as clean HTML", async () => {
    const member = await as("member@nord.se");
    const response = await member.post(
      "/o/region-nord/lessons/new",
      lessonForm({ title: "Mätbara mål ger bättre slutrapporter", body: body("Projekt med tydliga indikatorer rapporterade bättre."), whatWeLearned: "Kravställ i beslutet." }),
    );
    expect(response.status).toBe(302);
    const page = await (await member.get(response.headers.get("location")!)).text();
    expect(page).toContain("Lärdomen är publicerad.");
    expect(page).toContain("<p>Projekt med tydliga indikatorer rapporterade bättre.</p>");
    expect(page).toContain("Kravställ i beslutet.");
  });

  it("keeps plain text typed without JavaScript", async () => {
    const member = await as("member@nord.se");
    const response = await member.post("/o/region-nord/lessons/new", lessonForm({ title: "Utan JavaScript", bodyText: "Första stycket.\n\nAndra stycket." }));
    const page = await (await member.get(`/o/region-nord/lessons/${idFrom(response)}`)).text();
    expect(page).toContain("<p>Första stycket.</p><p>Andra stycket.</p>");
  });

  it("lets no script, event handler or javascript: URL through, whatever JSON is sent", async () => {
    const member = await as("member@nord.se");
    const evilLink = {
      type: "link",
      version: 1,
      url: "javascript:alert(document.cookie)",
      rel: null,
      target: null,
      title: null,
      direction: null,
      format: "",
      indent: 0,
      children: [{ type: "text", version: 1, text: "klicka", format: 0, detail: 0, mode: "normal", style: "" }],
    };
    const response = await member.post(
      "/o/region-nord/lessons/new",
      lessonForm({ title: "Försök till XSS", body: body('<script>alert(1)</script><img src=x onerror="alert(2)">', [evilLink]) }),
    );
    const lesson = await db.lesson.findUniqueOrThrow({ where: { id: idFrom(response) } });
    // The payloads survive only as visible text; no tag carries a handler or a script URL.
    expect(lesson.bodyHtml).toContain("&lt;script&gt;");
    const tags = lesson.bodyHtml.match(/<[a-z][^>]*>/gi) ?? [];
    expect(tags.length).toBeGreaterThan(0);
    for (const tag of tags) {
      expect(tag).toMatch(/^<(p|a|b|strong|em|i)[ >]/);
      expect(tag).not.toMatch(/\son\w+=|javascript:/i);
    }

    const unknownNode = await member.post("/o/region-nord/lessons/new", lessonForm({ title: "Okänd nod", body: '{"root":{"type":"script","children":[]}}' }));
    expect(unknownNode.status).toBe(400);
    expect(await unknownNode.text()).toContain("Texten kunde inte läsas.");
  });

  it("answers bad input next to the fields, keeping what was typed", async () => {
    const member = await as("member@nord.se");
    const response = await member.post("/o/region-nord/lessons/new", lessonForm({ title: "Ok", whatWeLearned: "Det här vill jag inte förlora." }));
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Skriv en rubrik med minst 3 tecken.");
    expect(html).toContain("Det här vill jag inte förlora.");
  });

  it("never shows an organisation-only lesson or a draft to another organisation", async () => {
    const member = await as("member@nord.se");
    const privateLesson = idFrom(await member.post("/o/region-nord/lessons/new", lessonForm({ title: "Intern lärdom om upphandling" })));
    const draft = idFrom(await member.post("/o/region-nord/lessons/new", lessonForm({ title: "Utkast om nätverk", visibility: "network", networkId: world.network.id, intent: "save-draft" })));
    const shared = idFrom(await member.post("/o/region-nord/lessons/new", lessonForm({ title: "Delad lärdom om företagsstöd", visibility: "network", networkId: world.network.id })));

    const south = await as("member@syd.se");
    const list = await (await south.get("/o/region-syd/lessons")).text();
    expect(list).toContain("Delad lärdom om företagsstöd");
    expect(list).toContain("Från Region Nord");
    expect(list).not.toContain("Intern lärdom om upphandling");
    expect(list).not.toContain("Utkast om nätverk");
    expect((await south.get(`/o/region-syd/lessons/${privateLesson}`)).status).toBe(404);
    expect((await south.get(`/o/region-syd/lessons/${draft}`)).status).toBe(404);
    expect((await south.get(`/o/region-nord/lessons/${privateLesson}`)).status).toBe(404);
    expect((await south.get(`/o/region-syd/lessons/${privateLesson}/history`)).status).toBe(404);
    expect((await south.post(`/o/region-syd/lessons/${privateLesson}`, { intent: "comment", body: "Hej" })).status).toBe(404);
    expect((await south.get(`/o/region-syd/lessons/${shared}`)).status).toBe(200);
    // Reading a shared lesson does not mean editing it.
    expect((await south.get(`/o/region-syd/lessons/${shared}/edit`)).status).toBe(404);

    // A colleague in the same organisation sees the published one but not the draft.
    const colleague = await as("facilitator@nord.se");
    expect((await colleague.get(`/o/region-nord/lessons/${privateLesson}`)).status).toBe(200);
    expect((await colleague.get(`/o/region-nord/lessons/${draft}`)).status).toBe(404);
  });

  it("records who changed what, viewable as history", async () => {
    const member = await as("member@nord.se");
    const id = idFrom(await member.post("/o/region-nord/lessons/new", lessonForm({ title: "Första versionen", whatWeLearned: "Gammal slutsats" })));
    await member.post(`/o/region-nord/lessons/${id}/edit`, lessonForm({ title: "Första versionen", whatWeLearned: "Ny slutsats" }));
    const history = await (await member.get(`/o/region-nord/lessons/${id}/history`)).text();
    expect(history).toContain("Nina Medlem");
    expect(history).toContain("Ny slutsats");
    const revisions = await db.lessonRevision.findMany({ where: { lessonId: id }, orderBy: { createdAt: "asc" } });
    expect(revisions).toHaveLength(2);
    expect(JSON.parse(revisions[1].changed)).toEqual(["whatWeLearned"]);

    const other = await as("facilitator@nord.se");
    expect((await other.post(`/o/region-nord/lessons/${id}/edit`, lessonForm({ title: "Kapad" }))).status).toBe(404);
  });

  it("holds sharing beyond the organisation for an admin's approval when the organisation asks for it", async () => {
    await db.organisation.update({ where: { id: world.north.id }, data: { sharingNeedsApproval: true } });
    const member = await as("member@nord.se");
    const response = await member.post("/o/region-nord/lessons/new", lessonForm({ title: "Vill dela med nätverket", visibility: "network", networkId: world.network.id }));
    const id = idFrom(response);
    expect(response.headers.get("location")).toContain("notice=pending");
    const south = await as("member@syd.se");
    expect((await south.get(`/o/region-syd/lessons/${id}`)).status).toBe(404);

    expect((await member.post(`/o/region-nord/lessons/${id}`, { intent: "approve" })).status).toBe(403);
    const admin = await as("admin@nord.se");
    const approved = await admin.post(`/o/region-nord/lessons/${id}`, { intent: "approve" });
    expect(await approved.text()).toContain("Delningen är godkänd och lärdomen publicerad.");
    expect((await south.get(`/o/region-syd/lessons/${id}`)).status).toBe(200);
  });

  it("counts colleagues who found a lesson useful and shows comments", async () => {
    const member = await as("member@nord.se");
    const id = idFrom(await member.post("/o/region-nord/lessons/new", lessonForm({ title: "Användbar lärdom" })));
    const colleague = await as("facilitator@nord.se");
    await colleague.post(`/o/region-nord/lessons/${id}`, { intent: "useful" });
    await member.post(`/o/region-nord/lessons/${id}`, { intent: "useful" });
    await colleague.post(`/o/region-nord/lessons/${id}`, { intent: "comment", body: "Det här tar vi med till nästa utlysning." });
    const page = await (await member.get(`/o/region-nord/lessons/${id}`)).text();
    expect(page).toContain("2 kollegor tycker att lärdomen är användbar");
    expect(page).toContain("Det här tar vi med till nästa utlysning.");
    await member.post(`/o/region-nord/lessons/${id}`, { intent: "useful" });
    expect(await (await member.get(`/o/region-nord/lessons/${id}`)).text()).toContain("1 kollega tycker att lärdomen är användbar");
  });

  it("filters by goal including its sub-goals, by source and by evidence", async () => {
    const strategy = await db.strategy.create({ data: { organisationId: world.north.id, name: "RUS" } });
    const area = await db.goal.create({ data: { organisationId: world.north.id, strategyId: strategy.id, code: "1", name: "Näringsliv" } });
    const sub = await db.goal.create({ data: { organisationId: world.north.id, strategyId: strategy.id, parentId: area.id, code: "1.1", name: "Innovation" } });
    const other = await db.goal.create({ data: { organisationId: world.north.id, strategyId: strategy.id, code: "2", name: "Kompetens" } });
    const member = await as("member@nord.se");
    await member.post("/o/region-nord/lessons/new", lessonForm({ title: "Om innovationsstöd", goalIds: sub.id, sourceType: "evaluation", evidence: "evaluation" }));
    await member.post("/o/region-nord/lessons/new", lessonForm({ title: "Om kompetensförsörjning", goalIds: other.id }));

    const byArea = await (await member.get(`/o/region-nord/lessons?goal=${area.id}`)).text();
    expect(byArea).toContain("Om innovationsstöd");
    expect(byArea).not.toContain("Om kompetensförsörjning");
    const bySource = await (await member.get("/o/region-nord/lessons?source=evaluation&evidence=evaluation")).text();
    expect(bySource).toContain("Om innovationsstöd");
    expect(bySource).not.toContain("Om kompetensförsörjning");
    // An unknown filter value is ignored rather than breaking a shared link.
    expect((await member.get("/o/region-nord/lessons?source=nonsense&year=abc")).status).toBe(200);
  });
});
