import { randomUUID } from "node:crypto";
import { copyFileSync } from "node:fs";
import path from "node:path";
import { afterAll, inject } from "vitest";

// Runs before each test file: a private copy of the migrated template, so
// files never see each other's rows.
const template = inject("templateDatabase");
const file = path.join(path.dirname(template), `${randomUUID()}.db`);
copyFileSync(template, file);
process.env.DATABASE_URL = `file:${file}`;
process.env.DATA_DIR = path.dirname(template);
process.env.NODE_ENV = "test";
globalThis.__larloopDb = undefined;

afterAll(async () => {
  await globalThis.__larloopDb?.$disconnect();
});
