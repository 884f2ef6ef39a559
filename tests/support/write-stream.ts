import Database from "better-sqlite3";
import { isPostgresUrl, sqliteFilePath } from "../../app/database-url.ts";
import { db } from "../../app/db.server.ts";
import { addMember, createOrganisation, createUser } from "./fixtures.ts";
import { onServer } from "./postgres.ts";
import type { Client } from "./test-server.ts";

// Members posting as fast as the app answers, for the backup and crash tests:
// which writes did the app acknowledge, and are they all in a database later?

export const WRITERS = ["nina@nord.se", "nils@nord.se", "nora@nord.se"];

/** Region Nord with a category and the writers as members; returns the category's id. */
export async function writersRegion(): Promise<string> {
  const org = await createOrganisation("region-nord", "Region Nord");
  for (const email of WRITERS) await addMember((await createUser(email)).id, org.id);
  return (await db.category.create({ data: { organisationId: org.id, name: "Allmänt", position: 0 } })).id;
}

export type WriteStream = {
  /** Titles of the threads whose start the app confirmed (its redirect to the new thread), in order. */
  acknowledged: string[];
  /** Writes the app answered with something else than that redirect. */
  refused: string[];
  /** Writes that got no answer (the connection broke or was refused); each writer stops at its first. */
  unanswered: string[];
  /** Resolves once `count` writes are acknowledged. */
  until: (count: number) => Promise<void>;
  /** Stops the writers after their current write. */
  stop: () => Promise<void>;
};

/** Each client starts threads back to back, one at a time, as a member submitting the form over and over would. */
export function streamWrites(clients: Client[], categoryId: string, slug = "region-nord"): WriteStream {
  const stream: Omit<WriteStream, "until" | "stop"> = { acknowledged: [], refused: [], unanswered: [] };
  let stopped = false;
  const loops = clients.map(async (client, writer) => {
    for (let n = 0; !stopped; n++) {
      const title = `Skrivning ${writer}-${n}`;
      let response: Response;
      try {
        response = await client.post(`/o/${slug}/daily/new`, { categoryId, title, bodyText: `Inlägg nummer ${n} från skribent ${writer}.` });
      } catch {
        stream.unanswered.push(title);
        return;
      }
      if (response.status === 302) stream.acknowledged.push(title);
      else stream.refused.push(`${title}: ${response.status}`);
    }
  });
  return {
    ...stream,
    async until(count) {
      const deadline = Date.now() + 15_000;
      while (stream.acknowledged.length < count) {
        if (Date.now() > deadline) throw new Error(`Only ${stream.acknowledged.length} of ${count} writes acknowledged`);
        if (stream.unanswered.length > 0 || stream.refused.length > 0) throw new Error(`Writes failed: ${[...stream.refused, ...stream.unanswered].join(", ")}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    async stop() {
      stopped = true;
      await Promise.all(loops);
    },
  };
}

export type StoredThread = { id: string; title: string; postCount: number; posts: number; follows: number; reads: number };

/**
 * Every thread in the database at `url` with what its start wrote in one transaction: the thread, its
 * opening post, its author's follow and read marker. A thread missing any of them is torn.
 */
export async function storedThreads(url: string): Promise<StoredThread[]> {
  const sql = `SELECT t.id AS id, t.title AS title, t."postCount" AS "postCount",
      (SELECT count(*) FROM "Post" p WHERE p."threadId" = t.id) AS posts,
      (SELECT count(*) FROM "ThreadFollow" f WHERE f."threadId" = t.id) AS follows,
      (SELECT count(*) FROM "ThreadRead" r WHERE r."threadId" = t.id) AS reads
    FROM "Thread" t`;
  const rows = isPostgresUrl(url) ? await onServer(url, async (client) => (await client.query(sql)).rows) : onSqlite(url, (file) => file.prepare(sql).all());
  // PostgreSQL's count(*) arrives as a string.
  return (rows as Record<string, unknown>[]).map((row) => ({
    id: String(row.id),
    title: String(row.title),
    postCount: Number(row.postCount),
    posts: Number(row.posts),
    follows: Number(row.follows),
    reads: Number(row.reads),
  }));
}

export const isWhole = (thread: StoredThread) => thread.postCount === 1 && thread.posts === 1 && thread.follows === 1 && thread.reads === 1;

/** SQLite's own check of every page and index of the file at `url`. */
export function integrityCheck(url: string): string {
  return onSqlite(url, (file) => String(file.pragma("integrity_check", { simple: true })));
}

function onSqlite<T>(url: string, work: (file: Database.Database) => T): T {
  const file = new Database(sqliteFilePath(url), { readonly: true, fileMustExist: true });
  try {
    return work(file);
  } finally {
    file.close();
  }
}
