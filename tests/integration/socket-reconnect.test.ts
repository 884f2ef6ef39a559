import { io as connectSocket, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server.ts";
import { LIVE_SOCKET_OPTIONS } from "../../app/live/socket-options.ts";
import { PASSWORD, twoRegions } from "../support/fixtures.ts";
import { Client, nextEvent, startTestServer, type TestServer } from "../support/test-server.ts";

// The app restarted under readers of a thread: their tabs, with the options the
// browser uses, try again after growing, randomised delays, come back once
// the server is there again and catch up on what was posted meanwhile.

type JoinReply = { ok: true; serverTime: string; added: { number: number }[] } | { ok: false };

/** A tab's socket: the app's own options, plus the cookie and Origin a browser would send. */
function tab(client: Client, url: string): Socket {
  return connectSocket(url, {
    ...LIVE_SOCKET_OPTIONS,
    transports: ["websocket"],
    extraHeaders: { cookie: client.cookieHeader, origin: url },
    forceNew: true,
  });
}

/** When each reconnection attempt started, after the connection was lost. */
function recordAttempts(socket: Socket) {
  const record = { lostAt: 0, attempts: [] as number[] };
  socket.on("disconnect", () => (record.lostAt = Date.now()));
  socket.io.on("reconnect_attempt", () => record.attempts.push(Date.now()));
  return record;
}

describe("live channel across a restart", () => {
  let server: TestServer;
  const tabs: Socket[] = [];
  beforeAll(async () => {
    await twoRegions();
    server = await startTestServer();
  });
  afterAll(async () => {
    for (const socket of tabs) socket.disconnect();
    await server.close();
  });

  it("reconnects with growing, randomised delays and catches up on what it missed", async () => {
    const north = await db.organisation.findUniqueOrThrow({ where: { slug: "region-nord" } });
    const category = await db.category.create({ data: { organisationId: north.id, name: "Allmänt", position: 0 } });
    const nina = await Client.signedIn(server.url, "member@nord.se", PASSWORD);
    const nils = await Client.signedIn(server.url, "facilitator@nord.se", PASSWORD);
    const started = await nina.post("/o/region-nord/daily/new", { categoryId: category.id, title: "Omstart", bodyText: "Första inlägget." });
    const threadId = started.headers.get("location")!.match(/\/daily\/([^/?#]+)$/)![1];

    const url = server.url;
    for (let i = 0; i < 4; i++) tabs.push(tab(nils, url));
    await Promise.all(tabs.map((socket) => nextEvent(socket, "connect")));
    const reader = tabs[0];
    const joined = (await reader.emitWithAck("thread:join", { threadId, organisationId: north.id, after: 1, since: new Date().toISOString() })) as JoinReply;
    expect(joined.ok).toBe(true);
    const records = tabs.map(recordAttempts);

    // The server goes away as in a deploy: sockets are cut without a goodbye.
    await server.shutDown(1000);
    const third = new Promise<void>((resolve) =>
      reader.io.on("reconnect_error", () => {
        if (records[0].attempts.length >= 3) resolve();
      }),
    );
    await third;

    // Each wait about doubles (1 s, 2 s, 4 s), moved by up to half at random.
    const { lostAt, attempts } = records[0];
    const waits = [attempts[0] - lostAt, attempts[1] - attempts[0], attempts[2] - attempts[1]];
    const slack = 250;
    waits.forEach((wait, n) => {
      const base = LIVE_SOCKET_OPTIONS.reconnectionDelay * 2 ** n;
      expect(wait).toBeGreaterThanOrEqual(base * (1 - LIVE_SOCKET_OPTIONS.randomizationFactor) - 50);
      expect(wait).toBeLessThanOrEqual(base * (1 + LIVE_SOCKET_OPTIONS.randomizationFactor) + slack);
    });
    expect(waits[2]).toBeGreaterThan(waits[0]);
    // The tabs do not all knock at the same moment.
    const firstWaits = records.map((r) => r.attempts[0] - r.lostAt);
    expect(Math.max(...firstWaits) - Math.min(...firstWaits)).toBeGreaterThan(20);

    // Back on the same port and database; a reply is posted before the reader is back.
    server = await startTestServer(Number(new URL(url).port));
    const reply = await nina.post(`/o/region-nord/daily/${threadId}`, { intent: "reply", bodyText: "Skrivet medan du var borta." });
    expect(reply.status).toBeLessThan(400);
    expect(reader.connected).toBe(false);

    await Promise.all(tabs.map((socket) => (socket.connected ? undefined : nextEvent(socket, "connect", () => true, 15_000))));
    expect(tabs.every((socket) => socket.connected)).toBe(true);
    // What the thread page does on every (re)connect (docs/decisions/0008): ask for what it missed.
    const caughtUp = (await reader.emitWithAck("thread:join", { threadId, organisationId: north.id, after: 1, since: joined.ok ? joined.serverTime : "" })) as JoinReply;
    expect(caughtUp.ok && caughtUp.added.map((post) => post.number)).toEqual([2]);
  }, 60_000);
});
