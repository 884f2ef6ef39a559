import { watch } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { broadcastDevReady, type ServerBuild } from "@remix-run/node";
import closeWithGrace from "close-with-grace";
import { databaseOutage, retryWhileDatabaseIsOut } from "../app/health/database-errors.server.ts";
import { createAppServer } from "./app.ts";
import { migrateDatabase, refreshPlannerStatisticsHourly, tuneSqlite } from "./database.ts";
import { shareAcrossNodes } from "./redis.ts";

const mode = process.env.NODE_ENV === "development" ? "development" : "production";
if (process.env.NODE_ENV === "production" && !process.env.APP_URL) {
  console.warn("APP_URL is not set: links in mails will use the Host header of each request. Set APP_URL=https://your.address.");
}
if (process.env.REDIS_URL && !process.env.SESSION_SECRET) {
  console.warn("REDIS_URL is set, so several nodes may serve this instance: give them all the same SESSION_SECRET (or one shared DATA_DIR).");
}
const port = Number(process.env.PORT || 3000);
const buildPath = path.resolve("build/index.js");

const importBuild = async (): Promise<ServerBuild> =>
  import(`${pathToFileURL(buildPath).href}?t=${Date.now()}`);

let build = await importBuild();
if (mode === "development") {
  // `remix dev --manual` rebuilds in place; re-import without dropping sockets.
  let timer: NodeJS.Timeout | undefined;
  watch(path.dirname(buildPath), () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      build = await importBuild();
      await broadcastDevReady(build);
    }, 100);
  });
}

// The server listens at once and prepares the database behind it: a database
// that is down at start (or goes away later) gives 503s, never a crash loop.
let databaseReady = false;
const { httpServer, io, shutDown } = createAppServer({
  build: mode === "development" ? async () => build : build,
  mode,
  databaseReady: () => databaseReady,
});
// Before listening: no socket may connect to the in-process adapter.
const closeRedis = await shareAcrossNodes(io);

let address = "";
httpServer.listen(port, () => {
  const { port: actualPort } = httpServer.address() as AddressInfo;
  address = `http://localhost:${actualPort}`;
  console.info(databaseReady ? `Lärloop is running at ${address}` : `Lärloop listens at ${address}, waiting for the database`);
  if (mode === "development") void broadcastDevReady(build);
});

// Work nothing awaits (a socket event, a timer) can fail because the database
// is out: that is logged and the server carries on. Any other unhandled
// rejection is a bug and ends the process as before, through close-with-grace.
process.on("unhandledRejection", (reason) => {
  const outage = databaseOutage(reason);
  if (!outage) throw reason;
  console.error(`Database out (${outage}) in work nothing awaited: ${reason instanceof Error ? reason.message.trim().split("\n").pop() : String(reason)}`);
});

// SIGTERM (a deploy, the orchestrator) or SIGINT: refuse new connections,
// finish the requests in flight (for up to DRAIN_MS), send the sockets to
// reconnect elsewhere, then close Redis and the database and exit 0.
// close-with-grace exits 1 if all that takes longer than its delay.
const DRAIN_MS = 10_000;
let stopRefreshingStatistics: (() => void) | undefined;
closeWithGrace({ delay: DRAIN_MS + 10_000, skip: ["unhandledRejection"] }, async ({ signal, err }) => {
  if (err) console.error(err);
  else console.info(`${signal}: shutting down`);
  stopRefreshingStatistics?.();
  await shutDown(DRAIN_MS);
  await closeRedis?.();
  await globalThis.__larloopDb?.$disconnect();
  console.info("Stopped");
});

// With several nodes, migrations can run once as a release step, and the
// nodes start with MIGRATE_ON_START=false (decision 0012).
if (process.env.MIGRATE_ON_START !== "false") await retryWhileDatabaseIsOut("Migrating", migrateDatabase);
// Imported after migrating: the client must not open the file before the schema exists.
const { db } = await import("../app/db.server.ts");
const { sessionSecret } = await import("../app/config.server.ts");
await retryWhileDatabaseIsOut("Preparing the database", async () => {
  await tuneSqlite(db);
  sessionSecret();
  if (process.env.NODE_ENV !== "production") {
    const { seedDemoIfEmpty, demoSignInHelp } = await import("../prisma/demo-seed.ts");
    await seedDemoIfEmpty(db);
    console.info(demoSignInHelp());
  }
  const { rebuildSearchIndex, searchIndexIsEmpty } = await import("../app/search/search-index.server.ts");
  if ((await searchIndexIsEmpty()) && ((await db.lesson.count()) > 0 || (await db.project.count()) > 0)) await rebuildSearchIndex();
});
stopRefreshingStatistics = refreshPlannerStatisticsHourly(db);
databaseReady = true;
// Printed once pages can be served: operators and the tests wait for this line.
if (address) console.info(`Lärloop is running at ${address}`);
