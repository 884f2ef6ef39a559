import Database from "better-sqlite3";
import type { BenchContext } from "./types.ts";

/**
 * A second connection to the app's SQLite file through better-sqlite3
 * itself, the driver under Prisma's adapter: the floor for the same SQL.
 * Tuned as server/database.ts tunes the app's connection.
 */
export function openRawDatabase(context: BenchContext): Database.Database {
  const raw = new Database(context.databaseFile);
  raw.pragma("journal_mode = WAL");
  raw.pragma("busy_timeout = 5000");
  raw.pragma("synchronous = NORMAL");
  return raw;
}

// Prisma's SQLite adapter stores DateTime as ISO text with an explicit offset.
export const sqliteDate = (date: Date) => date.toISOString().replace("Z", "+00:00");

/** Ids in the shape of Prisma's cuid(): unique within a run, sortable by creation. */
export function benchIds(prefix: string): () => string {
  let n = 0;
  return () => `c${prefix}${(n++).toString(36).padStart(8, "0")}`;
}
