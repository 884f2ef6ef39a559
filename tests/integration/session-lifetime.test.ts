import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server.ts";
import { PASSWORD, twoRegions } from "../support/fixtures.ts";
import { Client, startTestServer, type TestServer } from "../support/test-server.ts";

const HOUR = 3_600_000;
const sessionId = (client: Client) => client.cookieHeader.match(/larloop_session=([^;]+)/)?.[1] ?? null;

describe("session lifetime", () => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof twoRegions>>;
  const as = (email: string) => Client.signedIn(server.url, email, PASSWORD);
  /** Whether the client's session still opens the organisation's start page. */
  const signedIn = async (client: Client, slug = "region-nord") => {
    const response = await client.get(`/o/${slug}`);
    return response.status === 200 ? true : response.status === 302 && response.headers.get("location")!.startsWith("/login") ? false : response.status;
  };

  beforeAll(async () => {
    server = await startTestServer();
    world = await twoRegions();
  });
  afterAll(() => server.close());

  it("signs out a session left idle for longer than two hours, and keeps one in use", async () => {
    const idle = await as("member@nord.se");
    const busy = await as("member@nord.se");
    await db.session.update({ where: { id: sessionId(idle)! }, data: { lastSeenAt: new Date(Date.now() - 2 * HOUR - 60_000) } });
    await db.session.update({ where: { id: sessionId(busy)! }, data: { lastSeenAt: new Date(Date.now() - 1.5 * HOUR) } });
    const idleId = sessionId(idle)!;

    expect(await signedIn(idle)).toBe(false);
    expect(sessionId(idle)).toBeNull();
    expect(await db.session.count({ where: { id: idleId } })).toBe(0);

    expect(await signedIn(busy)).toBe(true);
    const seen = await db.session.findUniqueOrThrow({ where: { id: sessionId(busy)! } });
    expect(Date.now() - seen.lastSeenAt.getTime()).toBeLessThan(60_000);
  });

  it("signs out a session twelve hours after sign-in however busy it was", async () => {
    const client = await as("member@nord.se");
    await db.session.update({ where: { id: sessionId(client)! }, data: { createdAt: new Date(Date.now() - 12 * HOUR - 60_000) } });
    expect(await signedIn(client)).toBe(false);
  });

  it("gives a new session on sign-in and ends the one the browser had", async () => {
    const client = await as("member@nord.se");
    const before = sessionId(client)!;
    expect((await client.signIn("member@nord.se", PASSWORD)).status).toBe(302);
    expect(sessionId(client)).not.toBe(before);
    expect(await db.session.count({ where: { id: before } })).toBe(0);
    expect(await signedIn(client)).toBe(true);
  });

  it("rotates a member's session when an admin changes their role, and the old one stops working", async () => {
    const member = await as("member@nord.se");
    const before = sessionId(member)!;
    const signedInAt = new Date(Date.now() - 3 * HOUR);
    await db.session.update({ where: { id: before }, data: { createdAt: signedInAt } });
    const admin = await as("admin@nord.se");
    const membership = await db.membership.findFirstOrThrow({ where: { userId: world.people.northMember.id, organisationId: world.north.id } });
    await admin.post("/o/region-nord/settings/members?index", { intent: "change-role", membershipId: membership.id, role: "facilitator" });
    expect((await db.membership.findUniqueOrThrow({ where: { id: membership.id } })).role).toBe("facilitator");

    expect(await signedIn(member)).toBe(true);
    const after = sessionId(member)!;
    expect(after).not.toBe(before);
    expect(await db.session.count({ where: { id: before } })).toBe(0);
    // Whoever copied the cookie before the change holds nothing now.
    const copied = await fetch(new URL("/o/region-nord", server.url), { headers: { cookie: `larloop_session=${before}` }, redirect: "manual" });
    expect(copied.status).toBe(302);
    expect(copied.headers.get("location")).toMatch(/^\/login/);
    // The new session keeps the time of sign-in: rotation does not stretch the twelve hours.
    expect((await db.session.findUniqueOrThrow({ where: { id: after } })).createdAt).toEqual(signedInAt);
    expect(await signedIn(member)).toBe(true);
    expect(sessionId(member)).toBe(after);
    await db.membership.update({ where: { id: membership.id }, data: { role: "member" } });
  });

  it("signs out everywhere: every browser of the account, and no one else's", async () => {
    const laptop = await as("member@nord.se");
    const phone = await as("member@nord.se");
    const colleague = await as("admin@nord.se");
    const response = await laptop.post("/logout", { scope: "everywhere" });
    expect(response.status).toBe(302);
    expect(await signedIn(laptop)).toBe(false);
    expect(await signedIn(phone)).toBe(false);
    expect(await signedIn(colleague)).toBe(true);
    expect(await db.session.count({ where: { userId: world.people.northMember.id } })).toBe(0);
  });
});
