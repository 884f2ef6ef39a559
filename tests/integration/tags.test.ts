import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server.ts";
import { createUser, PASSWORD } from "../support/fixtures.ts";
import { Client, startTestServer, type TestServer } from "../support/test-server.ts";

describe("tag dimensions", () => {
  let server: TestServer;
  const as = (email: string) => Client.signedIn(server.url, email, PASSWORD);

  beforeAll(async () => {
    server = await startTestServer();
    await createUser("admin@nord.se", "Nora Admin");
    await createUser("admin@syd.se", "Sven Admin");
    await createUser("member@nord.se", "Nina Medlem");
    for (const [email, slug] of [["admin@nord.se", "region-nord"], ["admin@syd.se", "region-syd"]]) {
      const client = await as(email);
      await client.post("/organisations/new", { name: slug, kind: "region", slug });
    }
    const north = await db.organisation.findUniqueOrThrow({ where: { slug: "region-nord" } });
    const member = await db.user.findUniqueOrThrow({ where: { email: "member@nord.se" } });
    await db.membership.create({ data: { userId: member.id, organisationId: north.id, role: "member" } });
  });
  afterAll(() => server.close());

  it("gives a new organisation the standard Swedish dimensions and categories", async () => {
    const admin = await as("admin@nord.se");
    const html = await (await admin.get("/o/region-nord/settings/tags")).text();
    for (const text of ["ERUF politiska mål", "PO1 Ett smartare Europa", "Nationella strategins prioriteringar", "Social hållbarhet", "Miljömässig hållbarhet", "Projektstöd", "Företagsstöd", "S3-områden", "Kommuner"]) {
      expect(html).toContain(text);
    }
  });

  it("lets an admin add organisation-specific tags, refusing duplicates, and remove them", async () => {
    const admin = await as("admin@nord.se");
    const s3 = await db.tagDimension.findFirstOrThrow({ where: { key: "s3", organisation: { slug: "region-nord" } } });
    const added = await admin.post("/o/region-nord/settings/tags", { intent: "create-tag", dimensionId: s3.id, name: "Besöksnäring" });
    expect(await added.text()).toContain("Taggen Besöksnäring är tillagd.");
    const duplicate = await admin.post("/o/region-nord/settings/tags", { intent: "create-tag", dimensionId: s3.id, name: "Besöksnäring" });
    expect(duplicate.status).toBe(400);
    expect(await duplicate.text()).toContain("Det finns redan en tagg med det namnet.");

    const tag = await db.tag.findFirstOrThrow({ where: { dimensionId: s3.id, name: "Besöksnäring" } });
    const southAdmin = await as("admin@syd.se");
    const foreign = await southAdmin.post("/o/region-syd/settings/tags", { intent: "delete-tag", tagId: tag.id });
    expect(foreign.status).toBe(404);
    const foreignAdd = await southAdmin.post("/o/region-syd/settings/tags", { intent: "create-tag", dimensionId: s3.id, name: "Intrång" });
    expect(foreignAdd.status).toBe(404);

    const removed = await admin.post("/o/region-nord/settings/tags", { intent: "delete-tag", tagId: tag.id });
    expect(await removed.text()).toContain("Taggen Besöksnäring är borttagen.");
    expect(await db.tag.count({ where: { dimensionId: s3.id } })).toBe(0);
  });

  it("lets an admin add a dimension of their own; members cannot", async () => {
    const member = await as("member@nord.se");
    expect((await member.post("/o/region-nord/settings/tags", { intent: "create-dimension", name: "Målgrupp" })).status).toBe(403);
    const admin = await as("admin@nord.se");
    const response = await admin.post("/o/region-nord/settings/tags", { intent: "create-dimension", name: "Målgrupp" });
    expect(await response.text()).toContain("Dimensionen Målgrupp är tillagd.");
    expect(await db.tagDimension.count({ where: { name: "Målgrupp" } })).toBe(1);
  });
});
