import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { isPostgresUrl } from "../app/database-url.ts";
import type { Db } from "../app/db.server.ts";

const require = createRequire(import.meta.url);

/** Apply pending migrations with Prisma's own CLI (WASM schema engine, no download). */
export async function migrateDatabase(): Promise<void> {
  const cli = require.resolve("prisma/build/index.js");
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [cli, "migrate", "deploy"], {
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        PRISMA_HIDE_UPDATE_MESSAGE: "1",
        // Stops the CLI from trying to download native engines it does not need.
        PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? "/dev/null",
        PRISMA_QUERY_ENGINE_LIBRARY: process.env.PRISMA_QUERY_ENGINE_LIBRARY ?? "/dev/null",
      },
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`prisma migrate deploy failed:\n${output}`))));
  });
}

/** WAL lets readers work during writes and keeps acknowledged writes across a crash. PostgreSQL needs nothing here. */
export async function tuneSqlite(db: Db): Promise<void> {
  if (isPostgresUrl()) return;
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await db.$queryRawUnsafe("PRAGMA busy_timeout = 5000");
  await db.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
  await refreshPlannerStatistics(db);
}

/**
 * Table statistics for the query planner, gathered where they are missing or stale: without them
 * SQLite can walk tens of thousands of lessons where a few id lookups would do (docs/benchmarks.md).
 * Run at start and then hourly, as SQLite advises for long-lived connections, since tables grow
 * while the server runs (an import, a busy term).
 */
export async function refreshPlannerStatistics(db: Db): Promise<void> {
  if (isPostgresUrl()) return;
  await db.$queryRawUnsafe("PRAGMA optimize = 0x10002");
}

export function refreshPlannerStatisticsHourly(db: Db): () => void {
  const timer = setInterval(() => void refreshPlannerStatistics(db).catch((error) => console.error("PRAGMA optimize failed", error)), 3_600_000);
  timer.unref();
  return () => clearInterval(timer);
}
