import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server.ts";
import { PASSWORD, twoRegions } from "../support/fixtures.ts";
import { Client, startTestServer, type TestServer } from "../support/test-server.ts";

describe("request security", () => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof twoRegions>>;
  beforeAll(async () => {
    server = await startTestServer();
    world = await twoRegions();
  });
  afterAll(() => server.close());

  it("refuses a state-changing request from another origin, or with no origin, and changes nothing", async () => {
    const admin = new Client(server.url);
    await admin.signIn("admin@nord.se", PASSWORD);
    const forged = { name: "Förfalskad", kind: "region" };

    for (const origin of ["https://evil.example", ""]) {
      const response = await fetch(`${server.url}/o/region-nord/settings?index`, {
        method: "POST",
        headers: { cookie: admin.cookieHeader, ...(origin ? { origin } : {}) },
        body: new URLSearchParams(forged),
        redirect: "manual",
      });
      expect(response.status, origin || "no origin").toBe(403);
    }
    expect((await db.organisation.findUniqueOrThrow({ where: { id: world.north.id } })).name).toBe("Region Nord");

    const signOut = await fetch(`${server.url}/logout`, {
      method: "POST",
      headers: { cookie: admin.cookieHeader, origin: "https://evil.example" },
      redirect: "manual",
    });
    expect(signOut.status).toBe(403);
    expect((await admin.get("/organisations/new")).status).toBe(200);
  });

  it("sets security headers, with a fresh script nonce that the page's scripts carry", async () => {
    const response = await fetch(`${server.url}/login`);
    const csp = response.headers.get("content-security-policy")!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    const nonce = csp.match(/'nonce-([^']+)'/)![1];
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("x-powered-by")).toBeNull();

    const html = await response.text();
    const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const attributes of scripts) expect(attributes).toContain(`nonce="${nonce}"`);

    const next = (await fetch(`${server.url}/login`)).headers.get("content-security-policy")!;
    expect(next.match(/'nonce-([^']+)'/)![1]).not.toBe(nonce);
  });

  it("answers unknown addresses with a 404 page", async () => {
    const response = await fetch(`${server.url}/finns/inte`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("Sidan finns inte");
  });
});
