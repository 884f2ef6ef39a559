import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client.ts";
import { PrismaClient as PostgresPrismaClient } from "./generated/prisma-postgresql/client.ts";
import { databaseUrl, isPostgresUrl, preparedSqliteFile } from "./database-url.ts";
import { postgresPool } from "./postgres-pool.ts";

export type Db = PrismaClient;

/** True when this process runs on PostgreSQL; the few raw SQL statements differ by database. */
export const onPostgres = isPostgresUrl(databaseUrl());

export function createDbClient(url: string = databaseUrl()): PrismaClient {
  if (isPostgresUrl(url)) {
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
