import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newToken } from "../../app/auth/tokens.server.ts";
import { db } from "../../app/db.server.ts";
import { addMember, createOrganisation, createUser, PASSWORD, twoRegions } from "../support/fixtures.ts";
import { Client, nextEvent, startTestServer, type TestServer } from "../support/test-server.ts";

// The authorisation matrix in docs/security.md is the single source of truth:
// this test reads it, fails when a route file or a socket event the server
// handles has no row, and asks the app's own server every GET in it as each
// kind of caller. The owner is Region Nord; the caller from another
// organisation is from Region Öst, which is in no network with Nord.

const CALLERS = ["anonymous", "member", "facilitator", "admin", "other org"] as const;
type Caller = (typeof CALLERS)[number];
type RouteRow = { file: string; path: string; expected: Record<Caller, string>; post: string };
type EventRow = { event: string; expected: Record<Caller, string> };

const ROUTES_DIR = path.resolve("app/routes");
const RESERVED_EVENTS = new Set(["connect", "disconnect", "disconnecting", "error"]);

/** The body rows of the Markdown table whose header starts with `firstHeader`, as trimmed cells without backticks. */
function tableRows(markdown: string, firstHeader: string): string[][] {
  const lines = markdown.split("\n");
  const start = lines.findIndex((line) => line.startsWith(`| ${firstHeader} |`));
  if (start < 0) throw new Error(`docs/security.md has no table headed "${firstHeader}"`);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith("|")) break;
    rows.push(line.slice(1, -1).split("|").map((cell) => cell.trim().replace(/^`(.*)`$/, "$1")));
  }
  return rows;
}

function readMatrix() {
  const markdown = readFileSync(path.resolve("docs/security.md"), "utf8");
  const start = markdown.indexOf("## Authorisation matrix");
  if (start < 0) throw new Error('docs/security.md has no "## Authorisation matrix" section');
  const section = markdown.slice(start);
  const byCaller = (cells: string[]) => Object.fromEntries(CALLERS.map((c, i) => [c, cells[i]])) as Record<Caller, string>;
  const routes: RouteRow[] = tableRows(section, "Route file").map(([file, routePath, ...rest]) => ({ file, path: routePath, expected: byCaller(rest), post: rest[5] }));
  const events: EventRow[] = tableRows(section, "Socket event").map(([event, ...rest]) => ({ event, expected: byCaller(rest) }));
  return { routes, events };
}

type Segment = { literal: string } | { param: string; suffix: string } | { splat: true };

/** The address a Remix flat-routes file answers, as segments: `o.$slug.calls.$callId.brief[.md]` → o / :slug / calls / :callId / brief.md. */
function routeSegments(file: string): Segment[] {
  const name = file.replace(/\.tsx?$/, "");
  return name
    .split(/\.(?![^[]*\])/)
    .filter((part) => part !== "_index")
    .map((part): Segment => {
      if (part === "$") return { splat: true };
      const unescaped = part.replace(/\[([^\]]*)\]/g, "$1");
      const param = unescaped.match(/^\$(\w+)(.*)$/);
      return param ? { param: param[1], suffix: param[2] } : { literal: unescaped };
    });
}

function pathFits(file: string, address: string): boolean {
  const segments = routeSegments(file);
  const parts = address.split("?")[0].split("/").filter(Boolean);
  if (segments.at(-1) && "splat" in segments.at(-1)!) return parts.length >= segments.length;
  return (
    parts.length === segments.length &&
    segments.every((segment, i) => ("literal" in segment ? parts[i] === segment.literal : "param" in segment && parts[i].endsWith(segment.suffix) && parts[i].length > segment.suffix.length))
  );
}

function exportsAction(file: string): boolean {
  return /export (async )?function action\b|export const action\b/.test(readFileSync(path.join(ROUTES_DIR, file), "utf8"));
}

