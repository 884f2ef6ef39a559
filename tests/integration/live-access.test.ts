import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Socket } from "socket.io-client";
import { db } from "../../app/db.server.ts";
import { PASSWORD, twoRegions } from "../support/fixtures.ts";
import { Client, nextEvent, startTestServer, type TestServer } from "../support/test-server.ts";

// Ending access over HTTP must end it on the live channel at once.

type Presence = { organisationId: string; users: { id: string; name: string }[] };

describe("live channel follows access changes", () => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof twoRegions>>;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    world = await twoRegions();
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.disconnect();
  });
  afterAll(() => server.close());

  async function connected(email: string) {
    const client = new Client(server.url);
    expect((await client.signIn(email, PASSWORD)).status).toBe(302);
    const socket = client.socket();
    sockets.push(socket);
    await nextEvent(socket, "connect");
    return { client, socket };
  }

  it("disconnects a tab's socket when that session signs out", async () => {
    const { client, socket } = await connected(world.people.northMember.email);
    const disconnected = nextEvent<string>(socket, "disconnect");
    expect((await client.post("/logout", {})).status).toBe(302);
    expect(await disconnected).toBe("io server disconnect");
  });

  it("stops sending an organisation's presence to a member the admin removes", async () => {
    const admin = await connected(world.people.northAdmin.email);
    const member = await connected(world.people.northMember.email);
    const membership = await db.membership.findFirstOrThrow({
      where: { userId: world.people.northMember.id, organisationId: world.north.id },
    });

    const adminSeesRemoval = nextEvent<Presence>(
      admin.socket,
      "presence:update",
      (p) => p.organisationId === world.north.id && !p.users.some((u) => u.id === world.people.northMember.id),
    );
    const removed = await admin.client.post("/o/region-nord/settings/members", {
      intent: "remove-member",
      membershipId: membership.id,
    });
    expect(removed.status).toBe(200);
    await adminSeesRemoval;

    const updatesAfterRemoval: Presence[] = [];
    member.socket.on("presence:update", (p: Presence) => updatesAfterRemoval.push(p));
    await connected(world.people.northFacilitator.email);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(updatesAfterRemoval.filter((p) => p.organisationId === world.north.id)).toEqual([]);

    const reply = await member.socket.emitWithAck("presence:list", { organisationId: world.north.id });
    expect(reply).toEqual({ ok: false, error: "notMember" });
  });
});
