import { existsSync, readdirSync, readFileSync } from "node:fs";
import { request } from "node:http";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPostgresUrl } from "../../app/database-url.ts";
import { db } from "../../app/db.server.ts";
import { addMember, createOrganisation, createUser, PASSWORD } from "../support/fixtures.ts";
import { clusterSettings, startNode, stopAllNodes, testRedisUrl, type Node } from "../support/nodes.ts";
import { onServer } from "../support/postgres.ts";
import { Client, nextEvent } from "../support/test-server.ts";

// SIGTERM, as an orchestrator sends it before replacing a node: the real
// start-up script in its own process, with Redis, on this file's own database.

/** The connections a PostgreSQL database still has open, other than the one asking. */
const openConnections = (url: string) =>
  onServer(url, async (client) => Number((await client.query("SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")).rows[0].n));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A multipart upload of the Nyps sample export, as the browser's form sends it. */
async function uploadBody(): Promise<{ bytes: Buffer; type: string }> {
  const form = new FormData();
  form.set("file", new File([readFileSync(path.resolve("tests/fixtures/nyps-export-sample.csv"))], "export.csv", { type: "text/csv" }));
  const encoded = new Request("http://localhost/", { method: "POST", body: form });
  return { bytes: Buffer.from(await encoded.arrayBuffer()), type: encoded.headers.get("content-type")! };
}

/** Whether a new TCP connection to the node is refused. */
async function refuses(node: Node): Promise<string> {
  try {
    await fetch(`${node.url}/healthz`);
    return "accepted";
  } catch (error) {
    return ((error as Error & { cause?: { code?: string } }).cause?.code as string) ?? String(error);
  }
}

describe("graceful shutdown", () => {
  let node: Node;
  let uploads: string;
  const url = process.env.DATABASE_URL!;

  beforeAll(async () => {
    const settings = clusterSettings(testRedisUrl());
    const org = await createOrganisation("region-nord", "Region Nord");
    uploads = path.join(settings.DATA_DIR, "uploads", org.id);
    await addMember((await createUser("admin@nord.se", "Nora Admin")).id, org.id, "admin");
    // Only the node may hold the database: SQLite folds the WAL back in when its last connection closes.
    await db.$disconnect();
    node = await startNode("A", settings);
  });
  afterAll(() => stopAllNodes());

  it("on SIGTERM refuses new connections, finishes the request in flight, sends sockets away and closes the database", async () => {
    const admin = await Client.signedIn(node.url, "admin@nord.se", PASSWORD);
    const socket = admin.socket();
    await nextEvent(socket, "connect");
    const disconnected = nextEvent<string>(socket, "disconnect", () => true, 15_000);

    // An export uploaded over a slow line: half of it is sent before SIGTERM, the rest after.
    const { bytes, type } = await uploadBody();
    const upload = request(`${node.url}/o/region-nord/projects/import`, {
      method: "POST",
      headers: { cookie: admin.cookieHeader, origin: node.url, "content-type": type, "content-length": bytes.length },
    });
    const answered = new Promise<{ status: number; connection: string | undefined; body: string }>((resolve, reject) => {
      upload.on("response", (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode!, connection: response.headers.connection, body }));
      });
      upload.on("error", reject);
    });
    const half = Math.floor(bytes.length / 2);
    upload.write(bytes.subarray(0, half));
    await sleep(300);

    const signalled = Date.now();
    node.child.kill("SIGTERM");
    await sleep(300);
    expect(await refuses(node)).toBe("ECONNREFUSED");
    // Sockets stay while requests are in flight: what those requests announce still reaches them.
    expect(socket.connected).toBe(true);

    for (let sent = half; sent < bytes.length; sent += 1024) {
      upload.write(bytes.subarray(sent, Math.min(sent + 1024, bytes.length)));
      await sleep(50);
    }
    upload.end();
    const response = await answered;
    expect(response.status).toBe(200);
    expect(response.body).toContain("40 rader: 40 nya projekt och 0 som uppdateras.");
    expect(response.connection).toBe("close");
    // It did its work: the upload waits for the import step.
    expect(readdirSync(uploads)).toHaveLength(1);

    // Closed as a lost connection, not with socket.io's "disconnect": the browser reconnects, to another node.
    expect(await disconnected).toBe("transport close");

    const { code } = await node.exited;
    expect(code).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(10_000);
    expect(node.output()).toMatch(/SIGTERM: shutting down\nFinishing 1 request\(s\) in flight\n(.*\n)*Stopped\n/);
    expect(node.output()).not.toMatch(/error|failed|unfinished/i);

    if (isPostgresUrl(url)) {
      // Every connection of the node's pool was closed, none left to time out.
      expect(await openConnections(url)).toBe(0);
      return;
    }
    // The last connection closed cleanly: the WAL was checkpointed into the file and removed.
    const file = url.slice("file:".length);
    expect(existsSync(`${file}-wal`)).toBe(false);
    const reopened = new Database(file, { readonly: true });
    expect(reopened.pragma("integrity_check", { simple: true })).toBe("ok");
    reopened.close();
  });
});
