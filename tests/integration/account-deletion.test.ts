import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server.ts";
import { addMember, createUser, PASSWORD, twoRegions } from "../support/fixtures.ts";
import { Client, startTestServer, type TestServer } from "../support/test-server.ts";

const text = async (response: Response) => (await response.text()).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

/** Every row of every table, as text: where a deleted person's name or address could still hide. */
async function everyRow(): Promise<string> {
  const tables: { name: string }[] =
    process.env.TEST_DATABASE === "postgresql"
      ? await db.$queryRawUnsafe(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`)
      : // FTS5's own shadow tables hold blobs; the search_index table itself shows their text.
        await db.$queryRawUnsafe(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_index_%'`);
  expect(tables.length).toBeGreaterThan(30);
  const dumps: string[] = [];
  for (const { name } of tables) {
    const table = `"${name.replace(/"/g, "")}"`;
    // PostgreSQL: each row as JSON text, since the adapter cannot read every column type (the search tsvector).
    const rows = await db.$queryRawUnsafe(process.env.TEST_DATABASE === "postgresql" ? `SELECT row_to_json(t)::text AS row FROM ${table} t` : `SELECT * FROM ${table}`);
    dumps.push(`${name}: ${JSON.stringify(rows, (_, v) => (typeof v === "bigint" ? v.toString() : v))}`);
  }
  return dumps.join("\n");
}

