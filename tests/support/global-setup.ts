import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { dropDatabase, onServer, testPostgresUrl, withDatabase } from "./postgres.ts";

const require = createRequire(import.meta.url);
export const TMP_DIR = path.resolve("tests/.tmp");

/**
 * The multi-node tests need Redis (and a PostgreSQL run needs PostgreSQL).
 * Unless the caller names them (TEST_REDIS_URL, TEST_POSTGRES_URL, as .ci/run
 * does), they are started here, as `npm test` on a fresh clone would need,
 * and stopped after the run. Returns how to stop what was started.
 */
function ensureServices(): (() => void) | null {
  if (process.env.TEST_REDIS_URL && (process.env.TEST_DATABASE !== "postgresql" || process.env.TEST_POSTGRES_URL)) return null;
  const script = path.resolve("scripts/services.sh");
  let printed: string;
  try {
    printed = execFileSync(script, ["start"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    throw new Error(
      `Could not start PostgreSQL and Redis for the tests (${(error as Error).message.trim()}). Install Debian's postgresql-15 and redis-server (.ci/run does), or set TEST_REDIS_URL and TEST_POSTGRES_URL.`,
    );
  }
  // The workers start after this setup and inherit these.
  for (const line of printed.trim().split("\n")) {
    const [key, value] = line.split("=", 2);
    process.env[key] ??= value;
  }
  return () => execFileSync(script, ["stop"], { stdio: "ignore" });
}

/**
 * Once per run: start the services the tests need, build the app the tests
 * serve, and migrate one template database that every test file copies (a
 * fresh SQLite file per file, or a PostgreSQL database per file).
 */
export default async function setup(project: TestProject) {
  const stopServices = ensureServices();
  // A folder per run, so that two runs side by side never share database files.
  const runDir = path.join(TMP_DIR, `vitest-${process.pid}`);
  rmSync(runDir, { recursive: true, force: true });
  mkdirSync(runDir, { recursive: true });
  const template = path.join(runDir, "template.db");
  const postgresUrl = testPostgresUrl();
  const postgresTemplate = `larloop_template_${process.pid}`;
  if (postgresUrl) {
    await dropDatabase(postgresUrl, postgresTemplate);
    await onServer(postgresUrl, (client) => client.query(`CREATE DATABASE "${postgresTemplate}"`));
  }
  const env = {
    ...process.env,
    DATABASE_URL: postgresUrl ? withDatabase(postgresUrl, postgresTemplate) : `file:${template}`,
    PRISMA_SCHEMA_ENGINE_BINARY: "/dev/null",
    PRISMA_QUERY_ENGINE_LIBRARY: "/dev/null",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  };
  execFileSync(process.execPath, [require.resolve("prisma/build/index.js"), "migrate", "deploy"], { env, stdio: "pipe" });
  // Vitest runs with NODE_ENV=test; the build must be the production one that `npm start` serves.
  execFileSync(process.execPath, [require.resolve("@remix-run/dev/dist/cli.js"), "build"], {
    env: { ...process.env, NODE_ENV: "production" },
    stdio: "pipe",
  });
  project.provide("templateDatabase", template);
  project.provide("postgresTemplate", postgresUrl ? postgresTemplate : "");
  return async () => {
    rmSync(runDir, { recursive: true, force: true });
    if (postgresUrl) await dropDatabase(postgresUrl, postgresTemplate);
    stopServices?.();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
    /** The migrated PostgreSQL template database, or "" on SQLite. */
    postgresTemplate: string;
  }
}
