import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { sessionsCalendar, type CalendarSession } from "../../app/sessions/calendar.server.ts";
import { formFoursomes, formPairs } from "../../app/sessions/run.server.ts";
import { recurrenceDates, stockholmInstant } from "../../app/sessions/sessions.server.ts";

const people = (n: number) => Array.from({ length: n }, (_, i) => `user-${i + 1}`);
const sizes = (groups: string[][]) => groups.map((g) => g.length).sort((a, b) => a - b);

/** Everyone present is in exactly one group. */
function expectEveryoneOnce(groups: string[][], present: string[]) {
  const seen = groups.flat();
  expect(seen).toHaveLength(present.length);
  expect(new Set(seen)).toEqual(new Set(present));
}

/** A date and time on Stockholm's wall clock, the way Lärloop shows it. */
const STOCKHOLM = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
const wallClock = (date: Date) => STOCKHOLM.format(date);

describe("pairs and foursomes", () => {
  it("pairs everyone present exactly once, in twos, with a trio when the number is odd", () => {
    for (let n = 2; n <= 21; n++) {
      for (let round = 0; round < 20; round++) {
        const present = people(n);
        const pairs = formPairs(present);
        expectEveryoneOnce(pairs, present);
        for (const pair of pairs) expect(pair.length === 2 || pair.length === 3, `n=${n}: ${JSON.stringify(pairs)}`).toBe(true);
        expect(pairs.filter((p) => p.length === 3)).toHaveLength(n % 2);
      }
    }
  });

  it("leaves a lone person (or nobody) unpaired without failing", () => {
    expect(formPairs([])).toEqual([]);
    expect(formPairs(["solo"])).toEqual([["solo"]]);
  });

  it("shuffles: the same room does not always get the same pairs", () => {
    const seen = new Set<string>();
    for (let round = 0; round < 50; round++) {
      seen.add(JSON.stringify(formPairs(people(6)).map((p) => [...p].sort()).sort()));
    }
    expect(seen.size).toBeGreaterThan(1);
  });

  it("builds foursomes (four to six people) from the earlier pairs, keeping each pair together", () => {
    // Seven people cannot be split into groups of four to six; every other room size can.
    for (const n of [4, 5, 6, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 23]) {
      for (let round = 0; round < 20; round++) {
        const present = people(n);
        const pairs = formPairs(present);
        const fours = formFoursomes(pairs, present);
        expectEveryoneOnce(fours, present);
        for (const group of fours) expect(group.length >= 4 && group.length <= 6, `n=${n}: ${JSON.stringify(fours)}`).toBe(true);
        for (const pair of pairs) {
          const homes = fours.filter((group) => pair.some((id) => group.includes(id)));
          expect(homes, `pair ${pair.join("+")} split across foursomes`).toHaveLength(1);
          expect(pair.every((id) => homes[0].includes(id))).toBe(true);
        }
      }
    }
  });

  it("puts a small room in one group", () => {
    for (const n of [1, 2, 3, 7]) {
      const present = people(n);
      const fours = formFoursomes(formPairs(present), present);
      expect(fours).toHaveLength(1);
      expectEveryoneOnce(fours, present);
    }
  });

  it("leaves out who has gone since the pairs were made, and fits in who came since", () => {
    const pairs = [
      ["a", "b"],
      ["c", "d"],
      ["e", "f"],
      ["g", "h"],
    ];
    const present = ["a", "b", "c", "d", "e", "f", "h", "x", "y"]; // g left; x and y arrived
    const fours = formFoursomes(pairs, present);
    expectEveryoneOnce(fours, present);
    expect(fours.flat()).not.toContain("g");
    for (const pair of [["a", "b"], ["c", "d"], ["e", "f"]]) {
      expect(fours.some((group) => pair.every((id) => group.includes(id)))).toBe(true);
    }
    for (const group of fours) expect(group.length).toBeGreaterThanOrEqual(3);
  });

  it("makes foursomes of those present when no pairs were formed before", () => {
    const present = people(8);
    const fours = formFoursomes([], present);
    expectEveryoneOnce(fours, present);
    expect(sizes(fours)).toEqual([4, 4]);
  });
});

