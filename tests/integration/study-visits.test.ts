import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server.ts";
import { addMember, createOrganisation, createUser, PASSWORD, twoRegions } from "../support/fixtures.ts";
import { Client, startTestServer, type TestServer } from "../support/test-server.ts";

// Study visits: Region Nord plans a visit to its network partner Region Syd,
// records notes afterwards and turns them into a lesson shared with the
// visit's network. Region Syd reads the plan and, once published, the lesson;
// Region Öst (in no network with them) and Region Väst (only invited) see nothing.
describe("study visits", () => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof twoRegions>>;
  let east: { id: string };
  let west: { id: string };
  let thematic: { id: string };
  let visitId = "";
  let lessonId = "";
  const as = (email: string) => Client.signedIn(server.url, email, PASSWORD);
  /** A form post as a browser sends it, several ticked participants included. */
  const postForm = (client: Client, pathname: string, fields: Record<string, string | string[]>) => {
    const body = new URLSearchParams();
    for (const [key, value] of Object.entries(fields)) for (const v of ([] as string[]).concat(value)) body.append(key, v);
    return fetch(new URL(pathname, server.url), { method: "POST", headers: { cookie: client.cookieHeader, origin: server.url }, body, redirect: "manual" });
  };
  const plan = (fields: Record<string, string | string[]>) => ({
    title: "Lägesrapporter och S3-uppföljning hos Region Syd",
    hostOrganisationId: world.south.id,
    networkId: world.network.id,
    visitDate: "2027-03-15",
    questions: "Hur ser er mall för lägesrapporter ut?\nHur följer ni upp S3-områdena efter projektslut?",
    ...fields,
  });
  /** Whether the participant's checkbox is ticked in a rendered form. */
  const ticked = (html: string, userId: string) => /checked=""/.test(html.match(new RegExp(`<input[^>]*value="${userId}"[^>]*>`))?.[0] ?? "");
  const NOTES = "Syd läser varje lägesrapport mot en checklista med fem frågor om resultat.\n\nChecklistan tar tio minuter och gör rapporterna jämförbara.";

  beforeAll(async () => {
    server = await startTestServer();
    world = await twoRegions();
    east = await createOrganisation("region-ost", "Region Öst");
    await addMember((await createUser("member@ost.se", "Oda Medlem")).id, east.id, "member");
    west = await createOrganisation("region-vast", "Region Väst");
    await addMember((await createUser("member@vast.se", "Vera Medlem")).id, west.id, "member");
    await db.networkMember.create({ data: { networkId: world.network.id, organisationId: west.id, status: "invited" } });
    // Nord and Syd share a second network too, so the plan must say which one the visit belongs to.
    thematic = await db.network.create({
      data: {
        name: "Tematiskt S3-nätverk",
        members: { create: [world.north.id, world.south.id].map((organisationId) => ({ organisationId, status: "member", joinedAt: new Date() })) },
      },
    });
  });
  afterAll(() => server.close());

  it("says what is wrong next to each field and keeps everything typed", async () => {
    const member = await as("member@nord.se");
    const refused = await postForm(member, "/o/region-nord/visits/new", {
      title: "Ab",
      hostOrganisationId: "",
      visitDate: "2027-02-30",
      participantIds: [world.people.northFacilitator.id],
      questions: "Hur ser er mall ut?\nVem läser rapporterna?",
    });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain("Skriv en rubrik med minst 3 tecken.");
    expect(html).toContain("Välj vilken organisation ni ska besöka.");
    expect(html).toContain("Skriv ett datum som ÅÅÅÅ-MM-DD");
    expect(html).toContain('value="Ab"');
    expect(html).toContain('value="2027-02-30"');
    expect(html).toContain("Hur ser er mall ut?\nVem läser rapporterna?");
    expect(ticked(html, world.people.northFacilitator.id)).toBe(true);
    expect(ticked(html, world.people.northMember.id)).toBe(false);

    // Sharing two networks with the host, the plan must name one; another organisation's member is no participant.
    const noNetwork = await (await postForm(member, "/o/region-nord/visits/new", plan({ networkId: "", participantIds: [world.people.southMember.id] }))).text();
    expect(noNetwork).toContain("Välj vilket nätverk besöket hör till.");
    expect(noNetwork).toContain("Välj deltagare bland organisationens medlemmar.");
    expect(noNetwork).toContain("Lägesrapporter och S3-uppföljning hos Region Syd");
    expect(await db.studyVisit.count()).toBe(0);
  });

  it("offers only organisations in the same networks as hosts", async () => {
    const member = await as("member@nord.se");
    const form = await (await member.get("/o/region-nord/visits/new")).text();
    expect(form).toContain(`<option value="${world.south.id}">Region Syd</option>`);
    expect(form).toContain(`<option value="${thematic.id}">Tematiskt S3-nätverk</option>`);
    for (const notHost of ["Region Öst", "Region Väst", `<option value="${world.north.id}"`]) expect(form).not.toContain(notHost);
    expect(form).toContain("Nina Medlem");
    expect(form).not.toContain("Siri Medlem");

    // Choosing a non-partner or an invited-only organisation anyway is refused next to the field.
    for (const hostOrganisationId of [east.id, west.id, world.north.id]) {
      const refused = await postForm(member, "/o/region-nord/visits/new", plan({ hostOrganisationId }));
      expect(refused.status).toBe(400);
      expect(await refused.text()).toContain("Välj en organisation som är med i något av era nätverk.");
    }
    const wrongNetwork = await postForm(member, "/o/region-nord/visits/new", plan({ networkId: "no-such-network" }));
    expect(await wrongNetwork.text()).toContain("Välj ett nätverk som både ni och värden är med i.");

    // An organisation without partners is told where partners come from.
    const lonely = await as("member@ost.se");
    expect(await (await lonely.get("/o/region-ost/visits/new")).text()).toContain("har inga partner än");
    const empty = await (await lonely.get("/o/region-ost/visits")).text();
    expect(empty).toContain("Er organisation har inga studiebesök än.");
    expect(empty).toContain('href="/o/region-ost/networks"');
  });

  it("plans a visit the host reads without changing it, and that nobody else sees", async () => {
    const member = await as("member@nord.se");
    const created = await postForm(member, "/o/region-nord/visits/new", plan({ participantIds: [world.people.northMember.id, world.people.northFacilitator.id] }));
    expect(created.status).toBe(302);
    const location = created.headers.get("location")!;
    expect(location).toMatch(/^\/o\/region-nord\/visits\/[^/?]+\?notice=created$/);
    visitId = location.split("/")[4].split("?")[0];

    const page = await (await member.get(location)).text();
    for (const text of ["Studiebesöket är planerat.", "Region Syd", "2027-03-15", "Nina Medlem", "Nils Samtalsledare", "Hur ser er mall för lägesrapporter ut?", "Nord och Syd", "Ändra planen"]) {
      expect(page).toContain(text);
    }
    const list = await (await member.get("/o/region-nord/visits")).text();
    expect(list).toContain("Lägesrapporter och S3-uppföljning hos Region Syd");
    expect(list).toContain("Besök hos Region Syd");

    // The host: the plan, read-only.
    const host = await as("member@syd.se");
    const hosted = await (await host.get("/o/region-syd/visits")).text();
    expect(hosted).toContain("Besök från Region Nord");
    expect(hosted).toContain("Hur följer ni upp S3-områdena efter projektslut?");
    const hostPage = await host.get(`/o/region-syd/visits/${visitId}`);
    expect(hostPage.status).toBe(200);
    const hostHtml = await hostPage.text();
    expect(hostHtml).toContain("Ni är värd för det här besöket.");
    expect(hostHtml).toContain("Hur ser er mall för lägesrapporter ut?");
    expect(hostHtml).not.toContain("Ändra planen");
    expect(hostHtml).not.toContain("Spara anteckningar");
    expect((await host.post(`/o/region-syd/visits/${visitId}`, { intent: "notes", notes: "Syds egna anteckningar" })).status).toBe(404);
    expect((await host.post(`/o/region-syd/visits/${visitId}`, { intent: "lesson" })).status).toBe(404);
    expect((await host.get(`/o/region-syd/visits/${visitId}/edit`)).status).toBe(404);
    expect((await postForm(host, `/o/region-syd/visits/${visitId}/edit`, plan({ title: "Syds rubrik" }))).status).toBe(404);
    expect((await db.studyVisit.findUniqueOrThrow({ where: { id: visitId } })).title).toBe("Lägesrapporter och S3-uppföljning hos Region Syd");

    // A non-partner and an invited-only organisation: the visit does not exist for them.
    for (const [email, slug] of [["member@ost.se", "region-ost"], ["member@vast.se", "region-vast"]]) {
      const outsider = await as(email);
      expect((await outsider.get(`/o/${slug}/visits/${visitId}`)).status).toBe(404);
      expect((await outsider.get(`/o/${slug}/visits/${visitId}/edit`)).status).toBe(404);
      expect((await outsider.post(`/o/${slug}/visits/${visitId}`, { intent: "lesson" })).status).toBe(404);
      expect(await (await outsider.get(`/o/${slug}/visits`)).text()).not.toContain("Lägesrapporter och S3-uppföljning");
      expect((await outsider.get(`/o/region-nord/visits/${visitId}`)).status).toBe(404);
    }

    // Within the visiting organisation, the author or an admin changes the plan; a participant does not.
    const participant = await as("facilitator@nord.se");
    expect((await participant.get(`/o/region-nord/visits/${visitId}/edit`)).status).toBe(404);
    const admin = await as("admin@nord.se");
    const edit = await admin.get(`/o/region-nord/visits/${visitId}/edit`);
    expect(edit.status).toBe(200);
    expect(await edit.text()).toContain('value="2027-03-15"');
    const saved = await postForm(admin, `/o/region-nord/visits/${visitId}/edit`, plan({ visitDate: "2027-03-16", participantIds: [world.people.northFacilitator.id] }));
    expect(saved.headers.get("location")).toBe(`/o/region-nord/visits/${visitId}?notice=saved`);
    const changed = await (await admin.get(`/o/region-nord/visits/${visitId}`)).text();
    expect(changed).toContain("2027-03-16");
    const participants = changed.slice(changed.indexOf('id="participants-heading"'), changed.indexOf("</section>", changed.indexOf('id="participants-heading"')));
    expect(participants).toContain("Nils Samtalsledare");
    expect(participants).not.toContain("Nina Medlem");
  });

  it("turns the notes into a draft lesson shared with the visit's network, which the host reads once it is published", async () => {
    const participant = await as("facilitator@nord.se");
    const blank = await participant.post(`/o/region-nord/visits/${visitId}`, { intent: "notes", notes: "  " });
    expect(blank.status).toBe(400);
    expect(await blank.text()).toContain("Skriv vad ni tar med er från besöket.");
    const saved = await participant.post(`/o/region-nord/visits/${visitId}`, { intent: "notes", notes: NOTES });
    expect(saved.headers.get("location")).toBe(`/o/region-nord/visits/${visitId}?notice=notesSaved`);
    const page = await (await participant.get(`/o/region-nord/visits/${visitId}`)).text();
    expect(page).toContain("Genomfört");
    expect(page).toContain("Gör anteckningarna till en lärdom");

    // The host sees the visit is done, but not the visitors' notes.
    const host = await as("member@syd.se");
    const hostPage = await (await host.get(`/o/region-syd/visits/${visitId}`)).text();
    expect(hostPage).toContain("Genomfört");
    expect(hostPage).toContain("Besökarna har inte delat några lärdomar från besöket än.");
    expect(hostPage).not.toContain("checklista");

    const drafted = await participant.post(`/o/region-nord/visits/${visitId}`, { intent: "lesson" });
    expect(drafted.status).toBe(302);
    const editUrl = drafted.headers.get("location")!;
    expect(editUrl).toMatch(/^\/o\/region-nord\/lessons\/[^/]+\/edit$/);
    lessonId = editUrl.split("/")[4];
    const lesson = await db.lesson.findUniqueOrThrow({ where: { id: lessonId } });
    expect(lesson).toMatchObject({
      organisationId: world.north.id,
      title: "Lägesrapporter och S3-uppföljning hos Region Syd",
      sourceType: "study-visit",
      studyVisitId: visitId,
      visibility: "network",
      networkId: world.network.id,
      status: "draft",
    });
    expect(lesson.bodyHtml).toContain("Checklistan tar tio minuter");
    expect(JSON.parse(lesson.body).root.children).toHaveLength(2);
    const editForm = await (await participant.get(editUrl)).text();
    expect(editForm).toContain("Lägesrapporter och S3-uppföljning hos Region Syd");

    // A draft stays with its writer.
    expect((await host.get(`/o/region-syd/lessons/${lessonId}`)).status).toBe(404);

    const published = await participant.post(editUrl, {
      title: "En checklista gör lägesrapporterna jämförbara",
      bodyText: NOTES,
      sourceType: "study-visit",
      sourceNote: "Lägesrapporter och S3-uppföljning hos Region Syd",
      evidence: "observation",
      visibility: "network",
      networkId: world.network.id,
      intent: "publish",
    });
    expect(published.headers.get("location")).toBe(`/o/region-nord/lessons/${lessonId}?notice=published`);
    expect((await db.lesson.findUniqueOrThrow({ where: { id: lessonId } })).studyVisitId).toBe(visitId);

    // The visiting organisation's lesson page links back to the visit.
    const own = await (await participant.get(`/o/region-nord/lessons/${lessonId}`)).text();
    expect(own).toContain(`href="/o/region-nord/visits/${visitId}"`);

    // The host reads it, as coming from the study visit, on the lesson page and from the visit.
    const shared = await host.get(`/o/region-syd/lessons/${lessonId}`);
    expect(shared.status).toBe(200);
    const sharedHtml = await shared.text();
    expect(sharedHtml).toContain("Studiebesök");
    expect(sharedHtml).not.toContain("/visits/");
    expect(await (await host.get(`/o/region-syd/visits/${visitId}`)).text()).toContain("En checklista gör lägesrapporterna jämförbara");
    expect(await (await host.get("/o/region-syd/visits")).text()).toContain(`href="/o/region-syd/lessons/${lessonId}"`);

    // Nobody outside the network reads it.
    for (const [email, slug] of [["member@ost.se", "region-ost"], ["member@vast.se", "region-vast"]]) {
      const outsider = await as(email);
      expect((await outsider.get(`/o/${slug}/lessons/${lessonId}`)).status).toBe(404);
      expect(await (await outsider.get(`/o/${slug}/lessons?scope=shared`)).text()).not.toContain("En checklista gör lägesrapporterna jämförbara");
    }
  });

  it("ends the host's view at once when the host leaves the visit's network", async () => {
    const southAdmin = await as("admin@syd.se");
    expect((await southAdmin.post(`/o/region-syd/networks/${world.network.id}`, { intent: "leave" })).status).toBe(302);
    const host = await as("member@syd.se");
    expect((await host.get(`/o/region-syd/visits/${visitId}`)).status).toBe(404);
    expect(await (await host.get("/o/region-syd/visits")).text()).not.toContain("Lägesrapporter och S3-uppföljning");
    // The visitors keep their visit.
    const member = await as("member@nord.se");
    expect((await member.get(`/o/region-nord/visits/${visitId}`)).status).toBe(200);
  });

  it("keeps a lesson from the visit in the visiting organisation once it has left the visit's network", async () => {
    const member = await as("member@nord.se");
    const created = await postForm(member, "/o/region-nord/visits/new", plan({ title: "Smart specialisering hos Region Syd", networkId: thematic.id, participantIds: [world.people.northMember.id] }));
    const id = created.headers.get("location")!.split("/")[4].split("?")[0];
    await member.post(`/o/region-nord/visits/${id}`, { intent: "notes", notes: "Syd prioriterar tre S3-områden." });
    const northAdmin = await as("admin@nord.se");
    expect((await northAdmin.post(`/o/region-nord/networks/${thematic.id}`, { intent: "leave" })).status).toBe(302);

    expect((await (await as("member@syd.se")).get(`/o/region-syd/visits/${id}`)).status).toBe(404);
    expect(await (await member.get(`/o/region-nord/visits/${id}`)).text()).toContain("så utkastet stannar hos er");
    const drafted = await member.post(`/o/region-nord/visits/${id}`, { intent: "lesson" });
    const lesson = await db.lesson.findUniqueOrThrow({ where: { id: drafted.headers.get("location")!.split("/")[4] } });
    expect(lesson).toMatchObject({ sourceType: "study-visit", studyVisitId: id, visibility: "organisation", networkId: null });
  });
});
