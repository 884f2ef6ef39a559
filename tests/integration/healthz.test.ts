import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sqliteFilePath } from "../../app/database-url.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";

describe("GET /healthz", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it("answers 200 ok while the database answers, and 503 once its file is gone", async () => {
    const ok = await fetch(`${server.url}/healthz`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ status: "ok" });

    const file = sqliteFilePath(process.env.DATABASE_URL);
    for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });

    const gone = await fetch(`${server.url}/healthz`);
    expect(gone.status).toBe(503);
    expect(await gone.json()).toEqual({ status: "unavailable" });
  });
});
