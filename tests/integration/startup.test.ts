import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";

// `npm start` and `npm run start:prod` as a newcomer and an operator run them:
// the real start-up script in its own process, on its own database file.

type Started = { child: ChildProcess; url: string; output: () => string };

const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0)) child.kill("SIGTERM");
});

function startServer(dir: string, env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    env: { ...process.env, PORT: "0", DATABASE_URL: `file:${path.join(dir, "larloop.db")}`, DATA_DIR: dir, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.push(child);
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk;
      const match = output.match(/running at (http:\/\/localhost:\d+)/);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1], output: () => output });
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.on("exit", (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once("exit", (code) => resolve(code));
    child.kill("SIGTERM");
  });
}

function count(dir: string, table: string): number {
  const db = new Database(path.join(dir, "larloop.db"), { readonly: true });
  try {
    return (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe("start-up", () => {
  it("creates the demo on an empty database, prints how to sign in, and keeps data on the next start", async () => {
    const dir = mkdtempSync(path.join(process.env.DATA_DIR!, "start-"));
    const first = await startServer(dir, { NODE_ENV: "", DEMO_PASSWORD: "" });
    expect(first.output()).toContain("admin@region-demo.se");
    expect(first.output()).toContain("admin@region-norrkust.se");
    expect(first.output()).toContain("member@region-exempel.se");
    expect(first.output()).toContain("demo1234");

    const signIn = await fetch(`${first.url}/login`, {
      method: "POST",
      headers: { origin: first.url },
      body: new URLSearchParams({ email: "admin@region-demo.se", password: "demo1234" }),
      redirect: "manual",
    });
    expect(signIn.status).toBe(302);
    expect(await stop(first.child)).toBe(0);

    // Something a user did before the restart must survive it.
    const db = new Database(path.join(dir, "larloop.db"));
    db.prepare(`UPDATE "Organisation" SET description = 'Ändrad före omstart' WHERE slug = 'region-demo'`).run();
    db.close();

    const second = await startServer(dir, { NODE_ENV: "" });
    const health = await fetch(`${second.url}/healthz`);
    expect(health.status).toBe(200);
    expect(count(dir, "Organisation")).toBe(3);
    const kept = new Database(path.join(dir, "larloop.db"), { readonly: true });
    expect(kept.prepare(`SELECT description FROM "Organisation" WHERE slug = 'region-demo'`).get()).toEqual({
      description: "Ändrad före omstart",
    });
    kept.close();
  }, 60_000); // two full starts, each migrating and filling an empty database, on a machine shared with other test files

  it("creates no demo data in production and serves the built app", async () => {
    const dir = mkdtempSync(path.join(process.env.DATA_DIR!, "prod-"));
    const server = await startServer(dir, { NODE_ENV: "production" });
    expect(server.output()).not.toContain("demo1234");
    expect(count(dir, "User")).toBe(0);
    const page = await fetch(server.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Välkommen till Lärloop");
  }, 60_000);
});
