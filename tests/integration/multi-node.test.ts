import type { Socket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server.ts";
import { addMember, createUser, PASSWORD, twoRegions } from "../support/fixtures.ts";
import { clusterSettings, LoadBalancer, reconnectingSocket, socketOn, startNode, stopAllNodes, testRedisUrl, type Node } from "../support/nodes.ts";
import { Client, nextEvent } from "../support/test-server.ts";

// Two app processes on their own ports share one database and one Redis, as
// a national instance runs several behind a load balancer (decision 0012).
// Everything goes through the real HTTP actions and real socket.io clients.

const THREAD_ROUTE = "routes/o.$slug.daily.$threadId._index";
const LIVE_ROUTE = "routes/o.$slug.sessions.$sessionId.live";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Clock = { status: string; currentPhaseId: string | null; phaseEndsAt: string | null; pausedRemainingMs: number | null; serverNow: string };
type Changed = { sessionId: string; what: string; clock: Clock };
type JoinReply = { ok: boolean; clock?: Clock };
type PostEvent = { threadId: string; post: { number: number; html: string } };
type Presence = { organisationId: string; users: { id: string; name: string }[] };

async function until(condition: () => boolean, what: string, timeoutMs = 5000) {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await sleep(10);
  }
}

describe("several nodes sharing the database and Redis", () => {
  let a: Node;
  let b: Node;
  let c: Node; // stopped with SIGTERM by one test
  let lb: LoadBalancer;
  let world: Awaited<ReturnType<typeof twoRegions>>;
  let categoryId: string;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    const settings = clusterSettings(testRedisUrl());
    // Seeded straight into the shared database before any node starts.
    world = await twoRegions();
    for (const [email, name] of [["petra@nord.se", "Petra Pettersson"], ["dora@nord.se", "Dora Dahl"]]) {
      await addMember((await createUser(email, name)).id, world.north.id, "member");
    }
    categoryId = (await db.category.create({ data: { organisationId: world.north.id, name: "Allmänt", position: 0 } })).id;
    // Node A applies pending migrations (none here) as it starts; the others start
    // with them off, as the other nodes of a deployment do: Prisma's SQLite migration
    // run needs the file to itself, which it no longer is once A has it open.
    a = await startNode("A", settings);
    [b, c] = await Promise.all(["B", "C"].map((name) => startNode(name, { ...settings, MIGRATE_ON_START: "false" })));
    lb = await new LoadBalancer([a.port, b.port]).listen();
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.disconnect();
  });
  afterAll(async () => {
    await lb?.close();
    await stopAllNodes();
  });

  const on = (node: Node | LoadBalancer, email: string) => Client.signedIn(node.url, email, PASSWORD);
  async function connected(socket: Socket) {
    sockets.push(socket);
    if (!socket.connected) await nextEvent(socket, "connect");
    return socket;
  }
  function collect<T>(socket: Socket, event: string, matches: (value: T) => boolean) {
    const seen: T[] = [];
    socket.on(event, (value: T) => {
      if (matches(value)) seen.push(value);
    });
    return seen;
  }
  async function ok(response: Promise<Response>) {
    const r = await response;
    expect(r.status, await r.clone().text()).toBe(200);
    return r;
  }

  describe("daily learning and presence", () => {
    it("delivers a reply posted through node A once to readers on node B and on node A", async () => {
      const nora = await on(a, "admin@nord.se");
      const created = await nora.post("/o/region-nord/daily/new", { categoryId, title: "Tråd över två noder", bodyText: "Första inlägget." });
      expect(created.status).toBe(302);
      const threadId = created.headers.get("location")!.match(/\/daily\/([^/?#]+)$/)![1];

      const readerOnB = await connected((await on(b, "member@nord.se")).socket());
      const readerOnA = await connected((await on(a, "facilitator@nord.se")).socket());
      for (const socket of [readerOnB, readerOnA]) {
        expect(await socket.emitWithAck("thread:join", { threadId, organisationId: world.north.id, after: 1 })).toMatchObject({ ok: true, added: [] });
      }
      const isThis = (e: PostEvent) => e.threadId === threadId;
      const seenOnB = collect<PostEvent>(readerOnB, "thread:post", isThis);
      const seenOnA = collect<PostEvent>(readerOnA, "thread:post", isThis);

      await ok(nora.post(`/o/region-nord/daily/${threadId}?_data=${encodeURIComponent(THREAD_ROUTE)}`, { intent: "reply", bodyText: "Svar via nod A." }));
      await until(() => seenOnB.length > 0 && seenOnA.length > 0, "the reply on both nodes");
      // Long enough for a duplicate (one per node, or one per Redis hop) to show up.
      await sleep(300);
      for (const seen of [seenOnB, seenOnA]) expect(seen.map((e) => [e.post.number, e.post.html])).toEqual([[2, "<p>Svar via nod A.</p>"]]);
    });

    it("shows who is online on any node, and when they leave", async () => {
      const noraOnA = await connected((await on(a, "admin@nord.se")).socket());
      const ninaArrives = nextEvent<Presence>(noraOnA, "presence:update", (p) => p.users.some((u) => u.name === "Nina Medlem"));
      const ninaOnB = await connected((await on(b, "member@nord.se")).socket());
      await ninaArrives;
      const list = (await noraOnA.emitWithAck("presence:list", { organisationId: world.north.id })) as Presence & { ok: boolean };
      expect(list.users.map((u) => u.name)).toEqual(["Nina Medlem", "Nora Admin"]);

      const ninaLeaves = nextEvent<Presence>(noraOnA, "presence:update", (p) => !p.users.some((u) => u.name === "Nina Medlem"));
      ninaOnB.disconnect();
      expect((await ninaLeaves).users.map((u) => u.name)).toEqual(["Nora Admin"]);
    });

    it("disconnects a session's sockets on every node when it signs out on one", async () => {
      const nina = await on(b, "member@nord.se");
      const onA = await connected(socketOn(a, nina));
      const disconnected = nextEvent<string>(onA, "disconnect");
      expect((await nina.post("/logout", {})).status).toBe(302);
      expect(await disconnected).toBe("io server disconnect");
    });

    it("counts failed sign-ins together, whichever node they reach", async () => {
      for (let i = 0; i < 5; i++) expect((await new Client((i % 2 ? b : a).url).signIn("member@syd.se", `fel-${i}`)).status).toBe(401);
      // The sixth try, even with the right password, is refused on both nodes.
      for (const node of [a, b]) expect((await new Client(node.url).signIn("member@syd.se", PASSWORD)).status).toBe(429);
    });
  });

  describe("a learning session across nodes", () => {
    async function plan(title: string) {
      const nils = await on(a, "facilitator@nord.se");
      const response = await nils.post("/o/region-nord/sessions/new", {
        title,
        theme: "",
        date: "2027-02-10",
        time: "10:00",
        durationMinutes: "90",
        place: "Regionhuset",
        videoUrl: "",
        recurrence: "none",
        occurrences: "1",
        template: "buzzin-bees",
        votesPerPerson: "5",
        votesPerTarget: "2",
      });
      expect(response.status).toBe(302);
      return response.headers.get("location")!.match(/\/sessions\/([^/?#]+)\?/)![1];
    }
    const live = (client: Client, id: string, fields: Record<string, string>) =>
      ok(client.post(`/o/region-nord/sessions/${id}/live?_data=${encodeURIComponent(LIVE_ROUTE)}`, fields));
    async function board(client: Client, id: string) {
      const response = await client.get(`/o/region-nord/sessions/${id}/live?_data=${encodeURIComponent(LIVE_ROUTE)}`);
      expect(response.status).toBe(200);
      return ((await response.json()) as { board: { clock: Clock; notes: { text: string }[] } }).board;
    }
    async function join(socket: Socket, sessionId: string) {
      const reply = (await socket.emitWithAck("learning:join", { sessionId, organisationId: world.north.id })) as JoinReply;
      expect(reply.ok).toBe(true);
      return reply;
    }
    const clockChange = (room: Socket[], id: string) =>
      Promise.all(room.map((s) => nextEvent<Changed>(s, "learning:changed", (e) => e.sessionId === id && e.what === "clock").then((e) => e.clock)));

    it("gives participants on both nodes the same clock, whichever node the facilitator uses", async () => {
      const id = await plan("Klockan på två noder");
      const nilsOnA = await on(a, "facilitator@nord.se");
      const nilsOnB = await on(b, "facilitator@nord.se");
      const room = [await connected(nilsOnA.socket()), await connected((await on(b, "member@nord.se")).socket())];
      for (const socket of room) await join(socket, id);

      // Started through node A: the same end time on A's and B's sockets, about two minutes ahead.
      let heard = clockChange(room, id);
      await live(nilsOnA, id, { intent: "start" });
      const [startedOnA, startedOnB] = await heard;
      expect(startedOnB).toEqual(startedOnA);
      expect(startedOnA.status).toBe("running");
      expect(Math.abs(Date.parse(startedOnA.phaseEndsAt!) - Date.parse(startedOnA.serverNow) - 120_000)).toBeLessThan(2000);
      // A reload served by node B counts down to the same moment.
      expect((await board(nilsOnB, id)).clock.phaseEndsAt).toBe(startedOnA.phaseEndsAt);

      // Paused through node B: the client on node A hears it, with what is left.
      heard = clockChange(room, id);
      await live(nilsOnB, id, { intent: "pause" });
      const [pausedOnA, pausedOnB] = await heard;
      expect(pausedOnA).toEqual(pausedOnB);
      expect(pausedOnA.phaseEndsAt).toBeNull();
      expect(pausedOnA.pausedRemainingMs).toBeGreaterThan(110_000);
      expect(pausedOnA.pausedRemainingMs).toBeLessThanOrEqual(120_000);
    });

    it("sends the participants of a node stopped with SIGTERM to the other node, where they stay present for pairing", async () => {
      const id = await plan("En nod stängs av");
      const toC = await new LoadBalancer([c.port, b.port]).listen();
      try {
        const dora = await on(toC, "dora@nord.se");
        const doraSocket = reconnectingSocket(dora);
        sockets.push(doraSocket);
        const joins: JoinReply[] = [];
        doraSocket.on("connect", () => {
          doraSocket.emit("learning:join", { sessionId: id, organisationId: world.north.id }, (reply: JoinReply) => joins.push(reply));
        });
        await until(() => joins.length === 1, "Dora joining through node C");
        expect(toC.routed.at(-1)).toBe(c.port);

        const lost = nextEvent<string>(doraSocket, "disconnect");
        c.child.kill("SIGTERM");
        expect(await lost).toBe("transport close");
        await until(() => joins.length === 2, "Dora rejoining through node B");
        expect(joins[1].ok).toBe(true);
        expect(toC.routed.at(-1)).toBe(b.port);
        // C marked her tab away as it closed, asking B whether she had another; B's join came after.
        expect((await c.exited).code).toBe(0);
        expect(c.output()).not.toMatch(/error|failed/i);
        const dorasPlace = await db.sessionParticipant.findFirstOrThrow({ where: { sessionId: id, user: { email: "dora@nord.se" } } });
        expect(dorasPlace.presentAt).not.toBeNull();
        expect(dorasPlace.leftAt).toBeNull();
      } finally {
        await toC.close();
      }
    });

    it("loses no saved note when a node is killed mid-session, and its clients carry on through the other", async () => {
      const id = await plan("En nod faller bort");
      const nils = await on(b, "facilitator@nord.se");
      const nina = await on(b, "member@nord.se");
      // Petra's browser goes through the load balancer, which sends her to node A while A is up.
      const petra = await on(lb, "petra@nord.se");
      expect(lb.routed.at(-1)).toBe(a.port);

      // As the session page does: (re)join the room on every connect.
      const petraSocket = reconnectingSocket(petra);
      sockets.push(petraSocket);
      const joins: JoinReply[] = [];
      petraSocket.on("connect", () => {
        petraSocket.emit("learning:join", { sessionId: id, organisationId: world.north.id }, (reply: JoinReply) => joins.push(reply));
      });
      await until(() => joins.length === 1, "Petra joining through node A");
      expect(joins[0].ok).toBe(true);
      const ninaSocket = await connected(nina.socket());
      await join(ninaSocket, id);

      const heard = clockChange([petraSocket, ninaSocket], id);
      await live(nils, id, { intent: "start" });
      const [started, startedOnB] = await heard;
      expect(startedOnB).toEqual(started);

      // Saved through node A.
      for (const text of ["Lapp ett via nod A", "Lapp två via nod A"]) await live(petra, id, { intent: "note", text });
      expect(lb.routed.at(-1)).toBe(a.port);

      const lost = nextEvent<string>(petraSocket, "disconnect");
      a.child.kill("SIGKILL");
      expect(await a.exited).toEqual({ code: null, signal: "SIGKILL" });
      expect(await lost).toBe("transport close");

      // Petra's socket reconnects through the load balancer, now to node B, and rejoins with the clock where it was.
      await until(() => joins.length === 2, "Petra rejoining through node B");
      expect(lb.routed.at(-1)).toBe(b.port);
      expect(joins[1]).toMatchObject({ ok: true, clock: { status: "running", currentPhaseId: started.currentPhaseId, phaseEndsAt: started.phaseEndsAt } });

      // What node A saved is there when read through node B.
      expect((await board(petra, id)).notes.map((n) => n.text).sort()).toEqual(["Lapp ett via nod A", "Lapp två via nod A"]);
      expect(lb.routed.at(-1)).toBe(b.port);
      expect(await db.sessionNote.count({ where: { sessionId: id } })).toBe(2);

      // And she hears what happens next, as does Nina.
      const extended = clockChange([petraSocket, ninaSocket], id);
      await live(nils, id, { intent: "extend" });
      const [extendedForPetra, extendedForNina] = await extended;
      expect(extendedForPetra).toEqual(extendedForNina);
      expect(Date.parse(extendedForPetra.phaseEndsAt!)).toBeGreaterThan(Date.parse(started.phaseEndsAt!));
      await live(petra, id, { intent: "note", text: "Lapp tre via nod B" });
      expect((await board(petra, id)).notes.map((n) => n.text).sort()).toEqual(["Lapp ett via nod A", "Lapp tre via nod B", "Lapp två via nod A"]);
    });
  });
});