/** Every `socket.on("…")` in server-side code (server/ and app/**​/*.server.ts); the client's own listeners are not events the server handles. */
function serverSocketEvents(): string[] {
  const events = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (entry === "generated" || entry === "node_modules") continue;
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.ts$/.test(entry) && (full.startsWith(path.resolve("server")) || entry.endsWith(".server.ts"))) {
        for (const match of readFileSync(full, "utf8").matchAll(/socket\.on\(\s*["']([^"']+)["']/g)) if (!RESERVED_EVENTS.has(match[1])) events.add(match[1]);
      }
    }
  };
  walk(path.resolve("server"));
  walk(path.resolve("app"));
  return [...events].sort();
}

const matrix = readMatrix();
const workspaceRows = matrix.routes.filter((row) => row.path.startsWith("/o/:slug"));

describe("the authorisation matrix in docs/security.md", () => {
  it("has a row for every route file and every socket event the server handles, and no stale ones", () => {
    const files = readdirSync(ROUTES_DIR).sort();
    const documented = matrix.routes.map((row) => row.file);
    expect(files.filter((file) => !documented.includes(file)), "route files without a row in docs/security.md").toEqual([]);
    expect(documented.filter((file) => !files.includes(file)), "rows for route files that do not exist").toEqual([]);
    expect(documented.length, "a route file with two rows").toBe(new Set(documented).size);

    const events = serverSocketEvents();
    expect(events.length).toBeGreaterThan(0);
    const documentedEvents = matrix.events.map((row) => row.event);
    expect(events.filter((event) => !documentedEvents.includes(event)), "socket events without a row in docs/security.md").toEqual([]);
  });

  it("names, for each route, an address the route file answers and whether it takes a POST", () => {
    for (const row of matrix.routes) {
      expect(pathFits(row.file, row.path), `${row.file} does not answer ${row.path}`).toBe(true);
      expect(row.post === "—", `${row.file}: the POST column says "${row.post}"`).toBe(!exportsAction(row.file));
      for (const caller of CALLERS) expect(row.expected[caller], `${row.file}, ${caller}`).toMatch(/^(200|403|404|302 \/\S*)$/);
    }
  });
});

