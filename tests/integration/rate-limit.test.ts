import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, PASSWORD } from "../support/fixtures.ts";
import { Client, startTestServer, type TestServer } from "../support/test-server.ts";

describe("sign-in rate limits", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    await createUser("ulla@region.se");
    await createUser("bo@region.se");
  });
  afterAll(() => server.close());

  it("slows an account down after 5 failures, even for the right password, and tells when to retry", async () => {
    for (let i = 0; i < 5; i++) expect((await new Client(server.url).signIn("ulla@region.se", `fel-${i}`)).status).toBe(401);
    const blocked = await new Client(server.url).signIn("ulla@region.se", PASSWORD);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await blocked.text()).toMatch(/För många försök\. Försök igen om \d+ minuter?\./);
    // Another account from the same address is not locked by it.
    expect((await new Client(server.url).signIn("bo@region.se", PASSWORD)).status).toBe(302);
  });

  it("forgets earlier failures after a successful sign-in", async () => {
    for (let i = 0; i < 4; i++) await new Client(server.url).signIn("bo@region.se", `fel-${i}`);
    expect((await new Client(server.url).signIn("bo@region.se", PASSWORD)).status).toBe(302);
    for (let i = 0; i < 4; i++) expect((await new Client(server.url).signIn("bo@region.se", `fel-${i}`)).status).toBe(401);
  });

  it("never locks the owner out of a browser they have signed in from, whatever fails elsewhere", async () => {
    await createUser("stina@region.se");
    const own = new Client(server.url);
    expect((await own.signIn("stina@region.se", PASSWORD)).status).toBe(302);
    expect((await own.post("/logout", {})).status).toBe(302);

    // Someone else keeps guessing: the account's window is closed for every other browser...
    for (let i = 0; i < 5; i++) expect((await new Client(server.url).signIn("stina@region.se", `gissning-${i}`)).status).toBe(401);
    expect((await new Client(server.url).signIn("stina@region.se", PASSWORD)).status).toBe(429);
    // ...but not for hers.
    expect((await own.signIn("stina@region.se", PASSWORD)).status).toBe(302);
    expect((await own.post("/logout", {})).status).toBe(302);

    // Her browser has a window of its own.
    for (let i = 0; i < 5; i++) expect((await own.signIn("stina@region.se", `fel-${i}`)).status).toBe(401);
    expect((await own.signIn("stina@region.se", PASSWORD)).status).toBe(429);
  });

  it("does not trust a device cookie that was altered or names another account", async () => {
    await createUser("tove@region.se");
    const own = new Client(server.url);
    const signedIn = await own.signIn("tove@region.se", PASSWORD);
    const device = signedIn.headers.getSetCookie().find((c) => c.startsWith("larloop_device="))!.split(";")[0];
    for (let i = 0; i < 5; i++) expect((await new Client(server.url).signIn("tove@region.se", `gissning-${i}`)).status).toBe(401);

    const [name, value] = device.split("=");
    const [email, nonce, mac] = value.split(".");
    const forged = `${name}=${Buffer.from("tove@region.se").toString("base64url")}.${nonce}x.${mac}`;
    const otherAccount = `${name}=${Buffer.from("ulla@region.se").toString("base64url")}.${nonce}.${mac}`;
    for (const cookie of [forged, otherAccount]) {
      const attempt = await new Client(server.url).post("/login", { email: "tove@region.se", password: PASSWORD, redirectTo: "" }, { cookie });
      expect(attempt.status).toBe(429);
    }
    const genuine = await new Client(server.url).post("/login", { email: Buffer.from(email, "base64url").toString(), password: PASSWORD, redirectTo: "" }, { cookie: device });
    expect(genuine.status).toBe(302);
  });

  it("limits one address across many accounts", async () => {
    let status = 0;
    for (let i = 0; i < 40 && status !== 429; i++) {
      status = (await new Client(server.url).signIn(`gissning-${i}@region.se`, "fel")).status;
    }
    expect(status).toBe(429);
  });
});
