// Which failures mean "the database is out", for the error page, /healthz and
// start-up (docs/decisions/0018-database-outages.md). Both databases are
// recognised as their errors actually arrive through Prisma's driver adapters:
// SQLite's codes on `code` (SQLITE_FULL), PostgreSQL's SQLSTATE and socket
// failures in `meta.driverAdapterError.cause`, Prisma's own P1xxx codes, and
// the drivers' bare errors where Prisma passes them through unwrapped.

/** What a user can no longer do: anything at all, or only save. */
export type DatabaseOutage = "database-unreachable" | "storage-full";

/** Seconds a client is asked to wait before trying again. */
export const RETRY_AFTER_SECONDS: Record<DatabaseOutage, number> = { "database-unreachable": 30, "storage-full": 120 };

const STORAGE_FULL_CODES = new Set(["SQLITE_FULL", "53100", "ENOSPC"]);

const UNREACHABLE_CODES = new Set([
  // Prisma: cannot reach, timed out, connection closed, pool timeout.
  "P1001",
  "P1002",
  "P1008",
  "P1017",
  "P2024",
  // Driver adapter error kinds.
  "DatabaseNotReachable",
  "DatabaseDoesNotExist",
  "ConnectionClosed",
  "TooManyConnections",
  // PostgreSQL: database gone, too many connections, shut down, starting up.
  "3D000",
  "53300",
  "57P01",
  "57P02",
  "57P03",
  // Sockets.
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "ETIMEDOUT",
  "EPIPE",
]);

// PostgreSQL's class 08 is "connection exception"; SQLite's CANTOPEN, IOERR and READONLY come with extended variants.
const UNREACHABLE_PATTERN = /^(08[0-9A-Z]{3}|SQLITE_(CANTOPEN|IOERR|READONLY|NOTADB)(_\w+)?)$/;

// Errors that arrive without a code: pg's lost connections, better-sqlite3's
// missing folder, and the text the migrate CLI prints.
const UNREACHABLE_MESSAGES = [
  /Connection terminated/i,
  /Can't reach database server/i,
  /database "[^"]+" does not exist/i,
  /Cannot open database because the directory does not exist/i,
  /The database connection is not open/i,
  /\bP1001\b/,
];
const STORAGE_FULL_MESSAGES = [/database or disk is full/i, /No space left on device/i];

function codesOf(error: unknown, depth = 0): string[] {
  if (!error || typeof error !== "object" || depth > 4) return [];
  const e = error as { code?: unknown; originalCode?: unknown; kind?: unknown; meta?: { driverAdapterError?: { cause?: unknown } }; cause?: unknown };
  const own = [e.code, e.originalCode, e.kind].filter((c): c is string => typeof c === "string");
  return [...own, ...codesOf(e.meta?.driverAdapterError?.cause, depth + 1), ...codesOf(e.cause, depth + 1)];
}

/** The outage an error stands for, or null when it is an ordinary error (a bug, a constraint, bad input). */
export function databaseOutage(error: unknown): DatabaseOutage | null {
  const codes = codesOf(error);
  if (codes.some((code) => STORAGE_FULL_CODES.has(code))) return "storage-full";
  if (codes.some((code) => UNREACHABLE_CODES.has(code) || UNREACHABLE_PATTERN.test(code))) return "database-unreachable";
  const message = error instanceof Error ? error.message : "";
  if (STORAGE_FULL_MESSAGES.some((pattern) => pattern.test(message))) return "storage-full";
  if (UNREACHABLE_MESSAGES.some((pattern) => pattern.test(message))) return "database-unreachable";
  return null;
}

// Reads go on working while the disk is full, so /healthz learns of it from
// failed writes. On globalThis: the server and the Remix build are separate
// module graphs, and the failure is seen in one and reported by the other.
const STORAGE_FULL_REMEMBERED_MS = 60_000;
declare global {
  var __larloopStorageFullAt: number | undefined;
}

/** Classify `error`; a full disk is remembered for /healthz. Returns the outage, or null. */
export function noteDatabaseError(error: unknown): DatabaseOutage | null {
  const outage = databaseOutage(error);
  if (outage === "storage-full") globalThis.__larloopStorageFullAt = Date.now();
  return outage;
}

/** True when a write failed for lack of space within the last minute. */
export function storageFullRecently(now = Date.now()): boolean {
  const at = globalThis.__larloopStorageFullAt;
  return at !== undefined && now - at < STORAGE_FULL_REMEMBERED_MS;
}

/**
 * Run `work` until it succeeds, waiting longer after each outage (1 s, 2 s, …,
 * at most 30 s); any other error is thrown at once. Start-up uses it, so that a
 * server started before its database keeps waiting instead of exiting.
 */
export async function retryWhileDatabaseIsOut<T>(what: string, work: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const outage = databaseOutage(error);
      if (!outage) throw error;
      const delay = Math.min(30_000, 1000 * 2 ** attempt);
      console.warn(`${what}: the database is out (${outage}); trying again in ${delay / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
