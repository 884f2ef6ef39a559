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

  it("limits one address across many accounts", async () => {
    let status = 0;
    for (let i = 0; i < 40 && status !== 429; i++) {
      status = (await new Client(server.url).signIn(`gissning-${i}@region.se`, "fel")).status;
    }
    expect(status).toBe(429);
  });
});
