import type { Server as HttpServer } from "node:http";
import type { Server as SocketServer } from "socket.io";
import type { PrismaClient } from "../../app/generated/prisma/client.ts";

/** One line of the table: the app's figure next to the machine's limit for the same work. */
export type Row = {
  name: string;
  /** The app's figure (a median unless the row says otherwise). */
  value: number;
  /** The same measure on a bare server doing the least that yields the same bytes. */
  baseline: number;
  /**
   * How far the app is from what this machine can do: value / baseline, or
   * baseline / value for rates where more is better (requests a second), so
   * that above 1× always means worse than the baseline.
   */
  ratio: number;
  unit: string;
  detail?: string;
};

/** What every row gets: the app running in this process on a fresh database, and a way to sign in. */
export type BenchContext = {
  /** http://127.0.0.1:<port> of the app. */
  url: string;
  db: PrismaClient;
  app: { httpServer: HttpServer; io: SocketServer };
  /** The SQLite file the app uses, for rows whose baseline is the bare driver on the same file. */
  databaseFile: string;
  /** The temporary folder of this run (database, data dir); removed at the end. */
  tmpDir: string;
  /** The password of every user the bench creates. */
  password: string;
  /** Log a progress line (to stderr, so that the table on stdout stays clean). */
  log: (message: string) => void;
};

/** A row module: `bench/<name>.ts` default-exports one of these. */
export type Bench = {
  name: string;
  /** What the row measures, for --help and docs. */
  description: string;
  run: (context: BenchContext) => Promise<Row | Row[]>;
};
