// Every use of Lucia stays in this module: Lucia v3 is deprecated by its
// authors, and this is the one place to swap for its copy-in session code
// (docs/decisions/0002-lucia-pinned.md).
import { PrismaAdapter } from "@lucia-auth/adapter-prisma";
import { Cookie, Lucia, TimeSpan, verifyRequestOrigin } from "lucia";
import { db } from "~/db.server";
import { publishAccessEvent } from "~/live/access-events.server";

const lucia = new Lucia(new PrismaAdapter(db.session, db.user), {
  sessionExpiresIn: new TimeSpan(30, "d"),
  sessionCookie: {
    name: "larloop_session",
    attributes: { sameSite: "lax" },
  },
  getUserAttributes: (attributes) => ({
    email: attributes.email,
    name: attributes.name,
    locale: attributes.locale,
  }),
});

declare module "lucia" {
  interface Register {
    Lucia: typeof lucia;
    DatabaseUserAttributes: { email: string; name: string; locale: string | null };
  }
}

export type AuthUser = { id: string; email: string; name: string; locale: string | null };
export type AuthSession = { id: string; userId: string; expiresAt: Date; fresh: boolean };

export const SESSION_COOKIE_NAME = lucia.sessionCookieName;

/** The session cookie, marked Secure when the request came over HTTPS. */
function withTransport(cookie: Cookie, secure: boolean): string {
  return new Cookie(cookie.name, cookie.value, { ...cookie.attributes, secure }).serialize();
}

export async function startSession(userId: string, secure: boolean): Promise<string> {
  const session = await lucia.createSession(userId, {});
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

export async function checkSessionCookie(
  cookieHeader: string | undefined,
  secure: boolean,
): Promise<SessionCheck> {
  const sessionId = lucia.readSessionCookie(cookieHeader ?? "");
  if (!sessionId) return { user: null, session: null, setCookie: null };
  const { user, session } = await lucia.validateSession(sessionId);
  if (!session || !user) {
    return { user: null, session: null, setCookie: blankSessionCookie(secure) };
  }
  const setCookie = session.fresh ? withTransport(lucia.createSessionCookie(session.id), secure) : null;
  return { user, session, setCookie };
}

export async function endSession(sessionId: string): Promise<void> {
  await lucia.invalidateSession(sessionId);
  publishAccessEvent({ type: "session-ended", sessionId });
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
