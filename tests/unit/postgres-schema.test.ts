import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

describe("the PostgreSQL schema", () => {
  it("is the SQLite schema's data model, regenerated after every change", () => {
    // Exits non-zero when prisma/postgresql/schema.prisma differs from what prisma/schema.prisma gives.
    execFileSync(process.execPath, ["--import", "tsx", "scripts/postgres-schema.ts", "--check"], { stdio: "pipe" });
    const postgres = readFileSync("prisma/postgresql/schema.prisma", "utf8");
    const models = (schema: string) => schema.match(/^model \w+/gm);
    expect(models(postgres)).toEqual(models(readFileSync("prisma/schema.prisma", "utf8")));
    expect(postgres).toContain('provider = "postgresql"');
  });
});
