import { io as connectSocket, type Socket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server.ts";
import { PASSWORD, twoRegions } from "../support/fixtures.ts";
import { Client, nextEvent, startTestServer, type TestServer } from "../support/test-server.ts";

type Presence = { organisationId: string; users: { id: string; name: string }[] };
const names = (p: Presence) => p.users.map((u) => u.name);

describe("live channel: authentication, organisation rooms and presence", () => {
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

  const signedIn = (email: string) => Client.signedIn(server.url, email, PASSWORD);
  function track(socket: Socket) {
    sockets.push(socket);
    return socket;
  }
  async function online(email: string) {
    const socket = track((await signedIn(email)).socket());
    await nextEvent(socket, "connect");
    return socket;
  }

  it("refuses a socket without a valid session", async () => {
    const anonymous = track(new Client(server.url).socket());
    expect((await nextEvent<Error>(anonymous, "connect_error")).message).toBe("unauthorized");

    const forged = track(
      connectSocket(server.url, {
        transports: ["websocket"],
        extraHeaders: { cookie: "larloop_session=made-up", origin: server.url },
        reconnection: false,
        forceNew: true,
      }),
    );
    expect((await nextEvent<Error>(forged, "connect_error")).message).toBe("unauthorized");
  });

  it("refuses a socket opened from another site, even with a valid session", async () => {
    const client = await signedIn("member@nord.se");
    const socket = track(
      connectSocket(server.url, {
        transports: ["websocket"],
        extraHeaders: { cookie: client.cookieHeader, origin: "https://evil.example" },
        reconnection: false,
        forceNew: true,
      }),
    );
    expect((await nextEvent<Error>(socket, "connect_error")).message).toBe("forbidden origin");
  });

  it("shows who in the organisation is online, live, as people come and go", async () => {
    const nora = await online("admin@nord.se");
    const first = await nora.emitWithAck("presence:list", { organisationId: world.north.id });
    expect(first).toEqual({ ok: true, users: [{ id: world.people.northAdmin.id, name: "Nora Admin" }] });

    const ninaArrives = nextEvent<Presence>(nora, "presence:update", (p) => names(p).includes("Nina Medlem"));
    const nina = await online("member@nord.se");
    expect(names(await ninaArrives)).toEqual(["Nina Medlem", "Nora Admin"]);

    const ninaLeaves = nextEvent<Presence>(nora, "presence:update", (p) => !names(p).includes("Nina Medlem"));
    nina.disconnect();
    expect(names(await ninaLeaves)).toEqual(["Nora Admin"]);
  });

  it("never tells another organisation's members who is online", async () => {
    const nora = await online("admin@nord.se");
    const sven = await online("admin@syd.se");
    const seenBySven: Presence[] = [];
    sven.on("presence:update", (p: Presence) => seenBySven.push(p));

    expect(await sven.emitWithAck("presence:list", { organisationId: world.north.id })).toEqual({ ok: false, error: "notMember" });
    const arrival = nextEvent<Presence>(nora, "presence:update", (p) => names(p).includes("Nils Samtalsledare"));
    await online("facilitator@nord.se");
    await arrival;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(seenBySven.filter((p) => p.organisationId === world.north.id)).toEqual([]);
  });

  it("includes an organisation joined after the socket connected, without reconnecting", async () => {
    const siri = await online("member@syd.se");
    expect(await siri.emitWithAck("presence:list", { organisationId: world.north.id })).toEqual({ ok: false, error: "notMember" });
    await db.membership.create({ data: { userId: world.people.southMember.id, organisationId: world.north.id } });
    const reply = await siri.emitWithAck("presence:list", { organisationId: world.north.id });
    expect(reply.ok).toBe(true);
    expect(names(reply)).toContain("Siri Medlem");
  });

  // Ending access over HTTP must end it on the live channel at once.
  it("disconnects a tab's socket when that session signs out", async () => {
    const client = await signedIn("member@nord.se");
    const socket = track(client.socket());
    await nextEvent(socket, "connect");

    const disconnected = nextEvent<string>(socket, "disconnect");
    expect((await client.post("/logout", {})).status).toBe(302);
    expect(await disconnected).toBe("io server disconnect");
  });

  it("stops sending an organisation's presence to a member the admin removes", async () => {
    const admin = await signedIn("admin@nord.se");
    const adminSocket = track(admin.socket());
    await nextEvent(adminSocket, "connect");
    const memberSocket = await online("member@nord.se");
    const membership = await db.membership.findFirstOrThrow({
      where: { userId: world.people.northMember.id, organisationId: world.north.id },
    });

    const adminSeesRemoval = nextEvent<Presence>(
      adminSocket,
      "presence:update",
      (p) => p.organisationId === world.north.id && !p.users.some((u) => u.id === world.people.northMember.id),
    );
    const removed = await admin.post("/o/region-nord/settings/members", {
      intent: "remove-member",
      membershipId: membership.id,
    });
    expect(removed.status).toBe(200);
    await adminSeesRemoval;

    const updatesAfterRemoval: Presence[] = [];
    memberSocket.on("presence:update", (p: Presence) => updatesAfterRemoval.push(p));
    await online("facilitator@nord.se");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(updatesAfterRemoval.filter((p) => p.organisationId === world.north.id)).toEqual([]);

    const reply = await memberSocket.emitWithAck("presence:list", { organisationId: world.north.id });
    expect(reply).toEqual({ ok: false, error: "notMember" });
  });
});
