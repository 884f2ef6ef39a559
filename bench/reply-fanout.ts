import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { BenchClient } from "./support/http.ts";
import { SocketClients } from "./support/socket-clients.ts";
import { formatNumber, nowMs, ratioOf, summarise } from "./support/stats.ts";
import { seededRandom, swedishPost } from "./support/swedish-text.ts";
import type { Bench } from "./support/types.ts";
import { POSTS_IN_THREAD, threadWorld } from "./support/world.ts";

// A reply reaching everyone reading the thread: from POSTing the reply
// through the app's own action (as the reply form's fetcher does, signed in)
// until all 200 sockets in the thread's room have received its "thread:post".
// Baseline: a bare socket.io server of the same version broadcasting a
// payload of the same size to 200 sockets in a room, timed from emit to the
// last receipt. The listening sockets live in a worker thread for both.

const SOCKETS = 200;
const SOCKET_USERS = 10;
const WARM_UP = 5;
const SAMPLES = 60;
// The route's data request: what <fetcher.Form method="post"> sends with JavaScript on.
const ROUTE_ID = "routes/o.$slug.daily.$threadId._index";

const replyFanout: Bench = {
  name: "reply-fanout",
  description: `POST a reply until all ${SOCKETS} sockets in the thread's room have it, p50 ms vs a bare socket.io broadcast of the same size`,
  async run(context) {
    const world = await threadWorld(context);
    const [replierUser, ...others] = world.users.slice(1);
    const replier = await BenchClient.signedIn(context.url, replierUser.email, context.password);
    const readers = await Promise.all(others.slice(0, SOCKET_USERS).map((u) => BenchClient.signedIn(context.url, u.email, context.password)));

    const bareHttp = createServer();
    const bare = new Server(bareHttp, { serveClient: false, pingInterval: 10_000, pingTimeout: 5_000 });
    bare.on("connection", (socket) => {
      socket.on("join", (room: unknown, ack: unknown) => {
        void socket.join(String(room));
        if (typeof ack === "function") ack({ ok: true });
      });
    });
    await new Promise<void>((resolve) => bareHttp.listen(0, "127.0.0.1", resolve));
    const bareUrl = `http://127.0.0.1:${(bareHttp.address() as AddressInfo).port}`;

    const clients = new SocketClients();
    try {
      const appConnect = await clients.connect({
        group: "app",
        url: context.url,
        count: SOCKETS,
        cookies: readers.map((r) => r.cookieHeader),
        origin: context.url,
        join: { event: "thread:join", payload: { threadId: world.thread.id, organisationId: world.organisation.id, after: POSTS_IN_THREAD, since: null } },
        listen: "thread:post",
      });
      const bareConnect = await clients.connect({
        group: "bare",
        url: bareUrl,
        count: SOCKETS,
        cookies: [],
        join: { event: "join", payload: "room" },
        listen: "thread:post",
      });
      context.log(`  ${SOCKETS} sockets joined the thread in ${Math.round(appConnect)} ms (bare: ${Math.round(bareConnect)} ms)`);

      const random = seededRandom(4711);
      const action = `${world.threadPath}?_data=${encodeURIComponent(ROUTE_ID)}`;
      let nextNumber = POSTS_IN_THREAD + 1;
      let sample: unknown;
      let payloadBytes = 0;

      const appReply = async () => {
        const number = nextNumber++;
        const delivered = clients.delivered("app", number);
        const start = nowMs();
        const response = await replier.post(action, { intent: "reply", bodyText: swedishPost(random) });
        if (response.status !== 200) throw new Error(`Reply answered ${response.status}: ${response.body.toString("utf8").slice(0, 300)}`);
        const answeredAt = nowMs();
        const result = await delivered;
        sample ??= result.sample;
        payloadBytes = result.bytes;
        return { fanout: result.lastAt - start, response: answeredAt - start };
      };

      let bareKey = 1;
      const bareBroadcast = async () => {
        const key = bareKey++;
        const post = (sample as { post: Record<string, unknown> }).post;
        const payload = { ...(sample as object), post: { ...post, number: key } };
        const delivered = clients.delivered("bare", key);
        const start = nowMs();
        bare.to("room").emit("thread:post", payload);
        const result = await delivered;
        return { fanout: result.lastAt - start, bytes: result.bytes };
      };

      for (let i = 0; i < WARM_UP; i++) {
        await appReply();
        await bareBroadcast();
      }
      const appTimes: number[] = [];
      const responseTimes: number[] = [];
      const bareTimes: number[] = [];
      let bareBytes = 0;
      for (let i = 0; i < SAMPLES; i++) {
        const app = await appReply();
        appTimes.push(app.fanout);
        responseTimes.push(app.response);
        const base = await bareBroadcast();
        bareTimes.push(base.fanout);
        bareBytes = base.bytes;
      }

      const app = summarise(appTimes);
      const base = summarise(bareTimes);
      const response = summarise(responseTimes);
      return {
        name: "reply-fanout",
        value: app.p50,
        baseline: base.p50,
        ratio: ratioOf(app.p50, base.p50),
        unit: "ms",
        detail: `${SOCKETS} sockets, ${payloadBytes} B (bare ${bareBytes} B); p99 ${formatNumber(app.p99)} vs ${formatNumber(base.p99)}; POST answered p50 ${formatNumber(response.p50)}; n=${app.n}`,
      };
    } finally {
      await clients.close();
      await new Promise<void>((resolve) => bare.close(() => resolve()));
      replier.close();
      for (const reader of readers) reader.close();
    }
  },
};

export default replyFanout;
