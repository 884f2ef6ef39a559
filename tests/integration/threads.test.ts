import type { Socket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server.ts";
import { PASSWORD, twoRegions } from "../support/fixtures.ts";
import { captureMail } from "../support/mail.ts";
import { Client, nextEvent, startTestServer, type TestServer } from "../support/test-server.ts";

// ── Serialized Lexical JSON, as the editor sends it ─────────────────────────

const text = (value: string) => ({ type: "text", version: 1, text: value, detail: 0, format: 0, mode: "normal", style: "" });
const mention = (user: { id: string; name: string }) => ({
  type: "mention",
  version: 1,
  userId: user.id,
  name: user.name,
  text: `@${user.name}`,
  detail: 0,
  format: 0,
  mode: "token",
  style: "",
});
const doc = (...children: object[]) =>
  JSON.stringify({
    root: {
      type: "root",
      version: 1,
      direction: null,
      format: "",
      indent: 0,
      children: [{ type: "paragraph", version: 1, direction: null, format: "", indent: 0, textFormat: 0, textStyle: "", children }],
    },
  });

// ── What a reader sees of a page ────────────────────────────────────────────

/** The text a sighted reader sees: no scripts (loader data), tags or React's comment markers. */
function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/gi, " ")
    .replace(/<style[\s\S]*?<\/style>/gi, " ")
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;|&#160;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

/** The visible text of post number `n` on a thread page. */
function postText(html: string, n: number): string {
  const article = html.match(new RegExp(`<article id="post-${n}"[\\s\\S]*?</article>`));
  if (!article) throw new Error(`No post ${n} on the page`);
  return visibleText(article[0]);
}

const THREAD_ROUTE = "routes/o.$slug.daily.$threadId._index";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, what: string, timeoutMs = 5000) {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await sleep(10);
  }
}

type PostView = { id: string; number: number; html: string; author: { id: string; name: string } | null };
type JoinReply = { ok: boolean; error?: string; serverTime: string; added: PostView[]; changed: PostView[] };

