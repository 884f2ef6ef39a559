import type { Socket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server.ts";
import { PASSWORD, twoRegions } from "../support/fixtures.ts";
import { Client, nextEvent, startTestServer, type TestServer } from "../support/test-server.ts";

type Joined = { ok: boolean };
type PostEvent = { threadId: string; post: { number: number; html: string } };

/** Resolves true if `event` arrives within `ms`, false if it does not. */
function arrives(socket: Socket, event: string, ms = 700): Promise<boolean> {
  return nextEvent(socket, event, () => true, ms).then(
    () => true,
    () => false,
  );
}

describe("a shared category made private again", () => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof twoRegions>>;
  const sockets: Socket[] = [];
  const as = (email: string) => Client.signedIn(server.url, email, PASSWORD);

  beforeAll(async () => {
    server = await startTestServer();
    world = await twoRegions();
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.disconnect();
  });
  afterAll(() => server.close());

  async function joined(client: Client, threadId: string, organisationId: string) {
    const socket = client.socket();
    sockets.push(socket);
    await nextEvent(socket, "connect");
    const reply = await socket.emitWithAck("thread:join", { threadId, organisationId, after: 1, since: null });
    return { socket, reply: reply as Joined };
  }

  it("stops sending its threads to partners at once, and refuses their next join", async () => {
    const admin = await as("admin@nord.se");
    const shared = { intent: "create-category", name: "Omvärld", description: "", template: "", networkId: world.network.id };
    expect((await admin.post("/o/region-nord/settings/categories", shared)).status).toBe(200);
    const category = await db.category.findFirstOrThrow({ where: { organisationId: world.north.id, name: "Omvärld" } });

    const member = await as("member@nord.se");
    const started = await member.post("/o/region-nord/daily/new", { categoryId: category.id, title: "Ny vägledning om uppföljning", bodyText: "Tillväxtverket har gett ut en vägledning." });
    expect(started.status).toBe(302);
    const threadId = started.headers.get("location")!.split("/").at(-1)!;

    const partner = await as("member@syd.se");
    const outside = await joined(partner, threadId, world.south.id);
    expect(outside.reply.ok).toBe(true);
    const inside = await joined(member, threadId, world.north.id);

    const update = { intent: "update-category", categoryId: category.id, name: "Omvärld", description: "", template: "" };
    expect((await admin.post("/o/region-nord/settings/categories", update)).status).toBe(200);

    const partnerHears = arrives(outside.socket, "thread:post");
    const memberHears = nextEvent<PostEvent>(inside.socket, "thread:post");
    expect((await member.post(`/o/region-nord/daily/${threadId}`, { intent: "reply", bodyText: "Bara för oss i Region Nord nu." })).status).toBe(200);
    expect((await memberHears).post.number).toBe(2);
    expect(await partnerHears).toBe(false);

    const again = await joined(partner, threadId, world.south.id);
    expect(again.reply.ok).toBe(false);
    expect((await partner.get(`/o/region-syd/daily/${threadId}`)).status).toBe(404);
  });
});
