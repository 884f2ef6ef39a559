import { execFile } from "node:child_process";
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { databaseUrl, isPostgresUrl, sqliteFilePath } from "../database-url.ts";

// `npm run backup` and `npm run restore` (scripts/backup.ts, scripts/restore.ts); why this way: docs/decisions/0016-backups.md.

/** A failure the operator can act on: its message is printed as it is, without a stack. */
export class BackupError extends Error {}

/** Write a consistent copy of the configured database to `file` while the app keeps serving. Returns what was written. */
export async function backupDatabase(file: string, url: string = databaseUrl()): Promise<string> {
  const target = path.resolve(file);
  if (!existsSync(path.dirname(target))) throw new BackupError(`The folder ${path.dirname(target)} does not exist.`);
  // Written beside the target and renamed into place: a failed run never leaves half a backup under the real name.
  const partial = `${target}.partial-${process.pid}`;
  rmSync(partial, { force: true });
  try {
    const summary = isPostgresUrl(url) ? await dumpPostgres(url, partial) : await backupSqlite(sqliteFilePath(url), partial, target);
    syncFile(partial);
    renameSync(partial, target);
    syncFile(path.dirname(target));
    return `Backup written to ${target} (${megabytes(target)}; ${summary}).`;
  } finally {
    rmSync(partial, { force: true });
  }
}

/** Replace the configured database with the backup in `file`. Lärloop must be stopped, on every node. */
export async function restoreDatabase(file: string, url: string = databaseUrl()): Promise<string> {
  const source = path.resolve(file);
  if (!existsSync(source)) throw new BackupError(`No backup at ${source}.`);
  if (isPostgresUrl(url)) return restorePostgres(source, url);
  return restoreSqlite(source, sqliteFilePath(url));
}

// ── SQLite ──────────────────────────────────────────────────────────────────

/** Every remaining page in the next step. */
const ALL_PAGES = 0x7fffffff;

async function backupSqlite(source: string, partial: string, target: string): Promise<string> {
  if (!existsSync(source)) throw new BackupError(`No SQLite database at ${source} (DATABASE_URL).`);
  if (path.resolve(source) === target) throw new BackupError("The backup cannot be written over the database itself.");
  const db = new Database(source, { fileMustExist: true, timeout: 5000 });
  try {
    // All pages in one step, so in one read transaction: a consistent snapshot, which in WAL mode holds up no
    // writer. In smaller steps, every commit the app makes in between restarts the copy, possibly for ever.
    await db.backup(partial, { progress: () => ALL_PAGES });
  } finally {
    db.close();
  }
  return checkSqlite(partial, "the backup");
}

/**
 * Opens a copy, makes it one self-contained file (the source's WAL mode travels in its header) and checks it
 * page by page. Returns a summary for the operator.
 */
