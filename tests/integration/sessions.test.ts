import ICAL from "ical.js";
import type { Socket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server.ts";
import { translator } from "../../app/i18n/i18n.ts";
import { PASSWORD, twoRegions } from "../support/fixtures.ts";
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
const PAGE_ROUTE = "routes/o.$slug.sessions.$sessionId._index";
const LIVE_ROUTE = "routes/o.$slug.sessions.$sessionId.live";
const sessionPath = (id: string, slug = "region-nord") => `/o/${slug}/sessions/${id}`;

type Fields = Record<string, string | string[]>;
const formBody = (fields: Fields) => {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const v of ([] as string[]).concat(value)) body.append(name, v);
  return body;
};

/** A form post as a browser sends it, repeated fields (checkboxes) included. */
function postForm(client: Client, path: string, fields: Fields) {
  return fetch(new URL(path, client.baseUrl), {
    method: "POST",
    headers: { cookie: client.cookieHeader, origin: client.baseUrl },
    body: formBody(fields),
    redirect: "manual",
  });
}

const basePlan = {
  title: "Lärtillfälle om grön omställning",
  theme: "Vad har projekten lärt oss om omställningen?",
  date: "2027-02-10",
  time: "10:00",
  durationMinutes: "90",
  place: "Regionhuset, sal Älven",
  videoUrl: "",
  recurrence: "none",
  occurrences: "4",
  template: "buzzin-bees",
  votesPerPerson: "5",
  votesPerTarget: "2",
};

type Board = {
  facilitator: boolean;
  clock: { status: string; currentPhaseId: string | null };
  phases: { id: string; kind: string; title: string }[];
  notes: { id: string; text: string; phaseId: string; groupId: string | null; carried: boolean }[];
  groups: { id: string; title: string }[];
};

