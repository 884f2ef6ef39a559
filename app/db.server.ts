import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/prisma/client.ts";
import { databaseUrl, preparedSqliteFile } from "./database-url.ts";

export type Db = PrismaClient;

export function createDbClient(url: string = databaseUrl()): PrismaClient {
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: preparedSqliteFile(url) }) });
}

declare global {
  // One client per process: the server and the Remix build are separate module
  // graphs (and development reloads the build), so the client lives on globalThis.
  var __larloopDb: PrismaClient | undefined;
}

export const db: PrismaClient = (globalThis.__larloopDb ??= createDbClient());
