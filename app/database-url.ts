import { mkdirSync } from "node:fs";
import path from "node:path";

/** The embedded default: a SQLite file beside the app, kept across restarts. */
export const DEFAULT_DATABASE_URL = "file:./data/larloop.db";

export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

/** postgresql://… or postgres://… selects PostgreSQL; every other URL is a SQLite file. */
export function isPostgresUrl(url: string = databaseUrl()): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/** The file a `file:` URL points at, resolved against the working directory. */
export function sqliteFilePath(url: string = databaseUrl()): string {
  if (!url.startsWith("file:")) {
    throw new Error(`Only SQLite file URLs are supported, got "${url.split(":")[0]}:"`);
  }
  return path.resolve(url.slice("file:".length));
}

/** The SQLite file, with its folder created so that a fresh clone starts without setup. */
export function preparedSqliteFile(url: string = databaseUrl()): string {
  const file = sqliteFilePath(url);
  mkdirSync(path.dirname(file), { recursive: true });
  return file;
}
