import type { Prisma } from "../../app/generated/prisma/client.ts";
import { plainTextToLessonBody } from "../../app/lessons/rich-text.server.ts";
import { BUILT_IN_TEMPLATES } from "../../app/sessions/templates.ts";

type Tx = Prisma.TransactionClient;

// Seldom learning in the demo: a quarterly series with a session held two
// months ago (notes, groups, votes, a draft lesson, a recommendation and
// actions, one of them overdue) and the next one planned; a cross-region
// session; and a retrospective tomorrow that a facilitator can run live.

const DAY = 86_400_000;
const at = (daysFromNow: number, hour: number) => {
  const date = new Date(Date.now() + daysFromNow * DAY);
  date.setUTCHours(hour - 1, 0, 0, 0);
  return date;
};

type People = Map<string, string>;

async function createSession(
  tx: Tx,
  organisationId: string,
  people: People,
  input: {
    title: string;
    theme: string;
    template: keyof typeof BUILT_IN_TEMPLATES;
    startsAt: Date;
    seriesId?: string;
    place?: string;
    videoUrl?: string;
    goals: string[];
    facilitator: string;
    invited: [string, string][];
    status?: string;
  },
) {
  return tx.learningSession.create({
    data: {
      organisationId,
      seriesId: input.seriesId ?? null,
      title: input.title,
      theme: input.theme,
      startsAt: input.startsAt,
      durationMinutes: 90,
      place: input.place ?? "",
      videoUrl: input.videoUrl ?? "",
      status: input.status ?? "planned",
      createdById: people.get(input.facilitator),
      goals: { create: input.goals.map((goalId) => ({ goalId })) },
      participants: {
        create: [
          { userId: people.get(input.facilitator)!, role: "facilitator", rsvp: "yes" },
          ...input.invited.map(([email, rsvp]) => ({ userId: people.get(email)!, role: "participant", rsvp })),
        ],
      },
      phases: { create: BUILT_IN_TEMPLATES[input.template].phases.sv.map((phase, position) => ({ ...phase, position })) },
    },
    include: { phases: { orderBy: { position: "asc" } } },
  });
}