describe("learning sessions", () => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof twoRegions>>;
  // Nora (nord admin), Nils (nord facilitator), Nina (nord member), Siri (syd member).
  let nora: Client;
  let nils: Client;
  let nina: Client;
  let siri: Client;
  let goalId: string;
  const sockets: Socket[] = [];
  captureMail();

  beforeAll(async () => {
    server = await startTestServer();
    world = await twoRegions();
    const strategy = await db.strategy.create({ data: { organisationId: world.north.id, name: "Regional utvecklingsstrategi" } });
    goalId = (await db.goal.create({ data: { organisationId: world.north.id, strategyId: strategy.id, code: "3.2", name: "Grön omställning" } })).id;
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

  const page = async (client: Client, path: string) => {
    const response = await client.get(path);
    expect(response.status, path).toBe(200);
    return response.text();
  };

  /** Plan as the facilitator would; returns the first session's id. */
  async function plan(fields: Fields = {}, client = nils) {
    const response = await postForm(client, "/o/region-nord/sessions/new", { ...basePlan, ...fields });
    expect(response.status, await response.clone().text().then((t) => visibleText(t).slice(0, 600))).toBe(302);
    const location = response.headers.get("location")!;
    return location.match(/\/sessions\/([^/?#]+)\?notice=/)![1];
  }

  /** The live room's action as JSON (a Remix data request, as the page's fetchers make). */
  const live = (client: Client, id: string, fields: Record<string, string>, slug = "region-nord") =>
    client.post(`${sessionPath(id, slug)}/live?_data=${encodeURIComponent(LIVE_ROUTE)}`, fields);
  /** The session page's action as JSON. */
  const onPage = (client: Client, id: string, fields: Record<string, string>) => client.post(`${sessionPath(id)}?_data=${encodeURIComponent(PAGE_ROUTE)}`, fields);
  /** The live room's data as the page has it (for ids of phases, notes and groups). */
  async function board(client: Client, id: string): Promise<Board> {
    const response = await client.get(`${sessionPath(id)}/live?_data=${encodeURIComponent(LIVE_ROUTE)}`);
    expect(response.status).toBe(200);
    return ((await response.json()) as { board: Board }).board;
  }
  async function ok(response: Promise<Response>) {
    const r = await response;
    expect(r.status, await r.clone().text()).toBe(200);
    return r;
  }
  const calendarOf = (text: string) => new ICAL.Component(ICAL.parse(text));
  const events = (text: string) => calendarOf(text).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
  const partstats = (event: ICAL.Event) =>
    Object.fromEntries(event.attendees.map((a) => [String(a.getFirstValue()).replace(/^mailto:/i, ""), a.getParameter("partstat")]));

  describe("planning", () => {
    it("is for facilitators: a member may neither open nor send the form", async () => {
      expect((await nina.get("/o/region-nord/sessions/new")).status).toBe(403);
      expect((await postForm(nina, "/o/region-nord/sessions/new", basePlan)).status).toBe(403);
      expect(visibleText(await page(nina, "/o/region-nord/sessions"))).not.toContain("Planera lärtillfälle");
      expect(visibleText(await page(nils, "/o/region-nord/sessions"))).toContain("Planera lärtillfälle");
    });

    it("plans a Buzzin' bees session whose page shows its three phases with their minutes", async () => {
      const form = visibleText(await page(nils, "/o/region-nord/sessions/new"));
      expect(form).toContain("Planera ett lärtillfälle");
      expect(form).toContain("Buzzin' bees");

      const id = await plan({ title: "Surrande bin i Nord", goalIds: goalId, inviteeIds: world.people.northMember.id });
      const asFacilitator = visibleText(await page(nils, `${sessionPath(id)}?notice=planned`));
      expect(asFacilitator).toContain("Lärtillfället är planerat.");
      expect(asFacilitator).toContain("Surrande bin i Nord");
      expect(asFacilitator).toContain("2027-02-10 10:00 · 90 minuter");
      expect(asFacilitator).toContain("Regionhuset, sal Älven");
      expect(asFacilitator).toContain("3.2 Grön omställning");
      expect(asFacilitator).toMatch(/Tänk själv · Var för sig · 2 minuter.*Prata med din granne · I par · 8 minuter.*Hela gruppen · Hela gruppen · 15 minuter/);

      // The invited member sees the same phases, in order, and is asked to answer.
      const asMember = visibleText(await page(nina, sessionPath(id)));
      expect(asMember).toMatch(/Faser Tänk själv · 2 minuter Prata med din granne · 8 minuter Hela gruppen · 15 minuter/);
      expect(asMember).toContain("Kommer du?");
      expect(asMember).toContain("Nina Medlem (Inte svarat)");
      expect(asMember).toContain("Nils Samtalsledare (samtalsledare)");
      // The session is listed for both.
      expect(visibleText(await page(nina, "/o/region-nord/sessions"))).toContain("Surrande bin i Nord");
    });

    it("refuses an impossible date, time and length with the reasons next to the fields, keeping what was typed", async () => {
      const response = await postForm(nils, "/o/region-nord/sessions/new", {
        ...basePlan,
        title: "Felaktigt planerat",
        date: "2026-13-01",
        time: "25:00",
        durationMinutes: "5",
      });
      expect(response.status).toBe(400);
      const html = await response.text();
      const errorOf = (field: string) => {
        const match = html.match(new RegExp(`<p id="([^"]*-${field}-error)" class="field__error">([^<]*)</p>\\s*<input[^>]*name="${field}"[^>]*>`));
        if (!match) throw new Error(`No error next to ${field}`);
        return { id: match[1], message: match[2], input: match[0].slice(match[0].indexOf("<input")) };
      };
      const date = errorOf("date");
      expect(date.message).toBe("Skriv ett datum som ÅÅÅÅ-MM-DD, till exempel 2026-03-01.");
      expect(date.input).toContain('value="2026-13-01"');
      expect(date.input).toContain('aria-invalid="true"');
      expect(date.input).toContain(date.id);
      const time = errorOf("time");
      expect(time.message).toBe("Skriv en tid som TT:MM, till exempel 09:30.");
      expect(time.input).toContain('value="25:00"');
      const duration = errorOf("durationMinutes");
      expect(duration.message).toBe("Skriv en längd mellan 15 och 480 minuter.");
      expect(duration.input).toContain('value="5"');
      expect(html).toMatch(/<input[^>]*name="title"[^>]*value="Felaktigt planerat"|<input[^>]*value="Felaktigt planerat"[^>]*name="title"/);
      expect(await db.learningSession.count({ where: { title: "Felaktigt planerat" } })).toBe(0);

      // A day that does not exist in the month is as wrong as a thirteenth month.
      const february = await postForm(nils, "/o/region-nord/sessions/new", { ...basePlan, title: "Felaktigt planerat", date: "2027-02-30" });
      expect(february.status).toBe(400);
      expect(visibleText(await february.text())).toContain("Skriv ett datum som ÅÅÅÅ-MM-DD");
    });

    it("plans a quarterly series at the same Stockholm time on both sides of summer time, listed on the series page", async () => {
      const first = await plan({ title: "Kvartalsträff", date: "2027-01-15", time: "09:00", recurrence: "quarterly", occurrences: "4", inviteeIds: world.people.northMember.id });
      const firstPage = visibleText(await page(nils, `${sessionPath(first)}?notice=seriesPlanned`));
      expect(firstPage).toContain("Serien är planerad. Här är dess första tillfälle.");
      const seriesId = (await page(nils, sessionPath(first))).match(/\/sessions\/series\/([^"/?#]+)"/)![1];

      const seriesHtml = await page(nils, `/o/region-nord/sessions/series/${seriesId}`);
      const series = visibleText(seriesHtml);
      expect(series).toContain("Varje kvartal");
      const rows = [...seriesHtml.matchAll(/<a [^>]*href="\/o\/region-nord\/sessions\/([^"/]+)"[^>]*>(Kvartalsträff \d)<\/a>/g)].map((m) => ({ id: m[1], title: m[2] }));
      expect(rows.map((r) => r.title)).toEqual(["Kvartalsträff 1", "Kvartalsträff 2", "Kvartalsträff 3", "Kvartalsträff 4"]);
      expect(rows[0].id).toBe(first);
      expect(series).toMatch(/Kvartalsträff 1 .*2027-01-15 09:00.*Kvartalsträff 2 .*2027-04-15 09:00.*Kvartalsträff 3 .*2027-07-15 09:00.*Kvartalsträff 4 .*2027-10-15 09:00/);

      // Each session's page and its calendar file say 09:00 Stockholm time; the instants differ by summer time.
      const expected = ["2027-01-15", "2027-04-15", "2027-07-15", "2027-10-15"];
      const utcHours: number[] = [];
      for (const [i, row] of rows.entries()) {
        expect(visibleText(await page(nils, sessionPath(row.id)))).toContain(`${expected[i]} 09:00 · 90 minuter`);
        const ics = await page(nina, `${sessionPath(row.id)}/calendar.ics`);
        expect(ics).toContain(`DTSTART;TZID=Europe/Stockholm:${expected[i].replaceAll("-", "")}T090000`);
        const [event] = events(ics);
        expect(event.summary).toBe(row.title);
        utcHours.push(event.startDate.toJSDate().getUTCHours());
      }
      expect(utcHours).toEqual([8, 7, 7, 7]);
    });
  });

  describe("calendar", () => {
    it("exports a session as iCalendar in Stockholm time, with attendees whose answers follow their RSVP", async () => {
      const id = await plan({
        title: "Kalenderträffen",
        date: "2027-03-03",
        time: "13:15",
        durationMinutes: "60",
        inviteeIds: [world.people.northMember.id, world.people.southMember.id],
      });
      const response = await nina.get(`${sessionPath(id)}/calendar.ics`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^text\/calendar/);
      const text = await response.text();
      const calendar = calendarOf(text);
      expect(calendar.getAllSubcomponents("vtimezone").map((z) => z.getFirstPropertyValue("tzid"))).toEqual(["Europe/Stockholm"]);
      const found = events(text);
      expect(found).toHaveLength(1);
      const [event] = found;
      expect(event.summary).toBe("Kalenderträffen");
      expect(event.component.getFirstProperty("dtstart")!.getParameter("tzid")).toBe("Europe/Stockholm");
      expect(event.startDate.toString()).toBe("2027-03-03T13:15:00");
      expect(event.startDate.toJSDate().toISOString()).toBe("2027-03-03T12:15:00.000Z");
      expect(event.endDate.toString()).toBe("2027-03-03T14:15:00");
      expect(event.location).toBe("Regionhuset, sal Älven");
      expect(event.description).toContain(`/o/region-nord/sessions/${id}`);
      expect(partstats(event)).toEqual({ "facilitator@nord.se": "ACCEPTED", "member@nord.se": "NEEDS-ACTION", "member@syd.se": "NEEDS-ACTION" });

      const answered = await nina.post(sessionPath(id), { intent: "rsvp", rsvp: "yes" });
      expect(answered.status).toBe(200);
      expect(visibleText(await answered.text())).toContain("Du har svarat att du kommer.");
      await ok(siri.post(sessionPath(id, "region-syd"), { intent: "rsvp", rsvp: "maybe" }));
      const after = events(await page(nils, `${sessionPath(id)}/calendar.ics`));
      expect(partstats(after[0])).toEqual({ "facilitator@nord.se": "ACCEPTED", "member@nord.se": "ACCEPTED", "member@syd.se": "TENTATIVE" });
      expect(visibleText(await page(nils, sessionPath(id)))).toContain("Nina Medlem (Kommer)");
    });

    it("gives each person a private feed address of the sessions they take part in, which a new address voids", async () => {
      const coming = await plan({ title: "Flödesträff ett", date: "2027-05-04", time: "08:30", inviteeIds: world.people.northMember.id });
      const declined = await plan({ title: "Flödesträff två", date: "2027-05-11", inviteeIds: world.people.northMember.id });
      await plan({ title: "Flödesträff utan Nina", date: "2027-05-18" });
      await ok(nina.post(sessionPath(declined), { intent: "rsvp", rsvp: "no" }));

      expect(visibleText(await page(nina, "/o/region-nord/sessions"))).toContain("Skapa kalenderadress");
      const created = await nina.post("/o/region-nord/sessions", { intent: "calendar-feed" });
      expect(created.status).toBe(200);
      const createdHtml = await created.text();
      expect(visibleText(createdHtml)).toContain("Kalenderadressen är klar.");
      const feedOf = (html: string) => {
        const match = html.match(/<input id="feed-url"[^>]*value="([^"]+)"/);
        if (!match) throw new Error("No feed address on the page");
        return new URL(match[1]);
      };
      const feed = feedOf(createdHtml);
      expect(feed.pathname).toMatch(/^\/calendar\/[^/]+\/larloop\.ics$/);
      expect(feedOf(await page(nina, "/o/region-nord/sessions")).href).toBe(feed.href);

      // A calendar program has no cookie: the address is the key.
      const response = await new Client(server.url).get(feed.pathname);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^text\/calendar/);
      const feedText = await response.text();
      expect(calendarOf(feedText).getFirstPropertyValue("x-wr-calname")).toBe("Lärloop – Nina Medlem");
      const titles = events(feedText).map((e) => e.summary);
      expect(titles).toContain("Flödesträff ett");
      expect(titles).not.toContain("Flödesträff två");
      expect(titles).not.toContain("Flödesträff utan Nina");
      const first = events(feedText).find((e) => e.summary === "Flödesträff ett")!;
      expect(first.uid).toContain(coming);
      expect(first.startDate.toString()).toBe("2027-05-04T08:30:00");
      expect(first.component.getFirstProperty("dtstart")!.getParameter("tzid")).toBe("Europe/Stockholm");

      // A new address voids the old one.
      const rotated = feedOf(await (await ok(nina.post("/o/region-nord/sessions", { intent: "calendar-feed" }))).text());
      expect(rotated.pathname).not.toBe(feed.pathname);
      expect((await new Client(server.url).get(feed.pathname)).status).toBe(404);
      expect((await new Client(server.url).get(rotated.pathname)).status).toBe(200);
      expect((await new Client(server.url).get("/calendar/not-a-real-token/larloop.ics")).status).toBe(404);
    });
  });

  describe("who may see and run a session", () => {
    it("keeps a session from another region's people until they are invited, then lets them in from their own workspace", async () => {
      const closed = await plan({ title: "Internt i Nord" });
      const paths = (id: string, slug: string) => [sessionPath(id, slug), `${sessionPath(id, slug)}/live`, `${sessionPath(id, slug)}/summary`, `${sessionPath(id, slug)}/calendar.ics`];
      for (const path of [...paths(closed, "region-syd"), ...paths(closed, "region-nord")]) expect((await siri.get(path)).status, path).toBe(404);
      const socket = await connect(siri);
      expect(await socket.emitWithAck("learning:join", { sessionId: closed, organisationId: world.south.id })).toEqual({ ok: false });
      expect(await socket.emitWithAck("learning:join", { sessionId: closed, organisationId: world.north.id })).toEqual({ ok: false });
      expect((await live(siri, closed, { intent: "note", text: "Smyger in" }, "region-syd")).status).toBe(404);

      const open = await plan({ title: "Gemensamt med Syd", inviteeIds: world.people.southMember.id });
      for (const path of paths(open, "region-syd")) expect((await siri.get(path)).status, path).toBe(path.endsWith("/summary") ? 404 : 200);
      const shown = visibleText(await page(siri, sessionPath(open, "region-syd")));
      expect(shown).toContain("Gemensamt med Syd");
      expect(shown).toContain("Region Nord");
      const joined = (await socket.emitWithAck("learning:join", { sessionId: open, organisationId: world.south.id })) as { ok: boolean; clock: { status: string } };
      expect(joined.ok).toBe(true);
      expect(joined.clock.status).toBe("planned");
      expect(visibleText(await page(siri, "/o/region-syd/sessions"))).toContain("Gemensamt med Syd");
      // Still nothing of Region Nord's own.
      expect(visibleText(await page(siri, "/o/region-syd/sessions"))).not.toContain("Internt i Nord");
    });

    it("leaves the clock, hiding and outcomes to the session's facilitators, not even to the organisation's admin", async () => {
      const id = await plan({ title: "Bara samtalsledaren styr", inviteeIds: world.people.northMember.id });
      for (const client of [nina, nora]) {
        for (const intent of ["start", "pause", "next", "end"]) expect((await live(client, id, { intent })).status, intent).toBe(403);
      }
      await ok(live(nils, id, { intent: "start" }));
      await ok(live(nina, id, { intent: "note", text: "En lapp som ska ligga kvar" }));
      const noteId = (await board(nils, id)).notes[0].id;
      for (const client of [nina, nora]) {
        expect((await live(client, id, { intent: "pause" })).status).toBe(403);
        expect((await live(client, id, { intent: "next" })).status).toBe(403);
        expect((await live(client, id, { intent: "hide-note", noteId })).status).toBe(403);
        expect((await live(client, id, { intent: "outcome-lesson", targetType: "note", targetId: noteId, title: "Min egen lärdom" })).status).toBe(403);
        expect((await live(client, id, { intent: "outcome-recommendation", targetType: "note", targetId: noteId, text: "Gör så här" })).status).toBe(403);
        expect(
          (await live(client, id, { intent: "outcome-action", targetType: "note", targetId: noteId, title: "Gör något", ownerId: world.people.northMember.id, dueDate: "2027-03-01" })).status,
        ).toBe(403);
        expect((await onPage(client, id, { intent: "add-phase", kind: "write", title: "Smygfas", prompt: "", minutes: "5" })).status).toBe(403);
      }
      expect(visibleText(await page(nils, `${sessionPath(id)}/live`))).toContain("Samtalsledarens kontroller");
      expect(visibleText(await page(nora, `${sessionPath(id)}/live`))).not.toContain("Samtalsledarens kontroller");
      expect(await db.lesson.count({ where: { sessionId: id } })).toBe(0);
      const member = visibleText(await page(nina, `${sessionPath(id)}/live`));
      expect(member).toContain("Tänk själv");
      expect(member).toContain("En lapp som ska ligga kvar");
    });

    it("lets the facilitator add, retime, reorder and remove phases, keeps a phase with notes, and saves the phases as an own template", async () => {
      const id = await plan({ title: "Faser att forma", inviteeIds: world.people.northMember.id });
      const phasesShown = async () => {
        const text = visibleText(await page(nina, sessionPath(id)));
        return text.slice(text.indexOf("Faser"));
      };

      const added = await onPage(nils, id, { intent: "add-phase", kind: "write", title: "Reflektion", prompt: "Vad tar du med dig?", minutes: "2,5" });
      expect(added.status).toBe(200);
      expect((await added.json()).notice).toBe("sessions.notices.phasesSaved");
      expect(await phasesShown()).toMatch(/Tänk själv · 2 minuter Prata med din granne · 8 minuter Hela gruppen · 15 minuter Reflektion · 2[.,]5 minuter/);
      // The facilitator's form for the phase shows the time the Swedish way.
      const reflection = (await board(nils, id)).phases.find((p) => p.title === "Reflektion")!;
      expect(await page(nils, sessionPath(id))).toMatch(new RegExp(`<input[^>]*id="phase-${reflection.id}-minutes"[^>]*value="2,5"`));

      const invalid = await onPage(nils, id, { intent: "add-phase", kind: "write", title: "För lång", prompt: "", minutes: "500" });
      expect(invalid.status).toBe(400);
      const refused = await nils.post(sessionPath(id), { intent: "add-phase", kind: "write", title: "För lång", prompt: "", minutes: "0" });
      expect(refused.status).toBe(400);
      expect(visibleText(await refused.text())).toContain("Skriv en tid mellan 0,5 och 180 minuter.");

      const thinking = (await board(nils, id)).phases[0];
      await ok(onPage(nils, id, { intent: "update-phase", phaseId: thinking.id, kind: "write", title: "Tänk efter", prompt: "Skriv en lapp.", minutes: "3" }));
      await ok(onPage(nils, id, { intent: "move-up", phaseId: reflection.id }));
      expect(await phasesShown()).toMatch(/Tänk efter · 3 minuter Prata med din granne · 8 minuter Reflektion · 2[.,]5 minuter Hela gruppen · 15 minuter/);
      await ok(onPage(nils, id, { intent: "move-down", phaseId: thinking.id }));
      expect(await phasesShown()).toMatch(/Prata med din granne · 8 minuter Tänk efter · 3 minuter Reflektion · 2[.,]5 minuter Hela gruppen · 15 minuter/);
      await ok(onPage(nils, id, { intent: "remove-phase", phaseId: reflection.id }));
      expect(await phasesShown()).toMatch(/Prata med din granne · 8 minuter Tänk efter · 3 minuter Hela gruppen · 15 minuter/);
      expect(await phasesShown()).not.toContain("Reflektion");
      await ok(onPage(nils, id, { intent: "move-up", phaseId: thinking.id }));

      // A phase that holds notes stays.
      await ok(live(nils, id, { intent: "start" }));
      await ok(live(nina, id, { intent: "note", text: "Något jag skrev i första fasen" }));
      await ok(live(nils, id, { intent: "next" }));
      const kept = await nils.post(sessionPath(id), { intent: "remove-phase", phaseId: thinking.id });
      expect(kept.status).toBe(409);
      expect(visibleText(await kept.text())).toContain("En fas med lappar, eller den pågående fasen, kan inte tas bort.");
      expect((await onPage(nils, id, { intent: "remove-phase", phaseId: thinking.id })).status).toBe(409);
      expect(await phasesShown()).toContain("Tänk efter · 3 minuter");

      // Saved as the organisation's own template, offered the next time a session is planned.
      const saved = await nils.post(sessionPath(id), { intent: "save-template", name: "Nords eget upplägg" });
      expect(saved.status).toBe(200);
      expect(visibleText(await saved.text())).toContain("Upplägget är sparat och kan väljas nästa gång.");
      expect((await onPage(nina, id, { intent: "save-template", name: "Ninas upplägg" })).status).toBe(403);
      const form = await page(nils, "/o/region-nord/sessions/new");
      const option = form.match(/<option value="([^"]+)">Nords eget upplägg<\/option>/);
      expect(option).not.toBeNull();
      expect(form).not.toContain("Ninas upplägg");
      const next = await plan({ title: "Med eget upplägg", template: option![1] });
      expect(visibleText(await page(nils, sessionPath(next)))).toMatch(/Tänk efter · Var för sig · 3 minuter.*Prata med din granne · I par · 8 minuter.*Hela gruppen · Hela gruppen · 15 minuter/);
    });
  });

  describe("outcomes and what comes after", () => {
    it("turns a group into a draft lesson and adds a recommendation and an overdue action that its owner closes from the start page", async () => {
      const title = "Lärtillfälle om förstudier";
      const id = await plan({ title, goalIds: goalId, inviteeIds: world.people.northMember.id });
      await ok(live(nils, id, { intent: "start" }));
      await ok(live(nina, id, { intent: "note", text: "Förstudien sparade ett halvår" }));
      await ok(live(nina, id, { intent: "note", text: "Förstudier behöver en tydlig beställare" }));
      await ok(live(nils, id, { intent: "note", text: "Mät effekterna tidigt" }));
      const before = await board(nils, id);
      await ok(live(nils, id, { intent: "go-to", phaseId: before.phases.find((p) => p.kind === "group")!.id }));
      const [first, second, third] = before.notes;
      await ok(live(nina, id, { intent: "group-note", noteId: first.id, groupId: "new", newGroup: "Förstudier lönar sig" }));
      const groupId = (await board(nina, id)).groups[0].id;
      await ok(live(nina, id, { intent: "group-note", noteId: second.id, groupId, newGroup: "" }));

      const lesson = await live(nils, id, { intent: "outcome-lesson", targetType: "group", targetId: groupId, title: "Förstudier sparar tid" });
      expect(lesson.status).toBe(200);
      const { lessonId } = (await lesson.json()) as { lessonId: string };
      await ok(live(nils, id, { intent: "outcome-recommendation", targetType: "note", targetId: third.id, text: "Kräv en effektplan i ansökan", addressedTo: "Utlysning Grön omställning 2027" }));
      await ok(
        live(nils, id, { intent: "outcome-action", targetType: "note", targetId: third.id, title: "Ta fram en mall för effektplan", ownerId: world.people.northMember.id, dueDate: "2026-11-01" }),
      );
      // Not a real day, and not someone outside the session and its organisation.
      expect((await live(nils, id, { intent: "outcome-action", title: "Fel datum", ownerId: world.people.northMember.id, dueDate: "2026-02-30" })).status).toBe(400);
      expect((await live(nils, id, { intent: "outcome-action", title: "Fel ansvarig", ownerId: world.people.southMember.id, dueDate: "2027-01-01" })).status).toBe(409);

      // The draft lesson: from the session, on its goal, the group's notes as its text.
      const lessonPage = visibleText(await page(nils, `/o/region-nord/lessons/${lessonId}`));
      expect(lessonPage).toContain("Förstudier sparar tid");
      expect(lessonPage).toContain("Utkast");
      expect(lessonPage).toContain(`Lärtillfälle – ${title}`);
      expect(lessonPage).toContain("3.2 Grön omställning");
      expect(lessonPage).toContain("Förstudien sparade ett halvår");
      expect(lessonPage).toContain("Förstudier behöver en tydlig beställare");

      const livePage = visibleText(await page(nina, `${sessionPath(id)}/live`));
      expect(livePage).toMatch(/Förstudier lönar sig Behandlad/);
      expect(livePage).toContain("Kräv en effektplan i ansökan → Utlysning Grön omställning 2027");
      expect(livePage).toMatch(/Ta fram en mall för effektplan Nina Medlem · senast 2026-11-01 Försenad/);

      // Before the end the summary would show everyone's notes early: participants wait for it.
      expect((await nina.get(`${sessionPath(id)}/summary`)).status).toBe(404);
      expect((await nils.get(`${sessionPath(id)}/summary`)).status).toBe(200);
      await ok(live(nils, id, { intent: "end" }));
      const summary = visibleText(await page(nina, `${sessionPath(id)}/summary`));
      expect(summary).toContain(`Sammanfattning: ${title}`);
      expect(summary).toContain("Förstudier sparar tid (Utkast)");
      expect(summary).toContain("Kräv en effektplan i ansökan → Utlysning Grön omställning 2027");
      expect(summary).toContain("Ta fram en mall för effektplan – Nina Medlem, senast 2026-11-01");
      expect(summary).toContain("Förstudier lönar sig");

      // The owner's start page shows the action as overdue until it is done.
      const start = visibleText(await page(nina, "/o/region-nord"));
      expect(start).toContain("Mina åtgärder");
      expect(start).toMatch(/Ta fram en mall för effektplan Försenad · senast 2026-11-01 · Lärtillfälle om förstudier/);
      const actionId = (await db.actionItem.findFirstOrThrow({ where: { sessionId: id } })).id;
      expect((await siri.post("/o/region-syd", { intent: "action-done", actionId })).status).toBe(404);
      const done = await nina.post("/o/region-nord", { intent: "action-done", actionId });
      expect(done.status).toBe(200);
      expect(visibleText(await page(nina, "/o/region-nord"))).not.toContain("Ta fram en mall för effektplan");
      expect(visibleText(await page(nina, `${sessionPath(id)}/summary`))).toContain("Ta fram en mall för effektplan – Nina Medlem, senast 2026-11-01 (klar)");

      // The Markdown export.
      const markdown = await nina.get(`${sessionPath(id)}/summary.md`);
      expect(markdown.status).toBe(200);
      expect(markdown.headers.get("content-type")).toMatch(/^text\/markdown/);
      const md = await markdown.text();
      expect(md).toMatch(new RegExp(`^# ${title}\\n`));
      expect(md).toContain("\n## Deltagare\n");
      expect(md).toContain("\n## Lappar per fas\n");
      expect(md).toContain("\n### Tänk själv\n");
      expect(md).toContain("- Förstudien sparade ett halvår");
      expect(md).toContain("- Mät effekterna tidigt");
      expect(md).toContain("\n## Resultat\n");
      expect(md).toContain(`- [Förstudier sparar tid](${server.url}/o/region-nord/lessons/${lessonId})`);
      expect(md).toContain("- Kräv en effektplan i ansökan → Utlysning Grön omställning 2027");
      expect(md).toContain("- [x] Ta fram en mall för effektplan – Nina Medlem, 2026-11-01");

      // The synthesis, posted back to daily learning as a thread.
      await ok(nora.post("/o/region-nord/settings/categories", { intent: "create-category", name: "Lärtillfällen" }));
      const summaryHtml = await page(nils, `${sessionPath(id)}/summary`);
      const categoryId = summaryHtml.match(/<option value="([^"]+)">Lärtillfällen<\/option>/)![1];
      expect((await nina.post(`${sessionPath(id)}/summary`, { intent: "post-synthesis", categoryId })).status).toBe(403);
      const posted = await nils.post(`${sessionPath(id)}/summary`, { intent: "post-synthesis", categoryId });
      expect(posted.status).toBe(302);
      const threadPath = posted.headers.get("location")!;
      expect(threadPath).toMatch(/^\/o\/region-nord\/daily\/[^/]+$/);
      const thread = visibleText(await page(nina, threadPath));
      expect(thread).toContain(`Sammanfattning: ${title}`);
      expect(thread).toContain(`Sammanfattning av lärtillfället ${title} (2027-02-10).`);
      expect(thread).toContain("Förstudier sparar tid");
      expect(thread).toContain("Kräv en effektplan i ansökan → Utlysning Grön omställning 2027");
      expect(thread).toContain("Ta fram en mall för effektplan – Nina Medlem, 2026-11-01");
      expect(visibleText(await page(nina, `${sessionPath(id)}/summary`))).toContain("Sammanfattningen som tråd");
      // Posting again leads to the same thread.
      const again = await nils.post(`${sessionPath(id)}/summary`, { intent: "post-synthesis", categoryId });
      expect(again.headers.get("location")).toBe(threadPath);
    });

    it("carries notes never discussed, and open actions, over to the next session in the series", async () => {
      const first = await plan({ title: "Månadsträff", date: "2027-02-01", recurrence: "monthly", occurrences: "2", inviteeIds: world.people.northMember.id });
      const seriesId = (await db.learningSession.findUniqueOrThrow({ where: { id: first } })).seriesId!;
      const second = (await db.learningSession.findFirstOrThrow({ where: { seriesId, id: { not: first } } })).id;
      expect(visibleText(await page(nils, sessionPath(second)))).toContain("2027-03-01 10:00");

      await ok(live(nils, first, { intent: "start" }));
      await ok(live(nina, first, { intent: "note", text: "Detta hann vi prata om" }));
      await ok(live(nina, first, { intent: "note", text: "Detta hann vi aldrig ta upp" }));
      await ok(live(nina, first, { intent: "note", text: "Olämplig lapp som döljs" }));
      const notes = (await board(nils, first)).notes;
      await ok(live(nils, first, { intent: "hide-note", noteId: notes[2].id }));
      await ok(live(nils, first, { intent: "outcome-action", targetType: "note", targetId: notes[0].id, title: "Boka möte med näringslivskontoret", ownerId: world.people.northMember.id, dueDate: "2027-02-20" }));
      await ok(live(nils, first, { intent: "end" }));

      // Before the next session starts, nothing has been carried yet.
      expect(visibleText(await page(nils, `${sessionPath(second)}/live`))).not.toContain("Detta hann vi aldrig ta upp");
      await ok(live(nils, second, { intent: "start" }));
      const facilitatorView = visibleText(await page(nils, `${sessionPath(second)}/live`));
      expect(facilitatorView).toMatch(/Detta hann vi aldrig ta upp Från förra tillfället/);
      expect(facilitatorView).not.toContain("Detta hann vi prata om");
      expect(facilitatorView).not.toContain("Olämplig lapp som döljs");
      const carried = (await board(nils, second)).notes;
      expect(carried.map((n) => [n.text, n.carried, n.phaseId])).toEqual([["Detta hann vi aldrig ta upp", true, (await board(nils, second)).phases[0].id]]);
      // The author sees their own carried note, marked as such.
      expect(visibleText(await page(nina, `${sessionPath(second)}/live`))).toMatch(/Detta hann vi aldrig ta upp Från förra tillfället · Din lapp/);

      // Starting again (after a pause in the run) does not carry the notes twice.
      await ok(live(nils, second, { intent: "end" }));
      await ok(live(nils, second, { intent: "start" }));
      expect((await board(nils, second)).notes.filter((n) => n.carried)).toHaveLength(1);

      // The open action from the first session is there to follow up.
      const open = visibleText(await page(nina, `${sessionPath(second)}/live`));
      expect(open).toContain("Öppna åtgärder från tidigare tillfällen i serien");
      expect(open).toMatch(/Boka möte med näringslivskontoret Nina Medlem · senast 2027-02-20/);
    });
  });
});
