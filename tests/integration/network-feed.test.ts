import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server.ts";
import { ensureStandardDimensions } from "../../app/goals/tags.server.ts";
import { demoPassword, seedDemoIfEmpty } from "../../prisma/demo-seed.ts";
import { addMember, createOrganisation, createUser, PASSWORD, twoRegions } from "../support/fixtures.ts";
import { Client, startTestServer, type TestServer } from "../support/test-server.ts";

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY);

// The network feed and directory: Region Nord sees what Region Syd shares
// with their network and what Region Mitt shares with another network they
// are both in; Region Öst (in no network) and Region Väst (invited to Nord
// and Syd's network, not a member) see none of it.
describe("the network feed and directory", () => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof twoRegions>>;
  let second: { id: string };
  const ids: Record<string, string> = {};
  const as = (email: string) => Client.signedIn(server.url, email, PASSWORD);
  const page = async (client: Client, path: string) => {
    const response = await client.get(path);
    expect(response.status).toBe(200);
    return response.text();
  };

  const SYD_SHARED = ["Syds tråd om mentorskap", "Syds öppna lärtillfälle", "Syds lärdom om checkar", "Syds lärdom om gröna investeringar"];
  const NEVER = [
    "Syds privata lärdom",
    "Syds utkast",
    "Syds interna tråd",
    "Syds avslutade lärtillfälle",
    "Syds gamla lärtillfälle",
    "Syds interna lärtillfälle",
    "Västs lärdom",
    "Nords egen delade lärdom",
  ];

  async function tag(organisationId: string, key: string, name: string) {
    const dimension = await db.tagDimension.findUniqueOrThrow({ where: { organisationId_key: { organisationId, key } } });
    return (await db.tag.findFirst({ where: { dimensionId: dimension.id, name } })) ?? db.tag.create({ data: { organisationId, dimensionId: dimension.id, name } });
  }

  async function goal(organisationId: string, strategyId: string, code: string, name: string, parentId: string | null = null) {
    return db.goal.create({ data: { organisationId, strategyId, parentId, code, name, oneToOneRelevant: code === "1.1" } });
  }

  async function lesson(organisationId: string, title: string, fields: Record<string, unknown> = {}) {
    const row = await db.lesson.create({ data: { organisationId, title, status: "published", visibility: "network", publishedAt: new Date(), ...fields } });
    ids[title] = row.id;
    return row;
  }

  beforeAll(async () => {
    server = await startTestServer();
    // The demo first: it only seeds an empty database.
    await seedDemoIfEmpty(db);
    world = await twoRegions();
    const { north, south, network } = world;
    await db.organisation.update({
      where: { id: south.id },
      data: { county: "Syd län", description: "Region Syd följer upp sina checkar ett år efteråt.", website: "https://www.region-syd.se", contactEmail: "tillvaxt@region-syd.se" },
    });
    const mitt = await createOrganisation("region-mitt", "Region Mitt");
    await addMember((await createUser("member@mitt.se", "Mira Medlem")).id, mitt.id);
    second = await db.network.create({
      data: { name: "Nord och Mitt", members: { create: [north, mitt].map((o) => ({ organisationId: o.id, status: "member", joinedAt: new Date() })) } },
    });
    const east = await createOrganisation("region-ost", "Region Öst");
    await addMember((await createUser("member@ost.se", "Oda Medlem")).id, east.id);
    const west = await createOrganisation("region-vast", "Region Väst");
    await addMember((await createUser("member@vast.se", "Vera Medlem")).id, west.id);
    await db.networkMember.create({ data: { networkId: network.id, organisationId: west.id, status: "invited" } });

    for (const o of [north, south, mitt, west]) await ensureStandardDimensions(o.id);
    const northDigital = await tag(north.id, "s3", "Digitalisering");
    const southDigital = await tag(south.id, "s3", "Digitalisering");
    await tag(south.id, "s3", "Life science");
    const northPo2 = await db.tag.findFirstOrThrow({ where: { organisationId: north.id, code: "eruf-po2" } });
    const southPo2 = await db.tag.findFirstOrThrow({ where: { organisationId: south.id, code: "eruf-po2" } });
    ids.northDigital = northDigital.id;
    ids.northPo2 = northPo2.id;

    const southRus = await db.strategy.create({ data: { organisationId: south.id, name: "RUS Syd 2022–2030" } });
    const southTheme = await goal(south.id, southRus.id, "1", "Ett innovativt näringsliv");
    const southChild = await goal(south.id, southRus.id, "1.1", "Digital mognad i småföretag", southTheme.id);
    await goal(south.id, southRus.id, "2", "Kompetensförsörjning");
    const northRus = await db.strategy.create({ data: { organisationId: north.id, name: "RUS Nord" } });
    const northGoal = await goal(north.id, northRus.id, "A", "Nords eget mål");
    const mittRus = await db.strategy.create({ data: { organisationId: mitt.id, name: "RUS Mitt" } });
    const mittGoal = await goal(mitt.id, mittRus.id, "M1", "Mitts mål utan delningar");
    Object.assign(ids, { southTheme: southTheme.id, southChild: southChild.id, northGoal: northGoal.id, mittGoal: mittGoal.id });

    // Region Syd shares with Nord and Syd's network: two lessons, a category with a thread, an open session.
    await lesson(south.id, "Syds lärdom om checkar", {
      networkId: network.id,
      publishedAt: ago(3),
      goals: { create: [{ goalId: southChild.id }] },
      tags: { create: [{ tagId: southDigital.id }] },
    });
    await lesson(south.id, "Syds lärdom om gröna investeringar", { networkId: network.id, publishedAt: ago(5), tags: { create: [{ tagId: southPo2.id }] } });
    await lesson(south.id, "Syds privata lärdom", { visibility: "organisation", publishedAt: ago(1) });
    await lesson(south.id, "Syds utkast", { networkId: network.id, status: "draft", publishedAt: null });
    const sharedCategory = await db.category.create({ data: { organisationId: south.id, name: "Syds utbyte", networkId: network.id } });
    const privateCategory = await db.category.create({ data: { organisationId: south.id, name: "Syds interna" } });
    const thread = await db.thread.create({
      data: { organisationId: south.id, categoryId: sharedCategory.id, title: "Syds tråd om mentorskap", postCount: 3, lastPostAt: ago(1), goals: { create: [{ goalId: southTheme.id }] } },
    });
    ids.thread = thread.id;
    await db.thread.create({ data: { organisationId: south.id, categoryId: privateCategory.id, title: "Syds interna tråd", lastPostAt: new Date() } });
    const session = (title: string, fields: Record<string, unknown>) =>
      db.learningSession.create({ data: { organisationId: south.id, title, networkId: network.id, startsAt: new Date(Date.now() + 7 * DAY), createdAt: ago(2), ...fields } });
    ids.session = (await session("Syds öppna lärtillfälle", { theme: "Vi jämför uppföljningsmodeller.", goals: { create: [{ goalId: southChild.id }] } })).id;
    await session("Syds avslutade lärtillfälle", { status: "ended", createdAt: new Date() });
    await session("Syds gamla lärtillfälle", { startsAt: ago(3), createdAt: new Date() });
    await session("Syds interna lärtillfälle", { networkId: null, createdAt: new Date() });

    // Region Mitt shares with the other network; Region Väst, only invited, has a row naming Nord and Syd's network.
    await lesson(mitt.id, "Mitts delade lärdom", { networkId: second.id, publishedAt: ago(6) });
    await lesson(west.id, "Västs lärdom", { networkId: network.id, publishedAt: new Date() });
    await lesson(north.id, "Nords egen delade lärdom", { networkId: network.id, publishedAt: new Date() });

    await db.membership.update({ where: { userId_organisationId: { userId: world.people.southAdmin.id, organisationId: south.id } }, data: { askMeAbout: "Företagsstöd\nSmart specialisering" } });
    await db.membership.update({ where: { userId_organisationId: { userId: world.people.southMember.id, organisationId: south.id } }, data: { askMeAbout: "företagsstöd" } });
  });
  afterAll(() => server.close());

  it("shows a partner exactly what was shared with its networks, newest first, with type, organisation and link", async () => {
    const html = await page(await as("member@nord.se"), "/o/region-nord/networks/feed");
    for (const title of [...SYD_SHARED, "Mitts delade lärdom"]) expect(html).toContain(title);
    for (const title of NEVER) expect(html).not.toContain(title);
    const order = ["Syds tråd om mentorskap", "Syds öppna lärtillfälle", "Syds lärdom om checkar", "Syds lärdom om gröna investeringar", "Mitts delade lärdom"].map((t) => html.indexOf(t));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(html).toContain(`href="/o/region-nord/lessons/${ids["Syds lärdom om checkar"]}"`);
    expect(html).toContain(`href="/o/region-nord/daily/${ids.thread}"`);
    expect(html).toContain(`href="/o/region-nord/sessions/${ids.session}"`);
    for (const label of ["Lärdom", "Tråd", "Lärtillfälle", "Region Syd", "Region Mitt", "I kategorin Syds utbyte", "2 svar", "Vi jämför uppföljningsmodeller."]) expect(html).toContain(label);
    expect(html).toContain("Visar 5 delningar");

    // From the other side: Syd sees what Nord shares, never what Mitt shares with Nord elsewhere.
    const south = await page(await as("member@syd.se"), "/o/region-syd/networks/feed");
    expect(south).toContain("Nords egen delade lärdom");
    expect(south).not.toContain("Mitts delade lärdom");
    for (const title of SYD_SHARED) expect(south).not.toContain(title);
  });

  it("filters by network, by a tag mapped across organisations, and by a partner's goal with its sub-goals", async () => {
    const north = await as("member@nord.se");
    const feed = (query: string) => page(north, `/o/region-nord/networks/feed?${query}`);

    const first = await feed(`network=${world.network.id}`);
    for (const title of SYD_SHARED) expect(first).toContain(title);
    expect(first).not.toContain("Mitts delade lärdom");
    const other = await feed(`network=${second.id}`);
    expect(other).toContain("Mitts delade lärdom");
    for (const title of SYD_SHARED) expect(other).not.toContain(title);
    // A network the organisation is not in is dropped, not obeyed.
    const foreign = await db.network.findFirstOrThrow({ where: { name: "Regionernas nätverk för 1:1-uppföljning" } });
    const dropped = await feed(`network=${foreign.id}`);
    expect(dropped).toContain("Mitts delade lärdom");
    expect(dropped).not.toContain("Gemensam mall för lägesrapporter");

    // Nord's own S3 tag "Digitalisering" finds Syd's lesson tagged with Syd's tag of that name; ERUF PO2 maps by code.
    const digital = await feed(`tag=${ids.northDigital}`);
    expect(digital).toContain("Syds lärdom om checkar");
    for (const title of ["Syds lärdom om gröna investeringar", "Syds tråd om mentorskap", "Syds öppna lärtillfälle", "Mitts delade lärdom"]) expect(digital).not.toContain(title);
    const green = await feed(`tag=${ids.northPo2}`);
    expect(green).toContain("Syds lärdom om gröna investeringar");
    expect(green).not.toContain("Syds lärdom om checkar");
    // A partner's tag without a counterpart at Nord is offered with its organisation's name.
    expect(green).toContain("Life science (Region Syd)");

    // Syd's priority area takes in what is on its sub-goal; goals are offered per organisation and strategy.
    const theme = await feed(`goal=${ids.southTheme}`);
    for (const title of ["Syds tråd om mentorskap", "Syds öppna lärtillfälle", "Syds lärdom om checkar"]) expect(theme).toContain(title);
    for (const title of ["Syds lärdom om gröna investeringar", "Mitts delade lärdom"]) expect(theme).not.toContain(title);
    expect(theme).toContain('label="Region Syd: RUS Syd 2022–2030"');
    expect(theme).toContain("1.1 Digital mognad i småföretag");
    const none = await feed(`goal=${ids.mittGoal}`);
    expect(none).toContain("Inget av det partnerna delat matchar filtren.");
    // Nord's own goal is not on offer (nothing of Nord's is in its feed): dropped.
    expect(await feed(`goal=${ids.northGoal}`)).toContain("Mitts delade lärdom");
  });

  it("shows nothing shared to an organisation outside the network or only invited to it, and no directory", async () => {
    for (const [email, slug] of [
      ["member@ost.se", "region-ost"],
      ["member@vast.se", "region-vast"],
    ]) {
      const outsider = await as(email);
      const html = await page(outsider, `/o/${slug}/networks/feed?network=${world.network.id}`);
      expect(html).toContain("Er organisation är inte med i något nätverk än");
      for (const title of [...SYD_SHARED, ...NEVER, "Mitts delade lärdom"]) expect(html).not.toContain(title);
      expect((await outsider.get(`/o/${slug}/networks/${world.network.id}/organisations/region-syd`)).status).toBe(404);
      expect((await outsider.get(`/o/${slug}/networks/${world.network.id}/organisations/${slug}`)).status).toBe(404);
      expect((await outsider.post(`/o/${slug}/networks/${world.network.id}/organisations/${slug}`, { topics: "Något" })).status).toBe(404);
      // Nor through a partner's address.
      expect((await outsider.get("/o/region-nord/networks/feed")).status).toBe(404);
    }
    const north = await as("member@nord.se");
    // An invited organisation is not in the directory yet; Syd is not in Nord and Mitt's network.
    expect((await north.get(`/o/region-nord/networks/${world.network.id}/organisations/region-vast`)).status).toBe(404);
    expect((await north.get(`/o/region-nord/networks/${second.id}/organisations/region-syd`)).status).toBe(404);
  });

  it("says so when partners have not shared anything yet", async () => {
    const [a, b] = [await createOrganisation("region-ny", "Region Ny"), await createOrganisation("region-tom", "Region Tom")];
    await addMember((await createUser("member@ny.se", "Nils Ny")).id, a.id);
    await db.network.create({ data: { name: "Nytt nätverk", members: { create: [a, b].map((o) => ({ organisationId: o.id, status: "member" })) } } });
    const html = await page(await as("member@ny.se"), "/o/region-ny/networks/feed");
    expect(html).toContain("Partnerna har inte delat något med era nätverk än.");
  });

  it("shows a partner's profile, strategies with goal trees, and contact people by topic", async () => {
    const north = await as("member@nord.se");
    const html = await page(north, `/o/region-nord/networks/${world.network.id}/organisations/region-syd`);
    for (const text of ["Region Syd", "Syd län", "Region Syd följer upp sina checkar ett år efteråt.", "www.region-syd.se", "tillvaxt@region-syd.se", "RUS Syd 2022–2030", "Digital mognad i småföretag", "1:1-relevant"]) {
      expect(html).toContain(text);
    }
    // The same topic from two people, in any capitalisation, is one topic with both.
    const topic = html.slice(html.indexOf("Fråga mig om Företagsstöd"), html.indexOf("Fråga mig om Smart specialisering"));
    expect(topic).toContain("Sven Admin");
    expect(topic).toContain("Siri Medlem");
    expect(topic).toContain("member@syd.se");
    expect(html.match(/Fråga mig om [Ff]öretagsstöd/g)).toHaveLength(1);
    // Only one's own entry has the form.
    expect(html).not.toContain("Spara mina ämnen");
    expect((await north.post(`/o/region-nord/networks/${world.network.id}/organisations/region-syd`, { topics: "Kapning" })).status).toBe(404);
  });

  it("lets a member edit their own topics, and keeps the text with a message when a topic is too long", async () => {
    const north = await as("member@nord.se");
    const own = `/o/region-nord/networks/${world.network.id}/organisations/region-nord`;
    expect(await page(north, own)).toContain("Spara mina ämnen");

    const saved = await north.post(own, { topics: "Uppföljning av checkar\n\n  Lärtillfällen  \nuppföljning av checkar" });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("location")).toContain("notice=saved");
    const membership = await db.membership.findUniqueOrThrow({ where: { userId_organisationId: { userId: world.people.northMember.id, organisationId: world.north.id } } });
    expect(membership.askMeAbout).toBe("Uppföljning av checkar\nLärtillfällen");
    expect(await page(north, `${own}?notice=saved`)).toContain("Dina ämnen är sparade.");
    const seen = await page(await as("member@syd.se"), `/o/region-syd/networks/${world.network.id}/organisations/region-nord`);
    expect(seen).toContain("Fråga mig om Lärtillfällen");
    expect(seen).toContain("Nina Medlem");

    const long = `Uppföljning av ${"mycket ".repeat(10)}långa ämnen`;
    const refused = await north.post(own, { topics: `Kort ämne\n${long}` });
    expect(refused.status).toBe(400);
    const form = await refused.text();
    expect(form).toContain("Varje ämne får ha högst 80 tecken.");
    expect(form).toContain(long);
    const many = await north.post(own, { topics: Array.from({ length: 11 }, (_, i) => `Ämne ${i + 1}`).join("\n") });
    expect(many.status).toBe(400);
    expect(await many.text()).toContain("Skriv högst 10 ämnen, ett per rad.");
    expect((await db.membership.findUniqueOrThrow({ where: { id: membership.id } })).askMeAbout).toBe("Uppföljning av checkar\nLärtillfällen");
  });

  it("shows 30 items at a time, with a link to show more", async () => {
    const [reader, sharer] = [await createOrganisation("region-lasare", "Region Läsare"), await createOrganisation("region-flitig", "Region Flitig")];
    await addMember((await createUser("member@lasare.se", "Lisa Läsare")).id, reader.id);
    const busy = await db.network.create({ data: { name: "Flitiga nätverket", members: { create: [reader, sharer].map((o) => ({ organisationId: o.id, status: "member" })) } } });
    for (let i = 1; i <= 35; i++) await lesson(sharer.id, `Flitig lärdom nummer ${i} av 35`, { networkId: busy.id, publishedAt: ago(i) });
    const client = await as("member@lasare.se");
    const first = await page(client, "/o/region-lasare/networks/feed");
    expect(first).toContain("Visar 30 delningar");
    expect(first).toContain("Flitig lärdom nummer 30 av 35");
    expect(first).not.toContain("Flitig lärdom nummer 31 av 35");
    expect(first).toContain('href="/o/region-lasare/networks/feed?show=60#feed-item-31">Visa fler');
    const all = await page(client, "/o/region-lasare/networks/feed?show=60");
    expect(all).toContain("Visar 35 delningar");
    expect(all).toContain("Flitig lärdom nummer 35 av 35");
    expect(all).not.toContain("Visa fler");
  });

  it("shows the demo's Region Demo a mix of what Region Exempel shares, and the filters find it", async () => {
    const member = await Client.signedIn(server.url, "member@region-demo.se", demoPassword());
    const html = await page(member, "/o/region-demo/networks/feed");
    const mix = [
      "Gemensam mall för lägesrapporter höjde kvaliteten",
      "Vinterpaket blir av först när företagen säljer dem tillsammans",
      "Hur tar ni in lärdomar i utlysningstexten?",
      "Digitaliseringscheckar – hur följer ni upp effekten efter ett år?",
      "Öppet lärtillfälle: uppföljning av företagsstöd mot smart specialisering",
    ];
    for (const title of mix) expect(html).toContain(title);
    expect(html).not.toContain("Intern: budgetuppföljning i Exempel");
    const demo = await db.organisation.findUniqueOrThrow({ where: { slug: "region-demo" } });
    const s3 = async (name: string) => (await db.tag.findFirstOrThrow({ where: { organisationId: demo.id, name } })).id;
    const digital = await page(member, `/o/region-demo/networks/feed?tag=${await s3("Digitalisering")}`);
    expect(digital).toContain("Digitaliseringscheckar – hur följer ni upp effekten efter ett år?");
    for (const title of mix.filter((t) => !t.startsWith("Digitaliseringscheckar"))) expect(digital).not.toContain(title);
    const tourism = await page(member, `/o/region-demo/networks/feed?tag=${await s3("Besöksnäring")}`);
    expect(tourism).toContain("Vinterpaket blir av först när företagen säljer dem tillsammans");
    expect(tourism).not.toContain("Gemensam mall för lägesrapporter höjde kvaliteten");
    const exempelGoal = await db.goal.findFirstOrThrow({ where: { organisation: { slug: "region-exempel" }, code: "1.1" } });
    const goal = await page(member, `/o/region-demo/networks/feed?goal=${exempelGoal.id}`);
    for (const title of [mix[0], mix[3], mix[4]]) expect(goal).toContain(title);
    for (const title of [mix[1], mix[2]]) expect(goal).not.toContain(title);

    const invited = await Client.signedIn(server.url, "admin@region-norrkust.se", demoPassword());
    const nothing = await page(invited, "/o/region-norrkust/networks/feed");
    expect(nothing).not.toContain("Gemensam mall för lägesrapporter höjde kvaliteten");
    const network = await db.network.findFirstOrThrow({ where: { name: "Regionernas nätverk för 1:1-uppföljning" } });
    expect((await invited.get(`/o/region-norrkust/networks/${network.id}/organisations/region-exempel`)).status).toBe(404);
    const directory = await page(member, `/o/region-demo/networks/${network.id}/organisations/region-exempel`);
    expect(directory).toContain("Fråga mig om Smart specialisering (S3)");
  });
});
