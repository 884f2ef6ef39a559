import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server.ts";
import { createUser, PASSWORD, sessionIdOf } from "../support/fixtures.ts";
import { Client, startTestServer, type TestServer } from "../support/test-server.ts";

// Complements accounts.test.ts: the sign-up form's password check, where
// forms send people afterwards, and exactly which session a sign-out ends.

describe("auth: forms, redirects and sign-out", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    await createUser("karin@region.se", "Karin Sjöberg");
  });
  afterAll(() => server.close());

  it("refuses a sign-up whose passwords differ, keeps name and email, and echoes no password", async () => {
    const client = new Client(server.url);
    const response = await client.post("/signup", {
      name: "Maja Ek",
      email: "maja@region.se",
      password: "ett långt lösenord",
      confirmPassword: "ett annat lösenord",
    });
    expect(response.status).toBe(400);
    expect(response.headers.getSetCookie().some((c) => c.startsWith("larloop_session="))).toBe(false);
    const html = await response.text();
    expect(html).toContain("Lösenorden är inte lika.");
    expect(html).toContain('value="Maja Ek"');
    expect(html).toContain('value="maja@region.se"');
    expect(html).not.toContain("ett långt lösenord");
    expect(html).not.toContain("ett annat lösenord");
    expect(await db.user.count({ where: { email: "maja@region.se" } })).toBe(0);
  });

  it("signs in to the start page, where the signed-in pages then work", async () => {
    const client = new Client(server.url);
    expect((await client.get("/organisations/new")).status).toBe(302);

    const response = await client.signIn("Karin@Region.se", PASSWORD);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/");

    const home = await client.get("/");
    expect(home.status).toBe(200);
    const html = await home.text();
    expect(html).toContain("Inloggad som Karin Sjöberg");
    expect(html).toContain("Du är inte medlem i någon organisation än.");
    expect((await client.get("/organisations/new")).status).toBe(200);
    // Signed in, the sign-in page has nothing to offer.
    expect((await client.get("/login")).headers.get("location")).toBe("/");
  });

  // Browsers drop tabs and newlines inside a URL and read "\" as "/", so each
  // of these is another site once the browser follows the redirect.
  const hostile = [
    "//evil.example",
    "https://evil.example/x",
    "/\\evil.example",
    "/\t/evil.example/x",
    "/\t\\evil.example",
    "/\n/evil.example",
  ];

  const landing = (response: Response) => {
    expect(response.status).toBe(302);
    return new URL(response.headers.get("location")!, server.url);
  };

  it.each(hostile)("sends a language switch home, not to %j", async (target) => {
    const language = landing(await new Client(server.url).post("/language", { locale: "sv", redirectTo: target }));
    expect(language.origin).toBe(new URL(server.url).origin);
    expect(language.pathname).toBe("/");
  });

  it("applies the same rule after sign-in and sign-up", async () => {
    for (const [i, target] of ["/\t/evil.example/x", "/\n/evil.example"].entries()) {
      const signIn = landing(await new Client(server.url).post("/login", { email: "karin@region.se", password: PASSWORD, redirectTo: target }));
      expect(signIn.href).toBe(`${server.url}/`);

      const email = `ny-${i}@region.se`;
      const signUp = landing(
        await new Client(server.url).post("/signup", {
          name: "Ny Person",
          email,
          password: "ett långt lösenord",
          confirmPassword: "ett långt lösenord",
          redirectTo: target,
        }),
      );
      expect(signUp.href).toBe(`${server.url}/`);
      expect(await db.user.count({ where: { email } })).toBe(1);
    }
  });

  it("keeps a same-site path with its query after sign-in", async () => {
    const response = await new Client(server.url).post("/login", {
      email: "karin@region.se",
      password: PASSWORD,
      redirectTo: "/organisations/new?from=mail",
    });
    expect(response.headers.get("location")).toBe("/organisations/new?from=mail");
  });

  it("ends only the session that signs out: its row goes, the other browser stays signed in", async () => {
    const laptop = await Client.signedIn(server.url, "karin@region.se", PASSWORD);
    const phone = await Client.signedIn(server.url, "karin@region.se", PASSWORD);
    const laptopSession = sessionIdOf(laptop);
    const phoneSession = sessionIdOf(phone);
    const oldCookie = laptop.cookieHeader;

    const signOut = await laptop.post("/logout", {});
    expect(signOut.status).toBe(302);
    expect(signOut.headers.get("location")).toBe("/");
    expect(signOut.headers.getSetCookie().find((c) => c.startsWith("larloop_session="))).toMatch(/^larloop_session=;.*Max-Age=0/i);

    expect(await db.session.findUnique({ where: { id: laptopSession } })).toBeNull();
    expect(await db.session.findUnique({ where: { id: phoneSession } })).not.toBeNull();

    const replay = await fetch(`${server.url}/organisations/new`, { headers: { cookie: oldCookie }, redirect: "manual" });
    expect(replay.status).toBe(302);
    expect(replay.headers.get("location")).toBe("/login?redirectTo=%2Forganisations%2Fnew");
    // The dead cookie is cleared in the browser too.
    expect(replay.headers.getSetCookie().find((c) => c.startsWith("larloop_session="))).toMatch(/Max-Age=0/i);

    expect((await phone.get("/organisations/new")).status).toBe(200);
  });

  it("does not sign out on a request without Origin (a forged form post)", async () => {
    const client = await Client.signedIn(server.url, "karin@region.se", PASSWORD);
    const response = await fetch(`${server.url}/logout`, {
      method: "POST",
      headers: { cookie: client.cookieHeader },
      redirect: "manual",
    });
    expect(response.status).toBe(403);
    expect(await db.session.findUnique({ where: { id: sessionIdOf(client) } })).not.toBeNull();
    expect((await client.get("/organisations/new")).status).toBe(200);
  });
});
