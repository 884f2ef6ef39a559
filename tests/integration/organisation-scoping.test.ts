import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server.ts";
import { PASSWORD, twoRegions } from "../support/fixtures.ts";
import { Client, startTestServer, type TestServer } from "../support/test-server.ts";

// A user of one region never sees another region's pages, and roles decide
// what a member may change in their own.

describe("organisation scoping and roles", () => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof twoRegions>>;
  const as = (email: string) => Client.signedIn(server.url, email, PASSWORD);

  beforeAll(async () => {
    server = await startTestServer();
    world = await twoRegions();
  });
  afterAll(() => server.close());

  it("answers 404 for every page of an organisation the user is not a member of", async () => {
    const northMember = await as("member@nord.se");
    expect((await northMember.get("/organisations/switch?slug=region-syd")).status).toBe(404);
    for (const path of ["/o/region-syd", "/o/region-syd/daily", "/o/region-syd/settings", "/o/region-syd/settings/members"]) {
      const response = await northMember.get(path);
      expect(response.status, path).toBe(404);
      const html = await response.text();
      expect(html).toContain("Sidan finns inte");
      expect(html, path).not.toContain("Region Syd");
    }
    const northAdmin = await as("admin@nord.se");
    const post = await northAdmin.post("/o/region-syd/settings?index", { name: "Kapad", kind: "region" });
    expect(post.status).toBe(404);
    expect((await db.organisation.findUniqueOrThrow({ where: { id: world.south.id } })).name).toBe("Region Syd");
  });

  it("lists only the user's own organisations", async () => {
    const client = await as("member@nord.se");
    const start = await client.get("/");
    expect(start.headers.get("location")).toBe("/o/region-nord");
    const page = await (await client.get("/o/region-nord")).text();
    expect(page).toContain("Region Nord");
    expect(page).not.toContain("Region Syd");
  });

  it("sends anonymous visitors to sign in, and back afterwards", async () => {
    const response = await new Client(server.url).get("/o/region-nord/settings/members");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/login?redirectTo=%2Fo%2Fregion-nord%2Fsettings%2Fmembers");
  });

  it("keeps settings for admins: members and facilitators get 403", async () => {
    for (const email of ["member@nord.se", "facilitator@nord.se"]) {
      const client = await as(email);
      expect((await client.get("/o/region-nord/settings")).status).toBe(403);
      const post = await client.post("/o/region-nord/settings/members", { intent: "invite", email: "x@nord.se", role: "admin" });
      expect(post.status).toBe(403);
    }
    expect(await db.invitation.count()).toBe(0);
  });

  it("shows each area of the workspace, and 404 for areas that do not exist", async () => {
    const client = await as("member@nord.se");
    const daily = await client.get("/o/region-nord/daily");
    expect(daily.status).toBe(200);
    expect(await daily.text()).toContain("Dagligt lärande");
    expect((await client.get("/o/region-nord/nonsense")).status).toBe(404);
  });

  it("lets an admin edit the profile, keeping typed values when a field is wrong", async () => {
    const admin = await as("admin@nord.se");
    const bad = await admin.post("/o/region-nord/settings?index", {
      name: "Region Nord",
      kind: "region",
      description: "Vi följer upp 1:1-medlen mot RUS.",
      website: "inte en adress",
    });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("Skriv en fullständig adress som börjar med https://.");
    expect(html).toContain("Vi följer upp 1:1-medlen mot RUS.");

    const good = await admin.post("/o/region-nord/settings?index", {
      name: "Region Nord",
      kind: "region",
      description: "Vi följer upp 1:1-medlen mot RUS.",
      website: "https://www.regionnord.se",
      sharingNeedsApproval: "on",
    });
    expect(good.status).toBe(200);
    expect(await good.text()).toContain("Profilen är sparad.");
    expect(await db.organisation.findUniqueOrThrow({ where: { id: world.north.id } })).toMatchObject({
      website: "https://www.regionnord.se",
      sharingNeedsApproval: true,
    });
  });

  it("lets an admin change roles but never leave the organisation without an admin", async () => {
    const admin = await as("admin@nord.se");
    const membership = (userId: string) =>
      db.membership.findFirstOrThrow({ where: { userId, organisationId: world.north.id } });

    const member = await membership(world.people.northMember.id);
    const promoted = await admin.post("/o/region-nord/settings/members", { intent: "change-role", membershipId: member.id, role: "facilitator" });
    expect(await promoted.text()).toContain("Nina Medlem är nu samtalsledare.");
    expect((await membership(world.people.northMember.id)).role).toBe("facilitator");

    const self = await membership(world.people.northAdmin.id);
    const demote = await admin.post("/o/region-nord/settings/members", { intent: "change-role", membershipId: self.id, role: "member" });
    expect(demote.status).toBe(409);
    expect(await demote.text()).toContain("Organisationen måste ha minst en administratör.");
    const remove = await admin.post("/o/region-nord/settings/members", { intent: "remove-member", membershipId: self.id });
    expect(remove.status).toBe(409);
    expect((await membership(world.people.northAdmin.id)).role).toBe("admin");
  });

  it("does not let an admin reach another organisation's memberships by id", async () => {
    const admin = await as("admin@nord.se");
    const southMember = await db.membership.findFirstOrThrow({ where: { userId: world.people.southMember.id } });
    const response = await admin.post("/o/region-nord/settings/members", { intent: "change-role", membershipId: southMember.id, role: "admin" });
    expect(response.status).toBe(404);
    const removal = await admin.post("/o/region-nord/settings/members", { intent: "remove-member", membershipId: southMember.id });
    expect(removal.status).toBe(404);
    expect(await db.membership.findUniqueOrThrow({ where: { id: southMember.id } })).toMatchObject({ role: "member" });
  });

  it("makes the creator of a new organisation its admin, and refuses a taken short name", async () => {
    const client = await as("member@syd.se");
    const created = await client.post("/organisations/new", { name: "Tillväxtverket Test", kind: "agency", slug: "tillvaxt-test" });
    expect(created.status).toBe(302);
    expect(created.headers.get("location")).toBe("/o/tillvaxt-test/settings/members");
    expect((await client.get("/o/tillvaxt-test/settings/members")).status).toBe(200);

    const taken = await client.post("/organisations/new", { name: "Kopia", kind: "region", slug: "region-nord" });
    expect(taken.status).toBe(400);
    expect(await taken.text()).toContain("Kortnamnet används redan av en annan organisation.");
  });

  it("switches between the organisations a user belongs to", async () => {
    const southAdmin = await as("admin@syd.se");
    await db.membership.create({ data: { userId: world.people.southAdmin.id, organisationId: world.north.id, role: "member" } });
    const switched = await southAdmin.get("/organisations/switch?slug=region-nord");
    expect(switched.headers.get("location")).toBe("/o/region-nord");
    const page = await (await southAdmin.get("/o/region-syd")).text();
    expect(page).toContain('<option value="region-nord">Region Nord</option>');
  });
});
