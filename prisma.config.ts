import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";
import { databaseUrl, isPostgresUrl, preparedSqliteFile } from "./app/database-url.ts";
import { postgresPool } from "./app/postgres-pool.ts";

// The CLI runs on WASM engines and a driver adapter: the native engines cannot
// be downloaded here (docs/decisions/0001-prisma-driver-adapters.md).
// DATABASE_URL=postgresql://… picks PostgreSQL with its own schema copy and
// migrations (docs/decisions/0013-postgresql.md); anything else is SQLite.
const postgres = isPostgresUrl(databaseUrl());

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: postgres ? "prisma/postgresql/schema.prisma" : "prisma/schema.prisma",
  migrations: { path: postgres ? "prisma/postgresql/migrations" : "prisma/migrations" },
  adapter: async () => (postgres ? new PrismaPg(postgresPool(databaseUrl()), { disposeExternalPool: true }) : new PrismaBetterSQLite3({ url: preparedSqliteFile() })),
});
