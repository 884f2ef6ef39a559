import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server.ts";
import { PASSWORD, twoRegions } from "../support/fixtures.ts";
import { Client, startTestServer, type TestServer } from "../support/test-server.ts";

describe("a person's own data", () => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof twoRegions>>;
  const as = (email: string) => Client.signedIn(server.url, email, PASSWORD);

  beforeAll(async () => {
    server = await startTestServer();
    world = await twoRegions();
  });
  afterAll(() => server.close());

  it("downloads as JSON everything they wrote and where they are a member, and nothing of anyone else", async () => {
    const nina = await as("member@nord.se");
    const lesson = { sourceType: "other", evidence: "observation", intent: "publish", visibility: "organisation" };
    await nina.post("/o/region-nord/lessons/new", { ...lesson, title: "Ninas lärdom om lägesrapporter", whatWeLearned: "Fasta frågor gör rapporterna jämförbara." });
    const category = await db.category.create({ data: { organisationId: world.north.id, name: "Frågor" } });
    await nina.post("/o/region-nord/daily/new", { categoryId: category.id, title: "Hur följer ni upp klusterstöd?", bodyText: "Vi har börjat med kvartalsvisa avstämningar." });
    const siri = await as("member@syd.se");
    await siri.post("/o/region-syd/lessons/new", { ...lesson, title: "Siris egen lärdom", whatWeLearned: "Syds interna iakttagelse." });

    const response = await nina.get("/account/data.json");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="larloop-mina-uppgifter-\d{4}-\d{2}-\d{2}\.json"$/);
    const text = await response.text();
    const data = JSON.parse(text);
    expect(data.account).toMatchObject({ name: "Nina Medlem", email: "member@nord.se" });
    expect(data.memberships.map((m: { organisation: { name: string }; role: string }) => [m.organisation.name, m.role])).toEqual([[world.north.name, "member"]]);
    expect(data.lessons.map((l: { title: string }) => l.title)).toContain("Ninas lärdom om lägesrapporter");
    expect(data.threads.map((t: { title: string }) => t.title)).toContain("Hur följer ni upp klusterstöd?");
    expect(data.posts.map((p: { bodyText: string }) => p.bodyText)).toContain("Vi har börjat med kvartalsvisa avstämningar.");
    expect(data.signIns.length).toBeGreaterThan(0);
    expect(data.auditEvents.map((e: { action: string }) => e.action)).toContain("sign-in");

    const nina2 = await db.user.findUniqueOrThrow({ where: { email: "member@nord.se" } });
    const sessions = await db.session.findMany({ where: { userId: nina2.id } });
    for (const secret of [nina2.passwordHash, ...sessions.map((s) => s.id), "Siris egen lärdom", "member@syd.se"]) expect(text).not.toContain(secret);
  });

  it("shows the account page with the download, and asks a visitor to sign in", async () => {
    const nina = await as("member@nord.se");
    const page = (await (await nina.get("/account")).text()).replace(/<[^>]+>/g, " ");
    expect(page).toContain("Mitt konto");
    expect(page).toContain("member@nord.se");
    expect(page).toContain("Ladda ner mina uppgifter (JSON)");
    const visitor = new Client(server.url);
    for (const path of ["/account", "/account/data.json"]) {
      const response = await visitor.get(path);
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toMatch(/^\/login/);
    }
  });
});