describe("daily learning: threads, posts, notifications and the live channel", () => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof twoRegions>>;
  // Signed in once: Nora (nord admin), Nils (nord facilitator), Nina (nord member), Siri (syd member).
  let nora: Client;
  let nils: Client;
  let nina: Client;
  let siri: Client;
  let general: string; // Region Nord's own category, not shared
  let other: string; // a second one to move threads into
  const sockets: Socket[] = [];
  const mails = captureMail();

  beforeAll(async () => {
    server = await startTestServer();
    world = await twoRegions();
    general = (await db.category.create({ data: { organisationId: world.north.id, name: "Allmänt", position: 0 } })).id;
    other = (await db.category.create({ data: { organisationId: world.north.id, name: "Annat", position: 1 } })).id;
    [nora, nils, nina, siri] = await Promise.all(
      ["admin@nord.se", "facilitator@nord.se", "member@nord.se", "member@syd.se"].map((email) => Client.signedIn(server.url, email, PASSWORD)),
    );
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.disconnect();
  });
  afterAll(() => server.close());

  async function connect(client: Client) {
    const socket = client.socket();
    sockets.push(socket);
    await nextEvent(socket, "connect");
    return socket;
  }

  function collect<T extends { threadId?: string }>(socket: Socket, event: string, threadId?: string) {
    const seen: T[] = [];
    socket.on(event, (value: T) => {
      if (!threadId || value.threadId === threadId) seen.push(value);
    });
    return seen;
  }

  const join = (socket: Socket, payload: Record<string, unknown>) => socket.emitWithAck("thread:join", payload) as Promise<JoinReply>;

  /** Start a thread as a browser without JavaScript would; returns its id. */
  async function startThread(client: Client, fields: Record<string, string>, slug = "region-nord") {
    const response = await client.post(`/o/${slug}/daily/new`, { categoryId: general, ...fields });
    expect(response.status).toBe(302);
    return response.headers.get("location")!.match(/\/daily\/([^/?#]+)$/)![1];
  }

  const threadPath = (threadId: string, slug = "region-nord") => `/o/${slug}/daily/${threadId}`;

  /** The thread page's action as JSON (a Remix data request, as the page's fetchers make). */
  const act = (client: Client, threadId: string, fields: Record<string, string>, slug = "region-nord") =>
    client.post(`${threadPath(threadId, slug)}?_data=${encodeURIComponent(THREAD_ROUTE)}`, fields);

  async function replyAs(client: Client, threadId: string, fields: Record<string, string>) {
    const response = await act(client, threadId, { intent: "reply", ...fields });
    expect(response.status).toBe(200);
  }

  const postId = async (threadId: string, number: number) => (await db.post.findUniqueOrThrow({ where: { threadId_number: { threadId, number } } })).id;
  const page = async (client: Client, path: string) => {
    const response = await client.get(path);
    expect(response.status, path).toBe(200);
    return response.text();
  };

  it("starts a thread with the category's template sections under their headings", async () => {
    const category = await db.category.create({
      data: { organisationId: world.north.id, name: "Projektbesök", template: "Sammanhang\nVad vi lärde oss", position: 2 },
    });
    // The sections are repeated fields, one per template line, in order.
    const form = new URLSearchParams([
      ["categoryId", category.id],
      ["title", "Besök hos ett kooperativ"],
      ["bodyText", "Vi träffade styrelsen."],
      ["sections", "Ett kooperativ i Luleå."],
      ["sections", "Ägarformen bar projektet."],
    ]);
    const response = await fetch(new URL("/o/region-nord/daily/new", server.url), {
      method: "POST",
      headers: { cookie: nina.cookieHeader, origin: server.url },
      body: form,
      redirect: "manual",
    });
    expect(response.status).toBe(302);
    const html = await page(nina, response.headers.get("location")!);
    expect(postText(html, 1)).toContain("Vi träffade styrelsen. Sammanhang Ett kooperativ i Luleå. Vad vi lärde oss Ägarformen bar projektet.");
    expect(html).toContain("<h3>Sammanhang</h3><p>Ett kooperativ i Luleå.</p>");

    // Nothing written at all is refused next to the field, not as unreadable text.
    const empty = await nina.post("/o/region-nord/daily/new", { categoryId: category.id, title: "Tom tråd", bodyText: "" });
    expect(empty.status).toBe(400);
    expect(visibleText(await empty.text())).toContain("Skriv något i inlägget.");
  });

  it("keeps a thread inside its organisation until its category is shared with the network", async () => {
    const create = await nora.post("/o/region-nord/settings/categories", { intent: "create-category", name: "Erfarenheter" });
    expect(create.status).toBe(200);
    const category = await db.category.findFirstOrThrow({ where: { organisationId: world.north.id, name: "Erfarenheter" } });
    const threadId = await startThread(nina, {
      categoryId: category.id,
      title: "Kolmilan som mötesplats",
      bodyText: "Tjärdalsmetoden samlade hela byn kring projektet.",
    });

    // Region Syd sees nothing of it: not the page, not the action, not the live channel.
    expect((await siri.get(threadPath(threadId, "region-syd"))).status).toBe(404);
    expect((await siri.get(threadPath(threadId))).status).toBe(404);
    expect((await siri.post(threadPath(threadId, "region-syd"), { intent: "reply", bodyText: "Får jag svara?" })).status).toBe(404);
    expect((await siri.post(threadPath(threadId), { intent: "reply", bodyText: "Får jag svara?" })).status).toBe(404);
    const siriSocket = await connect(siri);
    expect(await join(siriSocket, { threadId, organisationId: world.south.id, after: 0 })).toEqual({ ok: false, error: "notFound" });
    expect(await join(siriSocket, { threadId, organisationId: world.north.id, after: 0 })).toEqual({ ok: false, error: "notFound" });
    expect(await db.post.count({ where: { threadId } })).toBe(1);

    expect(visibleText(await page(siri, "/o/region-syd/daily"))).not.toContain("Kolmilan som mötesplats");
    const ownSearch = await page(nina, "/o/region-nord/search?q=tj%C3%A4rdalsmetoden");
    expect(ownSearch).toContain(`/o/region-nord/daily/${threadId}?post=1`);
    const hidden = await page(siri, "/o/region-syd/search?q=tj%C3%A4rdalsmetoden");
    expect(visibleText(hidden)).toContain("0 träffar för ”tjärdalsmetoden”");
    expect(hidden).not.toContain(threadId);

    // Nor does its activity reach Region Syd's open tabs.
    const ninaSocket = await connect(nina);
    await ninaSocket.emitWithAck("presence:list", { organisationId: world.north.id });
    const siriActivity = collect(siriSocket, "thread:activity", threadId);
    const ninaActivity = nextEvent<{ threadId: string }>(ninaSocket, "thread:activity", (a) => a.threadId === threadId);
    await replyAs(nils, threadId, { bodyText: "Vi gjorde likadant." });
    await ninaActivity;
    await sleep(100);
    expect(siriActivity).toEqual([]);

    // The admin shares the category.
    const share = await nora.post("/o/region-nord/settings/categories", {
      intent: "update-category",
      categoryId: category.id,
      name: "Erfarenheter",
      networkId: world.network.id,
    });
    expect(share.status).toBe(200);
    expect(visibleText(await share.text())).toContain("Kategorin är sparad.");

    const shared = visibleText(await page(siri, threadPath(threadId, "region-syd")));
    expect(shared).toContain("Kolmilan som mötesplats");
    expect(shared).toContain("från Region Nord");
    expect(shared).toContain("Tjärdalsmetoden samlade hela byn kring projektet.");
    expect(visibleText(await page(siri, "/o/region-syd/daily"))).toContain("Kolmilan som mötesplats");
    expect(await page(siri, "/o/region-syd/search?q=tj%C3%A4rdalsmetoden")).toContain(`/o/region-syd/daily/${threadId}?post=1`);
    expect((await join(siriSocket, { threadId, organisationId: world.south.id, after: 2 })).ok).toBe(true);

    // Siri replies from her own workspace; everyone sees where she writes from, and her tabs hear of it.
    const sharedActivity = nextEvent<{ threadId: string }>(siriSocket, "thread:activity", (a) => a.threadId === threadId);
    const reply = await siri.post(threadPath(threadId, "region-syd"), { intent: "reply", bodyText: "Hos oss i Syd fungerade det också." });
    expect(reply.status).toBe(200);
    await sharedActivity;
    const seenByNina = await page(nina, threadPath(threadId));
    expect(postText(seenByNina, 3)).toContain("Siri Medlem · Region Syd");
    expect(postText(seenByNina, 3)).toContain("Hos oss i Syd fungerade det också.");
    // Colleagues from the thread's own organisation are not labelled.
    expect(postText(seenByNina, 1)).not.toContain("Region Nord");
    expect(postText(await page(siri, threadPath(threadId, "region-syd")), 3)).toContain("Siri Medlem · Region Syd");
  });

  it("lets only the author edit a post, keeps earlier versions, and removes a deleted post's text everywhere", async () => {
    const threadId = await startThread(nils, { title: "Om lingonris i rapporterna", bodyText: "Hur skriver ni slutrapporter?" });
    await replyAs(nina, threadId, { bodyText: "Vi använder lingonrismallen från förra året." });
    const id = await postId(threadId, 2);
    const edit = `${threadPath(threadId)}/posts/${id}/edit`;

    // Not the thread's author, not an admin, not another organisation.
    for (const client of [nils, nora]) {
      expect((await client.get(edit)).status).toBe(404);
      expect((await client.post(edit, { bodyText: "Kapat inlägg" })).status).toBe(404);
    }
    expect((await siri.get(`${threadPath(threadId, "region-syd")}/posts/${id}/edit`)).status).toBe(404);
    expect(visibleText(await page(nina, threadPath(threadId)))).not.toContain("Kapat inlägg");

    expect(visibleText(await page(nina, edit))).toContain("Vi använder lingonrismallen från förra året.");
    const saved = await nina.post(edit, { bodyText: "Vi använder blåbärsmallen numera." });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("location")).toBe(`${threadPath(threadId)}?page=1#post-2`);

    const thread = await page(nils, threadPath(threadId));
    expect(postText(thread, 2)).toContain("Vi använder blåbärsmallen numera.");
    expect(postText(thread, 2)).toContain("redigerat");
    expect(thread).not.toContain("lingonrismallen");
    const history = visibleText(await page(nils, `${threadPath(threadId)}/posts/${id}/history`));
    expect(history).toContain("Vi använder blåbärsmallen numera.");
    expect(history).toContain("Vi använder lingonrismallen från förra året.");
    // Search knows the new text only.
    expect(await page(nils, "/o/region-nord/search?q=bl%C3%A5b%C3%A4rsmallen")).toContain(`/daily/${threadId}?post=2`);
    expect(await page(nils, "/o/region-nord/search?q=lingonrismallen")).not.toContain(`/daily/${threadId}`);

    // Only the author (or a moderator) deletes; then the text is gone from the page, its history and search.
    expect((await act(nils, threadId, { intent: "delete-post", postId: id })).status).toBe(403);
    const deleted = await nina.post(threadPath(threadId), { intent: "delete-post", postId: id });
    expect(deleted.status).toBe(200);
    const after = await page(nils, threadPath(threadId));
    expect(postText(after, 2)).toContain("Inlägget är borttaget.");
    expect(after).not.toContain("blåbärsmallen");
    expect((await nils.get(`${threadPath(threadId)}/posts/${id}/history`)).status).toBe(404);
    expect((await nina.get(edit)).status).toBe(404);
    const search = visibleText(await page(nils, "/o/region-nord/search?q=bl%C3%A5b%C3%A4rsmallen"));
    expect(search).toContain("0 träffar");
  });

  it("leaves moderation to the organisation's admins, logs every act and holds locked threads", async () => {
    const threadId = await startThread(nina, { title: "Samverkan med grannkommunen", bodyText: "Hur gick samverkan?" });
    await replyAs(nils, threadId, { bodyText: "Grannkommunens handläggare är helt inkompetenta." });
    const id = await postId(threadId, 2);

    for (const client of [nina, nils]) {
      expect((await act(client, threadId, { intent: "hide-post", postId: id, reason: "Personangrepp" })).status).toBe(403);
      expect((await act(client, threadId, { intent: "lock" })).status).toBe(403);
      expect((await act(client, threadId, { intent: "move", categoryId: other })).status).toBe(403);
    }
    expect((await nina.get("/o/region-nord/daily/moderation")).status).toBe(403);
    expect((await siri.get("/o/region-nord/daily/moderation")).status).toBe(404);

    // A reason is required, and its error stands next to the reason field.
    const noReason = await nora.post(threadPath(threadId), { intent: "hide-post", postId: id, reason: "  " });
    expect(noReason.status).toBe(400);
    const withError = await noReason.text();
    expect(withError).toContain(`<p id="hide-reason-${id}-error" class="field__error">Skriv ett skäl med minst 3 tecken.</p>`);
    expect(withError).toMatch(new RegExp(`<input id="hide-reason-${id}"[^>]*aria-invalid="true"[^>]*aria-describedby="hide-reason-${id}-error"`));

    const hidden = await nora.post(threadPath(threadId), { intent: "hide-post", postId: id, reason: "Personangrepp på kollegor" });
    expect(hidden.status).toBe(200);
    expect(visibleText(await hidden.text())).toContain("Inlägget är dolt.");
    const seenByMember = await page(nina, threadPath(threadId));
    expect(postText(seenByMember, 2)).toContain("Inlägget är dolt av en moderator: Personangrepp på kollegor");
    expect(seenByMember).not.toContain("inkompetenta");

    const lock = await nora.post(threadPath(threadId), { intent: "lock" });
    expect(lock.status).toBe(200);
    expect(visibleText(await lock.text())).toContain("Tråden är låst.");
    const refused = await act(nina, threadId, { intent: "reply", bodyText: "Men jag vill svara!" });
    expect(refused.status).toBe(409);
    expect((await refused.json()).result.error[""]).toEqual(["threads.errors.locked"]);
    const lockedPage = visibleText(await page(nina, threadPath(threadId)));
    expect(lockedPage).toContain("Tråden är låst. Den går att läsa men inte att svara i.");
    expect(lockedPage).not.toContain("Men jag vill svara!");
    await replyAs(nora, threadId, { bodyText: "Tråden är låst tills vidare." });
    expect(postText(await page(nina, threadPath(threadId)), 3)).toContain("Tråden är låst tills vidare.");

    expect((await nora.post(threadPath(threadId), { intent: "move", categoryId: other })).status).toBe(200);

    const log = visibleText(await page(nora, "/o/region-nord/daily/moderation"));
    expect(log).toContain("Nora Admin Dolde ett inlägg Samverkan med grannkommunen #2 Personangrepp på kollegor");
    expect(log).toContain("Nora Admin Låste tråden Samverkan med grannkommunen");
    expect(log).toContain("Flyttade tråden (Allmänt → Annat)");
  });

  describe("mentions and notifications", () => {
    it("tells the mentioned member and the thread's followers, in the app, live and by mail as they prefer", async () => {
      const threadId = await startThread(nils, { title: "Mätbara mål i beslut", bodyText: "Hur formulerar ni målen?" });
      // Earlier tests left Nina notices about her own threads; she starts from none unread.
      expect((await nina.post("/notifications", { intent: "mark-all-read" })).status).toBe(200);
      const ninaSocket = await connect(nina);
      const ninaHears = nextEvent<{ unread: number }>(ninaSocket, "notification:new");

      await replyAs(nora, threadId, { body: doc(text("Fråga "), mention({ id: world.people.northMember.id, name: "Nina Medlem" }), text(" – hon vet.")) });

      expect(await ninaHears).toEqual({ unread: 1 });
      const ninaNotices = visibleText(await page(nina, "/notifications"));
      expect(ninaNotices.match(/nämnde dig i/g)).toHaveLength(1);
      expect(ninaNotices).toContain("Nora Admin nämnde dig i ”Mätbara mål i beslut”");
      expect(await db.notification.count({ where: { userId: world.people.northMember.id, threadId } })).toBe(1);
      // Nils started the thread, so he follows it.
      expect(visibleText(await page(nils, "/notifications"))).toContain("Nora Admin svarade i ”Mätbara mål i beslut”");

      // Mention mails go out by default; reply mails do not.
      expect(mails.map((m) => m.to)).toEqual(["member@nord.se"]);
      expect(mails[0].subject).toBe("Nora Admin nämnde dig i ”Mätbara mål i beslut”");
      expect(mails[0].body).toContain("Fråga @Nina Medlem – hon vet.");
      expect(mails[0].body).toContain(`/o/region-nord/daily/${threadId}?page=1#post-2`);

      // A follower's own reply does not notify them.
      await replyAs(nils, threadId, { bodyText: "Tack, Nina!" });
      expect(await db.notification.count({ where: { userId: world.people.northFacilitator.id, threadId } })).toBe(1);
      // Nora follows now that she has written in the thread.
      expect(visibleText(await page(nora, "/notifications"))).toContain("Nils Samtalsledare svarade i ”Mätbara mål i beslut”");

      // Nina opts out of mention mails: the next mention reaches the app only.
      mails.length = 0;
      const saved = await nina.post("/notifications", { intent: "preferences", followOnPost: "on" });
      expect(saved.status).toBe(200);
      expect(visibleText(await saved.text())).toContain("Inställningarna är sparade.");
      const again = nextEvent<{ unread: number }>(ninaSocket, "notification:new");
      await replyAs(nora, threadId, { body: doc(mention({ id: world.people.northMember.id, name: "Nina Medlem" }), text(" en gång till.")) });
      expect(await again).toEqual({ unread: 2 });
      expect(mails.filter((m) => m.to === "member@nord.se")).toEqual([]);

      // Opening the thread reads its notifications.
      const read = nextEvent<{ unread: number }>(ninaSocket, "notification:new");
      await page(nina, threadPath(threadId));
      expect(await read).toEqual({ unread: 0 });
    });

    it("notifies nobody outside the organisation of a thread they cannot read", async () => {
      const threadId = await startThread(nina, { title: "Internt om budgeten", bodyText: "Budgeten är preliminär." });
      const siriSocket = await connect(siri);
      const siriNotices = collect(siriSocket, "notification:new");

      await replyAs(nora, threadId, { body: doc(text("Vad tycker "), mention({ id: world.people.southMember.id, name: "Siri Medlem" }), text("?")) });

      await sleep(100);
      expect(siriNotices).toEqual([]);
      expect(await db.notification.count({ where: { userId: world.people.southMember.id } })).toBe(0);
      expect(visibleText(await page(siri, "/notifications"))).toContain("Inga aviseringar ännu.");
      expect(mails.filter((m) => m.to === "member@syd.se")).toEqual([]);
    });
  });

  describe("live thread", () => {
    it("delivers each reply once, in order, to everyone in the thread", async () => {
      const threadId = await startThread(nora, { title: "Direktsänd tråd", bodyText: "Första inlägget." });
      const [a, b] = [await connect(nina), await connect(nils)];
      for (const socket of [a, b]) {
        const joined = await join(socket, { threadId, organisationId: world.north.id, after: 1 });
        expect(joined.ok).toBe(true);
        expect(joined.added).toEqual([]);
      }
      const seenByA = collect<{ threadId: string; post: PostView }>(a, "thread:post", threadId);
      const seenByB = collect<{ threadId: string; post: PostView }>(b, "thread:post", threadId);

      for (const n of [1, 2, 3]) await replyAs(nora, threadId, { bodyText: `Svar nummer ${n}.` });
      await until(() => seenByA.length >= 3 && seenByB.length >= 3, "three replies on both sockets");
      await sleep(100);
      for (const seen of [seenByA, seenByB]) {
        expect(seen.map((e) => e.post.number)).toEqual([2, 3, 4]);
        expect(seen.map((e) => e.post.html)).toEqual(["<p>Svar nummer 1.</p>", "<p>Svar nummer 2.</p>", "<p>Svar nummer 3.</p>"]);
        expect(seen[0].post.author?.name).toBe("Nora Admin");
      }
    });

    it("gives a reader who was away exactly what they missed, and what changed meanwhile", async () => {
      const threadId = await startThread(nora, { title: "Tråd för återanslutning", bodyText: "Start." });
      await replyAs(nora, threadId, { bodyText: "Ett svar som ska ändras." });
      const first = await connect(nina);
      const joined = await join(first, { threadId, organisationId: world.north.id, after: 0 });
      expect(joined.added.map((p) => p.number)).toEqual([1, 2]);
      const lastSeen = 2;
      first.disconnect();

      // While Nina is away: three replies, and an edit of a post she had seen.
      for (const n of [1, 2, 3]) await replyAs(nils, threadId, { bodyText: `Medan du var borta ${n}.` });
      const edited = await nora.post(`${threadPath(threadId)}/posts/${await postId(threadId, 2)}/edit`, { bodyText: "Ett svar som har ändrats." });
      expect(edited.status).toBe(302);

      const back = await connect(nina);
      const caughtUp = await join(back, { threadId, organisationId: world.north.id, after: lastSeen, since: joined.serverTime });
      expect(caughtUp.ok).toBe(true);
      expect(caughtUp.added.map((p) => p.number)).toEqual([3, 4, 5]);
      expect(caughtUp.added.map((p) => p.html)).toEqual(["<p>Medan du var borta 1.</p>", "<p>Medan du var borta 2.</p>", "<p>Medan du var borta 3.</p>"]);
      expect(caughtUp.changed.map((p) => [p.number, p.html])).toEqual([[2, "<p>Ett svar som har ändrats.</p>"]]);

      // Without a time of last sync, only the new posts come.
      const plain = await join(back, { threadId, organisationId: world.north.id, after: lastSeen });
      expect(plain.added.map((p) => p.number)).toEqual([3, 4, 5]);
      expect(plain.changed).toEqual([]);
    });

    it("tells others in the thread who is typing, and lets no one outside it pretend to", async () => {
      const threadId = await startThread(nora, { title: "Skrivindikator", bodyText: "Vem skriver?" });
      const [a, b, outsider, foreign] = [await connect(nina), await connect(nils), await connect(nora), await connect(siri)];
      for (const socket of [a, b]) expect((await join(socket, { threadId, organisationId: world.north.id, after: 1 })).ok).toBe(true);
      expect((await join(foreign, { threadId, organisationId: world.south.id, after: 1 })).ok).toBe(false);
      const typingAtA = collect(a, "thread:typing");
      const typingAtB = collect<{ threadId: string; user: { id: string; name: string } }>(b, "thread:typing");

      a.emit("thread:typing", { threadId });
      await until(() => typingAtB.length === 1, "typing at B");
      expect(typingAtB[0]).toEqual({ threadId, user: { id: world.people.northMember.id, name: "Nina Medlem" } });

      // Nora's socket never joined this thread; Siri's was refused.
      outsider.emit("thread:typing", { threadId });
      foreign.emit("thread:typing", { threadId });
      await sleep(200);
      expect(typingAtB).toHaveLength(1);
      expect(typingAtA).toEqual([]);
    });
  });

  it("promotes a post to a lesson that the thread then lists, within the organisation only", async () => {
    const threadId = await startThread(nina, { title: "Förstudier före utlysning", bodyText: "Behövs en förstudie?" });
    await replyAs(nils, threadId, { bodyText: "En förstudie sparade oss ett halvår." });
    const id = await postId(threadId, 2);

    const form = await page(nils, `/o/region-nord/lessons/new?post=${id}`);
    const shown = visibleText(form);
    expect(shown).toContain("Utgår från tråden ”Förstudier före utlysning #2”");
    // Prefilled in the form itself, so a reader without JavaScript has it too.
    expect(form).toMatch(/<textarea[^>]*>En förstudie sparade oss ett halvår\.<\/textarea>/);
    expect(form).toContain('value="Förstudier före utlysning"');
    expect(form).toContain(`<input type="hidden" name="threadId" value="${threadId}"/>`);
    expect(form).toContain(`<input type="hidden" name="postId" value="${id}"/>`);

    const lesson = {
      title: "Förstudie sparar tid",
      bodyText: "En förstudie sparade oss ett halvår.",
      sourceType: "thread",
      evidence: "observation",
      visibility: "organisation",
      intent: "publish",
    };
    const created = await nils.post("/o/region-nord/lessons/new", { ...lesson, threadId, postId: id });
    expect(created.status).toBe(302);
    const thread = await page(nina, threadPath(threadId));
    expect(visibleText(thread)).toContain("Lärdomar från tråden Förstudie sparar tid");
    expect(postText(thread, 2)).toContain("Blev lärdom: Förstudie sparar tid");

    // Region Syd cannot start from Region Nord's private post, nor attach a lesson to it.
    for (const query of [`post=${id}`, `thread=${threadId}`]) {
      const foreign = await page(siri, `/o/region-syd/lessons/new?${query}`);
      expect(foreign).not.toContain("Utgår från tråden");
      expect(foreign).not.toContain("En förstudie sparade oss");
      expect(foreign).not.toContain('name="threadId"');
      expect(foreign).not.toContain('name="postId"');
    }
    const forged = await siri.post("/o/region-syd/lessons/new", { ...lesson, title: "Syds lärdom om förstudier", visibility: "network", networkId: world.network.id, threadId, postId: id });
    expect(forged.status).toBe(302);
    const stored = await db.lesson.findFirstOrThrow({ where: { title: "Syds lärdom om förstudier" } });
    expect(stored).toMatchObject({ status: "published", threadId: null, postId: null });
    // Region Nord can read Syd's network lesson, yet the thread does not claim it.
    expect((await nina.get(`/o/region-nord/lessons/${stored.id}`)).status).toBe(200);
    expect(visibleText(await page(nina, threadPath(threadId)))).not.toContain("Syds lärdom om förstudier");
  });
});
