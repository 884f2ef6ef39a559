import { existsSync } from "node:fs";
import { databaseUrl, isPostgresUrl, sqliteFilePath } from "~/database-url";
import { db } from "~/db.server";

/**
 * True when the database answers a query. For SQLite the file must also still
 * be there: an open connection keeps answering from a deleted file, and
 * everything written to it would be lost.
 */
export async function databaseAnswers(): Promise<boolean> {
  try {
    await db.$queryRawUnsafe("SELECT 1");
    return isPostgresUrl(databaseUrl()) || existsSync(sqliteFilePath(databaseUrl()));
  } catch {
    return false;
  }
}
