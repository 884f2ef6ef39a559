import type { Socket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server.ts";
import { createUser, PASSWORD } from "../support/fixtures.ts";
import { captureMail, linkIn } from "../support/mail.ts";
import { Client, nextEvent, startTestServer, type TestServer } from "../support/test-server.ts";

// Complements password-reset.test.ts: what a reset does to the account's
// other sessions and open tabs, links refused on the form itself, and the
// limit on reset mails.

const INVALID_LINK = "Länken är ogiltig, har redan använts eller har gått ut.";
const NEW_PASSWORD = "nytt långt lösenord";

describe("password reset: sessions, refused links and limits", () => {
  let server: TestServer;
  const mails = captureMail();
  const sockets: Socket[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    for (const [email, name] of [
      ["petra@region.se", "Petra Holm"],
      ["olle@region.se", "Olle Nykvist"],
      ["gun@region.se", "Gun Berg"],
      ["rut@region.se", "Rut Ek"],
    ]) {
      await createUser(email, name);
    }
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.disconnect();
  });
  afterAll(() => server.close());

  async function online(client: Client) {
    const socket = client.socket();
    sockets.push(socket);
    await nextEvent(socket, "connect");
    return socket;
  }

  async function resetLinkFor(email: string) {
    const before = mails.length;
    const response = await new Client(server.url).post("/forgot-password", { email });
    expect(response.status).toBe(200);
    expect(mails).toHaveLength(before + 1);
    const link = linkIn(mails.at(-1)!.body, "/reset-password?token=");
    return { link, token: new URL(link, server.url).searchParams.get("token")! };
  }

  const userId = async (email: string) => (await db.user.findUniqueOrThrow({ where: { email } })).id;

  it("ends every session of the account and closes its open tabs, but no one else's", async () => {
    const laptop = await Client.signedIn(server.url, "petra@region.se", PASSWORD);
    const phone = await Client.signedIn(server.url, "petra@region.se", PASSWORD);
    const colleague = await Client.signedIn(server.url, "olle@region.se", PASSWORD);
    const laptopTab = await online(laptop);
    const phoneTab = await online(phone);
    const colleagueTab = await online(colleague);
    expect(await db.session.count({ where: { userId: await userId("petra@region.se") } })).toBe(2);

    const { link, token } = await resetLinkFor("petra@region.se");
    const laptopClosed = nextEvent<string>(laptopTab, "disconnect");
    const phoneClosed = nextEvent<string>(phoneTab, "disconnect");
    const reset = await new Client(server.url).post(link, { token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(reset.status).toBe(200);
    expect(await reset.text()).toContain("Lösenordet är bytt.");

    expect(await laptopClosed).toBe("io server disconnect");
    expect(await phoneClosed).toBe("io server disconnect");
    expect(await db.session.count({ where: { userId: await userId("petra@region.se") } })).toBe(0);
    for (const client of [laptop, phone]) {
      expect((await client.get("/organisations/new")).headers.get("location")).toBe("/login?redirectTo=%2Forganisations%2Fnew");
    }

    // The colleague noticed nothing: still signed in, the socket still answers.
    expect(colleagueTab.connected).toBe(true);
    expect(await colleagueTab.timeout(2000).emitWithAck("presence:list", { organisationId: "none" })).toEqual({ ok: false, error: "notMember" });
    expect((await colleague.get("/organisations/new")).status).toBe(200);
  });

  it("refuses an expired link on the form too, and the password stays as it was", async () => {
    const { link, token } = await resetLinkFor("gun@region.se");
    await db.passwordResetToken.updateMany({
      where: { user: { email: "gun@region.se" } },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const reset = await new Client(server.url).post(link, { token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(reset.status).toBe(400);
    const html = await reset.text();
    expect(html).toContain(INVALID_LINK);
    expect(html).not.toContain(NEW_PASSWORD);

    expect((await new Client(server.url).signIn("gun@region.se", NEW_PASSWORD)).status).toBe(401);
    expect((await new Client(server.url).signIn("gun@region.se", PASSWORD)).status).toBe(302);
  });

  it("keeps the link usable when the new passwords differ, without echoing them", async () => {
    const { link, token } = await resetLinkFor("olle@region.se");
    const visitor = new Client(server.url);
    const mismatch = await visitor.post(link, { token, password: NEW_PASSWORD, confirmPassword: "ett annat lösenord" });
    expect(mismatch.status).toBe(400);
    const html = await mismatch.text();
    expect(html).toContain("Lösenorden är inte lika.");
    expect(html).not.toContain(NEW_PASSWORD);
    expect(html).not.toContain("ett annat lösenord");

    expect(await (await visitor.get(link)).text()).toContain("Välj nytt lösenord");
    const reset = await visitor.post(link, { token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(await reset.text()).toContain("Lösenordet är bytt.");
    expect((await new Client(server.url).signIn("olle@region.se", NEW_PASSWORD)).status).toBe(302);
  });

  it("sends at most three reset mails per email an hour, answering known and unknown emails alike", async () => {
    for (const email of ["rut@region.se", "ingen-alls@region.se"]) {
      const before = mails.length;
      for (let i = 0; i < 3; i++) expect((await new Client(server.url).post("/forgot-password", { email })).status).toBe(200);
      const fourth = await new Client(server.url).post("/forgot-password", { email });
      expect(fourth.status, email).toBe(429);
      const html = await fourth.text();
      expect(html).toMatch(/För många försök\. Försök igen om \d+ minuter?\./);
      expect(html).not.toContain("har vi skickat en länk dit");
      expect(mails.length - before, email).toBe(email === "rut@region.se" ? 3 : 0);
    }
  });
});
