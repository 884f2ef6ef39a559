import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { BenchContext } from "./types.ts";

// Only node: modules are imported statically here. The app's database client
// is created on first import from DATABASE_URL, and React picks its build from
// NODE_ENV: both are set before any app module is loaded.

const require = createRequire(import.meta.url);
const ROOT = path.resolve(import.meta.dirname, "../..");
const BUILD = path.join(ROOT, "build/index.js");
export const BENCH_PASSWORD = "bänk-lösenord-2026";

function newestSourceChange(): number {
  let newest = statSync(path.join(ROOT, "remix.config.js")).mtimeMs;
  for (const entry of readdirSync(path.join(ROOT, "app"), { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
  }
  return newest;
}

/** The production build the app serves: built when missing, older than app/, or when asked. */
function ensureBuild(force: boolean, log: (message: string) => void) {
  const exists = existsSync(BUILD);
  const stale = exists && statSync(BUILD).mtimeMs < newestSourceChange();
  if (exists && !stale && !force) return;
  log(exists ? (force ? "Rebuilding the app (--rebuild)…" : "build/ is older than app/: rebuilding…") : "No build/index.js: building the app…");
  try {
    execFileSync(process.execPath, [require.resolve("@remix-run/dev/dist/cli.js"), "build"], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: "production" },
      stdio: "pipe",
    });
  } catch (error) {
    if (!exists) throw error;
    // Others may be half-way through an edit: measure the last good build rather than nothing.
    log(`Build failed, measuring the existing build/index.js instead:\n${String((error as { stderr?: Buffer }).stderr ?? error).slice(0, 2000)}`);
  }
}

export type Environment = BenchContext & { close: () => Promise<void> };

/**
 * A fresh, migrated SQLite database in a temporary folder and the app's own
 * server (express + Remix production build + socket.io) on a free port, in
 * this process — set up the way server/index.ts starts in production.
 */
export async function startEnvironment(options: { rebuild: boolean; log: (message: string) => void }): Promise<Environment> {
  const { log } = options;
  const tmpDir = mkdtempSync(path.join(os.tmpdir(), "larloop-bench-"));
  process.env.NODE_ENV = "production";
  const databaseFile = path.join(tmpDir, "bench.db");
  process.env.DATABASE_URL = `file:${databaseFile}`;
  process.env.DATA_DIR = tmpDir;
  globalThis.__larloopDb = undefined;

  try {
    ensureBuild(options.rebuild, log);
    log("Migrating a fresh database…");
    const { migrateDatabase, tuneSqlite } = await import("../../server/database.ts");
    await migrateDatabase();
    const { db } = await import("../../app/db.server.ts");
    const { sessionSecret } = await import("../../app/config.server.ts");
    await tuneSqlite(db);
    sessionSecret();

    const { createAppServer } = await import("../../server/app.ts");
    const build = await import(pathToFileURL(BUILD).href);
    const app = createAppServer({ build, mode: "production", publicDir: path.join(ROOT, "public") });
    await new Promise<void>((resolve) => app.httpServer.listen(0, "127.0.0.1", resolve));
    const { port } = app.httpServer.address() as AddressInfo;

    return {
      url: `http://127.0.0.1:${port}`,
      db,
      app,
      databaseFile,
      tmpDir,
      password: BENCH_PASSWORD,
      log,
      close: async () => {
        // Closing socket.io closes its HTTP server too; keep-alive sockets still open are cut.
        const closed = new Promise<void>((resolve) => app.io.close(() => resolve()));
        app.httpServer.closeAllConnections();
        await closed;
        await db.$disconnect();
        rmSync(tmpDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(tmpDir, { recursive: true, force: true });
    throw error;
  }
}
