import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/prisma/client.ts";
import { databaseUrl, isPostgresUrl, preparedSqliteFile } from "./database-url.ts";

export type Db = PrismaClient;

/** True when this process runs on PostgreSQL; the few raw SQL statements differ by database. */
export const onPostgres = isPostgresUrl(databaseUrl());

// The PostgreSQL client, its query compiler and the pg driver weigh ~40 MB: loaded only on PostgreSQL.
const postgres = onPostgres
  ? await Promise.all([import("./generated/prisma-postgresql/client.ts"), import("@prisma/adapter-pg"), import("./postgres-pool.ts")])
  : null;

function createDbClient(url: string = databaseUrl()): PrismaClient {
  if (postgres) {
    const [{ PrismaClient: PostgresPrismaClient }, { PrismaPg }, { postgresPool }] = postgres;
    // Both clients are generated from one data model (scripts/postgres-schema.ts): the SQLite client's types stand for both.
    return new PostgresPrismaClient({ adapter: new PrismaPg(postgresPool(url), { disposeExternalPool: true }) }) as unknown as PrismaClient;
  }
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: preparedSqliteFile(url) }) });
}

declare global {
  // One client per process: the server and the Remix build are separate module
  // graphs (and development reloads the build), so the client lives on globalThis.
  var __larloopDb: PrismaClient | undefined;
}

export const db: PrismaClient = (globalThis.__larloopDb ??= createDbClient());
