import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, onPostgres } from "../../app/db.server.ts";
import { PASSWORD, twoRegions } from "../support/fixtures.ts";
import { privatePostgres, type PrivatePostgres } from "../support/private-postgres.ts";
import { Client, startTestServer, type TestServer } from "../support/test-server.ts";

// What members and operators notice when the database is out: a page that
// says so (503, with Retry-After) instead of a crash, /healthz telling the
// load balancer, and service again once the database is back.

const SAVE_FAILED = "Lärloop kan inte spara just nu eftersom lagringsutrymmet är fullt";
const UNREACHABLE = "Lärloop kan inte nå sin databas just nu";

/** The text a reader sees, tags and scripts (loader data) left out. */
function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/gi, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, " ");
}

/** A rich-text body as the editor posts it: Lexical's JSON, one paragraph per argument. */
function lexical(...paragraphs: string[]): string {
  const text = (value: string) => ({ type: "text", version: 1, text: value, detail: 0, format: 0, mode: "normal", style: "" });
  const paragraph = (value: string) => ({ type: "paragraph", version: 1, direction: null, format: "", indent: 0, children: [text(value)] });
  return JSON.stringify({ root: { type: "root", version: 1, direction: null, format: "", indent: 0, children: paragraphs.map(paragraph) } });
}

/**
 * Fill the disk as far as the app can tell: on SQLite the app's own connection
 * may use no more pages than the file has; on PostgreSQL new threads fail with
 * SQLSTATE 53100 disk_full, as the server reports a full volume. Returns the undo.
 */
async function fillTheDisk(): Promise<() => Promise<void>> {
  if (onPostgres) {
    await db.$executeRawUnsafe(
      `CREATE FUNCTION disk_full() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = 'disk_full'; END $$ LANGUAGE plpgsql`,
    );
    await db.$executeRawUnsafe(`CREATE TRIGGER disk_full BEFORE INSERT ON "Thread" FOR EACH ROW EXECUTE FUNCTION disk_full()`);
    return async () => {
      await db.$executeRawUnsafe(`DROP TRIGGER disk_full ON "Thread"`);
      await db.$executeRawUnsafe(`DROP FUNCTION disk_full()`);
    };
  }
  const [{ page_count }] = await db.$queryRawUnsafe<{ page_count: bigint }[]>("PRAGMA page_count");
  const [{ max_page_count }] = await db.$queryRawUnsafe<{ max_page_count: bigint }[]>("PRAGMA max_page_count");
  await db.$queryRawUnsafe(`PRAGMA max_page_count = ${page_count}`);
  return async () => {
    await db.$queryRawUnsafe(`PRAGMA max_page_count = ${max_page_count}`);
  };
}

