import { TZDate } from "@date-fns/tz";
import ical, { ICalAttendeeStatus, ICalCalendarMethod } from "ical-generator";

export const TIME_ZONE = "Europe/Stockholm";

// Central European time with summer time from the last Sunday of March to the
// last Sunday of October (EU rules since 1996), so that Outlook and Google
// show the session at the same wall-clock time as Lärloop does.
const STOCKHOLM_VTIMEZONE = [
  "BEGIN:VTIMEZONE",
  "TZID:Europe/Stockholm",
  "X-LIC-LOCATION:Europe/Stockholm",
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0200",
  "TZNAME:CEST",
  "DTSTART:19700329T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0200",
  "TZOFFSETTO:+0100",
  "TZNAME:CET",
  "DTSTART:19701025T030000",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
].join("\r\n");

export type CalendarSession = {
  id: string;
  title: string;
  theme: string;
  startsAt: Date;
  durationMinutes: number;
  place: string;
  videoUrl: string;
  url: string;
  status: string;
  updatedAt: Date;
  organiser: { name: string; email: string } | null;
  attendees: { name: string; email: string; rsvp: string }[];
};

const PARTSTAT: Record<string, ICalAttendeeStatus> = {
  yes: ICalAttendeeStatus.ACCEPTED,
  no: ICalAttendeeStatus.DECLINED,
  maybe: ICalAttendeeStatus.TENTATIVE,
  pending: ICalAttendeeStatus.NEEDSACTION,
};

/** An iCalendar file with one event per session, in Stockholm time, that calendar programs can import or subscribe to. */
export function sessionsCalendar(name: string, sessions: CalendarSession[], host: string): string {
  const calendar = ical({
    name,
    prodId: { company: "Lärloop", product: "Lärloop", language: "SV" },
    timezone: { name: TIME_ZONE, generator: () => STOCKHOLM_VTIMEZONE },
    method: ICalCalendarMethod.PUBLISH,
  });
  for (const session of sessions) {
    const start = new TZDate(session.startsAt.getTime(), TIME_ZONE);
    const end = new TZDate(session.startsAt.getTime() + session.durationMinutes * 60_000, TIME_ZONE);
    calendar.createEvent({
      id: `${session.id}@${host}`,
      start,
      end,
      timezone: TIME_ZONE,
      stamp: session.updatedAt,
      lastModified: session.updatedAt,
      summary: session.title,
      description: [session.theme, session.videoUrl, session.url].filter(Boolean).join("\n\n"),
      location: session.place || session.videoUrl || undefined,
      url: session.url,
      organizer: session.organiser ?? undefined,
      attendees: session.attendees.map((a) => ({ name: a.name, email: a.email, status: PARTSTAT[a.rsvp] ?? ICalAttendeeStatus.NEEDSACTION })),
    });
  }
  return calendar.toString();
}

type SessionRow = {
  id: string;
  title: string;
  theme: string;
  startsAt: Date;
  durationMinutes: number;
  place: string;
  videoUrl: string;
  status: string;
  updatedAt: Date;
  organisation: { slug: string };
  participants: { role: string; rsvp: string; user: { name: string; email: string } }[];
};

export function calendarSession(session: SessionRow, origin: string, slug = session.organisation.slug): CalendarSession {
  const organiser = session.participants.find((p) => p.role === "facilitator");
  return {
    ...session,
    url: `${origin}/o/${slug}/sessions/${session.id}`,
    organiser: organiser ? { name: organiser.user.name, email: organiser.user.email } : null,
    attendees: session.participants.map((p) => ({ name: p.user.name, email: p.user.email, rsvp: p.role === "facilitator" ? "yes" : p.rsvp })),
  };
}
