import { existsSync, readFileSync } from "node:fs";
import autocannon, { type Result } from "autocannon";
import { BenchClient } from "./support/http.ts";
import { lessonWorld } from "./support/lesson-world.ts";
import type { MemoryReport } from "./support/memory-probe.ts";
import { memoryOf, startProcess, stopProcess, type Server } from "./support/processes.ts";
import { formatNumber, ratioOf, ratioOfRate } from "./support/stats.ts";
import type { Bench, BenchContext, Row } from "./support/types.ts";
import { threadWorld } from "./support/world.ts";

// The load target: autocannon at 100 connections for 60 s against the
// signed-in start page and then the thread page, with no failed request and
// no memory growth from one such run to the next. The app runs as
// `npm run start:prod` runs it: server/index.ts, production build, its own
// process, on this run's database with the thread world and the 100 000
// lessons (created here if this row runs alone). After a warm-up, two runs of
// both pages; after each run the server is left to finish what it still has,
// collects its garbage, and reports its memory (support/memory-probe.ts).
// Run 1 is the baseline of run 2: the rows are run 2 against run 1.
// BENCH_SOAK_SECONDS shortens each load (default 60) for a quick check.

const CONNECTIONS = 100;
const SECONDS = Number(process.env.BENCH_SOAK_SECONDS || 60);
const WARM_UP_S = Math.min(5, SECONDS);
// autocannon cuts a request off after 10 s by default, but with 100 connections kept busy the
// mean wait is 100 / (requests a second) whatever the app does (Little's law): at the start
// page's ~30 req/s on this machine that is over 3 s, with a long tail. A cut-off request is
// then sent again while the server still renders the first, so the 10 s limit measures the
// machine's throughput and snowballs, rather than finding failures. The limit is therefore
// long, and the answers slower than autocannon's 10 s are counted and shown instead.
const TIMEOUT_S = 120;
const SLOW_MS = 10_000;
// Heap after collection may differ by a few MB between runs (caches, JIT code): more is growth.
const HEAP_GROWTH_LIMIT = 1.05;

type Page = { name: string; path: string; expect: string };
type Load = { page: Page; result: Result; failures: Map<string, number>; slow: number; unanswered: number };
type Run = { loads: Load[]; memory: MemoryReport };

/** One autocannon run, with its failures by kind: timeouts, socket errors, and every status other than 2xx. */
async function load(url: string, headers: Record<string, string>, seconds: number): Promise<Omit<Load, "page">> {
  const failures = new Map<string, number>();
  const count = (kind: string, n = 1) => failures.set(kind, (failures.get(kind) ?? 0) + n);
  let slow = 0;
  const instance = autocannon({ url, connections: CONNECTIONS, duration: seconds, timeout: TIMEOUT_S, headers });
  instance.on("reqError", (error) => count(error.code ?? error.message));
  instance.on("response", (_client, _status, _bytes, ms) => (slow += ms > SLOW_MS ? 1 : 0));
  const result = await instance;
  for (const [status, { count: n }] of Object.entries(result.statusCodeStats)) if (!status.startsWith("2")) count(`HTTP ${status}`, n);
  // Requests still waiting when the time is up are dropped by autocannon, neither answered nor failed:
  // with every connection busy, up to one a connection, and the slowest, so they are reported.
  const unanswered = result.requests.sent - result["2xx"] - result.non2xx - result.errors;
  return { result, failures, slow, unanswered };
}

/** CPU seconds the process has used (user + system), from Linux's /proc. */
function cpuSeconds(pid: number): number | undefined {
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) return undefined;
  // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are the 12th and 13th.
  const text = readFileSync(stat, "utf8");
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * Wait until the server has finished the requests autocannon left behind when
 * it stopped (each still renders, for nobody): under 5 % of a core over half
 * a second. Without /proc, a fixed pause.
 */
