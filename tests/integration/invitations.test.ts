import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server.ts";
import { createUser, PASSWORD, twoRegions } from "../support/fixtures.ts";
import { captureMail, linkIn } from "../support/mail.ts";
import { Client, startTestServer, type TestServer } from "../support/test-server.ts";

describe("invitations", () => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof twoRegions>>;
  const mails = captureMail();
  const as = (email: string) => Client.signedIn(server.url, email, PASSWORD);
  const invite = (admin: Client, email: string, role = "member") =>
    admin.post("/o/region-nord/settings/members", { intent: "invite", email, role });

  beforeAll(async () => {
    server = await startTestServer();
    world = await twoRegions();
  });
  afterAll(() => server.close());

  it("takes a newcomer from an emailed link into the organisation with the invited role", async () => {
    const admin = await as("admin@nord.se");
    const sent = await invite(admin, "Hanna.Strand@Kommun.se", "facilitator");
    expect(sent.status).toBe(200);
    const page = await sent.text();
    expect(page).toContain("Inbjudan till hanna.strand@kommun.se är skickad.");
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: "hanna.strand@kommun.se", subject: "Inbjudan till Region Nord i Lärloop" });
    const link = linkIn(mails[0].body, "/invitations/");
    expect(page).toContain(link);
    expect(await (await admin.get("/o/region-nord/settings/members")).text()).toContain("hanna.strand@kommun.se");

    const newcomer = new Client(server.url);
    const landing = await (await newcomer.get(link)).text();
    expect(landing).toContain("Nora Admin har bjudit in hanna.strand@kommun.se att gå med i Region Nord som samtalsledare.");
    expect(landing).toContain("Logga in eller skapa ett konto med hanna.strand@kommun.se");

    const signedUp = await newcomer.post(`/signup`, {
      name: "Hanna Strand",
      email: "hanna.strand@kommun.se",
      password: "ett långt lösenord",
      confirmPassword: "ett långt lösenord",
      redirectTo: link,
    });
    expect(signedUp.headers.get("location")).toBe(link);
    const accepted = await newcomer.post(link, {});
    expect(accepted.status).toBe(302);
    expect(accepted.headers.get("location")).toBe("/o/region-nord");
    const user = await db.user.findUniqueOrThrow({ where: { email: "hanna.strand@kommun.se" } });
    expect(await db.membership.findFirst({ where: { userId: user.id, organisationId: world.north.id } })).toMatchObject({ role: "facilitator" });
    expect(await (await newcomer.get("/o/region-nord")).text()).toContain("Din roll: samtalsledare");

    const reuse = await newcomer.post(link, {});
    expect(reuse.status).toBe(404);
    expect(await (await newcomer.get(link)).text()).toContain("Inbjudan är ogiltig");
  });

  it("cannot be accepted by another account", async () => {
    const admin = await as("admin@nord.se");
    await invite(admin, "rätt@region.se".replace("ä", "a"));
    const link = linkIn(mails[0].body, "/invitations/");
    const stranger = await as("member@syd.se");
    expect(await (await stranger.get(link)).text()).toContain("Inbjudan gäller ratt@region.se, men du är inloggad som member@syd.se.");
    const attempt = await stranger.post(link, {});
    expect(attempt.status).toBe(403);
    expect(await db.membership.count({ where: { userId: world.people.southMember.id, organisationId: world.north.id } })).toBe(0);
  });

  it("refuses revoked, replaced and expired links", async () => {
    const admin = await as("admin@nord.se");
    await createUser("sen@region.se", "Sen Ankomst");
    const newcomer = await as("sen@region.se");

    await invite(admin, "sen@region.se");
    const first = linkIn(mails.at(-1)!.body, "/invitations/");
    await invite(admin, "sen@region.se");
    const second = linkIn(mails.at(-1)!.body, "/invitations/");
    expect((await newcomer.post(first, {})).status).toBe(404);

    const pending = await db.invitation.findFirstOrThrow({ where: { email: "sen@region.se", revokedAt: null } });
    const revoked = await admin.post("/o/region-nord/settings/members", { intent: "revoke-invitation", invitationId: pending.id });
    expect(await revoked.text()).toContain("Inbjudan till sen@region.se är tillbakadragen.");
    expect((await newcomer.post(second, {})).status).toBe(404);

    await invite(admin, "sen@region.se");
    const third = linkIn(mails.at(-1)!.body, "/invitations/");
    await db.invitation.updateMany({ where: { email: "sen@region.se", revokedAt: null }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect((await newcomer.post(third, {})).status).toBe(404);
    expect(await db.membership.count({ where: { user: { email: "sen@region.se" } } })).toBe(0);
  });

  it("does not invite someone who is already a member, and keeps the typed address", async () => {
    const admin = await as("admin@nord.se");
    const response = await invite(admin, "member@nord.se");
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Det finns redan en medlem med den e-postadressen.");
    expect(html).toContain('value="member@nord.se"');
    expect(mails).toHaveLength(0);
  });

  it("does not let another organisation's admin revoke an invitation", async () => {
    const admin = await as("admin@nord.se");
    await invite(admin, "skyddad@region.se");
    const invitation = await db.invitation.findFirstOrThrow({ where: { email: "skyddad@region.se" } });
    const southAdmin = await as("admin@syd.se");
    const attempt = await southAdmin.post("/o/region-syd/settings/members", { intent: "revoke-invitation", invitationId: invitation.id });
    expect(attempt.status).toBe(404);
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).revokedAt).toBeNull();
  });
});
