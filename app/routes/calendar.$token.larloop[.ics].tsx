import type { LoaderFunctionArgs } from "@remix-run/node";
import { appOrigin } from "~/auth/guards.server";
import { db } from "~/db.server";
import { calendarSession, sessionsCalendar } from "~/sessions/calendar.server";

/**
 * A person's calendar feed: every session they facilitate or are invited to
 * and have not declined. Calendar programs cannot sign in, so the secret in
 * the address is the key; a new address (on the sessions page) voids the old.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = params.token ? await db.user.findUnique({ where: { calendarToken: params.token }, select: { id: true, name: true } }) : null;
  if (!user) throw new Response("Not Found", { status: 404 });
  const sessions = await db.learningSession.findMany({
    where: { participants: { some: { userId: user.id, rsvp: { not: "no" } } }, startsAt: { gte: new Date(Date.now() - 365 * 86_400_000) } },
    orderBy: { startsAt: "asc" },
    include: { organisation: { select: { slug: true } }, participants: { include: { user: { select: { name: true, email: true } } } } },
  });
  const origin = appOrigin(request);
  const body = sessionsCalendar(`Lärloop – ${user.name}`, sessions.map((s) => calendarSession(s, origin)), new URL(origin).host);
  return new Response(body, { headers: { "Content-Type": "text/calendar; charset=utf-8", "Cache-Control": "private, max-age=300" } });
}
