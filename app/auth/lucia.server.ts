// Every use of Lucia stays in this module: Lucia v3 is deprecated by its
// authors, and this is the one place to swap for its copy-in session code
// (docs/decisions/0002-lucia-pinned.md).
import { PrismaAdapter } from "@lucia-auth/adapter-prisma";
import { Cookie, Lucia, TimeSpan, verifyRequestOrigin } from "lucia";
import { db } from "~/db.server";
import { publishAccessEvent } from "~/live/access-events.server";

// OWASP ASVS 3.3.2 (level 2) asks for re-authentication after 12 hours, and
// after a period of inactivity; two hours rather than its 30 minutes, so that a
// learning session followed live over the socket does not end in the middle
// (docs/decisions/0003-passwords-and-sign-in-limits.md).
const ABSOLUTE_HOURS = Number(process.env.SESSION_ABSOLUTE_HOURS || 12);
const IDLE_MINUTES = Number(process.env.SESSION_IDLE_MINUTES || 120);
// lastSeenAt is written at most this often: one write a minute, not one a request.
const SEEN_GRANULARITY_MS = 60_000;

const lucia = new Lucia(new PrismaAdapter(db.session, db.user), {
  sessionExpiresIn: new TimeSpan(ABSOLUTE_HOURS, "h"),
  sessionCookie: {
    name: "larloop_session",
    attributes: { sameSite: "lax" },
  },
  getUserAttributes: (attributes) => ({
    email: attributes.email,
    name: attributes.name,
    locale: attributes.locale,
    privilegesChangedAt: attributes.privilegesChangedAt,
  }),
  getSessionAttributes: (attributes) => ({
    createdAt: attributes.createdAt,
    issuedAt: attributes.issuedAt,
    lastSeenAt: attributes.lastSeenAt,
  }),
});

declare module "lucia" {
  interface Register {
    Lucia: typeof lucia;
    DatabaseUserAttributes: { email: string; name: string; locale: string | null; privilegesChangedAt: Date | null };
    DatabaseSessionAttributes: { createdAt: Date; issuedAt: Date; lastSeenAt: Date };
  }
}

export type AuthUser = { id: string; email: string; name: string; locale: string | null };
export type AuthSession = { id: string; userId: string; expiresAt: Date; fresh: boolean };

export const SESSION_COOKIE_NAME = lucia.sessionCookieName;

/** The session cookie, marked Secure when the request came over HTTPS. */
function withTransport(cookie: Cookie, secure: boolean): string {
  return new Cookie(cookie.name, cookie.value, { ...cookie.attributes, secure }).serialize();
}

/** A new session for a person who just proved who they are; `replacing` is the one their browser had, which ends. */
export async function startSession(userId: string, secure: boolean, replacing?: string): Promise<string> {
  const now = new Date();
  const session = await lucia.createSession(userId, { createdAt: now, issuedAt: now, lastSeenAt: now });
  if (replacing) await endSession(replacing);
  return withTransport(lucia.createSessionCookie(session.id), secure);
}

export function blankSessionCookie(secure: boolean): string {
  return withTransport(lucia.createBlankSessionCookie(), secure);
}

export type SessionCheck = {
  user: AuthUser | null;
  session: AuthSession | null;
  /** A Set-Cookie value to send back: a refreshed or a cleared session cookie. */
  setCookie: string | null;
};

/**
 * The signed-in person behind a request's cookie, within the session limits:
 * past the absolute or the idle limit the session ends. One issued before the
 * person's privileges changed is replaced by a new id (same sign-in time) when
 * `rotate` is true: HTTP requests, which can hand the browser the new cookie;
 * a socket handshake cannot, and keeps the id until the page's next request.
 */
export async function checkSessionCookie(cookieHeader: string | undefined, secure: boolean, rotate = true): Promise<SessionCheck> {
  const sessionId = lucia.readSessionCookie(cookieHeader ?? "");
  if (!sessionId) return { user: null, session: null, setCookie: null };
  const { user, session } = await lucia.validateSession(sessionId);
  if (!session || !user) {
    return { user: null, session: null, setCookie: blankSessionCookie(secure) };
  }
  const { privilegesChangedAt, ...authUser } = user;
  const now = Date.now();
  if (now - session.createdAt.getTime() > ABSOLUTE_HOURS * 3_600_000 || now - session.lastSeenAt.getTime() > IDLE_MINUTES * 60_000) {
    await endSession(session.id);
    return { user: null, session: null, setCookie: blankSessionCookie(secure) };
  }
  if (rotate && privilegesChangedAt && session.issuedAt < privilegesChangedAt) {
    const rotated = await lucia.createSession(user.id, { createdAt: session.createdAt, issuedAt: new Date(now), lastSeenAt: new Date(now) });
    await endSession(session.id);
    return { user: authUser, session: rotated, setCookie: withTransport(lucia.createSessionCookie(rotated.id), secure) };
  }
  if (now - session.lastSeenAt.getTime() > SEEN_GRANULARITY_MS) {
    await db.session.update({ where: { id: session.id }, data: { lastSeenAt: new Date(now) } });
  }
  const setCookie = session.fresh ? withTransport(lucia.createSessionCookie(session.id), secure) : null;
  return { user: authUser, session, setCookie };
}

export async function endSession(sessionId: string): Promise<void> {
  await lucia.invalidateSession(sessionId);
  publishAccessEvent({ type: "session-ended", sessionId });
}

/** Sessions issued before now are rotated on their next request (a role changed, a membership ended). */
export async function rotateSessionsOf(userId: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { privilegesChangedAt: new Date() } });
}

export async function endAllSessions(userId: string): Promise<void> {
  await lucia.invalidateUserSessions(userId);
  publishAccessEvent({ type: "user-signed-out-everywhere", userId });
}

/** Lucia's CSRF defence: a state-changing request must come from our own host. */
export function isSameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (!origin || !host) return false;
  return verifyRequestOrigin(origin, [host]);
}