describe("Stockholm time", () => {
  it("reads a typed date and time as Stockholm wall-clock time, winter and summer", () => {
    expect(stockholmInstant("2027-01-15", "09:00").toISOString()).toBe("2027-01-15T08:00:00.000Z");
    expect(stockholmInstant("2027-07-15", "09:00").toISOString()).toBe("2027-07-15T07:00:00.000Z");
    // The days summer time begins and ends.
    expect(stockholmInstant("2027-03-28", "13:30").toISOString()).toBe("2027-03-28T11:30:00.000Z");
    expect(stockholmInstant("2027-10-31", "13:30").toISOString()).toBe("2027-10-31T12:30:00.000Z");
    expect(stockholmInstant("2026-12-31", "23:45").toISOString()).toBe("2026-12-31T22:45:00.000Z");
  });

  it("repeats a series at the same wall-clock time across summer time", () => {
    const first = stockholmInstant("2027-01-15", "09:00");
    const quarterly = recurrenceDates(first, "quarterly", 4);
    expect(quarterly.map(wallClock)).toEqual(["2027-01-15 09:00", "2027-04-15 09:00", "2027-07-15 09:00", "2027-10-15 09:00"]);
    // The instants differ by the summer-time hour, so the wall clock does not.
    expect(quarterly.map((d) => d.toISOString())).toEqual([
      "2027-01-15T08:00:00.000Z",
      "2027-04-15T07:00:00.000Z",
      "2027-07-15T07:00:00.000Z",
      "2027-10-15T07:00:00.000Z",
    ]);

    // Out of summer time again: October to November.
    const monthly = recurrenceDates(stockholmInstant("2026-09-20", "14:15"), "monthly", 3);
    expect(monthly.map(wallClock)).toEqual(["2026-09-20 14:15", "2026-10-20 14:15", "2026-11-20 14:15"]);

    expect(recurrenceDates(stockholmInstant("2027-03-01", "10:00"), "half-yearly", 3).map(wallClock)).toEqual(["2027-03-01 10:00", "2027-09-01 10:00", "2028-03-01 10:00"]);
    expect(recurrenceDates(stockholmInstant("2027-06-10", "08:30"), "yearly", 2).map(wallClock)).toEqual(["2027-06-10 08:30", "2028-06-10 08:30"]);
  });

  it("makes one date of a session that does not repeat", () => {
    const first = stockholmInstant("2027-01-15", "09:00");
    expect(recurrenceDates(first, "none", 4)).toEqual([first]);
  });
});

describe("iCalendar", () => {
  const session = (overrides: Partial<CalendarSession>): CalendarSession => ({
    id: "s1",
    title: "Lärtillfälle om grön omställning",
    theme: "Vad lärde vi oss av projekten?",
    startsAt: stockholmInstant("2027-01-15", "09:00"),
    durationMinutes: 90,
    place: "Stadshuset, sal 3",
    videoUrl: "https://meet.example/abc",
    url: "https://larloop.example/o/region-nord/sessions/s1",
    status: "planned",
    updatedAt: new Date("2026-12-01T10:00:00Z"),
    organiser: { name: "Nils Samtalsledare", email: "facilitator@nord.se" },
    attendees: [
      { name: "Nils Samtalsledare", email: "facilitator@nord.se", rsvp: "yes" },
      { name: "Nina Medlem", email: "member@nord.se", rsvp: "pending" },
      { name: "Siri Medlem", email: "member@syd.se", rsvp: "maybe" },
      { name: "Sven Admin", email: "admin@syd.se", rsvp: "no" },
    ],
    ...overrides,
  });

  it("is a calendar Outlook and Google can read: Stockholm time with its VTIMEZONE, attendees and their answers", () => {
    const text = sessionsCalendar(
      "Lärloop – Nina",
      [session({}), session({ id: "s2", title: "Sommarträffen", startsAt: stockholmInstant("2027-07-15", "13:00"), durationMinutes: 60, attendees: [] })],
      "larloop.example",
    );
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    const calendar = new ICAL.Component(ICAL.parse(text));
    const zones = calendar.getAllSubcomponents("vtimezone");
    expect(zones).toHaveLength(1);
    expect(zones[0].getFirstPropertyValue("tzid")).toBe("Europe/Stockholm");

    const [winter, summer] = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(winter.summary).toBe("Lärtillfälle om grön omställning");
    expect(winter.uid).toBe("s1@larloop.example");
    expect(winter.location).toBe("Stadshuset, sal 3");
    expect(winter.description).toContain("Vad lärde vi oss av projekten?");
    expect(winter.description).toContain("https://larloop.example/o/region-nord/sessions/s1");

    // Local time in the Stockholm zone; the file's own VTIMEZONE turns it into the right instant.
    const start = winter.component.getFirstProperty("dtstart")!;
    expect(start.getParameter("tzid")).toBe("Europe/Stockholm");
    expect(winter.startDate.toString()).toBe("2027-01-15T09:00:00");
    expect(winter.startDate.toJSDate().toISOString()).toBe("2027-01-15T08:00:00.000Z");
    expect(winter.endDate.toString()).toBe("2027-01-15T10:30:00");

    expect(summer.summary).toBe("Sommarträffen");
    expect(summer.startDate.toString()).toBe("2027-07-15T13:00:00");
    expect(summer.startDate.toJSDate().toISOString()).toBe("2027-07-15T11:00:00.000Z");
    expect(summer.attendees).toHaveLength(0);

    const partstat = Object.fromEntries(winter.attendees.map((a) => [String(a.getFirstValue()).replace(/^mailto:/i, ""), a.getParameter("partstat")]));
    expect(partstat).toEqual({
      "facilitator@nord.se": "ACCEPTED",
      "member@nord.se": "NEEDS-ACTION",
      "member@syd.se": "TENTATIVE",
      "admin@syd.se": "DECLINED",
    });
    expect(winter.organizer).toMatch(/facilitator@nord\.se/i);
  });

  it("is an empty but valid calendar when there is nothing to show", () => {
    const calendar = new ICAL.Component(ICAL.parse(sessionsCalendar("Lärloop – Tom", [], "larloop.example")));
    expect(calendar.name).toBe("vcalendar");
    expect(calendar.getAllSubcomponents("vevent")).toEqual([]);
  });
});
