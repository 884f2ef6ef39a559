import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPostgresUrl, sqliteFilePath } from "../../app/database-url.ts";
import { dropDatabase, testPostgresUrl } from "../support/postgres.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";

/** Takes the database away under the running app: the SQLite file is deleted, the PostgreSQL database dropped. */
async function loseDatabase(url: string) {
  if (isPostgresUrl(url)) {
    await dropDatabase(testPostgresUrl()!, new URL(url).pathname.slice(1));
    return;
  }
  const file = sqliteFilePath(url);
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
}

describe("GET /healthz", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it("answers 200 ok while the database answers, and 503 once it is gone", async () => {
    const ok = await fetch(`${server.url}/healthz`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ status: "ok" });

    await loseDatabase(process.env.DATABASE_URL!);

    const gone = await fetch(`${server.url}/healthz`);
    expect(gone.status).toBe(503);
    expect(await gone.json()).toEqual({ status: "unavailable", reason: "database-unreachable" });
  });
});
