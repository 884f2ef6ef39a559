import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server.ts";
import { demoPassword, seedDemoIfEmpty } from "../../prisma/demo-seed.ts";
import { Client, startTestServer, type TestServer } from "../support/test-server.ts";

describe("the demo's evaluation model and plan", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    await seedDemoIfEmpty(db);
  });
  afterAll(() => server.close());

  it("shows a model at all three levels and a plan with a completed, an ongoing and a planned evaluation", async () => {
    const member = await Client.signedIn(server.url, "member@region-demo.se", demoPassword());
    const model = await (await member.get("/o/region-demo/evaluations/model")).text();
    expect(model).toContain("Antal företag som fått stöd, per bransch, storlek och kommun");
    expect(model).toContain("Ökad omsättning och sysselsättning i stödföretagen två år efter stödet");
    expect(model).toContain("Regional tillväxt: fler innovativa och växande företag i regionen");
    expect(model).not.toContain("Inga rader på den här nivån än.");

    const plan = await (await member.get("/o/region-demo/evaluations")).text();
    expect(plan).toContain("3 utvärderingar");
    for (const status of ["Genomförd", "Pågående", "Planerad"]) expect(plan).toContain(status);
    expect(plan).toContain("3 projekt");

    const completed = await db.evaluation.findFirstOrThrow({ where: { status: "completed" } });
    const page = await (await member.get(`/o/region-demo/evaluations/${completed.id}`)).text();
    expect(page).toContain("Digitaliseringsstöd i två steg ger bestående förändring");
    expect(page).toContain("1.1.1 Ökad digital mognad i företagen");

    // The finding is shared with the network: another region reads it as coming from an evaluation.
    const lesson = await db.lesson.findFirstOrThrow({ where: { evaluationId: completed.id } });
    const partner = await Client.signedIn(server.url, "member@region-exempel.se", demoPassword());
    const shared = await (await partner.get(`/o/region-exempel/lessons/${lesson.id}`)).text();
    expect(shared).toContain("Stöds av utvärdering");
  });
});
