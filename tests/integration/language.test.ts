import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server.ts";
import { createUser, PASSWORD } from "../support/fixtures.ts";
import { Client, startTestServer, type TestServer } from "../support/test-server.ts";

describe("language", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    await createUser("eva@region.se", "Eva Lind");
  });
  afterAll(() => server.close());

  it("is Swedish by default", async () => {
    const html = await (await fetch(`${server.url}/login`)).text();
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain("<title>Logga in · Lärloop</title>");
  });

  it("switches a visitor to English and back, returning to the same page", async () => {
    const visitor = new Client(server.url);
    const switched = await visitor.post("/language", { locale: "en", redirectTo: "/login" });
    expect(switched.headers.get("location")).toBe("/login");
    const html = await (await visitor.get("/login")).text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("Email address");
    await visitor.post("/language", { locale: "sv", redirectTo: "/login" });
    expect(await (await visitor.get("/login")).text()).toContain("E-postadress");
  });

  it("remembers a signed-in user's choice on the account, across sessions and browsers", async () => {
    const first = new Client(server.url);
    await first.signIn("eva@region.se", PASSWORD);
    await first.post("/language", { locale: "en", redirectTo: "/" });
    expect((await db.user.findUniqueOrThrow({ where: { email: "eva@region.se" } })).locale).toBe("en");

    const elsewhere = new Client(server.url);
    await elsewhere.signIn("eva@region.se", PASSWORD);
    const html = await (await elsewhere.get("/organisations/new")).text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("Create organisation");
  });

  it("refuses an unknown language", async () => {
    const response = await new Client(server.url).post("/language", { locale: "de", redirectTo: "/" });
    expect(response.status).toBe(400);
  });
});