async function untilIdle(pid: number): Promise<void> {
  const deadline = Date.now() + 120_000;
  let before = cpuSeconds(pid);
  if (before === undefined) return new Promise((resolve) => setTimeout(resolve, 10_000));
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = cpuSeconds(pid) ?? 0;
    if (now - before < 0.025) return;
    before = now;
  }
  throw new Error("The app process was still busy 120 s after the load stopped");
}

/** Ask the server (through support/memory-probe.ts) to collect garbage and report its memory, in MB. */
function memoryAfterGc(server: Server): Promise<MemoryReport> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("The app process did not report its memory")), 30_000);
    server.process.once("message", (report) => {
      clearTimeout(timer);
      const bytes = report as MemoryReport;
      resolve({
        rss: bytes.rss / 1e6,
        heapUsed: bytes.heapUsed / 1e6,
        heapTotal: bytes.heapTotal / 1e6,
        external: bytes.external / 1e6,
        arrayBuffers: bytes.arrayBuffers / 1e6,
      });
    });
    server.process.send("memory");
  });
}

const failureCount = (load: Load) => [...load.failures.values()].reduce((sum, n) => sum + n, 0);
const describeFailures = (failures: Map<string, number>) => (failures.size ? [...failures].map(([kind, n]) => `${n} ${kind}`).join(", ") : "none");
const describeMemory = (m: MemoryReport) => `heap ${formatNumber(m.heapUsed)} MB, RSS ${formatNumber(m.rss)} MB`;