describe("deleting one's account and answering data-subject requests", () => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof twoRegions>>;
  const as = (email: string) => Client.signedIn(server.url, email, PASSWORD);
  const lesson = { sourceType: "other", evidence: "observation", intent: "publish", visibility: "organisation" };
  const lessonIdOf = (response: Response) => response.headers.get("location")!.match(/lessons\/([^?/]+)/)![1];

  beforeAll(async () => {
    server = await startTestServer();
    world = await twoRegions();
  });
  afterAll(() => server.close());

  it("asks for the current password, then erases the person: signed out, no sign-in, posts by a former member, no trace of name or address", async () => {
    const nina = await as("member@nord.se");
    const nora = await as("admin@nord.se");
    const ninaId = world.people.northMember.id;
    const category = await db.category.create({ data: { organisationId: world.north.id, name: "Frågor" } });
    const threadPath = (await nina.post("/o/region-nord/daily/new", { categoryId: category.id, title: "Hur följer ni upp klusterstöd?", bodyText: "Vi har börjat med kvartalsvisa avstämningar." })).headers.get("location")!;
    // Nora's reply @mentions Nina: the mention carries her name into Nora's post.
    const textNode = (t: string) => ({ type: "text", text: t, detail: 0, format: 0, mode: "normal", style: "", version: 1 });
    const mention = { type: "mention", userId: ninaId, name: "Nina Medlem", text: "@Nina Medlem", detail: 0, format: 0, mode: "token", style: "", version: 1 };
    const paragraph = { type: "paragraph", direction: null, format: "", indent: 0, version: 1, textFormat: 0, textStyle: "", children: [mention, textNode(" vi gör likadant, varje kvartal.")] };
    const body = JSON.stringify({ root: { type: "root", direction: null, format: "", indent: 0, version: 1, children: [paragraph] } });
    expect((await nora.post(threadPath, { intent: "reply", body, bodyText: "" })).status).toBeLessThan(400);
    const reply = await db.post.findFirstOrThrow({ where: { number: 2, thread: { categoryId: category.id } } });
    expect(reply.bodyText).toContain("@Nina Medlem");
    await nina.post(threadPath, { intent: "react", postId: reply.id, kind: "useful" });
    const kept = lessonIdOf(await nina.post("/o/region-nord/lessons/new", { ...lesson, title: "Kvartalsvisa avstämningar fungerar", whatWeLearned: "Tätare avstämningar fångar problem tidigt." }));
    const norasLesson = lessonIdOf(await nora.post("/o/region-nord/lessons/new", { ...lesson, title: "Noras lärdom", whatWeLearned: "Något om uppföljning." }));
    await nina.post(`/o/region-nord/lessons/${norasLesson}`, { intent: "comment", body: "Håller med, tack!" });
    // The log now names Nina: her sign-ins, and a role change that writes her name in its detail.
    const membership = await db.membership.findFirstOrThrow({ where: { userId: ninaId, organisationId: world.north.id } });
    await nora.post("/o/region-nord/settings/members", { intent: "change-role", membershipId: membership.id, role: "facilitator" });
    expect(await everyRow()).toContain("Nina Medlem");

    const page = await text(await nina.get("/account/delete"));
    expect(page).toContain("Radera mitt konto");
    expect(page).toContain("Region Nord: dina lärdomar stannar hos organisationen");
    expect(page).toContain("Ditt nuvarande lösenord");

    const wrong = await nina.post("/account/delete", { password: "not my password" });
    expect(wrong.status).toBe(400);
    expect(await text(wrong)).toContain("Lösenordet stämmer inte.");
    expect(await db.user.count({ where: { id: ninaId } })).toBe(1);

    const other = await as("member@nord.se");
    const done = await nina.post("/account/delete", { password: PASSWORD });
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe("/login?account=deleted");
    expect(await text(await nina.get("/login?account=deleted"))).toContain("Ditt konto är raderat.");

    // Every browser is signed out, and the password no longer opens anything.
    for (const client of [nina, other]) {
      const response = await client.get("/account");
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toMatch(/^\/login/);
    }
    // What she wrote for others stays, by a former member; her own lesson stays with the organisation (the default).
    const thread = await text(await nora.get(threadPath));
    expect(thread).toContain("Vi har börjat med kvartalsvisa avstämningar.");
    expect(thread).toContain("Tidigare medlem");
    expect(thread).not.toContain("Nina Medlem");
    expect(thread).toContain("@Tidigare medlem vi gör likadant, varje kvartal.");
    expect(await text(await nora.get(`/o/region-nord/lessons/${kept}`))).toContain("Tidigare medlem");
    expect(await text(await nora.get(`/o/region-nord/lessons/${norasLesson}`))).toContain("Tidigare medlem · ");
    expect(await db.postReaction.count({ where: { postId: reply.id } })).toBe(0);

    const dump = await everyRow();
    expect(dump).not.toContain("member@nord.se");
    expect(dump).not.toContain("Nina Medlem");
    expect(dump).not.toContain(ninaId);

    // The log says an account was deleted, by a former member, without naming her.
    const event = await db.auditEvent.findFirstOrThrow({ where: { organisationId: world.north.id, action: "account-deleted" } });
    expect(event).toMatchObject({ actorId: null, actorName: "", actorFormer: true });
    const log = await text(await nora.get("/o/region-nord/settings/audit"));
    expect(log).toContain("Konto raderat");
    expect(log).toContain("Tidigare medlem");

    // A failed attempt with the old address is logged like any unknown address (it names no account any more).
    expect((await new Client(server.url).signIn("member@nord.se", PASSWORD)).status).toBe(401);
    // The address is free for a new account.
    const signup = await new Client(server.url).post("/signup", { name: "Nina Ny", email: "member@nord.se", password: "ett nytt lösenord", confirmPassword: "ett nytt lösenord" });
    expect(signup.status).toBe(302);
  });

  it("deletes a departing member's lessons, and their search entries, where the organisation has chosen so", async () => {
    const nora = await as("admin@nord.se");
    const member = await createUser("lisa@nord.se", "Lisa Lämnar");
    await addMember(member.id, world.north.id, "member");
    const lisa = await as("lisa@nord.se");
    const word = "Vattenkraftsamverkan";
    const lessonId = lessonIdOf(await lisa.post("/o/region-nord/lessons/new", { ...lesson, title: `${word} i norr`, whatWeLearned: "Samverkan om vattenkraft kräver tid." }));
    expect(await text(await nora.get(`/o/region-nord/search?q=${word}`))).toContain(`${word} i norr`);

    const setting = await nora.post("/o/region-nord/settings?index", { intent: "departed-lessons", departedLessons: "delete" });
    expect(setting.status).toBe(200);
    expect(await text(await nora.get("/o/region-nord/settings"))).toContain("När en medlem lämnar");
    expect((await text(await lisa.get("/account/delete")))).toContain("Region Nord: dina lärdomar raderas.");

    expect((await lisa.post("/account/delete", { password: PASSWORD })).status).toBe(302);
    expect(await db.lesson.count({ where: { id: lessonId } })).toBe(0);
    const entries: unknown[] = await db.$queryRaw`SELECT ref_id FROM search_index WHERE kind = 'lesson' AND ref_id = ${lessonId}`;
    expect(entries).toEqual([]);
    expect(await text(await nora.get(`/o/region-nord/search?q=${word}`))).not.toContain(`${word} i norr`);
    await db.organisation.update({ where: { id: world.north.id }, data: { departedLessons: "keep" } });
  });

  it("does not let an organisation's only admin delete their account until there is another", async () => {
    const sven = await as("admin@syd.se");
    expect(await text(await sven.get("/account/delete"))).toContain("Du är den enda administratören i Region Syd.");
    const refused = await sven.post("/account/delete", { password: PASSWORD });
    expect(refused.status).toBe(409);
    expect(await text(refused)).toContain("Du är den enda administratören i Region Syd.");
    expect(await db.user.count({ where: { email: "admin@syd.se" } })).toBe(1);
  });

  it("counts wrong passwords against the sign-in limit, so a stolen session cannot guess its way to deletion", async () => {
    const user = await createUser("gissa@nord.se", "Gustav Gissad");
    await addMember(user.id, world.north.id, "member");
    const gustav = await as("gissa@nord.se");
    for (let i = 0; i < 5; i++) expect((await gustav.post("/account/delete", { password: `gissning ${i}` })).status).toBe(400);
    const limited = await gustav.post("/account/delete", { password: PASSWORD });
    expect(limited.status).toBe(429);
    expect(await text(limited)).toContain("För många felaktiga lösenord.");
    expect(await db.user.count({ where: { id: user.id } })).toBe(1);
  });

  it("lets only one of two admins go when both delete their accounts at the same moment", async () => {
    const organisation = await db.organisation.create({ data: { slug: "region-vast", name: "Region Väst" } });
    for (const [email, name] of [["anna@vast.se", "Anna Admin"], ["bo@vast.se", "Bo Admin"]]) await addMember((await createUser(email, name)).id, organisation.id, "admin");
    const [anna, bo] = await Promise.all([as("anna@vast.se"), as("bo@vast.se")]);
    const statuses = (await Promise.all([anna.post("/account/delete", { password: PASSWORD }), bo.post("/account/delete", { password: PASSWORD })])).map((r) => r.status);
    expect(statuses.sort()).toEqual([302, 409]);
    expect(await db.membership.count({ where: { organisationId: organisation.id, role: "admin" } })).toBe(1);
  });

  it("gives an organisation's admin what it holds about a member, and nothing from another organisation", async () => {
    const tove = await createUser("tove@example.se", "Tove Tvåhem");
    await addMember(tove.id, world.north.id, "member");
    await addMember(tove.id, world.south.id, "member");
    const client = await as("tove@example.se");
    await client.post("/o/region-nord/lessons/new", { ...lesson, title: "Toves lärdom i Nord", whatWeLearned: "Nord-iakttagelse." });
    await client.post("/o/region-syd/lessons/new", { ...lesson, title: "Toves lärdom i Syd", whatWeLearned: "Syd-iakttagelse." });

    const nora = await as("admin@nord.se");
    expect(await text(await nora.get("/o/region-nord/settings/data-requests"))).toContain("Tove Tvåhem (tove@example.se)");
    const response = await nora.get(`/o/region-nord/settings/data-requests/export.json?userId=${tove.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const body = await response.text();
    const data = JSON.parse(body);
    expect(data.account).toEqual({ name: "Tove Tvåhem", email: "tove@example.se" });
    expect(data.memberships.map((m: { organisation: { name: string } }) => m.organisation.name)).toEqual(["Region Nord"]);
    expect(data.lessons.map((l: { title: string }) => l.title)).toEqual(["Toves lärdom i Nord"]);
    for (const foreign of ["Region Syd", "Toves lärdom i Syd", "Syd-iakttagelse"]) expect(body).not.toContain(foreign);
    expect(data).not.toHaveProperty("signIns");
    expect(await db.auditEvent.count({ where: { organisationId: world.north.id, action: "personal-data-exported", targetId: tove.id } })).toBe(1);

    // Another organisation's admin cannot reach Nord's member; a member of Nord cannot ask at all.
    const sven = await as("admin@syd.se");
    expect((await sven.get(`/o/region-syd/settings/data-requests/export.json?userId=${world.people.northFacilitator.id}`)).status).toBe(404);
    expect((await sven.get(`/o/region-nord/settings/data-requests/export.json?userId=${tove.id}`)).status).toBe(404);
    expect((await client.get(`/o/region-nord/settings/data-requests/export.json?userId=${tove.id}`)).status).toBe(403);
  });

  it("erases a member from one organisation on request, leaving their account and other organisations alone", async () => {
    const tove = await db.user.findUniqueOrThrow({ where: { email: "tove@example.se" } });
    const client = await as("tove@example.se");
    const category = await db.category.create({ data: { organisationId: world.north.id, name: "Erfarenheter" } });
    const threadPath = (await client.post("/o/region-nord/daily/new", { categoryId: category.id, title: "Toves tråd", bodyText: "Toves inlägg i Nord." })).headers.get("location")!;

    const sven = await as("admin@syd.se");
    expect((await sven.post("/o/region-syd/settings/data-requests", { intent: "erase", userId: world.people.northFacilitator.id, lessons: "keep", confirm: "on" })).status).toBe(404);
    expect((await sven.post("/o/region-nord/settings/data-requests", { intent: "erase", userId: tove.id, lessons: "keep", confirm: "on" })).status).toBe(404);
    expect((await client.post("/o/region-nord/settings/data-requests", { intent: "erase", userId: tove.id, lessons: "keep", confirm: "on" })).status).toBe(403);

    const nora = await as("admin@nord.se");
    const unconfirmed = await nora.post("/o/region-nord/settings/data-requests", { intent: "erase", userId: tove.id, lessons: "delete" });
    expect(unconfirmed.status).toBe(400);
    expect(await text(unconfirmed)).toContain("Bekräfta att du förstår att raderingen inte går att ångra.");
    expect(await db.membership.count({ where: { userId: tove.id, organisationId: world.north.id } })).toBe(1);

    const erased = await nora.post("/o/region-nord/settings/data-requests", { intent: "erase", userId: tove.id, lessons: "delete", confirm: "on" });
    expect(erased.status).toBe(200);
    expect(await text(erased)).toContain("Personen är raderad från organisationen.");
    expect(await db.membership.count({ where: { userId: tove.id, organisationId: world.north.id } })).toBe(0);
    expect(await db.lesson.count({ where: { title: "Toves lärdom i Nord" } })).toBe(0);
    const thread = await text(await nora.get(threadPath));
    expect(thread).toContain("Toves inlägg i Nord.");
    expect(thread).toContain("Tidigare medlem");
    expect(thread).not.toContain("Tove Tvåhem");
    const event = await db.auditEvent.findFirstOrThrow({ where: { organisationId: world.north.id, action: "member-erased" } });
    expect(event.actorName).toBe("Nora Admin");
    expect(event.detail).not.toContain("Tove");

    // Her account and her place in Syd are untouched.
    expect(await db.lesson.count({ where: { title: "Toves lärdom i Syd", authorId: tove.id } })).toBe(1);
    expect((await client.get("/o/region-syd")).status).toBe(200);
    expect((await client.get("/o/region-nord")).status).toBe(404);
  });
});
