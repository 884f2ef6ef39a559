import { writeFileSync } from "node:fs";
import path from "node:path";
import autocannon, { type Result } from "autocannon";
import { BenchClient } from "./support/http.ts";
import { formatNumber, ratioOf, ratioOfRate } from "./support/stats.ts";
import type { Bench, BenchContext, Row } from "./support/types.ts";
import { lessonWorld } from "./support/lesson-world.ts";
import { memoryOf, startProcess, stopProcess, withPeakMemory, type Server } from "./support/processes.ts";
import { threadWorld } from "./support/world.ts";

// The signed-in start page (/o/<slug>) under load: autocannon with 50
// connections for 10 s against the app started as its own process, as
// `npm run start:prod` runs it (node --import tsx, production build; see
// support/app-process.ts), so that its memory is its own, on this run's
// database with the thread world and the 100 000 lessons of
// support/lesson-world.ts (the start page counts published lessons per
// thread); then the same against a bare node:http server, also its own
// process, answering the bytes captured from the app. Both warm up first.
// The rows: requests a second against the bare server's, and the issue's
// absolute targets for p99 latency (100 ms) and the server's peak resident
// memory (300 MB). Then the same load on the app's sign-in page (signed out,
// no data): the floor that Remix's document rendering sets on this machine.

const CONNECTIONS = 50;
const WARM_UP_S = 3;
const DURATION_S = 10;
const P99_TARGET_MS = 100;
const RSS_TARGET_MB = 300;
const HOP_HEADERS = new Set(["connection", "keep-alive", "transfer-encoding", "date", "content-length", "set-cookie"]);

/** The bare server: nothing but one captured answer, from a file. */
const BARE_SERVER = `
const http = require("node:http");
const page = JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8"));
const body = Buffer.from(page.body, "base64");
const server = http.createServer((req, res) => {
  res.writeHead(page.status, { ...page.headers, "content-length": body.length });
  res.end(body);
});
server.keepAliveTimeout = 60000;
server.listen(0, "127.0.0.1", () => console.log("listening on " + server.address().port));
`;

function load(url: string, headers: Record<string, string>, seconds: number): Promise<Result> {
  // A generous timeout: a slow answer belongs in the latencies, not among the errors.
  return autocannon({ url, connections: CONNECTIONS, duration: seconds, timeout: 60, headers });
}

