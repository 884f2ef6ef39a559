import { statSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPostgresUrl, sqliteFilePath } from "../../app/database-url.ts";
import { db } from "../../app/db.server.ts";
import { PASSWORD } from "../support/fixtures.ts";
import { clusterSettings, startNode, stopAllNodes, type Node, type Settings } from "../support/nodes.ts";
import { Client } from "../support/test-server.ts";
import { integrityCheck, isWhole, storedThreads, streamWrites, writersRegion, WRITERS } from "../support/write-stream.ts";

// The app process killed outright (SIGKILL: out of memory, a host that hangs
// up) while members post, then started again on the same database.

describe("killed in the middle of writes", () => {
  const url = process.env.DATABASE_URL!;
  let settings: Settings;
  let node: Node;
  let categoryId: string;

  beforeAll(async () => {
    categoryId = await writersRegion();
    // Only the app may hold the database, so that after the kill nobody else has replayed its WAL.
    await db.$disconnect();
    settings = clusterSettings(null);
    node = await startNode("A", settings);
  });
  afterAll(() => stopAllNodes());

  it("starts again on the same database, healthy and consistent, with every write it acknowledged", async () => {
    const writers = await Promise.all(WRITERS.map((email) => Client.signedIn(node.url, email, PASSWORD)));
    const stream = streamWrites(writers, categoryId);
    await stream.until(40);
    node.child.kill("SIGKILL");
    expect((await node.exited).signal).toBe("SIGKILL");
    // Each writer stops at its first request without an answer: the one in flight at the kill, or the next.
    await stream.stop();
    expect(stream.refused).toEqual([]);
    expect(stream.unanswered.length).toBeGreaterThan(0);
    if (!isPostgresUrl(url)) {
      // Committed pages still only in the WAL: the restart has to recover them.
      expect(statSync(`${sqliteFilePath(url)}-wal`).size).toBeGreaterThan(0);
    }

    const restarted = await startNode("A again", settings);
    expect((await fetch(`${restarted.url}/healthz`)).status).toBe(200);
    if (!isPostgresUrl(url)) expect(integrityCheck(url)).toBe("ok");

    const threads = await storedThreads(url);
    const titles = new Set(threads.map((t) => t.title));
    expect(stream.acknowledged.filter((title) => !titles.has(title))).toEqual([]);
    // A start that was cut off is there whole or not at all.
    expect(threads.filter((t) => !isWhole(t))).toEqual([]);
    expect(threads.filter((t) => !stream.acknowledged.includes(t.title) && !stream.unanswered.includes(t.title))).toEqual([]);

    // Members carry on where they were.
    const nina = await Client.signedIn(restarted.url, WRITERS[0], PASSWORD);
    const after = await nina.post("/o/region-nord/daily/new", { categoryId, title: "Efter omstarten", bodyText: "Allt finns kvar." });
    expect(after.status).toBe(302);
  }, 120_000);
});
