import type { Prisma } from "../../app/generated/prisma/client.ts";
import { plainTextToLessonBody } from "../../app/lessons/rich-text.server.ts";

type Tx = Prisma.TransactionClient;

// Region Demo's study visits to its network partner Region Exempel: one
// coming up, about Exempel's progress-report template and S3 follow-up, and
// one made earlier, with notes and a lesson from them shared with the network.

const DAY = 86_400_000;
/** Midnight UTC some days from today, as a visit date typed in the form is stored. */
const day = (daysFromNow: number) => {
  const date = new Date(Date.now() + daysFromNow * DAY);
  date.setUTCHours(0, 0, 0, 0);
  return date;
};

const EARLIER_NOTES = `Region Exempel håller en halvtidsdialog med varje projekt: handläggare, projektledare och gärna en person från målgruppen, en timme, med tre frågor skickade i förväg. Lägesrapporten läses före mötet men styr inte samtalet.

Det som kommer fram i dialogen når sällan lägesrapporterna: att rekryteringen av företag går trögt, att en samverkanspart har hoppat av, att aktiviteterna behöver läggas om. Två projekt fick ändra sin aktivitetsplan efter dialogen i stället för vid slutrapporten.

Handläggarna skriver en halv sida efter varje dialog. Anteckningarna läses av enhetschefen inför varje ny utlysning – så når lärdomarna utlysningstexterna.

Det kostar ungefär en arbetsdag per projekt och år. Exempel tycker att det är värt det för projekt över en miljon kronor, men inte för mindre företagsstöd.`;

export async function seedDemoStudyVisits(tx: Tx, organisationIds: Map<string, string>, userIds: Map<string, string>) {
  const demo = organisationIds.get("region-demo")!;
  const exempel = organisationIds.get("region-exempel")!;
  const network = await tx.network.findFirstOrThrow({ where: { name: "Regionernas nätverk för 1:1-uppföljning" }, select: { id: true } });
  const person = (email: string) => userIds.get(email)!;

  await tx.studyVisit.create({
    data: {
      organisationId: demo,
      hostOrganisationId: exempel,
      networkId: network.id,
      title: "Lägesrapporter och S3-uppföljning hos Region Exempel",
      visitDate: day(24),
      questions: [
        "Hur ser er mall för lägesrapporter ut, och vilka frågor i den ger er mest användbara svar om resultat och lärdomar?",
        "Hur kopplar ni projektens rapporterade resultat till era S3-områden, och vem gör den bedömningen?",
        "Hur följer ni upp S3-satsningarna efter projektslut – vilka indikatorer använder ni, och hur ofta?",
      ].join("\n"),
      status: "planned",
      createdById: person("member@region-demo.se"),
      createdAt: day(-12),
      participants: { create: [{ userId: person("member@region-demo.se") }, { userId: person("lars.bergman@region-demo.se") }] },
    },
  });

  const earlier = await tx.studyVisit.create({
    data: {
      organisationId: demo,
      hostOrganisationId: exempel,
      networkId: network.id,
      title: "Halvtidsdialoger med projekten hos Region Exempel",
      visitDate: day(-75),
      questions: [
        "Hur går en halvtidsdialog till, och vilka är med?",
        "Vad fångar dialogen som lägesrapporten missar?",
        "Hur når det som sägs i dialogerna nästa utlysning?",
      ].join("\n"),
      notes: EARLIER_NOTES,
      status: "done",
      createdById: person("facilitator@region-demo.se"),
      createdAt: day(-110),
      participants: { create: [{ userId: person("facilitator@region-demo.se") }, { userId: person("fatima.karlsson@region-demo.se") }] },
    },
  });

  const goal = await tx.goal.findFirstOrThrow({ where: { organisationId: demo, code: "1.1.2" }, select: { id: true } });
  // The notes as the writer trimmed them before publishing.
  const body = plainTextToLessonBody(
    "Region Exempel håller en halvtidsdialog med varje projekt över en miljon kronor: handläggare, projektledare och gärna någon från målgruppen, en timme, med tre frågor skickade i förväg.\n\nDet som kommer fram där når sällan lägesrapporterna, och projekten hinner ändra kurs medan det fortfarande går. Handläggarnas korta anteckningar från dialogerna läses inför varje ny utlysning.",
  );
  await tx.lesson.create({
    data: {
      organisationId: demo,
      authorId: person("facilitator@region-demo.se"),
      title: "En halvtidsdialog fångar det som lägesrapporten missar",
      body: body.json,
      bodyHtml: body.html,
      context: "Studiebesök hos Region Exempel, som håller en halvtidsdialog med varje projekt över en miljon kronor.",
      whatHappened: "Problem som rekrytering av företag och avhoppade samverkansparter kom fram i dialogen, inte i lägesrapporterna, och två projekt lade om sina aktiviteter i tid.",
      whatWeLearned: "Ett kort samtal mitt i projektet, med frågorna skickade i förväg, ger en ärligare bild av läget än den skriftliga rapporten – och ger tid att ändra kurs.",
      recommendation: "Pröva halvtidsdialoger för projektstöd över en miljon kronor i nästa utlysning, och låt handläggarnas anteckningar läsas inför utlysningen därpå.",
      sourceType: "study-visit",
      sourceNote: earlier.title,
      studyVisitId: earlier.id,
      evidence: "observation",
      visibility: "network",
      networkId: network.id,
      status: "published",
      publishedAt: day(-68),
      createdAt: day(-72),
      goals: { create: [{ goalId: goal.id }] },
    },
  });
}
