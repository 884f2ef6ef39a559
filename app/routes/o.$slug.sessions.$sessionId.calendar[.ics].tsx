import type { LoaderFunctionArgs } from "@remix-run/node";
import { appOrigin } from "~/auth/guards.server";
import { requireViewer } from "~/lessons/viewer.server";
import { calendarSession, sessionsCalendar } from "~/sessions/calendar.server";
import { findVisibleSession } from "~/sessions/sessions.server";

/** One session as an .ics file to open in Outlook or Google Calendar. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { organisation, viewer } = await requireViewer(request, context, params.slug);
  const session = await findVisibleSession(viewer, params.sessionId ?? "");
  if (!session) throw new Response("Not Found", { status: 404 });
  const origin = appOrigin(request);
  const body = sessionsCalendar(session.title, [calendarSession(session, origin, organisation.slug)], new URL(origin).host);
  return new Response(body, {
    headers: { "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": `attachment; filename="larloop-${session.id}.ics"` },
  });
}
