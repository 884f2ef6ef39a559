import type { AddressInfo } from "node:net";
import { networkInterfaces } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAppServer } from "../../server/app.ts";
import { createUser, PASSWORD } from "../support/fixtures.ts";
import { Client, startTestServer, type TestServer } from "../support/test-server.ts";

// Complements rate-limit.test.ts: the per-address sign-in limit (30 failures
// in 15 minutes) to the attempt, and which address counts. The app trusts
// X-Forwarded-* only from loopback (a proxy on the same host): the test client
// on 127.0.0.1 plays that proxy, so each test names its own client address;
// a client elsewhere cannot choose its address, nor claim HTTPS.

const ADDRESS_LIMIT = 30;
const RESET_ADDRESS_LIMIT = 20;
const RATE_LIMITED = /För många försök\. Försök igen om \d+ minuter?\./;

/** This machine's first non-loopback IPv4 address, if it has one. */
const outsideAddress = Object.values(networkInterfaces())
  .flat()
  .find((a) => a && a.family === "IPv4" && !a.internal)?.address;

describe("sign-in limit per client address", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    for (const name of ["lisa", "egen", "fjarr"]) await createUser(`${name}@region.se`);
  });
  afterAll(() => server.close());

  const from = (address: string) => ({ "x-forwarded-for": address });

  it("refuses the 31st failed attempt from one address, whatever account it names, and not other addresses", async () => {
    const attacker = "203.0.113.10";
    // All counted before any is checked against the limit, so they may run at once.
    const failures = await Promise.all(
      Array.from({ length: ADDRESS_LIMIT - 1 }, (_, i) =>
        new Client(server.url).post("/login", { email: `gissning-${i}@region.se`, password: "fel" }, from(attacker)),
      ),
    );
    expect(failures.map((r) => r.status)).toEqual(Array(ADDRESS_LIMIT - 1).fill(401));
    // Signing in to one's own account in between neither counts nor wipes the slate.
    const own = await new Client(server.url).post("/login", { email: "egen@region.se", password: PASSWORD }, from(attacker));
    expect(own.status).toBe(302);
    const thirtieth = await new Client(server.url).post("/login", { email: "gissning-x@region.se", password: "fel" }, from(attacker));
    expect(thirtieth.status).toBe(401);

    const blocked = await new Client(server.url).post("/login", { email: "lisa@region.se", password: PASSWORD }, from(attacker));
    expect(blocked.status).toBe(429);
    const retryAfter = Number(blocked.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(blocked.headers.getSetCookie().some((c) => c.startsWith("larloop_session="))).toBe(false);
    expect(await blocked.text()).toMatch(RATE_LIMITED);

    // Lisa herself, from her own address, is not locked out by it.
    const lisa = await new Client(server.url).post("/login", { email: "lisa@region.se", password: PASSWORD }, from("198.51.100.7"));
    expect(lisa.status).toBe(302);
  });

  it.skipIf(!outsideAddress)("does not let a client that is not the local proxy pick its address or claim HTTPS", async () => {
    const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
    const remote = createAppServer({ build, mode: "production" });
    await new Promise<void>((resolve) => remote.httpServer.listen(0, outsideAddress, resolve));
    const url = `http://${outsideAddress}:${(remote.httpServer.address() as AddressInfo).port}`;
    try {
      const claimsHttps = await new Client(url).post("/login", { email: "fjarr@region.se", password: PASSWORD }, { "x-forwarded-proto": "https" });
      expect(claimsHttps.status).toBe(302);
      expect(claimsHttps.headers.getSetCookie().find((c) => c.startsWith("larloop_session="))).not.toMatch(/Secure/i);

      // Reset mails are limited to 20 an hour per address (cheap to reach: unknown
      // emails cost no hashing). Whatever address it claims, this client is one.
      for (let i = 0; i < RESET_ADDRESS_LIMIT; i++) {
        const response = await new Client(url).post("/forgot-password", { email: `okand-${i}@region.se` }, from(`198.18.0.${i + 1}`));
        expect(response.status, `request ${i + 1}`).toBe(200);
      }
      const blocked = await new Client(url).post("/forgot-password", { email: "okand-x@region.se" }, from("198.18.0.200"));
      expect(blocked.status).toBe(429);
      expect(await blocked.text()).toMatch(RATE_LIMITED);
    } finally {
      await new Promise<void>((resolve) => remote.io.close(() => resolve()));
    }
  });
});
