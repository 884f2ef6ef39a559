import type { Socket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server.ts";
import { addMember, createOrganisation, createUser, PASSWORD, twoRegions } from "../support/fixtures.ts";
import { Client, nextEvent, startTestServer, type TestServer } from "../support/test-server.ts";

// Nothing shared with a network crosses to anyone outside it. Region Syd
// shares a lesson, a category with a thread and a session with the network it
// has with Region Nord, and keeps a lesson to itself. Region Öst is in no
// network with Syd; Region Väst is invited to it but has not accepted. Every
// read path is walked as a member of each: lists, pages, search, a call's
// learning brief and its Markdown export, the open-data JSON and CSV, and the
// live channel. Region Nord, the partner, is the control that sees them.
const SHARED = "Klusterstödet behöver en gemensam uppföljning";
const PRIVATE = "Intern: klusterstödets budget i Syd";
const THREAD = "Hur följer ni upp klusterstödet?";
const SESSION = "Öppet lärtillfälle om klusterstöd";

function arrives(socket: Socket, event: string, ms = 700): Promise<boolean> {
  return nextEvent(socket, event, () => true, ms).then(
    () => true,
    () => false,
  );
}

/** A post body, as the editor sends it, that mentions each of `people`. */
function mentioning(people: { id: string; name: string }[]): string {
  const text = (value: string) => ({ type: "text", version: 1, text: value, detail: 0, format: 0, mode: "normal", style: "" });
  const mention = (p: { id: string; name: string }) => ({ type: "mention", version: 1, userId: p.id, name: p.name, text: `@${p.name}`, detail: 0, format: 0, mode: "token", style: "" });
  const children = [text("Vad säger "), ...people.flatMap((p) => [mention(p), text(" ")]), text("om klusterstödet?")];
  return JSON.stringify({
    root: { type: "root", version: 1, direction: null, format: "", indent: 0, children: [{ type: "paragraph", version: 1, direction: null, format: "", indent: 0, textFormat: 0, textStyle: "", children }] },
  });
}

describe("nothing shared with a network reaches an organisation outside it", () => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof twoRegions>>;
  const ids = { shared: "", private: "", thread: "", session: "", category: "" };
  const outsiders = [
    { email: "member@ost.se", slug: "region-ost", why: "in no network with Syd" },
    { email: "member@vast.se", slug: "region-vast", why: "invited to the network, not yet a member" },
  ];
  const sockets: Socket[] = [];
  const as = (email: string) => Client.signedIn(server.url, email, PASSWORD);
  // Tags out, so that a title split by search highlighting still reads as one.
  const textOf = async (client: Client, path: string) => (await (await client.get(path)).text()).replace(/<[^>]+>/g, "");

  beforeAll(async () => {
    server = await startTestServer();
    world = await twoRegions();
    const east = await createOrganisation("region-ost", "Region Öst");
    await addMember((await createUser("member@ost.se", "Oda Medlem")).id, east.id, "member");
    const west = await createOrganisation("region-vast", "Region Väst");
    await addMember((await createUser("member@vast.se", "Vera Medlem")).id, west.id, "member");
    await db.networkMember.create({ data: { networkId: world.network.id, organisationId: west.id, status: "invited" } });
    // A network of Öst's own with Nord: Öst is somebody's partner, only not Syd's.
    await db.network.create({
      data: { name: "Öst och Nord", members: { create: [east, world.north].map((o) => ({ organisationId: o.id, status: "member", joinedAt: new Date() })) } },
    });

    const siri = await as("member@syd.se");
    const lesson = { sourceType: "other", evidence: "observation", intent: "publish", whatWeLearned: "Klusterstödet följs upp olika i varje region." };
    ids.shared = (await siri.post("/o/region-syd/lessons/new", { ...lesson, title: SHARED, visibility: "network", networkId: world.network.id })).headers.get("location")!.match(/lessons\/([^?]+)/)![1];
    ids.private = (await siri.post("/o/region-syd/lessons/new", { ...lesson, title: PRIVATE, visibility: "organisation" })).headers.get("location")!.match(/lessons\/([^?]+)/)![1];

    const southAdmin = await as("admin@syd.se");
    await southAdmin.post("/o/region-syd/settings/categories", { intent: "create-category", name: "Klusterfrågor", description: "", template: "", networkId: world.network.id });
    ids.category = (await db.category.findFirstOrThrow({ where: { organisationId: world.south.id, name: "Klusterfrågor" } })).id;
    const started = await siri.post("/o/region-syd/daily/new", { categoryId: ids.category, title: THREAD, bodyText: "Vi jämför hur klusterstödet följs upp." });
    ids.thread = started.headers.get("location")!.split("/").at(-1)!;
    const session = await db.learningSession.create({
      data: { organisationId: world.south.id, title: SESSION, startsAt: new Date("2027-04-01T08:00:00Z"), networkId: world.network.id },
    });
    ids.session = session.id;
    await db.organisation.update({ where: { id: world.south.id }, data: { publicResults: true } });
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.disconnect();
  });
  afterAll(() => server.close());

  it("shows the partner what Syd shared, and not what Syd kept", async () => {
    const nina = await as("member@nord.se");
    expect((await nina.get(`/o/region-nord/lessons/${ids.shared}`)).status).toBe(200);
    expect((await nina.get(`/o/region-nord/lessons/${ids.private}`)).status).toBe(404);
    expect((await nina.get(`/o/region-nord/daily/${ids.thread}`)).status).toBe(200);
    expect((await nina.get(`/o/region-nord/sessions/${ids.session}`)).status).toBe(200);
    const search = await textOf(nina, `/o/region-nord/search?q=${encodeURIComponent("klusterstödet")}`);
    expect(search).toContain(SHARED);
    expect(search).not.toContain(PRIVATE);
  });

  for (const outsider of outsiders) {
    describe(`a member of an organisation ${outsider.why}`, () => {
      it("finds none of it in lists and gets 404 for its pages", async () => {
        const client = await as(outsider.email);
        const lists = [
          await textOf(client, `/o/${outsider.slug}/lessons`),
          await textOf(client, `/o/${outsider.slug}/lessons?scope=shared`),
          await textOf(client, `/o/${outsider.slug}/daily`),
          await textOf(client, `/o/${outsider.slug}/sessions`),
          await textOf(client, `/o/${outsider.slug}`),
          await textOf(client, `/o/${outsider.slug}/networks/feed`),
        ];
        for (const html of lists) for (const title of [SHARED, PRIVATE, THREAD, SESSION]) expect(html).not.toContain(title);
        for (const path of [`lessons/${ids.shared}`, `lessons/${ids.private}`, `lessons/${ids.shared}/history`, `daily/${ids.thread}`, `sessions/${ids.session}`, `sessions/${ids.session}/summary`]) {
          expect((await client.get(`/o/${outsider.slug}/${path}`)).status, path).toBe(404);
        }
        // Syd's workspace is not theirs either.
        expect((await client.get(`/o/region-syd/lessons/${ids.shared}`)).status).toBe(404);
      });

      it("finds none of it in search", async () => {
        const client = await as(outsider.email);
        for (const q of ["klusterstödet", "klusterstöd", "uppföljning"]) {
          const html = await textOf(client, `/o/${outsider.slug}/search?q=${encodeURIComponent(q)}`);
          for (const title of [SHARED, PRIVATE, THREAD]) expect(html).not.toContain(title);
        }
      });

      it("finds none of it in a call's learning brief or its export", async () => {
        const client = await as(outsider.email);
        const organisation = await db.organisation.findUniqueOrThrow({ where: { slug: outsider.slug } });
        const call = await db.call.create({ data: { organisationId: organisation.id, title: "Utlysning om klusterstöd och uppföljning", description: "Klusterstödet ska följas upp gemensamt." } });
        const page = await textOf(client, `/o/${outsider.slug}/calls/${call.id}`);
        const markdown = await textOf(client, `/o/${outsider.slug}/calls/${call.id}/brief.md`);
        for (const html of [page, markdown]) for (const title of [SHARED, PRIVATE]) expect(html).not.toContain(title);
      });

      it("gets neither lesson from the open data of Syd, which publishes only what is public", async () => {
        const client = await as(outsider.email);
        for (const path of ["/api/v1/results/region-syd", "/results/region-syd", "/results/region-syd/lessons.csv"]) {
          const body = await textOf(client, path);
          for (const title of [SHARED, PRIVATE]) expect(body, path).not.toContain(title);
        }
      });

      it("cannot follow the shared thread live and hears nothing of its activity", async () => {
        const client = await as(outsider.email);
        const organisation = await db.organisation.findUniqueOrThrow({ where: { slug: outsider.slug } });
        const socket = client.socket();
        sockets.push(socket);
        await nextEvent(socket, "connect");
        const joined = (await socket.emitWithAck("thread:join", { threadId: ids.thread, organisationId: organisation.id, after: 1, since: null })) as { ok: boolean };
        expect(joined.ok).toBe(false);

        const partner = (await as("member@nord.se")).socket();
        sockets.push(partner);
        await nextEvent(partner, "connect");
        const partnerHears = nextEvent<{ threadId: string }>(partner, "thread:activity", (a) => a.threadId === ids.thread);
        const outsiderHears = arrives(socket, "thread:activity");
        const outsiderGetsPost = arrives(socket, "thread:post");
        const siri = await as("member@syd.se");
        expect((await siri.post(`/o/region-syd/daily/${ids.thread}`, { intent: "reply", bodyText: "Vi följer upp klusterstödet varje kvartal." })).status).toBe(200);
        expect((await partnerHears).threadId).toBe(ids.thread);
        expect(await outsiderHears).toBe(false);
        expect(await outsiderGetsPost).toBe(false);
      });

      it("is told nothing when mentioned in the shared thread, while a partner is", async () => {
        const outsiderUser = await db.user.findUniqueOrThrow({ where: { email: outsider.email } });
        const partner = await db.user.findUniqueOrThrow({ where: { email: "member@nord.se" } });
        const before = await db.notification.count({ where: { userId: partner.id } });
        const siri = await as("member@syd.se");
        const body = mentioning([outsiderUser, partner]);
        expect((await siri.post(`/o/region-syd/daily/${ids.thread}`, { intent: "reply", body })).status).toBe(200);
        expect(await db.notification.count({ where: { userId: partner.id } })).toBe(before + 1);
        expect(await db.notification.count({ where: { userId: outsiderUser.id } })).toBe(0);
        expect(await textOf(await as(outsider.email), "/notifications")).not.toContain(THREAD);
      });
    });
  }
});