const soak: Bench = {
  name: "soak",
  description: `the signed-in start page and thread page under autocannon, ${CONNECTIONS} connections for ${SECONDS} s each, twice: failed requests (target 0), and the server's memory after garbage collection, run 2 against run 1`,
  async run(context: BenchContext) {
    const world = await threadWorld(context);
    await lessonWorld(context);
    const pages: Page[] = [
      { name: "start-page", path: `/o/${world.organisation.slug}`, expect: "Region Bänkgården" },
      { name: "thread-page", path: world.threadPath, expect: 'id="post-50"' },
    ];
    let app: Server | undefined;
    let client: BenchClient | undefined;
    try {
      // server/index.ts as production runs it, plus the bench's memory probe; the bench has migrated the database
      // already, and sockets stay in this process (no Redis).
      const env = { ...process.env, MIGRATE_ON_START: "false", PORT: "0", REDIS_URL: "" };
      app = await startProcess(
        ["--expose-gc", "--import", "tsx", "--import", "./bench/support/memory-probe.ts", "server/index.ts"],
        env,
        /running at http:\/\/localhost:(\d+)/,
        "The app process",
        ["ignore", "pipe", "pipe", "ipc"],
      );
      const server = app;
      const pid = server.process.pid!;
      // What the server writes to stderr while loaded: errors it logs itself (a failed loader, a crash of a route).
      let serverErrors = "";
      server.process.stderr?.on("data", (chunk: Buffer) => (serverErrors = (serverErrors + chunk.toString("utf8")).slice(-20_000)));

      client = await BenchClient.signedIn(server.url, world.users[2].email, context.password);
      for (const page of pages) {
        const response = await client.get(page.path);
        if (response.status !== 200 || !response.body.toString("utf8").includes(page.expect)) throw new Error(`GET ${page.path} answered ${response.status}`);
      }
      const headers = { cookie: client.cookieHeader, accept: "text/html" };

      const started = await memoryAfterGc(server);
      context.log(`  app process ${pid} at ${server.url}: ${describeMemory(started)} after start; warming up ${WARM_UP_S} s a page`);
      for (const page of pages) {
        const warm = await load(server.url + page.path, headers, WARM_UP_S);
        context.log(`    warm-up ${page.name}: ${warm.result["2xx"]} ok, failures: ${describeFailures(warm.failures)}`);
        await untilIdle(pid);
      }
      const warmedUp = await memoryAfterGc(server);
      context.log(`  after warm-up: ${describeMemory(warmedUp)}`);

      const runs: Run[] = [];
      for (const number of [1, 2]) {
        const loads: Load[] = [];
        for (const page of pages) {
          const measured = await load(server.url + page.path, headers, SECONDS);
          const { result, failures, slow, unanswered } = measured;
          loads.push({ page, ...measured });
          context.log(
            `    run ${number} ${page.name}: ${result["2xx"]} ok, ${formatNumber(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms, ${slow} over ${SLOW_MS / 1000} s, ${unanswered} unanswered at the end; failures: ${describeFailures(failures)}`,
          );
          await untilIdle(pid);
        }
        const memory = await memoryAfterGc(server);
        context.log(`  after run ${number}: ${describeMemory(memory)}; peak RSS so far ${formatNumber(memoryOf(pid).peak)} MB`);
        runs.push({ loads, memory });
      }
      const peak = memoryOf(pid).peak;
      if (serverErrors.trim()) context.log(`  the app process wrote to stderr:\n${serverErrors.slice(-4000)}`);

      const [first, second] = runs;
      const rows: Row[] = pages.map((page, index) => {
        const [a, b] = [first.loads[index].result, second.loads[index].result];
        const perRun = ({ result: r, unanswered }: Load, n: number) =>
          `run ${n}: ${r["2xx"]} ok, p50 ${formatNumber(r.latency.p50)} ms, p99 ${formatNumber(r.latency.p99)} ms, max ${formatNumber(r.latency.max)} ms, ${unanswered} unanswered when the time was up`;
        return {
          name: `soak-${page.name}`,
          value: b.requests.average,
          baseline: a.requests.average,
          ratio: ratioOfRate(b.requests.average, a.requests.average),
          unit: "req/s",
          detail: `${CONNECTIONS} connections, ${SECONDS} s, run 2 against run 1; ${perRun(first.loads[index], 1)}; ${perRun(second.loads[index], 2)}`,
        };
      });

      const loads = runs.flatMap((run) => run.loads);
      const failed = loads.reduce((sum, l) => sum + failureCount(l), 0);
      const answered = loads.reduce((sum, l) => sum + l.result["2xx"], 0) + failed;
      const slow = loads.reduce((sum, l) => sum + l.slow, 0);
      const failuresByLoad = runs.flatMap((run, r) => run.loads.map((l) => `run ${r + 1} ${l.page.name} ${describeFailures(l.failures)}`));
      rows.push({
        name: "soak-errors",
        value: failed,
        baseline: answered,
        ratio: ratioOf(failed, answered),
        unit: "requests",
        detail: `failed of all requests (target 0: ${failed ? "not met" : "met"}): non-2xx, socket errors and timeouts after ${TIMEOUT_S} s; ${failuresByLoad.join("; ")}; answered but after more than ${SLOW_MS / 1000} s: ${slow}`,
      });

      const heapRatio = ratioOf(second.memory.heapUsed, first.memory.heapUsed);
      rows.push(
        {
          name: "soak-heap",
          value: second.memory.heapUsed,
          baseline: first.memory.heapUsed,
          ratio: heapRatio,
          unit: "MB",
          detail: `V8 heap used after GC, after run 2 against after run 1 (no growth: up to ${HEAP_GROWTH_LIMIT}×, ${heapRatio <= HEAP_GROWTH_LIMIT ? "met" : "not met"}); after start ${formatNumber(started.heapUsed)}, after warm-up ${formatNumber(warmedUp.heapUsed)}`,
        },
        {
          name: "soak-rss",
          value: second.memory.rss,
          baseline: first.memory.rss,
          ratio: ratioOf(second.memory.rss, first.memory.rss),
          unit: "MB",
          detail: `resident memory after GC, after run 2 against after run 1; after start ${formatNumber(started.rss)}, after warm-up ${formatNumber(warmedUp.rss)}; peak ${formatNumber(peak)}; external ${formatNumber(first.memory.external)} → ${formatNumber(second.memory.external)}`,
        },
      );
      return rows;
    } finally {
      client?.close();
      await stopProcess(app);
    }
  },
};

export default soak;