export async function seedDemoSessions(tx: Tx, organisationId: string, userIds: People) {
  const goals = new Map((await tx.goal.findMany({ where: { organisationId }, select: { id: true, code: true } })).map((g) => [g.code, g.id]));
  const team: [string, string][] = [
    ["member@region-demo.se", "yes"],
    ["lars.bergman@region-demo.se", "yes"],
    ["fatima.karlsson@region-demo.se", "maybe"],
    ["admin@region-demo.se", "yes"],
  ];
  const series = await tx.sessionSeries.create({
    data: {
      organisationId,
      title: "Kvartalsvis lärande om företagsstöd",
      theme: "Vad lär vi oss av lägesrapporterna från företagsstöden, och vad betyder det för nästa utlysning?",
      recurrence: "quarterly",
      createdById: userIds.get("facilitator@region-demo.se"),
    },
  });

  // The session held two months ago, with everything it produced.
  const held = await createSession(tx, organisationId, userIds, {
    title: "Kvartalsvis lärande om företagsstöd 1",
    theme: series.theme,
    template: "buzzin-bees",
    startsAt: at(-60, 9),
    seriesId: series.id,
    place: "Regionens hus, rum Gotland",
    goals: [goals.get("1.1")!],
    facilitator: "facilitator@region-demo.se",
    invited: team,
    status: "ended",
  });
  await tx.learningSession.update({ where: { id: held.id }, data: { startedAt: at(-60, 9), endedAt: at(-60, 10) } });
  await tx.sessionParticipant.updateMany({ where: { sessionId: held.id }, data: { presentAt: at(-60, 9), leftAt: at(-60, 10) } });
  const [alone, pairs, whole] = held.phases;
  const note = (phase: { id: string }, author: string, text: string, groupId: string | null = null, discussed = false) =>
    tx.sessionNote.create({ data: { sessionId: held.id, phaseId: phase.id, authorId: userIds.get(author), text, groupId, discussedAt: discussed ? at(-60, 10) : null, createdAt: at(-60, 9) } });
  const ownership = await tx.noteGroup.create({ data: { sessionId: held.id, title: "Företagen behöver en egen ansvarig", position: 0, discussedAt: at(-60, 10) } });
  const reporting = await tx.noteGroup.create({ data: { sessionId: held.id, title: "Lägesrapporterna säger för lite om resultat", position: 1, discussedAt: at(-60, 10) } });
  await note(alone, "member@region-demo.se", "Företag med en utsedd ansvarig kom mycket längre.", ownership.id, true);
  await note(alone, "lars.bergman@region-demo.se", "Konsulttimmarna tar slut innan förändringen sitter.", ownership.id, true);
  await note(alone, "fatima.karlsson@region-demo.se", "Lägesrapporterna beskriver aktiviteter, inte resultat.", reporting.id, true);
  await note(pairs, "admin@region-demo.se", "Vi frågar inte efter indikatorer i rapportmallen.", reporting.id, true);
  await note(pairs, "lars.bergman@region-demo.se", "Kan vi samordna uppföljningen med Almi?");
  await note(whole, "member@region-demo.se", "Bjud in företagen till nästa lärtillfälle.");
  for (const [email, groupId] of [
    ["member@region-demo.se", ownership.id],
    ["member@region-demo.se", ownership.id],
    ["lars.bergman@region-demo.se", ownership.id],
    ["fatima.karlsson@region-demo.se", reporting.id],
    ["admin@region-demo.se", reporting.id],
    ["admin@region-demo.se", ownership.id],
  ]) {
    await tx.noteVote.create({ data: { sessionId: held.id, userId: userIds.get(email)!, targetType: "group", targetId: groupId } });
  }
  const body = plainTextToLessonBody("Företag med en utsedd ansvarig kom mycket längre.\n\nKonsulttimmarna tar slut innan förändringen sitter.");
  await tx.lesson.create({
    data: {
      organisationId,
      authorId: userIds.get("facilitator@region-demo.se"),
      title: "Företagsstöd ger mest när företaget har en egen ansvarig",
      body: body.json,
      bodyHtml: body.html,
      sourceType: "session",
      sourceNote: held.title,
      sessionId: held.id,
      status: "draft",
      goals: { create: [{ goalId: goals.get("1.1")! }] },
    },
  });
  await tx.sessionRecommendation.create({
    data: { sessionId: held.id, text: "Lägg till minst en resultatindikator i mallen för lägesrapport.", addressedTo: "Utlysning Företagsstöd 2027" },
  });
  await tx.actionItem.create({
    data: { organisationId, sessionId: held.id, title: "Uppdatera mallen för lägesrapport med resultatindikatorer", ownerId: userIds.get("member@region-demo.se"), dueDate: at(-14, 12) },
  });
  await tx.actionItem.create({
    data: { organisationId, sessionId: held.id, title: "Fråga Almi om gemensam uppföljning", ownerId: userIds.get("lars.bergman@region-demo.se"), dueDate: at(-30, 12), doneAt: at(-35, 12) },
  });

  await createSession(tx, organisationId, userIds, {
    title: "Kvartalsvis lärande om företagsstöd 2",
    theme: series.theme,
    template: "buzzin-bees",
    startsAt: at(30, 9),
    seriesId: series.id,
    place: "Regionens hus, rum Gotland",
    goals: [goals.get("1.1")!],
    facilitator: "facilitator@region-demo.se",
    invited: team.map(([email]) => [email, "pending"]),
  });

  const exchange = await createSession(tx, organisationId, userIds, {
    title: "Regionernas erfarenhetsutbyte om uppföljning av 1:1-medel",
    theme: "Hur kopplar vi projektens resultat till RUS:ens mål? Region Exempel berättar om sin modell.",
    template: "1-2-4-all",
    startsAt: at(14, 13),
    videoUrl: "https://meet.region-demo.se/erfarenhetsutbyte",
    goals: [goals.get("1.1")!, goals.get("2.1")!],
    facilitator: "facilitator@region-demo.se",
    invited: [
      ["member@region-demo.se", "yes"],
      ["member@region-exempel.se", "yes"],
      ["admin@region-exempel.se", "maybe"],
    ],
  });

  for (const email of ["member@region-demo.se", "member@region-exempel.se", "admin@region-exempel.se"]) {
    await tx.notification.create({
      data: { userId: userIds.get(email)!, organisationId, type: "session-invite", actorId: userIds.get("facilitator@region-demo.se"), sessionId: exchange.id },
    });
  }

  await createSession(tx, organisationId, userIds, {
    title: "Återblick på utlysningen Grön omställning",
    theme: "Vad fungerade i förra årets utlysning, och vad ändrar vi i nästa?",
    template: "retrospective",
    startsAt: at(1, 10),
    place: "Regionens hus, rum Fårö",
    goals: [goals.get("3.1")!],
    facilitator: "facilitator@region-demo.se",
    invited: [
      ["member@region-demo.se", "yes"],
      ["lars.bergman@region-demo.se", "yes"],
      ["fatima.karlsson@region-demo.se", "pending"],
    ],
  });
}
