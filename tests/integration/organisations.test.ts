import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server.ts";
import { addMember, createOrganisation, createUser, PASSWORD, twoRegions } from "../support/fixtures.ts";
import { captureMail } from "../support/mail.ts";
import { Client, startTestServer, type TestServer } from "../support/test-server.ts";

// Complements organisation-scoping.test.ts: every write on another
// organisation's members page, the last admin removing themselves, the
// creator's membership row, and the start page of someone in several
// organisations.

describe("organisations: writes across organisations, admins and the start page", () => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof twoRegions>>;
  const mails = captureMail();
  const as = (email: string) => Client.signedIn(server.url, email, PASSWORD);
  const membershipOf = (userId: string, organisationId: string) =>
    db.membership.findFirst({ where: { userId, organisationId } });

  beforeAll(async () => {
    server = await startTestServer();
    world = await twoRegions();
  });
  afterAll(() => server.close());

  it("answers 404 to every write on another organisation's members page, and changes nothing", async () => {
    const southAdmin = await as("admin@syd.se");
    await southAdmin.post("/o/region-syd/settings/members", { intent: "invite", email: "vantar@syd.se", role: "member" });
    expect(mails).toHaveLength(1);
    const southInvitation = await db.invitation.findFirstOrThrow({ where: { email: "vantar@syd.se" } });
    const southMemberships = await db.membership.findMany({ where: { organisationId: world.south.id }, orderBy: { id: "asc" } });
    const southMember = (await membershipOf(world.people.southMember.id, world.south.id))!;
    const southAdminMembership = (await membershipOf(world.people.southAdmin.id, world.south.id))!;

    const writes: Record<string, string>[] = [
      { intent: "invite", email: "inkraktare@nord.se", role: "admin" },
      { intent: "change-role", membershipId: southMember.id, role: "admin" },
      { intent: "change-role", membershipId: southAdminMembership.id, role: "member" },
      { intent: "remove-member", membershipId: southMember.id },
      { intent: "revoke-invitation", invitationId: southInvitation.id },
    ];
    // An admin elsewhere and a plain member elsewhere alike: not 403, which would tell that the organisation exists.
    for (const email of ["admin@nord.se", "member@nord.se"]) {
      const outsider = await as(email);
      for (const fields of writes) {
        const response = await outsider.post("/o/region-syd/settings/members", fields);
        expect(response.status, `${email} ${fields.intent}`).toBe(404);
        const html = await response.text();
        expect(html).toContain("Sidan finns inte");
        expect(html).not.toContain("Region Syd");
      }
    }

    expect(mails).toHaveLength(1);
    expect(await db.invitation.count({ where: { organisationId: world.south.id } })).toBe(1);
    expect(await db.invitation.findUniqueOrThrow({ where: { id: southInvitation.id } })).toMatchObject({ revokedAt: null });
    expect(await db.invitation.count({ where: { email: "inkraktare@nord.se" } })).toBe(0);
    expect(await db.membership.findMany({ where: { organisationId: world.south.id }, orderBy: { id: "asc" } })).toEqual(southMemberships);
  });

  it("sends an anonymous write to sign in and changes nothing", async () => {
    const response = await new Client(server.url).post("/o/region-nord/settings/members", { intent: "invite", email: "anonym@nord.se", role: "admin" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/login?redirectTo=%2Fo%2Fregion-nord%2Fsettings%2Fmembers");
    expect(await db.invitation.count({ where: { email: "anonym@nord.se" } })).toBe(0);
    expect(mails).toHaveLength(0);
  });

  it("keeps the last admin from leaving, but lets an admin step down once there is another", async () => {
    const organisation = await createOrganisation("region-vast", "Region Väst");
    const eva = await createUser("eva@vast.se", "Eva Väst");
    const ivar = await createUser("ivar@vast.se", "Ivar Väst");
    const evaMembership = await addMember(eva.id, organisation.id, "admin");
    const ivarMembership = await addMember(ivar.id, organisation.id, "member");
    const admin = await as("eva@vast.se");

    const leave = await admin.post("/o/region-vast/settings/members", { intent: "remove-member", membershipId: evaMembership.id });
    expect(leave.status).toBe(409);
    expect(await leave.text()).toContain("Organisationen måste ha minst en administratör.");
    expect(await db.membership.findUnique({ where: { id: evaMembership.id } })).toMatchObject({ role: "admin" });

    const promoted = await admin.post("/o/region-vast/settings/members", { intent: "change-role", membershipId: ivarMembership.id, role: "admin" });
    expect(await promoted.text()).toContain("Rollen för Ivar Väst är nu administratör.");
    const stepDown = await admin.post("/o/region-vast/settings/members", { intent: "change-role", membershipId: evaMembership.id, role: "member" });
    expect(stepDown.status).toBe(200);
    expect(await db.membership.findUnique({ where: { id: evaMembership.id } })).toMatchObject({ role: "member" });
    // Now a member, Eva finds the settings closed to her.
    expect((await admin.get("/o/region-vast/settings/members")).status).toBe(403);
  });

  it("makes the creator the one admin of a new organisation, and keeps typed values when a field is wrong", async () => {
    const creator = await as("member@nord.se");
    const bad = await creator.post("/organisations/new", { name: "Samordningsförbundet", kind: "other", slug: "samordning", website: "inte en adress" });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("Skriv en fullständig adress som börjar med https://.");
    expect(html).toContain('value="Samordningsförbundet"');
    expect(html).toContain('value="samordning"');
    expect(await db.organisation.count({ where: { slug: "samordning" } })).toBe(0);

    const created = await creator.post("/organisations/new", { name: "Samordningsförbundet", kind: "other", slug: "samordning" });
    expect(created.status).toBe(302);
    const organisation = await db.organisation.findUniqueOrThrow({ where: { slug: "samordning" }, include: { memberships: true } });
    expect(organisation.memberships).toEqual([expect.objectContaining({ userId: world.people.northMember.id, role: "admin" })]);
    expect(await (await creator.get("/o/samordning")).text()).toContain("Din roll: administratör");
  });

  it("lists all and only the user's own organisations on the start page", async () => {
    const forum = await createOrganisation("kommunforbundet", "Kommunförbundet Test");
    await addMember(world.people.northFacilitator.id, forum.id, "admin");
    const client = await as("facilitator@nord.se");
    const start = await client.get("/");
    expect(start.status).toBe(200);
    const html = await start.text();
    expect(html).toContain("Dina organisationer");
    const list = html.match(/<ul class="card-list">([\s\S]*?)<\/ul>/)![1];
    const items = [...list.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)].map((m) => m[1].replace(/<[^>]*>/g, "").trim());
    expect(items).toEqual(["Kommunförbundet Test · Administratör", "Region Nord · Samtalsledare"]);
    expect(list).toContain('href="/o/kommunforbundet"');
    expect(list).toContain('href="/o/region-nord"');
    expect(html).not.toContain("Region Syd");
    expect(html).not.toContain("region-syd");
  });
});
