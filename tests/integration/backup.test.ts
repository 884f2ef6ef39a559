import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPostgresUrl } from "../../app/database-url.ts";
import { db } from "../../app/db.server.ts";
import { PASSWORD } from "../support/fixtures.ts";
import { clusterSettings, startNode, stopAllNodes, type Node, type Settings } from "../support/nodes.ts";
import { dropDatabase, onServer, testPostgresUrl, withDatabase } from "../support/postgres.ts";
import { Client } from "../support/test-server.ts";
import { integrityCheck, isWhole, storedThreads, streamWrites, writersRegion, WRITERS } from "../support/write-stream.ts";

// `npm run backup` and `npm run restore` as an operator runs them, against the
// real app process serving members' writes, on the database this run uses
// (a SQLite file, or PostgreSQL with TEST_DATABASE=postgresql).

const url = process.env.DATABASE_URL!;
const onPostgres = isPostgresUrl(url);

/** `npm run <script> -- <args>` in its own process; resolves with its exit code and everything it printed. */
function npmRun(script: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn("npm", ["run", "--silent", script, "--", ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, output }));
  });
}

const restoredDatabases: string[] = [];

/** An empty place to restore into: a new SQLite file, or a new, empty PostgreSQL database. */
async function freshDatabase(): Promise<string> {
  if (!onPostgres) return `file:${path.join(mkdtempSync(path.join(process.env.DATA_DIR!, "restored-")), "larloop.db")}`;
  const name = `larloop_restored_${randomUUID().replaceAll("-", "")}`;
  await onServer(testPostgresUrl()!, (client) => client.query(`CREATE DATABASE "${name}"`));
  restoredDatabases.push(name);
  return withDatabase(testPostgresUrl()!, name);
}

describe("backup and restore", () => {
  let settings: Settings;
  let node: Node;
  let categoryId: string;

  beforeAll(async () => {
    categoryId = await writersRegion();
    await db.$disconnect();
    settings = clusterSettings(null);
    node = await startNode("A", settings);
  });
  afterAll(async () => {
    await stopAllNodes();
    for (const name of restoredDatabases) await dropDatabase(testPostgresUrl()!, name);
  });

  it("backs up while members keep posting; the restored copy opens and holds every post acknowledged before the backup began, none torn", async () => {
    const writers = await Promise.all(WRITERS.map((email) => Client.signedIn(node.url, email, PASSWORD)));
    const stream = streamWrites(writers, categoryId);
    await stream.until(30);

    const file = path.join(settings.DATA_DIR, onPostgres ? "larloop.dump" : "larloop-backup.db");
    const acknowledgedBefore = [...stream.acknowledged];
    const backup = await npmRun("backup", [file], { DATABASE_URL: url });
    const acknowledgedDuring = stream.acknowledged.length - acknowledgedBefore.length;
    await stream.stop();

    expect(backup.code, backup.output).toBe(0);
    expect(backup.output).toContain(`Backup written to ${file}`);
    expect(backup.output).toMatch(onPostgres ? /pg_dump custom format/ : /integrity check ok/);
    // The app went on serving members while the backup ran, and no write failed.
    expect(acknowledgedDuring).toBeGreaterThan(0);
    expect([...stream.refused, ...stream.unanswered]).toEqual([]);

    const restoredUrl = await freshDatabase();
    const restore = await npmRun("restore", [file], { DATABASE_URL: restoredUrl });
    expect(restore.code, restore.output).toBe(0);
    expect(restore.output).toContain(`Restored ${file}`);
    if (!onPostgres) {
      expect(integrityCheck(restoredUrl)).toBe("ok");
      expect(existsSync(`${restoredUrl.slice("file:".length)}-wal`)).toBe(false);
    }

    const threads = await storedThreads(restoredUrl);
    const titles = new Set(threads.map((t) => t.title));
    expect(acknowledgedBefore.filter((title) => !titles.has(title))).toEqual([]);
    // One moment's snapshot: every thread whole, and nothing the app did not write.
    expect(threads.filter((t) => !isWhole(t))).toEqual([]);
    expect(threads.filter((t) => !stream.acknowledged.includes(t.title))).toEqual([]);

    // Lärloop starts on the restored database, and a member finds a post from before the backup.
    const restored = await startNode("restored", { ...settings, DATABASE_URL: restoredUrl });
    expect((await fetch(`${restored.url}/healthz`)).status).toBe(200);
    const nina = await Client.signedIn(restored.url, WRITERS[0], PASSWORD);
    const first = threads.find((t) => t.title === acknowledgedBefore[0])!;
    const page = await nina.get(`/o/region-nord/daily/${first.id}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(first.title);
  }, 120_000);

  it("refuses to restore over the database the running app uses, and leaves it as it was", async () => {
    const nina = await Client.signedIn(node.url, WRITERS[0], PASSWORD);
    const file = path.join(settings.DATA_DIR, onPostgres ? "earlier.dump" : "earlier.db");
    expect((await npmRun("backup", [file], { DATABASE_URL: url })).code).toBe(0);
    const later = await nina.post("/o/region-nord/daily/new", { categoryId, title: "Efter säkerhetskopian", bodyText: "Skrivet efter kopian." });
    expect(later.status).toBe(302);

    const restore = await npmRun("restore", [file], { DATABASE_URL: url });
    expect(restore.code).not.toBe(0);
    expect(restore.output).toMatch(onPostgres ? /other connection\(s\)\. Stop Lärloop/ : /is in use\. Stop Lärloop/);

    expect((await fetch(`${node.url}/healthz`)).status).toBe(200);
    expect((await storedThreads(url)).map((t) => t.title)).toContain("Efter säkerhetskopian");
  }, 60_000);
});
