import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server.ts";
import { createUser, PASSWORD } from "../support/fixtures.ts";
import { captureMail, linkIn } from "../support/mail.ts";
import { Client, startTestServer, type TestServer } from "../support/test-server.ts";

describe("password reset by a one-time link", () => {
  let server: TestServer;
  const mails = captureMail();
  beforeAll(async () => {
    server = await startTestServer();
    await createUser("petra@region.se", "Petra Holm");
  });
  afterAll(() => server.close());

  it("mails a link that sets a new password once, and ends every session of the account", async () => {
    const other = new Client(server.url);
    await other.signIn("petra@region.se", PASSWORD);

    const request = await new Client(server.url).post("/forgot-password", { email: "petra@region.se" });
    expect(request.status).toBe(200);
    expect(await request.text()).toContain("Om det finns ett konto för petra@region.se har vi skickat en länk dit.");
    expect(mails).toHaveLength(1);
    expect(mails[0].to).toBe("petra@region.se");
    const link = linkIn(mails[0].body, "/reset-password?token=");

    const visitor = new Client(server.url);
    expect(await (await visitor.get(link)).text()).toContain("Välj nytt lösenord");
    const token = new URL(link, server.url).searchParams.get("token")!;
    const reset = await visitor.post("/reset-password", { token, password: "nytt långt lösenord", confirmPassword: "nytt långt lösenord" });
    expect(await reset.text()).toContain("Lösenordet är bytt.");
    // The audit log says from where the new password was set.
    const logged = await db.auditEvent.findFirstOrThrow({ where: { action: "password-reset" } });
    expect(logged).toMatchObject({ actorName: "Petra Holm", ip: expect.stringMatching(/127\.0\.0\.1/) });

    expect((await new Client(server.url).signIn("petra@region.se", PASSWORD)).status).toBe(401);
    expect((await new Client(server.url).signIn("petra@region.se", "nytt långt lösenord")).status).toBe(302);
    // The session signed in before the reset is gone.
    expect((await other.get("/organisations/new")).status).toBe(302);

    const again = await visitor.post("/reset-password", { token, password: "tredje lösenordet", confirmPassword: "tredje lösenordet" });
    expect(again.status).toBe(400);
    expect(await again.text()).toContain("Länken är ogiltig, har redan använts eller har gått ut.");
  });

  it("answers an unknown email the same way and sends nothing", async () => {
    const response = await new Client(server.url).post("/forgot-password", { email: "okand@region.se" });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Om det finns ett konto för okand@region.se har vi skickat en länk dit.");
    expect(mails).toHaveLength(0);
  });

  it("refuses an expired link", async () => {
    await new Client(server.url).post("/forgot-password", { email: "petra@region.se" });
    const link = linkIn(mails[0].body, "/reset-password?token=");
    await db.passwordResetToken.updateMany({ where: { usedAt: null }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const page = await new Client(server.url).get(link);
    expect(await page.text()).toContain("Länken är ogiltig, har redan använts eller har gått ut.");
  });
});

describe("links in mails", () => {
  let server: TestServer;
  const mails = captureMail();
  beforeAll(async () => {
    server = await startTestServer();
    await createUser("olof@region.se", "Olof Ek");
  });
  afterAll(() => {
    delete process.env.APP_URL;
    return server.close();
  });

  it("point to APP_URL, not to a Host header a client made up", async () => {
    process.env.APP_URL = "https://larloop.region.se";
    // fetch will not forge a Host header; a raw HTTP request will.
    const status = await new Promise<number>((resolve, reject) => {
      const body = new URLSearchParams({ email: "olof@region.se" }).toString();
      const request = httpRequest(`${server.url}/forgot-password`, {
        method: "POST",
        headers: { host: "evil.example", origin: "http://evil.example", "content-type": "application/x-www-form-urlencoded", "content-length": Buffer.byteLength(body) },
      });
      request.on("response", (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on("error", reject);
      request.end(body);
    });
    expect(status).toBe(200);
    expect(mails[0].body).toContain("https://larloop.region.se/reset-password?token=");
    expect(mails[0].body).not.toContain("evil.example");
  });
});
