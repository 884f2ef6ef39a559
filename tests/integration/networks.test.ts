import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server.ts";
import { addMember, createOrganisation, createUser, PASSWORD, twoRegions } from "../support/fixtures.ts";
import { Client, startTestServer, type TestServer } from "../support/test-server.ts";

// Networks: an admin starts one, invites another organisation, whose admin
// accepts; a lesson shared with the network reaches the partner and nobody
// else; leaving takes it back at once.
describe("networks of organisations", () => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof twoRegions>>;
  let east: { id: string };
  const as = (email: string) => Client.signedIn(server.url, email, PASSWORD);
  const lessonForm = (fields: Record<string, string>) => ({ sourceType: "other", evidence: "observation", visibility: "organisation", intent: "publish", ...fields });
  const idFrom = (response: Response, what: string) => response.headers.get("location")!.match(new RegExp(`${what}/([^?/]+)`))![1];

  beforeAll(async () => {
    server = await startTestServer();
    world = await twoRegions();
    east = await createOrganisation("region-ost", "Region Öst");
    await addMember((await createUser("admin@ost.se", "Olle Admin")).id, east.id, "admin");
    await addMember((await createUser("member@ost.se", "Oda Medlem")).id, east.id, "member");
  });
  afterAll(() => server.close());

  it("lets only admins start a network and says what is wrong with a bad name", async () => {
    const member = await as("member@ost.se");
    expect((await member.post("/o/region-ost/networks", { intent: "create", name: "Östnätet" })).status).toBe(403);
    const admin = await as("admin@ost.se");
    const refused = await admin.post("/o/region-ost/networks", { intent: "create", name: "Ö", description: "Min beskrivning" });
    expect(refused.status).toBe(400);
    const form = await refused.text();
    expect(form).toContain("Skriv nätverkets namn med minst 3 tecken.");
    expect(form).toContain("Min beskrivning");
    const html = await (await admin.get("/o/region-ost/networks")).text();
    expect(html).toContain("Er organisation är inte med i något nätverk än.");
  });

  it("shares a lesson with the members of the chosen network only, and takes it back when its organisation leaves", async () => {
    const eastAdmin = await as("admin@ost.se");
    const created = await eastAdmin.post("/o/region-ost/networks", { intent: "create", name: "Öst–Nord-nätverket", description: "Vi lär av varandra." });
    expect(created.status).toBe(302);
    const networkId = idFrom(created, "networks");

    // Region Syd is not invited: the network's page does not exist for it.
    const southAdmin = await as("admin@syd.se");
    expect((await southAdmin.get(`/o/region-syd/networks/${networkId}`)).status).toBe(404);

    expect((await eastAdmin.post(`/o/region-ost/networks/${networkId}`, { intent: "invite", organisationId: world.north.id })).status).toBe(302);
    // Invited is not yet a member: nothing shared reaches Region Nord, and its members cannot answer.
    const northAdmin = await as("admin@nord.se");
    expect((await northAdmin.get(`/o/region-nord/networks/${networkId}`)).status).toBe(404);
    const invitations = await (await northAdmin.get("/o/region-nord/networks")).text();
    expect(invitations).toContain("Öst–Nord-nätverket har bjudit in er organisation");
    const northMember = await as("member@nord.se");
    expect((await northMember.post("/o/region-nord/networks", { intent: "accept", networkId })).status).toBe(403);

    const eastMember = await as("member@ost.se");
    const shared = await eastMember.post("/o/region-ost/lessons/new", lessonForm({ title: "Östs lärdom om klusterstöd", visibility: "network", networkId }));
    expect(shared.status).toBe(302);
    const lessonId = idFrom(shared, "lessons");
    expect((await northMember.get(`/o/region-nord/lessons/${lessonId}`)).status).toBe(404);

    expect((await northAdmin.post("/o/region-nord/networks", { intent: "accept", networkId })).status).toBe(302);
    const page = await northMember.get(`/o/region-nord/lessons/${lessonId}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Delad med nätverket Öst–Nord-nätverket");
    expect(await (await northMember.get("/o/region-nord/lessons?scope=shared")).text()).toContain("Östs lärdom om klusterstöd");
    // Region Syd shares another network with Nord, not this one.
    const southMember = await as("member@syd.se");
    expect((await southMember.get(`/o/region-syd/lessons/${lessonId}`)).status).toBe(404);
    expect(await (await southMember.get("/o/region-syd/lessons?scope=shared")).text()).not.toContain("Östs lärdom om klusterstöd");

    // Leaving: the admin sees what will stop being shared, then confirms.
    const confirm = await (await eastAdmin.get(`/o/region-ost/networks/${networkId}?leave=1`)).text();
    expect(confirm).toContain("1 lärdomar, 0 kategorier och 0 lärtillfällen");
    const left = await eastAdmin.post(`/o/region-ost/networks/${networkId}`, { intent: "leave" });
    expect(left.headers.get("location")).toContain("notice=left");
    expect((await northMember.get(`/o/region-nord/lessons/${lessonId}`)).status).toBe(404);
    const lesson = await db.lesson.findUniqueOrThrow({ where: { id: lessonId } });
    expect([lesson.visibility, lesson.networkId]).toEqual(["organisation", null]);
    expect((await eastAdmin.get(`/o/region-ost/networks/${networkId}`)).status).toBe(404);
  });

  it("refuses to share with a network the organisation is not in", async () => {
    const eastMember = await as("member@ost.se");
    const response = await eastMember.post("/o/region-ost/lessons/new", lessonForm({ title: "Försök att dela med fel nätverk", visibility: "network", networkId: world.network.id }));
    expect(response.status).toBe(400);
    expect(await db.lesson.count({ where: { title: "Försök att dela med fel nätverk" } })).toBe(0);
  });

  it("asks which network when a lesson is shared with the network without one", async () => {
    const northMember = await as("member@nord.se");
    const response = await northMember.post("/o/region-nord/lessons/new", lessonForm({ title: "Delas utan nätverk", visibility: "network" }));
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Välj vilket nätverk som får läsa lärdomen.");
  });

  it("opens a learning session to a network: partners see it and sign up, nobody else does, and only partners' people can be invited", async () => {
    const plan = {
      title: "Öppet lärtillfälle om uppföljning",
      theme: "Hur följer vi upp företagsstöden?",
      date: "2027-03-02",
      time: "13:00",
      durationMinutes: "90",
      place: "Digitalt",
      videoUrl: "",
      recurrence: "none",
      occurrences: "1",
      template: "buzzin-bees",
      votesPerPerson: "5",
      votesPerTarget: "2",
    };
    const nils = await as("facilitator@nord.se");
    const form = await (await nils.get("/o/region-nord/sessions/new")).text();
    expect(form).toContain("Siri Medlem");
    expect(form).not.toContain("Oda Medlem");
    const eastPerson = await db.user.findUniqueOrThrow({ where: { email: "member@ost.se" } });
    expect((await nils.post("/o/region-nord/sessions/new", { ...plan, inviteeIds: eastPerson.id })).status).toBe(400);

    const created = await nils.post("/o/region-nord/sessions/new", { ...plan, networkId: world.network.id });
    expect(created.status).toBe(302);
    const sessionId = idFrom(created, "sessions");

    const siri = await as("member@syd.se");
    const page = await siri.get(`/o/region-syd/sessions/${sessionId}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Öppet för Nord och Syd");
    await siri.post(`/o/region-syd/sessions/${sessionId}`, { intent: "rsvp", rsvp: "yes" });
    expect(await db.sessionParticipant.findUnique({ where: { sessionId_userId: { sessionId, userId: world.people.southMember.id } } })).toMatchObject({ rsvp: "yes" });

    const oda = await as("member@ost.se");
    expect((await oda.get(`/o/region-ost/sessions/${sessionId}`)).status).toBe(404);
    expect(await (await oda.get("/o/region-ost/sessions")).text()).not.toContain("Öppet lärtillfälle om uppföljning");
  });
});
