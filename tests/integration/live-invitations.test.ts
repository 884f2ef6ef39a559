import type { Socket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createUser, PASSWORD, twoRegions } from "../support/fixtures.ts";
import { captureMail, linkIn } from "../support/mail.ts";
import { Client, nextEvent, startTestServer, type TestServer } from "../support/test-server.ts";

// Complements live.test.ts (which adds the membership in the database): the
// whole way in through an emailed invitation, with a tab that stays open.

type Presence = { organisationId: string; users: { id: string; name: string }[] };
const names = (p: { users: { name: string }[] }) => p.users.map((u) => u.name);

describe("live presence after accepting an invitation", () => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof twoRegions>>;
  const mails = captureMail();
  const sockets: Socket[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    world = await twoRegions();
    await createUser("hanna@kommun.se", "Hanna Strand");
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.disconnect();
  });
  afterAll(() => server.close());

  async function online(client: Client) {
    const socket = client.socket();
    sockets.push(socket);
    await nextEvent(socket, "connect");
    return socket;
  }

  it("joins the organisation's presence in the open tab, without reconnecting", async () => {
    const admin = await Client.signedIn(server.url, "admin@nord.se", PASSWORD);
    const adminTab = await online(admin);
    const hanna = await Client.signedIn(server.url, "hanna@kommun.se", PASSWORD);
    const hannaTab = await online(hanna);
    const socketId = hannaTab.id;
    const seenByHanna: Presence[] = [];
    hannaTab.on("presence:update", (p: Presence) => seenByHanna.push(p));

    expect(await hannaTab.emitWithAck("presence:list", { organisationId: world.north.id })).toEqual({ ok: false, error: "notMember" });

    await admin.post("/o/region-nord/settings/members", { intent: "invite", email: "hanna@kommun.se", role: "member" });
    const link = linkIn(mails.at(-1)!.body, "/invitations/");
    const accepted = await hanna.post(link, {});
    expect(accepted.headers.get("location")).toBe("/o/region-nord");
    // Nothing reached Hanna's tab while she was not yet asking.
    expect(seenByHanna).toEqual([]);

    const adminSeesHanna = nextEvent<Presence>(adminTab, "presence:update", (p) => names(p).includes("Hanna Strand"));
    const reply = await hannaTab.emitWithAck("presence:list", { organisationId: world.north.id });
    expect(reply.ok).toBe(true);
    expect(names(reply)).toEqual(["Hanna Strand", "Nora Admin"]);
    expect((await adminSeesHanna).organisationId).toBe(world.north.id);

    // From now on her tab hears the organisation's comings and goings.
    const hannaSeesNina = nextEvent<Presence>(hannaTab, "presence:update", (p) => names(p).includes("Nina Medlem"));
    await online(await Client.signedIn(server.url, "member@nord.se", PASSWORD));
    expect(names(await hannaSeesNina)).toEqual(["Hanna Strand", "Nina Medlem", "Nora Admin"]);

    // Still nothing about the region she was not invited to.
    expect(await hannaTab.emitWithAck("presence:list", { organisationId: world.south.id })).toEqual({ ok: false, error: "notMember" });
    expect(hannaTab.id).toBe(socketId);
  });
});
