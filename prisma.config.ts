import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";
import { preparedSqliteFile } from "./app/database-url.ts";

// The CLI runs on WASM engines and this driver adapter: the native engines
// cannot be downloaded here (docs/decisions/0001-prisma-driver-adapters.md).
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  adapter: async () => new PrismaBetterSQLite3({ url: preparedSqliteFile() }),
});