describe("every route, asked as each kind of caller", () => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof twoRegions>>;
  const clients = {} as Record<Caller, Client>;
  let outsideAdmin: Client;
  const values: Record<string, string> = { slug: "region-nord", other: "region-ost", partnerSlug: "region-syd" };
  const sockets: Socket[] = [];

  const address = (template: string, overrides: Record<string, string> = {}) =>
    template.replace(/:(\w+)/g, (_, name: string) => {
      const value = overrides[name] ?? values[name];
      if (value === undefined) throw new Error(`No value for :${name} in ${template}`);
      return encodeURIComponent(value);
    });

  // As a Remix form does: a POST to an index route says so, or it goes to the layout route of the same address.
  const actionAddress = (row: RouteRow) => address(row.path) + (row.file.endsWith("._index.tsx") ? "?index" : "");

  /** The status and, for a redirect, the path it points to, as the matrix writes them. */
  async function observed(response: Response): Promise<string> {
    await response.arrayBuffer();
    if (response.status !== 302) return String(response.status);
    return `302 ${new URL(response.headers.get("location") ?? "", server.url).pathname}`;
  }
  const expectedCell = (cell: string) => cell.replace(/:(\w+)/g, (_, name: string) => values[name]);

  beforeAll(async () => {
    server = await startTestServer();
    world = await twoRegions();
    const { north, people } = world;
    const east = await createOrganisation("region-ost", "Region Öst");
    await addMember((await createUser("member@ost.se", "Oda Medlem")).id, east.id, "member");
    await addMember((await createUser("admin@ost.se", "Olle Admin")).id, east.id, "admin");
    values.northId = north.id;
    values.eastId = east.id;
    values.networkId = world.network.id;
    await db.organisation.update({ where: { id: north.id }, data: { publicResults: true } });

    // Lessons, a thread and its first post made through the app, by the member, who is thus their author.
    const member = await Client.signedIn(server.url, "member@nord.se", PASSWORD);
    const lesson = { sourceType: "other", evidence: "observation", intent: "publish", title: "En lärdom om uppföljning", whatWeLearned: "Uppföljning tidigt ger bättre lärdom.", visibility: "organisation" };
    values.lessonId = (await member.post("/o/region-nord/lessons/new", lesson)).headers.get("location")!.match(/lessons\/([^?/]+)/)![1];
    values.publicLessonId = (
      await db.lesson.create({
        data: { organisationId: north.id, authorId: people.northMember.id, title: "En offentlig lärdom", whatWeLearned: "Öppna data hjälper.", visibility: "public", status: "published", publishedAt: new Date() },
      })
    ).id;
    const category = await db.category.create({ data: { organisationId: north.id, name: "Uppföljning" } });
    values.threadId = (await member.post("/o/region-nord/daily/new", { categoryId: category.id, title: "Hur följer ni upp?", bodyText: "Vi undrar hur andra gör." })).headers.get("location")!.split("/").at(-1)!;
    values.postId = (await db.post.findFirstOrThrow({ where: { threadId: values.threadId, number: 1 } })).id;

    values.callId = (await db.call.create({ data: { organisationId: north.id, authorId: people.northMember.id, title: "Utlysning om digitalisering" } })).id;
    values.evaluationId = (await db.evaluation.create({ data: { organisationId: north.id, title: "Tematisk utvärdering", kind: "thematic" } })).id;
    const strategy = await db.strategy.create({ data: { organisationId: north.id, name: "RUS Nord" } });
    values.goalId = (await db.goal.create({ data: { organisationId: north.id, strategyId: strategy.id, code: "1", name: "Fler innovativa företag" } })).id;
    values.projectId = (await db.project.create({ data: { organisationId: north.id, caseNumber: "20270001", name: "Digitalt lyft", supportType: "project" } })).id;
    const series = await db.sessionSeries.create({ data: { organisationId: north.id, title: "Lärande varje kvartal", createdById: people.northFacilitator.id } });
    values.seriesId = series.id;
    // An ended session, so that its summary is open to every member; the facilitator runs it.
    values.sessionId = (
      await db.learningSession.create({
        data: {
          organisationId: north.id,
          seriesId: series.id,
          title: "Lärtillfälle om uppföljning",
          startsAt: new Date("2026-03-01T08:00:00Z"),
          status: "ended",
          endedAt: new Date("2026-03-01T09:30:00Z"),
          createdById: people.northFacilitator.id,
          participants: {
            create: [
              { userId: people.northFacilitator.id, role: "facilitator", rsvp: "yes" },
              { userId: people.northMember.id, role: "participant", rsvp: "yes" },
            ],
          },
        },
      })
    ).id;
    values.questionnaireId = (
      await db.networkQuestionnaire.create({ data: { networkId: world.network.id, organisationId: north.id, authorId: people.northAdmin.id, title: "Frågor om uppföljning", questions: "Hur följer ni upp?" } })
    ).id;
    values.visitId = (
      await db.studyVisit.create({
        data: { organisationId: north.id, hostOrganisationId: world.south.id, networkId: world.network.id, title: "Studiebesök i Syd", visitDate: new Date("2026-05-01"), createdById: people.northMember.id },
      })
    ).id;
    values.calendarToken = "kalender-nord-medlem-0123456789";
    await db.user.update({ where: { id: people.northMember.id }, data: { calendarToken: values.calendarToken } });
    const invitation = newToken();
    values.invitationToken = invitation.token;
    await db.invitation.create({ data: { organisationId: north.id, email: "ny@nord.se", tokenHash: invitation.tokenHash, invitedById: people.northAdmin.id, expiresAt: new Date(Date.now() + 86_400_000) } });

    clients.anonymous = new Client(server.url);
    clients.member = member;
    clients.facilitator = await Client.signedIn(server.url, "facilitator@nord.se", PASSWORD);
    clients.admin = await Client.signedIn(server.url, "admin@nord.se", PASSWORD);
    clients["other org"] = await Client.signedIn(server.url, "member@ost.se", PASSWORD);
    outsideAdmin = await Client.signedIn(server.url, "admin@ost.se", PASSWORD);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await server.close();
  });

  it.each(matrix.routes.map((row) => [row.file, row] as const))("GET %s answers each caller as the matrix says", async (_, row) => {
    const mismatches: string[] = [];
    for (const caller of CALLERS) {
      const got = await observed(await clients[caller].get(address(row.path)));
      const want = expectedCell(row.expected[caller]);
      if (got !== want) mismatches.push(`${caller}: got ${got}, matrix says ${want}`);
    }
    expect(mismatches, `GET ${address(row.path)}`).toEqual([]);
  });

  it("sends the caller to sign in, or answers 404 to another organisation, on every workspace POST", async () => {
    const mismatches: string[] = [];
    for (const row of workspaceRows.filter((r) => r.post !== "—")) {
      const target = actionAddress(row);
      const anonymous = await observed(await clients.anonymous.post(target, {}));
      if (anonymous !== "302 /login") mismatches.push(`${row.file}, anonymous: ${anonymous}`);
      const other = await observed(await clients["other org"].post(target, {}));
      if (other !== "404") mismatches.push(`${row.file}, other org: ${other}`);
    }
    expect(mismatches).toEqual([]);
  });

  it("refuses with 403 a POST from a member whose role is below the one the matrix names", async () => {
    const mismatches: string[] = [];
    for (const row of workspaceRows.filter((r) => r.post === "admin" || r.post === "facilitator")) {
      const below: Caller[] = row.post === "admin" ? ["member", "facilitator"] : ["member"];
      for (const caller of below) {
        const got = await observed(await clients[caller].post(actionAddress(row), {}));
        if (got !== "403") mismatches.push(`${row.file}, ${caller}: ${got}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("does not let a member do what only an admin may: invite, change roles, add categories, invite to a network", async () => {
    const member = clients.member;
    const membership = await db.membership.findFirstOrThrow({ where: { userId: world.people.northMember.id, organisationId: world.north.id } });
    const attempts = [
      member.post("/o/region-nord/settings/members", { intent: "invite", email: "vän@example.se", role: "admin" }),
      member.post("/o/region-nord/settings/members", { intent: "change-role", membershipId: membership.id, role: "admin" }),
      member.post("/o/region-nord/settings/categories", { intent: "create-category", name: "Egen kategori", description: "", template: "" }),
      member.post(`/o/region-nord/networks/${world.network.id}`, { intent: "invite", organisationId: values.eastId }),
    ];
    for (const response of await Promise.all(attempts)) expect(response.status).toBe(403);
    expect(await db.invitation.count({ where: { email: "vän@example.se" } })).toBe(0);
    expect((await db.membership.findUniqueOrThrow({ where: { id: membership.id } })).role).toBe("member");
    expect(await db.category.count({ where: { name: "Egen kategori" } })).toBe(0);
    expect(await db.networkMember.count({ where: { networkId: world.network.id, organisationId: values.eastId } })).toBe(0);
  });

  it("answers 404 to an admin of another organisation who puts the owner's ids into their own workspace's addresses", async () => {
    const ids = new Set(["lessonId", "threadId", "postId", "callId", "evaluationId", "goalId", "projectId", "seriesId", "sessionId", "questionnaireId", "visitId", "networkId"]);
    const mismatches: string[] = [];
    for (const row of workspaceRows.filter((r) => [...r.path.matchAll(/:(\w+)/g)].some((m) => ids.has(m[1])))) {
      const target = address(row.path, { slug: "region-ost" });
      const got = await observed(await outsideAdmin.get(target));
      if (got !== "404") mismatches.push(`${target}: ${got}`);
    }
    expect(mismatches).toEqual([]);
  });

  it("answers 404 to an admin of a network partner for what the owner kept to itself", async () => {
    // Region Syd shares a network with Nord, but Nord shared none of these with it; the network's own pages are shared by design.
    const kept = new Set(["lessonId", "threadId", "postId", "callId", "evaluationId", "goalId", "projectId", "seriesId", "sessionId"]);
    const partnerAdmin = await Client.signedIn(server.url, "admin@syd.se", PASSWORD);
    const mismatches: string[] = [];
    for (const row of workspaceRows.filter((r) => [...r.path.matchAll(/:(\w+)/g)].some((m) => kept.has(m[1])))) {
      const target = address(row.path, { slug: "region-syd" });
      const got = await observed(await partnerAdmin.get(target));
      if (got !== "404") mismatches.push(`${target}: ${got}`);
    }
    expect(mismatches).toEqual([]);
  });

  it("keeps to what the public rows' notes promise: only publishing organisations, public lessons and live tokens", async () => {
    const anyone = clients.anonymous;
    const notFound = [
      "/results/region-syd", // Syd does not publish its results
      "/api/v1/results/region-syd",
      "/results/region-syd/lessons.csv",
      `/results/region-nord/lessons/${values.lessonId}`, // a lesson kept to the organisation
      `/api/v1/results/region-nord/lessons/${values.lessonId}`,
      "/calendar/no-such-token/larloop.ics",
      "/invitations/no-such-token",
    ];
    for (const target of notFound) expect(await observed(await anyone.get(target)), target).toBe("404");
    // A directory entry only for organisations in the network.
    expect(await observed(await clients.admin.get(`/o/region-nord/networks/${values.networkId}/organisations/region-ost`))).toBe("404");
  });

  describe("the live channel", () => {
    const connected = async (client: Client) => {
      const socket = client.socket();
      sockets.push(socket);
      await nextEvent(socket, "connect");
      return socket;
    };

    it("refuses a socket without a session at the handshake", async () => {
      const socket = clients.anonymous.socket();
      sockets.push(socket);
      expect((await nextEvent<Error>(socket, "connect_error")).message).toBe("unauthorized");
      for (const row of matrix.events) expect(row.expected.anonymous, row.event).toBe("refused");
    });

    it("answers each joining event as the matrix says", async () => {
      const payloads: Record<string, (organisationId: string) => unknown> = {
        "presence:list": (organisationId) => ({ organisationId }),
        "thread:join": (organisationId) => ({ threadId: values.threadId, organisationId, after: 0, since: null }),
        "learning:join": (organisationId) => ({ sessionId: values.sessionId, organisationId }),
      };
      const acked = matrix.events.filter((row) => Object.values(row.expected).some((cell) => cell === "no"));
      expect(acked.map((row) => row.event).sort()).toEqual(Object.keys(payloads).sort());
      const mismatches: string[] = [];
      for (const caller of CALLERS.filter((c) => c !== "anonymous")) {
        const socket = await connected(clients[caller]);
        for (const row of acked) {
          // A thread or session of the owner's, named from the owner's workspace and, by the outsider, from their own: neither opens it.
          const tries = caller === "other org" && row.event !== "presence:list" ? [values.northId, values.eastId] : [values.northId];
          for (const organisationId of tries) {
            const reply = (await socket.emitWithAck(row.event, payloads[row.event](organisationId))) as { ok: boolean };
            const got = reply.ok ? "ok" : "no";
            if (got !== row.expected[caller]) mismatches.push(`${row.event}, ${caller} (organisation ${organisationId === values.northId ? "Nord" : "Öst"}): got ${got}, matrix says ${row.expected[caller]}`);
          }
        }
      }
      expect(mismatches).toEqual([]);
    });

    it("does not relay typing from an outsider to the thread's readers", async () => {
      const reader = await connected(clients.member);
      expect(((await reader.emitWithAck("thread:join", { threadId: values.threadId, organisationId: values.northId, after: 0, since: null })) as { ok: boolean }).ok).toBe(true);
      const outsider = await connected(clients["other org"]);
      const heard = nextEvent(reader, "thread:typing", () => true, 700).then(
        () => true,
        () => false,
      );
      outsider.emit("thread:typing", { threadId: values.threadId });
      expect(await heard).toBe(false);
      // The control: the facilitator, once joined, is heard.
      const facilitator = await connected(clients.facilitator);
      await facilitator.emitWithAck("thread:join", { threadId: values.threadId, organisationId: values.northId, after: 0, since: null });
      const typing = nextEvent<{ user: { name: string } }>(reader, "thread:typing");
      facilitator.emit("thread:typing", { threadId: values.threadId });
      expect((await typing).user.name).toBe("Nils Samtalsledare");
    });
  });
});