/** Any answer but 200 means the run measured something else than the page; requests cut off at 10 s are counted instead. */
function checked(result: Result, what: string): Result {
  if (result.non2xx || !result["2xx"]) throw new Error(`${what}: ${result["2xx"]} ok, ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result;
}

const failures = (result: Result) => (result.errors ? `; ${result.errors} errors (${result.timeouts} timed out after 60 s)` : "");

const loadStartPage: Bench = {
  name: "load-start-page",
  description: `the signed-in start page under autocannon, ${CONNECTIONS} connections for ${DURATION_S} s: req/s vs a bare node:http server, p99 and the server's peak RSS against their targets`,
  async run(context: BenchContext) {
    const world = await threadWorld(context);
    await lessonWorld(context);
    const startPage = `/o/${world.organisation.slug}`;
    let app: Server | undefined;
    let bare: Server | undefined;
    const client: { current?: BenchClient } = {};
    try {
      // The same environment as this run's in-process app: database, data dir (session secret), production build.
      // BENCH_CPU_PROF=<dir> writes a CPU profile of the app process there, for finding where its time goes.
      const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : [];
      app = await startProcess([...profile, "--import", "tsx", "bench/support/app-process.ts"], process.env, /listening on (\d+)/, "The app process");
      const appPid = app.process.pid!;
      const started = memoryOf(appPid);
      client.current = await BenchClient.signedIn(app.url, world.users[2].email, context.password);
      const page = await client.current.get(startPage);
      if (page.status !== 200 || !page.body.toString("utf8").includes("Region Bänkgården")) throw new Error(`GET ${startPage} answered ${page.status}`);
      const headers = { cookie: client.current.cookieHeader, accept: "text/html" };

      const captured = path.join(context.tmpDir, "start-page.json");
      const pageHeaders = Object.fromEntries(Object.entries(page.headers).filter(([name]) => !HOP_HEADERS.has(name)));
      writeFileSync(captured, JSON.stringify({ status: page.status, headers: pageHeaders, body: page.body.toString("base64") }));
      bare = await startProcess(["-e", BARE_SERVER, captured], process.env, /listening on (\d+)/, "The bare server");
      const barePid = bare.process.pid!;

      context.log(`  app process ${appPid} at ${app.url} (${formatNumber(started.rss)} MB after start), bare process ${barePid}; warming up ${WARM_UP_S} s each`);
      checked(await load(app.url + startPage, headers, WARM_UP_S), "app warm-up");
      checked(await load(bare.url + startPage, headers, WARM_UP_S), "bare warm-up");

      const appRun = await withPeakMemory(appPid, async () => checked(await load(app!.url + startPage, headers, DURATION_S), "app"));
      const bareRun = await withPeakMemory(barePid, async () => checked(await load(bare!.url + startPage, headers, DURATION_S), "bare"));
      const a = appRun.result;
      const b = bareRun.result;
      context.log(`  app ${formatNumber(a.requests.average)} req/s, p99 ${a.latency.p99} ms; bare ${formatNumber(b.requests.average)} req/s, p99 ${b.latency.p99} ms`);
      const signInPage = `${app.url}/login`;
      checked(await load(signInPage, { accept: "text/html" }, WARM_UP_S), "sign-in page warm-up");
      const floor = checked(await load(signInPage, { accept: "text/html" }, DURATION_S), "sign-in page");
      context.log(`  sign-in page ${formatNumber(floor.requests.average)} req/s, p99 ${floor.latency.p99} ms`);

      const kib = Math.round(page.body.length / 1024);
      const met = (ok: boolean) => (ok ? "met" : "not met");
      const rows: Row[] = [
        {
          name: "load-start-page",
          value: a.requests.average,
          baseline: b.requests.average,
          ratio: ratioOfRate(a.requests.average, b.requests.average),
          unit: "req/s",
          detail: `${CONNECTIONS} connections, ${DURATION_S} s, ${kib} KiB a page; p50 ${formatNumber(a.latency.p50)} ms vs ${formatNumber(b.latency.p50)}; ${a["2xx"]} requests${failures(a)}`,
        },
        {
          name: "load-start-page-p99",
          value: a.latency.p99,
          baseline: P99_TARGET_MS,
          ratio: ratioOf(a.latency.p99, P99_TARGET_MS),
          unit: "ms",
          detail: `baseline is the target (< ${P99_TARGET_MS} ms): ${met(a.latency.p99 < P99_TARGET_MS)}; bare server p99 ${formatNumber(b.latency.p99)} ms`,
        },
        {
          name: "load-start-page-rss",
          value: appRun.peak,
          baseline: RSS_TARGET_MB,
          ratio: ratioOf(appRun.peak, RSS_TARGET_MB),
          unit: "MB",
          detail: `baseline is the target (< ${RSS_TARGET_MB} MB): ${met(appRun.peak < RSS_TARGET_MB)}; peak over the process's life, ${formatNumber(started.rss)} MB after start; bare server ${formatNumber(bareRun.peak)} MB`,
        },
        {
          name: "load-sign-in-page",
          value: floor.requests.average,
          baseline: b.requests.average,
          ratio: ratioOfRate(floor.requests.average, b.requests.average),
          unit: "req/s",
          detail: `the smallest page, signed out, same load: p50 ${formatNumber(floor.latency.p50)} ms, p99 ${formatNumber(floor.latency.p99)} ms; ${floor["2xx"]} requests${failures(floor)}`,
        },
      ];
      return rows;
    } finally {
      client.current?.close();
      await stopProcess(bare);
      await stopProcess(app);
    }
  },
};

export default loadStartPage;
