import { execFileSync } from "node:child_process";
import { chownSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import path from "node:path";

// A PostgreSQL server of a test's own, which the test may stop and start at
// will (the shared one of scripts/services.sh serves every other test file).

const BIN = "/usr/lib/postgresql/15/bin";

/** PostgreSQL refuses to run as root: run it as the postgres user when we are root. */
function asPostgres(command: string, args: string[]): void {
  const root = process.getuid?.() === 0;
  execFileSync(root ? "runuser" : command, root ? ["-u", "postgres", "--", command, ...args] : args, { stdio: "pipe" });
}

export type PrivatePostgres = {
  /** A URL for `database` on this server (the `larloop` role, trusted). */
  url: (database: string) => string;
  start: () => void;
  /** Stops it if it runs. */
  stop: () => void;
  remove: () => void;
};

/** A fresh cluster under `parent`, initialised but not yet running; it will listen on 127.0.0.1:`port`. */
export function privatePostgres(parent: string, port: number): PrivatePostgres {
  const dir = mkdtempSync(path.join(parent, "pg-"));
  const data = path.join(dir, "data");
  mkdirSync(data, { mode: 0o700 });
  if (process.getuid?.() === 0) {
    const { uid, gid } = postgresUser();
    chownSync(dir, uid, gid);
    chownSync(data, uid, gid);
  }
  asPostgres(`${BIN}/initdb`, ["-D", data, "-U", "larloop", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]);
  const options = `-h 127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off`;
  let running = false;
  return {
    url: (database) => `postgresql://larloop@127.0.0.1:${port}/${database}`,
    start: () => {
      asPostgres(`${BIN}/pg_ctl`, ["-D", data, "-l", path.join(dir, "server.log"), "-w", "-o", options, "start"]);
      running = true;
    },
    // Immediate: connections end at once, as when the database host goes down.
    stop: () => {
      if (running) asPostgres(`${BIN}/pg_ctl`, ["-D", data, "-m", "immediate", "-w", "stop"]);
      running = false;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

function postgresUser(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  return { uid: id("-u"), gid: id("-g") };
}