describe("a full disk", () => {
  let server: TestServer;
  let categoryId: string;
  beforeAll(async () => {
    await twoRegions();
    categoryId = (await db.category.create({ data: { organisationId: (await db.organisation.findUniqueOrThrow({ where: { slug: "region-nord" } })).id, name: "Allmänt", position: 0 } })).id;
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it("gives a 503 page that says nothing was saved and gives back what was written; /healthz reports it; saving works again afterwards", async () => {
    const nina = await Client.signedIn(server.url, "member@nord.se", PASSWORD);
    const nora = await Client.signedIn(server.url, "admin@nord.se", PASSWORD);
    expect((await nora.post("/language", { locale: "en", redirectTo: "/" })).status).toBe(302);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const threadsBefore = await db.thread.count();

    const undo = await fillTheDisk();
    const body = "Upphandlingen tog ett halvår längre än planerat. ".repeat(200);
    const response = await nina.post("/o/region-nord/daily/new", { categoryId, title: "Vad vi lärde oss om upphandling", bodyText: body });
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("120");
    const page = await response.text();
    const text = visibleText(page);
    expect(text).toContain(SAVE_FAILED);
    expect(text).toContain("Inget av det du skickade har sparats");
    expect(text).toContain("Det du skrev");
    expect(page).toContain("Vad vi lärde oss om upphandling");
    expect(page).toContain("Upphandlingen tog ett halvår längre än planerat.");
    expect(page).not.toMatch(/at \w+ \(|PrismaClient|SQLITE_|53100/);
    expect(await db.thread.count()).toBe(threadsBefore);

    // Someone who reads in English gets the page in English; the editor's text comes back as text.
    const english = await nora.post("/o/region-nord/daily/new", { categoryId, title: "What we learnt", body: lexical(body, "Second paragraph.") });
    expect(english.status).toBe(503);
    const englishPage = await english.text();
    expect(englishPage).toContain('<html lang="en"');
    const englishText = visibleText(englishPage);
    expect(englishText).toContain("Lärloop cannot save right now because its storage is full");
    expect(englishText).toContain("Second paragraph.");
    expect(englishText).not.toContain("paragraph&quot;");

    // Reads still work, but the operator learns that writes fail.
    expect((await nina.get("/o/region-nord/daily")).status).toBe(200);
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ status: "unavailable", reason: "storage-full" });

    await undo();
    const saved = await nina.post("/o/region-nord/daily/new", { categoryId, title: "Vad vi lärde oss om upphandling", bodyText: body });
    expect(saved.status).toBe(302);
    expect(await db.thread.count()).toBe(threadsBefore + 1);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Resolves once the process has printed a line matching `pattern`. */
function printed(child: ChildProcess, output: () => string, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = output().match(pattern);
      if (!match) return;
      clearTimeout(timer);
      child.stdout!.off("data", check);
      child.stderr!.off("data", check);
      resolve(match);
    };
    const timer = setTimeout(() => reject(new Error(`not printed within ${timeoutMs} ms: ${pattern}\n${output()}`)), timeoutMs);
    child.stdout!.on("data", check);
    child.stderr!.on("data", check);
    check();
  });
}

describe("started while PostgreSQL is down", () => {
  let postgres: PrivatePostgres;
  let child: ChildProcess;
  afterAll(() => {
    child?.kill("SIGTERM");
    postgres?.stop();
    postgres?.remove();
  });

  it("stays up answering 503 with the outage page, then migrates and serves once the database is there, and again after it goes away and comes back, without a restart", async () => {
    const port = await freePort();
    postgres = privatePostgres(process.env.DATA_DIR!, port);
    child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
      env: {
        ...process.env,
        NODE_ENV: "production",
        PORT: "0",
        DATABASE_URL: postgres.url("larloop"),
        DATA_DIR: mkdtempSync(path.join(process.env.DATA_DIR!, "outage-")),
        SESSION_SECRET: "a secret for this test only",
        APP_URL: "http://larloop.test",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout!.on("data", (chunk) => (output += chunk));
    child.stderr!.on("data", (chunk) => (output += chunk));
    let exited: number | null | undefined;
    child.once("exit", (code) => (exited = code));
    const [, url] = await printed(child, () => output, /listens at (http:\/\/localhost:\d+)/, 30_000);

    const page = await fetch(url);
    expect(page.status).toBe(503);
    expect(page.headers.get("retry-after")).toBe("30");
    expect(visibleText(await page.text())).toContain(UNREACHABLE);
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: "unavailable", reason: "database-unreachable" });
    // A sign-in attempt gets the same page, not a crash.
    const early = await fetch(`${url}/login`, { method: "POST", headers: { origin: url }, body: new URLSearchParams({ email: "a@b.se", password: "x" }) });
    expect(early.status).toBe(503);

    // Several failed attempts to migrate later, the process is still there.
    await printed(child, () => output, /Migrating: the database is out[\s\S]*Migrating: the database is out/, 20_000);
    expect(exited).toBeUndefined();

    postgres.start();
    const { onServer } = await import("../support/postgres.ts");
    await onServer(postgres.url("postgres"), (client) => client.query("CREATE DATABASE larloop"));
    await printed(child, () => output, /running at http/, 60_000);

    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const home = await fetch(url);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain("Välkommen till Lärloop");

    // The database goes away while the app runs, and comes back.
    const signIn = () =>
      fetch(`${url}/login`, { method: "POST", headers: { origin: url }, body: new URLSearchParams({ email: "a@b.se", password: "x" }) });
    postgres.stop();
    const down = await signIn();
    expect(down.status).toBe(503);
    expect(visibleText(await down.text())).toContain(UNREACHABLE);
    expect((await fetch(`${url}/healthz`)).status).toBe(503);
    postgres.start();
    // The pool opens new connections: an unknown address is refused as usual, no longer a 503.
    expect((await signIn()).status).toBe(401);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect(exited).toBeUndefined();
  }, 120_000);
});
