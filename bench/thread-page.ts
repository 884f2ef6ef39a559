import http from "node:http";
import type { AddressInfo } from "node:net";
import { BenchClient, keepAliveAgent, request } from "./support/http.ts";
import { formatNumber, ratioOf, summarise } from "./support/stats.ts";
import type { Bench, BenchContext, Row } from "./support/types.ts";
import { POSTS_IN_THREAD, threadWorld } from "./support/world.ts";

// Server time to render a page of a 1 000-post thread (50 posts a page), for
// a signed-in member, against a bare node:http server answering the same
// bytes (status, headers and body captured from the app once). Requests are
// sequential over one keep-alive connection each, app and bare interleaved so
// that both see the same machine at the same moment. The sign-in page, the
// smallest page of the app, is measured the same way (signed out): it shows
// what Remix's document rendering costs on its own, with no data to load.

const WARM_UP = 30;
const SAMPLES = 200;
// Response headers that belong to one connection or one moment, not to the page.
const HOP_HEADERS = new Set(["connection", "keep-alive", "transfer-encoding", "date", "content-length", "set-cookie"]);

type Captured = { status: number; headers: http.OutgoingHttpHeaders; body: Buffer };

/** A server that knows nothing but the captured answers: the floor for sending these bytes over HTTP. */
async function bareServer(pages: Map<string, Captured>) {
  const server = http.createServer((req, res) => {
    const page = pages.get(req.url ?? "");
    if (!page) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(page.status, { ...page.headers, "content-length": page.body.length });
    res.end(page.body);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function measurePage(
  context: BenchContext,
  reader: BenchClient,
  bare: { url: string; agent: http.Agent },
  path: string,
  expect: string[],
): Promise<{ app: number[]; base: number[]; bytes: number }> {
  const appTimes: number[] = [];
  const baseTimes: number[] = [];
  let bytes = 0;
  for (let i = 0; i < WARM_UP + SAMPLES; i++) {
    const app = await reader.get(path);
    if (app.status !== 200) throw new Error(`GET ${path} answered ${app.status}`);
    const base = await request(bare.agent, bare.url + path);
    if (base.status !== 200) throw new Error(`bare GET ${path} answered ${base.status}`);
    if (i === 0) {
      const html = app.body.toString("utf8");
      for (const part of expect) if (!html.includes(part)) throw new Error(`${path} does not show ${part}`);
      bytes = app.body.length;
    }
    if (i >= WARM_UP) {
      appTimes.push(app.ms);
      baseTimes.push(base.ms);
    }
  }
  context.log(`  ${path}: ${SAMPLES} requests each, ${bytes} bytes of HTML`);
  return { app: appTimes, base: baseTimes, bytes };
}

const threadPage: Bench = {
  name: "thread-page",
  description: "GET a page of a 1 000-post thread (first and last page) and the sign-in page, p50 ms vs a bare node:http server sending the same bytes",
  async run(context) {
    const world = await threadWorld(context);
    const reader = await BenchClient.signedIn(context.url, world.users[2].email, context.password);
    const visitor = new BenchClient(context.url);
    const lastPage = Math.ceil(POSTS_IN_THREAD / 50);
    const posts = (...numbers: number[]) => numbers.map((n) => `id="post-${n}"`);
    const pages = [
      { name: "thread-page", client: reader, path: world.threadPath, expect: posts(1, 50), label: `page 1 of ${lastPage}` },
      { name: "thread-page-last", client: reader, path: `${world.threadPath}?page=${lastPage}`, expect: posts(POSTS_IN_THREAD - 49, POSTS_IN_THREAD), label: `page ${lastPage} of ${lastPage}` },
      { name: "sign-in-page", client: visitor, path: "/login", expect: ['name="password"'], label: "signed out, no data" },
    ];

    const captured = new Map<string, Captured>();
    for (const page of pages) {
      const response = await page.client.get(page.path);
      if (response.status !== 200) throw new Error(`GET ${page.path} answered ${response.status}`);
      const headers = Object.fromEntries(Object.entries(response.headers).filter(([name]) => !HOP_HEADERS.has(name)));
      captured.set(page.path, { status: response.status, headers, body: response.body });
    }
    const bare = await bareServer(captured);
    const bareAgent = keepAliveAgent();

    const rows: Row[] = [];
    try {
      for (const page of pages) {
        const sample = await measurePage(context, page.client, { url: bare.url, agent: bareAgent }, page.path, page.expect);
        const app = summarise(sample.app);
        const base = summarise(sample.base);
        rows.push({
          name: page.name,
          value: app.p50,
          baseline: base.p50,
          ratio: ratioOf(app.p50, base.p50),
          unit: "ms",
          detail: `${page.label}, ${Math.round(sample.bytes / 1024)} KiB; p99 ${formatNumber(app.p99)} vs ${formatNumber(base.p99)}; n=${app.n}`,
        });
      }
    } finally {
      reader.close();
      visitor.close();
      bareAgent.destroy();
      await new Promise<void>((resolve) => bare.server.close(() => resolve()));
    }
    return rows;
  },
};

export default threadPage;
