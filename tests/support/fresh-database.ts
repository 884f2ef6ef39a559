import { randomUUID } from "node:crypto";
import { copyFileSync } from "node:fs";
import path from "node:path";
import { afterAll, inject } from "vitest";
import { copyDatabase, dropDatabase, testPostgresUrl, withDatabase } from "./postgres.ts";

// Runs before each test file: a private copy of the migrated template (a SQLite
// file, or a PostgreSQL database), so files never see each other's rows.
const template = inject("templateDatabase");
const postgresTemplate = inject("postgresTemplate");
const postgresUrl = testPostgresUrl();
const name = `larloop_${randomUUID().replaceAll("-", "")}`;
if (postgresUrl && postgresTemplate) {
  await copyDatabase(postgresUrl, postgresTemplate, name);
  process.env.DATABASE_URL = withDatabase(postgresUrl, name);
} else {
  const file = path.join(path.dirname(template), `${name}.db`);
  copyFileSync(template, file);
  process.env.DATABASE_URL = `file:${file}`;
}
process.env.DATA_DIR = path.dirname(template);
process.env.NODE_ENV = "test";
globalThis.__larloopDb = undefined;

afterAll(async () => {
  await globalThis.__larloopDb?.$disconnect();
  if (postgresUrl && postgresTemplate) await dropDatabase(postgresUrl, name);
});
