import type { Socket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { translator } from "../../app/i18n/i18n.ts";
import { addMember, createUser, PASSWORD, twoRegions } from "../support/fixtures.ts";
import { captureMail } from "../support/mail.ts";
import { Client, nextEvent, startTestServer, type TestServer } from "../support/test-server.ts";

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

const sv = translator("sv");
const LIVE_ROUTE = "routes/o.$slug.sessions.$sessionId.live";
const sessionPath = (id: string) => `/o/region-nord/sessions/${id}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Clock = { status: string; currentPhaseId: string | null; phaseEndsAt: string | null; pausedRemainingMs: number | null; serverNow: string };
type Changed = { sessionId: string; what: string; clock: Clock };
type JoinReply = { ok: boolean; clock?: Clock };
type Board = {
  clock: Clock;
  phases: { id: string; kind: string; title: string; durationSeconds: number }[];
  notes: { id: string; text: string }[];
};

const basePlan = {
  theme: "",
  date: "2027-02-10",
  time: "10:00",
  durationMinutes: "90",
  place: "Regionhuset",
  videoUrl: "",
  recurrence: "none",
  occurrences: "1",
  template: "buzzin-bees",
  votesPerPerson: "5",
  votesPerTarget: "2",
};

describe("a learning session, live", () => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof twoRegions>>;
  const people: Record<string, { id: string; name: string }> = {};
  const clients: Record<string, Client> = {};
  const sockets: Socket[] = [];
  captureMail();

  beforeAll(async () => {
    server = await startTestServer();
    world = await twoRegions();
    // Three more colleagues in Region Nord to fill a room.
    for (const [key, email, name] of [
      ["petra", "petra@nord.se", "Petra Pettersson"],
      ["pelle", "pelle@nord.se", "Pelle Persson"],
      ["dora", "dora@nord.se", "Dora Dahl"],
    ] as const) {
      const user = await createUser(email, name);
      await addMember(user.id, world.north.id, "member");
      people[key] = user;
    }
    people.nils = world.people.northFacilitator;
    people.nina = world.people.northMember;
    const emails: Record<string, string> = { nils: "facilitator@nord.se", nina: "member@nord.se", petra: "petra@nord.se", pelle: "pelle@nord.se", dora: "dora@nord.se" };
    await Promise.all(Object.entries(emails).map(async ([key, email]) => (clients[key] = await Client.signedIn(server.url, email, PASSWORD))));
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.disconnect();
  });
  afterAll(() => server.close());

  /** Plan as Nils, the facilitator, with these colleagues invited; returns the session's id. */
  async function plan(title: string, invitees: string[], fields: Record<string, string> = {}) {
    const body = new URLSearchParams({ ...basePlan, title, ...fields });
    for (const key of invitees) body.append("inviteeIds", people[key].id);
    const response = await fetch(new URL("/o/region-nord/sessions/new", server.url), {
      method: "POST",
      headers: { cookie: clients.nils.cookieHeader, origin: server.url },
      body,
      redirect: "manual",
    });
    expect(response.status).toBe(302);
    return response.headers.get("location")!.match(/\/sessions\/([^/?#]+)\?/)![1];
  }

  const live = (key: string, id: string, fields: Record<string, string>) => clients[key].post(`${sessionPath(id)}/live?_data=${encodeURIComponent(LIVE_ROUTE)}`, fields);
  async function ok(response: Promise<Response>) {
    const r = await response;
    expect(r.status, await r.clone().text()).toBe(200);
    return r;
  }
  async function board(key: string, id: string): Promise<Board> {
    const response = await clients[key].get(`${sessionPath(id)}/live?_data=${encodeURIComponent(LIVE_ROUTE)}`);
    expect(response.status).toBe(200);
    return ((await response.json()) as { board: Board }).board;
  }
  async function livePage(key: string, id: string) {
    const response = await clients[key].get(`${sessionPath(id)}/live`);
    expect(response.status).toBe(200);
    return response.text();
  }

  async function connect(key: string) {
    const socket = clients[key].socket();
    sockets.push(socket);
    await nextEvent(socket, "connect");
    return socket;
  }
  /** Open the live room as `key` does: connect and join (which marks them present). */
  async function join(key: string, sessionId: string) {
    const socket = await connect(key);
    const reply = (await socket.emitWithAck("learning:join", { sessionId, organisationId: world.north.id })) as JoinReply;
    expect(reply.ok).toBe(true);
    return { socket, reply };
  }
  /** The next clock change every one of these sockets hears. */
  const clockChange = (sockets: Socket[], id: string) =>
    Promise.all(sockets.map((s) => nextEvent<Changed>(s, "learning:changed", (e) => e.sessionId === id && e.what === "clock")));
  const endsIn = (clock: Clock) => Date.parse(clock.phaseEndsAt!) - Date.parse(clock.serverNow);

  async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 5000) {
    const start = Date.now();
    while (!(await condition())) {
      if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
      await sleep(25);
    }
  }

  /** The "Din partner: …" / "Din grupp: …" line on someone's live page, or null. */
  function partnerLine(html: string): string | null {
    const match = html.match(/<p class="partner" data-testid="partner">([\s\S]*?)<\/p>/);
    return match ? visibleText(match[1]) : null;
  }
  /** The visible text of the note card with this text on a live page. */
  function noteCard(html: string, text: string): string {
    const card = [...html.matchAll(/<li class="note[^"]*"[^>]*data-note-id="[^"]+">[\s\S]*?<\/li>/g)].find((m) => m[0].includes(`<p class="note__text">${text}</p>`));
    if (!card) throw new Error(`No note "${text}" on the page`);
    return visibleText(card[0]);
  }
  function namesIn(line: string) {
    return line.replace(/^Din (partner|grupp): /, "").split(", ");
  }

  describe("phases and the shared clock", () => {
    it("gives everyone in the room the same phase end time, through start, pause, resume, extend, back and go-to", async () => {
      const id = await plan("Klockan i rummet", ["nina", "petra"]);
      const joined = await Promise.all(["nils", "nina", "petra"].map((key) => join(key, id)));
      for (const { reply } of joined) expect(reply.clock).toMatchObject({ status: "planned", currentPhaseId: null, phaseEndsAt: null, pausedRemainingMs: null });
      const room = joined.map((j) => j.socket);
      const phases = (await board("nils", id)).phases;
      expect(phases.map((p) => [p.kind, p.durationSeconds])).toEqual([
        ["write", 120],
        ["pairs", 480],
        ["group", 900],
      ]);

      // Start: the first phase, ending about two minutes from the server's now, on every socket.
      let heard = clockChange(room, id);
      await ok(live("nils", id, { intent: "start" }));
      let clocks = (await heard).map((e) => e.clock);
      for (const clock of clocks) expect(clock).toEqual(clocks[0]);
      const started = clocks[0];
      expect(started).toMatchObject({ status: "running", currentPhaseId: phases[0].id, pausedRemainingMs: null });
      expect(Math.abs(endsIn(started) - 120_000)).toBeLessThan(2000);
      // A reload counts down to the same moment.
      expect((await board("nina", id)).clock.phaseEndsAt).toBe(started.phaseEndsAt);
      expect(visibleText(await livePage("nina", id))).toMatch(/Tänk själv .*Var för sig .*Tid kvar 0[12]:\d\d/);

      // Pause: no end time, what is left is kept.
      heard = clockChange(room, id);
      await ok(live("nils", id, { intent: "pause" }));
      clocks = (await heard).map((e) => e.clock);
      for (const clock of clocks) expect(clock).toEqual(clocks[0]);
      const paused = clocks[0];
      expect(paused.phaseEndsAt).toBeNull();
      expect(paused.pausedRemainingMs).toBeGreaterThan(110_000);
      expect(paused.pausedRemainingMs).toBeLessThanOrEqual(120_000);
      expect(visibleText(await livePage("petra", id))).toMatch(/Pausad 0[12]:\d\d/);
      expect((await live("nils", id, { intent: "pause" })).status).toBe(409);

      // Resume: a new end time, what was left from now.
      heard = clockChange(room, id);
      await ok(live("nils", id, { intent: "resume" }));
      clocks = (await heard).map((e) => e.clock);
      for (const clock of clocks) expect(clock).toEqual(clocks[0]);
      const resumed = clocks[0];
      expect(resumed.pausedRemainingMs).toBeNull();
      expect(resumed.phaseEndsAt).not.toBe(started.phaseEndsAt);
      expect(Math.abs(endsIn(resumed) - paused.pausedRemainingMs!)).toBeLessThan(1000);

      // One minute more.
      heard = clockChange(room, id);
      await ok(live("nils", id, { intent: "extend" }));
      clocks = (await heard).map((e) => e.clock);
      for (const clock of clocks) expect(clock).toEqual(clocks[0]);
      const extended = clocks[0];
      expect(Date.parse(extended.phaseEndsAt!) - Date.parse(resumed.phaseEndsAt!)).toBe(60_000);

      // A late joiner gets the same clock in the reply to joining.
      const late = await join("pelle", id);
      expect(late.reply.clock).toMatchObject({ status: "running", currentPhaseId: phases[0].id, phaseEndsAt: extended.phaseEndsAt, pausedRemainingMs: null });
      room.push(late.socket);

      // Forward, back and straight to a phase.
      heard = clockChange(room, id);
      await ok(live("nils", id, { intent: "next" }));
      clocks = (await heard).map((e) => e.clock);
      for (const clock of clocks) expect(clock).toEqual(clocks[0]);
      expect(clocks[0].currentPhaseId).toBe(phases[1].id);
      expect(Math.abs(endsIn(clocks[0]) - 480_000)).toBeLessThan(2000);

      heard = clockChange(room, id);
      await ok(live("nils", id, { intent: "previous" }));
      clocks = (await heard).map((e) => e.clock);
      for (const clock of clocks) expect(clock).toEqual(clocks[0]);
      expect(clocks[0].currentPhaseId).toBe(phases[0].id);
      expect(Math.abs(endsIn(clocks[0]) - 120_000)).toBeLessThan(2000);
      expect((await live("nils", id, { intent: "previous" })).status).toBe(409);

      heard = clockChange(room, id);
      await ok(live("nils", id, { intent: "go-to", phaseId: phases[2].id }));
      clocks = (await heard).map((e) => e.clock);
      for (const clock of clocks) expect(clock).toEqual(clocks[0]);
      expect(clocks[0].currentPhaseId).toBe(phases[2].id);
      expect(Math.abs(endsIn(clocks[0]) - 900_000)).toBeLessThan(2000);
      expect(visibleText(await livePage("pelle", id))).toMatch(/Hela gruppen .*Tid kvar 1[45]:\d\d/);

      // Only the facilitator moves the clock; nobody hears anything from a refused attempt.
      const stray: Changed[] = [];
      room[1].on("learning:changed", (e: Changed) => e.what === "clock" && stray.push(e));
      expect((await live("nina", id, { intent: "next" })).status).toBe(403);
      expect((await live("pelle", id, { intent: "end" })).status).toBe(403);
      await sleep(150);
      expect(stray).toEqual([]);

      heard = clockChange(room, id);
      await ok(live("nils", id, { intent: "end" }));
      clocks = (await heard).map((e) => e.clock);
      expect(clocks[0]).toMatchObject({ status: "ended", phaseEndsAt: null, pausedRemainingMs: null });
      expect(visibleText(await livePage("nina", id))).toContain("Lärtillfället är avslutat.");
    });
  });

  describe("pairs", () => {
    it("puts everyone present, and only them, in a group when the pairs phase begins", async () => {
      const id = await plan("Paren bildas", ["nina", "petra", "pelle", "dora"]);
      await join("nils", id);
      for (const key of ["nina", "petra", "pelle"]) await join(key, id);
      // Dora opens the room but closes it before the session starts.
      const dora = await join("dora", id);
      const presentCount = async () => visibleText(await livePage("nils", id)).match(/(\d+) deltagare närvarande/)?.[1];
      expect(await presentCount()).toBe("4");
      dora.socket.disconnect();
      await until(async () => (await presentCount()) === "3", "Dora to be away");
      expect(visibleText(await livePage("nils", id))).toMatch(/3 deltagare närvarande: (?=.*Nina Medlem)(?=.*Petra Pettersson)(?=.*Pelle Persson)(?!.*Dora Dahl)/);

      await ok(live("nils", id, { intent: "start" }));
      // Thinking alone: nobody is paired yet.
      expect(partnerLine(await livePage("nina", id))).toBeNull();
      await ok(live("nils", id, { intent: "next" }));

      const present = { nina: "Nina Medlem", petra: "Petra Pettersson", pelle: "Pelle Persson" };
      for (const [key, name] of Object.entries(present)) {
        const line = partnerLine(await livePage(key, id));
        expect(line, key).not.toBeNull();
        // Three people: one trio, so each sees the two others.
        expect(line).toMatch(/^Din (partner|grupp): /);
        expect(namesIn(line!).sort()).toEqual(Object.values(present).filter((n) => n !== name).sort());
      }
      expect(partnerLine(await livePage("dora", id))).toBeNull();
      const facilitatorView = visibleText(await livePage("nils", id));
      const groups = facilitatorView.match(/Paren och grupperna (.*?) (Din lapp|Lappar)/)![1];
      expect(groups.split(" · ").sort()).toEqual(Object.values(present).sort());
    });

    it("pairs four people two by two, then joins the pairs into a foursome (1-2-4-all)", async () => {
      const id = await plan("Ett två fyra alla", ["nina", "petra", "pelle", "dora"], { template: "1-2-4-all" });
      await join("nils", id);
      const keys = ["nina", "petra", "pelle", "dora"];
      for (const key of keys) await join(key, id);
      const name: Record<string, string> = { nina: "Nina Medlem", petra: "Petra Pettersson", pelle: "Pelle Persson", dora: "Dora Dahl" };
      await ok(live("nils", id, { intent: "start" }));
      await ok(live("nils", id, { intent: "next" }));

      const partnerOf: Record<string, string> = {};
      for (const key of keys) {
        const line = partnerLine(await livePage(key, id));
        expect(line, key).toMatch(/^Din partner: [^,]+$/);
        partnerOf[name[key]] = namesIn(line!)[0];
      }
      // Partners are mutual: two pairs.
      for (const [person, partner] of Object.entries(partnerOf)) {
        expect(partner).not.toBe(person);
        expect(partnerOf[partner]).toBe(person);
      }

      await ok(live("nils", id, { intent: "next" }));
      for (const key of keys) {
        const line = partnerLine(await livePage(key, id));
        expect(line, key).toMatch(/^Din grupp: /);
        expect(namesIn(line!).sort()).toEqual(Object.values(name).filter((n) => n !== name[key]).sort());
      }
    });
  });

  describe("notes, anonymity and votes", () => {
    it("keeps notes to their author while thinking alone, shows them to all in the group phase without the author's name, and hides what the facilitator hides", async () => {
      const id = await plan("Anonyma lappar", ["nina", "petra"], { anonymousNotes: "on", votesPerPerson: "3", votesPerTarget: "2" });
      await ok(live("nils", id, { intent: "start" }));
      const texts = ["Kooperativet bar projektet", "Styrelsen saknade stöd", "Bredbandet kom för sent"];
      for (const text of texts) await ok(live("nina", id, { intent: "note", text }));
      await ok(live("petra", id, { intent: "note", text: "Petras egen tanke" }));

      // Thinking alone: Petra sees her own note only, not even in the page's data.
      const petraAlone = await livePage("petra", id);
      expect(visibleText(petraAlone)).toContain("Du ser dina egna lappar.");
      expect(visibleText(petraAlone)).toContain("Petras egen tanke");
      for (const text of texts) expect(petraAlone).not.toContain(text);
      const ninaAlone = visibleText(await livePage("nina", id));
      for (const text of texts) expect(ninaAlone).toContain(`${text} Din lapp`);
      expect(ninaAlone).not.toContain("Petras egen tanke");
      // The facilitator follows every note, anonymously too.
      const facilitatorAlone = visibleText(await livePage("nils", id));
      for (const text of texts) expect(facilitatorAlone).toContain(`${text} Anonym`);
      expect(facilitatorAlone).not.toMatch(/Kooperativet bar projektet [^.]*Nina Medlem/);

      // Talking in pairs is still not the whole group.
      await ok(live("nils", id, { intent: "next" }));
      const petraInPairs = await livePage("petra", id);
      for (const text of texts) expect(petraInPairs).not.toContain(text);

      // The whole group: every note, none with its author's name.
      await ok(live("nils", id, { intent: "next" }));
      const petraGroupHtml = await livePage("petra", id);
      const petraGroup = visibleText(petraGroupHtml);
      for (const text of texts) expect(petraGroup).toContain(`${text} Anonym`);
      expect(petraGroup).not.toContain("Nina Medlem");
      for (const text of texts) {
        const card = noteCard(petraGroupHtml, text);
        expect(card).toMatch(new RegExp(`^${text} Anonym`));
        expect(card).not.toContain("Nina Medlem");
      }
      expect(petraGroup).toContain("Petras egen tanke Din lapp");

      // The facilitator hides a note: the others no longer see it; the facilitator still does, marked hidden.
      const ids = Object.fromEntries((await board("nils", id)).notes.map((n) => [n.text, n.id]));
      await ok(live("nils", id, { intent: "hide-note", noteId: ids["Bredbandet kom för sent"] }));
      for (const key of ["petra", "nina"]) expect(await livePage(key, id)).not.toContain("Bredbandet kom för sent");
      expect(visibleText(await livePage("nils", id))).toContain("Bredbandet kom för sent Dold");
      expect((await live("petra", id, { intent: "vote", targetType: "note", targetId: ids["Bredbandet kom för sent"] })).status).toBe(404);
      await ok(live("nils", id, { intent: "unhide-note", noteId: ids["Bredbandet kom för sent"] }));
      expect(visibleText(await livePage("petra", id))).toContain("Bredbandet kom för sent Anonym");

      // Without anonymity the names are there, so their absence above is no accident.
      const named = await plan("Lappar med namn", ["nina", "petra"]);
      await ok(live("nils", named, { intent: "start" }));
      await ok(live("nina", named, { intent: "note", text: "En lapp med namn" }));
      await ok(live("nils", named, { intent: "go-to", phaseId: (await board("nils", named)).phases[2].id }));
      expect(visibleText(await livePage("petra", named))).toContain("En lapp med namn Nina Medlem");
    });

    it("counts votes per person and per note, and gives a vote back on unvote", async () => {
      const id = await plan("Röstning", ["nina", "petra"], { votesPerPerson: "3", votesPerTarget: "2" });
      await ok(live("nils", id, { intent: "start" }));
      for (const text of ["Första förslaget", "Andra förslaget", "Tredje förslaget"]) await ok(live("nina", id, { intent: "note", text }));
      const b = await board("nils", id);
      await ok(live("nils", id, { intent: "go-to", phaseId: b.phases.find((p) => p.kind === "group")!.id }));
      const [first, second, third] = b.notes.map((n) => n.id);
      const vote = (targetId: string, intent = "vote") => live("petra", id, { intent, targetType: "note", targetId });
      const refusedWith = async (response: Response) => {
        expect(response.status).toBe(409);
        const body = (await response.json()) as { ok: boolean; error: string };
        expect(body.ok).toBe(false);
        return sv(body.error);
      };

      expect(visibleText(await livePage("petra", id))).toContain("Du har 3 av 3 röster kvar.");
      await ok(vote(first));
      await ok(vote(first));
      // At most two on one note.
      expect(await refusedWith(await vote(first))).toContain("Du har inga röster kvar");
      await ok(vote(second));
      // Three votes in all.
      expect(await refusedWith(await vote(third))).toContain("Du har inga röster kvar");
      const spentHtml = await livePage("petra", id);
      expect(visibleText(spentHtml)).toContain("Du har 0 av 3 röster kvar.");
      expect(noteCard(spentHtml, "Första förslaget")).toContain("2 röster (2 av dem dina)");
      expect(noteCard(spentHtml, "Andra förslaget")).toContain("1 röst (1 av dem din)");
      expect(noteCard(spentHtml, "Tredje förslaget")).toMatch(/0 röster Rösta/);

      // Taking one back frees it for another note.
      await ok(vote(first, "unvote"));
      expect(visibleText(await livePage("petra", id))).toContain("Du har 1 av 3 röster kvar.");
      await ok(vote(third));
      expect(await refusedWith(await vote(second))).toContain("Du har inga röster kvar");
      // Nothing to take back where one has not voted.
      expect((await live("nina", id, { intent: "unvote", targetType: "note", targetId: first })).status).toBe(409);

      // Others see the totals, not whose votes they are; their own votes are untouched.
      const ninaHtml = await livePage("nina", id);
      expect(visibleText(ninaHtml)).toContain("Du har 3 av 3 röster kvar.");
      expect(noteCard(ninaHtml, "Första förslaget")).toMatch(/^Första förslaget Din lapp .*1 röst Rösta/);
      expect(noteCard(ninaHtml, "Tredje förslaget")).toContain("1 röst");
      expect(visibleText(ninaHtml)).not.toContain("av dem din");
    });
  });
});