function checkSqlite(file: string, what: string): string {
  let copy: Database.Database;
  try {
    copy = new Database(file, { fileMustExist: true });
  } catch (error) {
    throw new BackupError(`${what} does not open as a SQLite database: ${(error as Error).message}`);
  }
  try {
    copy.pragma("journal_mode = DELETE");
    const integrity = copy.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") throw new BackupError(`${what} fails SQLite's integrity check: ${String(integrity)}`);
    const migrations = copy.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`).get() as { n: number };
    if (migrations.n === 0) throw new BackupError(`${what} is a SQLite database, but not Lärloop's (it has no migrations table).`);
    const { n } = copy.prepare(`SELECT count(*) AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`).get() as { n: number };
    return `integrity check ok, ${n} migrations`;
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${what} is not a readable SQLite database: ${(error as Error).message}`);
  } finally {
    copy.close();
  }
}

/** A running Lärloop keeps its WAL-mode database open, which a connection asking for an exclusive lock notices. */
function refuseIfInUse(file: string): void {
  const db = new Database(file, { fileMustExist: true, timeout: 0 });
  try {
    db.pragma("locking_mode = EXCLUSIVE");
    db.exec("BEGIN EXCLUSIVE");
    db.exec("COMMIT");
  } catch (error) {
    if ((error as { code?: string }).code === "SQLITE_BUSY") {
      throw new BackupError(`The database ${file} is in use. Stop Lärloop (every node, and anything else that has the file open) and run the restore again.`);
    }
    throw error;
  } finally {
    db.close();
  }
}

function restoreSqlite(source: string, target: string): string {
  mkdirSync(path.dirname(target), { recursive: true });
  if (existsSync(target)) refuseIfInUse(target);
  // Checked as the very copy that is put in place, beside the target so that the rename is atomic.
  const incoming = `${target}.restoring-${process.pid}`;
  try {
    copyFileSync(source, incoming);
    const summary = checkSqlite(incoming, `The backup ${source}`);
    syncFile(incoming);
    // A -wal left beside the new file would be replayed into it and corrupt it.
    for (const suffix of ["-wal", "-shm", "-journal"]) rmSync(`${target}${suffix}`, { force: true });
    renameSync(incoming, target);
    syncFile(path.dirname(target));
    return `Restored ${source} into ${target} (${summary}). Start Lärloop: it applies any newer migrations as it starts.`;
  } finally {
    rmSync(incoming, { force: true });
  }
}

// ── PostgreSQL ──────────────────────────────────────────────────────────────

/** The client tools on PATH, or Debian's PostgreSQL 15 packages. */
function postgresTool(name: string): string {
  const folders = [...(process.env.PATH ?? "").split(path.delimiter).filter(Boolean), "/usr/lib/postgresql/15/bin"];
  for (const folder of folders) {
    const candidate = path.join(folder, name);
    if (existsSync(candidate)) return candidate;
  }
  throw new BackupError(`${name} was not found on PATH or in /usr/lib/postgresql/15/bin. Install the PostgreSQL client tools (Debian: postgresql-client).`);
}

/** Connection settings for libpq's tools; the password goes in the environment, not on the command line where `ps` shows it. */
function connection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  return { dbname: parsed.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

function run(tool: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(postgresTool(tool), args, { env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new BackupError(`${tool} failed: ${(stderr || error.message).trim()}`));
      else resolve(stdout);
    });
  });
}

/** Reads the archive's table of contents: a truncated or foreign file fails here. Returns the tables it holds data for. */
async function listArchive(file: string): Promise<number> {
  const contents = await run("pg_restore", ["--list", file]);
  return contents.split("\n").filter((line) => / TABLE DATA /.test(line)).length;
}

async function dumpPostgres(url: string, partial: string): Promise<string> {
  const { dbname, env } = connection(url);
  // pg_dump reads in one repeatable-read transaction: a consistent snapshot while the app writes on.
  await run("pg_dump", ["--format=custom", `--file=${partial}`, `--dbname=${dbname}`], env);
  return `pg_dump custom format, data of ${await listArchive(partial)} tables`;
}

async function restorePostgres(source: string, url: string): Promise<string> {
  const { dbname, env } = connection(url);
  const tables = await listArchive(source).catch((error: Error) => {
    throw new BackupError(`${source} is not a pg_dump archive (${error.message})`);
  });
  // A pool that has gone idle may hold no connection, so this catches a busy Lärloop, not every running one.
  const others = await otherConnections(url);
  if (others > 0) throw new BackupError(`The database has ${others} other connection(s). Stop Lärloop (every node) and run the restore again.`);
  // One transaction: a restore that fails part-way leaves the database as it was.
  await run("pg_restore", ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", `--dbname=${dbname}`, source], env);
  return `Restored ${source} into ${new URL(dbname).pathname.slice(1)} (data of ${tables} tables). Start Lärloop: it applies any newer migrations as it starts.`;
}

async function otherConnections(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query("SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
    return Number(rows[0].n);
  } catch (error) {
    throw new BackupError(`Could not connect to the database (DATABASE_URL): ${(error as Error).message}`);
  } finally {
    await client.end().catch(() => {});
  }
}

// ── Files ───────────────────────────────────────────────────────────────────

/** To disk before the rename that publishes it, so a power cut cannot leave a renamed but empty file. */
function syncFile(file: string): void {
  const fd = openSync(file, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function megabytes(file: string): string {
  return `${(statSync(file).size / 1024 / 1024).toFixed(1)} MB`;
}
