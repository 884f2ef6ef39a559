import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server.ts";
import { rebuildSearchIndex } from "../../app/search/search-index.server.ts";
import { PASSWORD, twoRegions } from "../support/fixtures.ts";
import { Client, startTestServer, type TestServer } from "../support/test-server.ts";

// rebuildSearchIndex() writes lessons a slice at a time (the server runs it at
// start on an unindexed database): the search page must find what it found
// before, with the same visibility rules.
describe("rebuilding the search index", () => {
  let server: TestServer;
  const as = (email: string) => Client.signedIn(server.url, email, PASSWORD);
  const titlesIn = (html: string) => [...html.matchAll(/<h2><a [^>]*>(.*?)<\/a><\/h2>/g)].map((m) => m[1].replace(/<[^>]+>/g, ""));
  const search = async (client: Client, q: string) => titlesIn(await (await client.get(`/o/region-nord/search?q=${encodeURIComponent(q)}`)).text());

  beforeAll(async () => {
    server = await startTestServer();
    const world = await twoRegions();
    const publish = (client: Client, slug: string, fields: Record<string, string>) =>
      client.post(`/o/${slug}/lessons/new`, { sourceType: "other", evidence: "observation", visibility: "organisation", intent: "publish", ...fields });
    await publish(await as("member@nord.se"), "region-nord", { title: "Upphandling av utvärderare tar tid", whatWeLearned: "Börja i god tid." });
    const south = await as("member@syd.se");
    await publish(south, "region-syd", { title: "Hemlig upphandlingsmiss i Syd", whatWeLearned: "Intern." });
    await publish(south, "region-syd", { title: "Delad lärdom om upphandlingar", visibility: "network", networkId: world.network.id, whatWeLearned: "Dela gärna." });
  });
  afterAll(() => server.close());

  it("finds the same lessons after the index is emptied and rebuilt", async () => {
    const north = await as("member@nord.se");
    const before = await search(north, "upphandlingen");
    expect(before).toEqual(expect.arrayContaining(["Upphandling av utvärderare tar tid", "Delad lärdom om upphandlingar"]));

    await db.$executeRaw`DELETE FROM search_index`;
    expect(await search(north, "upphandlingen")).toEqual([]);
    await rebuildSearchIndex();

    const after = await search(north, "upphandlingen");
    expect(after).toEqual(before);
    expect(after).not.toContain("Hemlig upphandlingsmiss i Syd");
  });
});
