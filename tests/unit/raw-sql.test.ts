import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// SQL goes through Prisma's query API or its tagged templates ($queryRaw`…`,
// Prisma.sql`…`), which send values as parameters. This test is the tripwire for
// the two ways around that: an *Unsafe call with anything but a constant string,
// and Prisma.raw, which splices text into a statement.

// What runs in production; the benchmark harness is left out.
const ROOTS = ["app", "server", "scripts", "prisma"];
// Files whose Prisma.raw has been reviewed: what they splice is built from constants in the file.
const REVIEWED_RAW = new Map([["app/projects/import/import-projects.server.ts", "column names from PROJECT_COLUMNS and casts keyed by them"]]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" || entry.name === "node_modules" ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

const files = ROOTS.flatMap((root) => sourceFiles(root)).map((file) => ({ file, text: readFileSync(file, "utf8") }));

describe("raw SQL", () => {
  it("finds the source files it checks", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.some(({ text }) => text.includes("$queryRawUnsafe("))).toBe(true);
  });

  it("passes only constant strings to $queryRawUnsafe and $executeRawUnsafe", () => {
    const offending = files.flatMap(({ file, text }) =>
      [...text.matchAll(/\$(?:query|execute)RawUnsafe\(\s*([^)]*)/g)]
        .filter(([, argument]) => !/^"[^"$`]*"\s*$/.test(argument) && !/^'[^'$`]*'\s*$/.test(argument))
        .map(([call]) => `${file}: ${call}`),
    );
    expect(offending).toEqual([]);
  });

  it("uses Prisma.raw only where it has been reviewed", () => {
    const using = files.filter(({ text }) => text.includes("Prisma.raw(")).map(({ file }) => file.split(path.sep).join("/"));
    expect(using.filter((file) => !REVIEWED_RAW.has(file))).toEqual([]);
  });
});
