import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server.ts";
import { createUser, PASSWORD } from "../support/fixtures.ts";
import { Client, startTestServer, type TestServer } from "../support/test-server.ts";

describe("accounts: sign up, sign in, sign out", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    await createUser("karin@region.se", "Karin Sjöberg");
  });
  afterAll(() => server.close());

  it("signs a newcomer up with an argon2id hash and an HttpOnly, SameSite=Lax session cookie", async () => {
    const client = new Client(server.url);
    const response = await client.post("/signup", {
      name: "Olle Nykvist",
      email: "Olle.Nykvist@Region.se",
      password: "ett långt lösenord",
      confirmPassword: "ett långt lösenord",
    });
    expect(response.status).toBe(302);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith("larloop_session="))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);

    const user = await db.user.findUniqueOrThrow({ where: { email: "olle.nykvist@region.se" } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.passwordHash).not.toContain("ett långt lösenord");

    const home = await client.get("/");
    expect(await home.text()).toContain("Inloggad som Olle Nykvist");
  });

  it("marks the session cookie Secure when the request came over HTTPS through a local proxy", async () => {
    const client = new Client(server.url);
    const response = await client.post("/login", { email: "karin@region.se", password: PASSWORD }, { "x-forwarded-proto": "https" });
    expect(response.status).toBe(302);
    expect(response.headers.getSetCookie().find((c) => c.startsWith("larloop_session="))).toMatch(/Secure/);
  });

  it("answers bad input with messages next to the fields and keeps what was typed", async () => {
    const client = new Client(server.url);
    const response = await client.post("/signup", {
      name: "Maja Ek",
      email: "maja@exempel",
      password: "kort",
      confirmPassword: "annat",
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Skriv en e-postadress i formatet namn@exempel.se.");
    expect(html).toContain("Lösenordet måste ha minst 8 tecken.");
    expect(html).toContain('value="Maja Ek"');
    expect(html).toContain('value="maja@exempel"');
    expect(await db.user.count({ where: { name: "Maja Ek" } })).toBe(0);
  });

  it("refuses a second account for an email that already has one", async () => {
    const client = new Client(server.url);
    const response = await client.post("/signup", {
      name: "Karin Igen",
      email: "karin@region.se",
      password: "ett långt lösenord",
      confirmPassword: "ett långt lösenord",
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Det finns redan ett konto med den e-postadressen.");
    expect(await db.user.count({ where: { email: "karin@region.se" } })).toBe(1);
  });

  it("gives a wrong password and an unknown email the same answer", async () => {
    const wrongPassword = await new Client(server.url).signIn("karin@region.se", "fel lösenord");
    const unknownEmail = await new Client(server.url).signIn("ingen@region.se", "fel lösenord");
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    const [a, b] = [await wrongPassword.text(), await unknownEmail.text()];
    expect(a).toContain("Fel e-postadress eller lösenord.");
    expect(b).toContain("Fel e-postadress eller lösenord.");
    expect(wrongPassword.headers.getSetCookie()).toEqual([]);
  });

  it("goes back to a same-site page after sign-in, never to another site", async () => {
    const ok = await new Client(server.url).post("/login", { email: "karin@region.se", password: PASSWORD, redirectTo: "/organisations/new" });
    expect(ok.headers.get("location")).toBe("/organisations/new");
    const evil = await new Client(server.url).post("/login", { email: "karin@region.se", password: PASSWORD, redirectTo: "//evil.example/x" });
    expect(evil.headers.get("location")).toBe("/");
  });

  it("ends the session on sign-out: the old cookie no longer signs anyone in", async () => {
    const client = new Client(server.url);
    await client.signIn("karin@region.se", PASSWORD);
    const stolenCookie = client.cookieHeader;
    const user = await db.user.findUniqueOrThrow({ where: { email: "karin@region.se" } });
    const sessionsBefore = await db.session.count({ where: { userId: user.id } });

    expect((await client.post("/logout", {})).status).toBe(302);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(sessionsBefore - 1);

    const replay = await fetch(`${server.url}/organisations/new`, { headers: { cookie: stolenCookie }, redirect: "manual" });
    expect(replay.status).toBe(302);
    expect(replay.headers.get("location")).toBe("/login?redirectTo=%2Forganisations%2Fnew");
  });
});
