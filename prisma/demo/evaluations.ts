import type { Prisma } from "../../app/generated/prisma/client.ts";
import { plainTextToLessonBody } from "../../app/lessons/rich-text.server.ts";

type Tx = Prisma.TransactionClient;

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

// [level, support type ("" = all), project type ("" = all), goal code ("" = all), what, how]
const MODEL: [string, string, string, string, string, string][] = [
  ["output", "company", "", "1.1", "Antal företag som fått stöd, per bransch, storlek och kommun", "Uppföljning i Nyps: beslut och slutredovisning"],
  ["output", "project", "Förstudie", "", "Genomförda aktiviteter och antal deltagare, fördelat på kvinnor och män", "Lägesrapporter och slutrapport i Nyps"],
  ["output", "project", "Kompetensinsats", "2.1", "Antal deltagare som fullföljt insatsen", "Deltagarförteckning i slutrapporten"],
  ["output", "", "", "", "Beviljade och utbetalade medel per mål i RUS och per S3-område", "Uppföljning i Nyps och Lärloop"],
  ["outcome", "company", "Investering", "1.1", "Ökad omsättning och sysselsättning i stödföretagen två år efter stödet", "Registerdata från SCB (företagens ekonomi, sysselsättning) med kontrollgruppsjämförelse mot liknande företag utan stöd"],
  ["outcome", "company", "Investering", "3.1", "Minskade utsläpp av växthusgaser efter investeringen", "Uppmätt energianvändning i slutredovisningen och en uppföljande mätning ett år senare"],
  ["outcome", "project", "", "1.1.1", "Andel deltagande företag som infört en ny digital lösning", "Enkät till deltagande företag vid projektslut och ett år senare"],
  ["outcome", "project", "Kompetensinsats", "2.1", "Deltagare i arbete sex månader efter insatsen", "Registerdata från SCB och uppföljande enkät"],
  ["impact", "", "", "1", "Regional tillväxt: fler innovativa och växande företag i regionen", "Indikatorerna i RUS (SCB:s innovationsundersökning) och en tematisk utvärdering vart fjärde år med bidragsanalys"],
  ["impact", "project", "", "1.2", "En besöksnäring som är lönsam året runt", "Kommersiella gästnätter per månad (Tillväxtverket och SCB) och fallstudier av destinationer"],
  ["impact", "", "", "3", "Minskad klimatpåverkan från näringslivet", "Nationella emissionsdatabasen och fallstudier av utvalda investeringar"],
];

const FINDING = {
  author: "facilitator@region-demo.se",
  title: "Digitaliseringsstöd i två steg ger bestående förändring – en engångscheck gör det sällan",
  body:
    "Utvärderingen följde 112 företag som fått stöd till digitalisering 2020–2024, både genom projekt och som företagsstöd. Av de företag som fick både en behovsanalys och stöd under införandet använde 71 procent den nya lösningen två år senare, mot 38 procent av dem som bara fick en digitaliseringscheck.\n\nJämfört med en kontrollgrupp av liknande företag utan stöd syns ännu ingen säker skillnad i omsättning. Effekten syns än så länge i arbetssätt och kompetens, inte i ekonomin.\n\nFöretag med en utsedd intern ansvarig kom längst, oavsett stödform.",
  context: "Tematisk utvärdering av 1:1-finansierade insatser för digitalisering i små företag 2020–2024 (mål 1.1.1), genomförd 2024–2025.",
  whatHappened: "Utvärderaren kombinerade registerdata från SCB, en enkät till 112 stödföretag och fallstudier av åtta företag.",
  whatWeLearned: "Digitaliseringsstöd ger bestående resultat när företaget får hjälp hela vägen från analys till införande och har en egen ansvarig.",
  recommendation: "Utforma nästa utlysning för digitalisering som stöd i två steg, och följ upp effekterna på omsättning först tre år efter stödet.",
};

/** The evaluation model and plan of Region Demo, with a lesson published from a completed evaluation. */
export async function seedDemoEvaluations(tx: Tx, organisationId: string, _partnerId: string, userIds: Map<string, string>) {
  const goals = new Map((await tx.goal.findMany({ where: { organisationId }, select: { id: true, code: true } })).map((g) => [g.code, g.id]));
  const projects = new Map((await tx.project.findMany({ where: { organisationId }, select: { id: true, caseNumber: true } })).map((p) => [p.caseNumber, p.id]));

  const positions = new Map<string, number>();
  for (const [level, supportType, projectType, goalCode, what, method] of MODEL) {
    const position = positions.get(level) ?? 0;
    positions.set(level, position + 1);
    await tx.evaluationModelEntry.create({
      data: { organisationId, level, supportType, projectType, goalId: goalCode ? goals.get(goalCode)! : null, what, method, position },
    });
  }

  const digitalisation = await tx.evaluation.create({
    data: {
      organisationId,
      title: "Tematisk utvärdering: stöd till digitalisering i små företag 2020–2024",
      description:
        "Vilka insatser för digitalisering i små och medelstora företag har gett bestående resultat, och varför? Utvärderingen omfattar projektstöd och företagsstöd med koppling till mål 1.1.1 i RUS.\n\nResultaten ska användas i utformningen av nästa utlysning inom digitalisering och i dialogen med Almi och kommunerna.",
      kind: "thematic",
      status: "completed",
      evaluator: "Utvärderingsbyrån Norr AB",
      startsOn: day("2024-09-01"),
      endsOn: day("2025-05-31"),
      goals: { create: [{ goalId: goals.get("1.1.1")! }] },
    },
  });
  const body = plainTextToLessonBody(FINDING.body);
  await tx.lesson.create({
    data: {
      organisationId,
      authorId: userIds.get(FINDING.author)!,
      title: FINDING.title,
      body: body.json,
      bodyHtml: body.html,
      context: FINDING.context,
      whatHappened: FINDING.whatHappened,
      whatWeLearned: FINDING.whatWeLearned,
      recommendation: FINDING.recommendation,
      sourceType: "evaluation",
      sourceNote: digitalisation.title,
      evaluationId: digitalisation.id,
      evidence: "evaluation",
      visibility: "network",
      status: "published",
      publishedAt: day("2025-06-16"),
      createdAt: day("2025-06-12"),
      goals: { create: [{ goalId: goals.get("1.1.1")! }] },
    },
  });

  await tx.evaluation.create({
    data: {
      organisationId,
      title: "Samlad utvärdering av projektstöd till näringslivsutveckling 2022–2025",
      description:
        "En samlad bild av vad tre näringslivsprojekt har åstadkommit mot sina förväntade resultat: vilka resultat som nåtts, vad som förklarar skillnaderna och hur uppföljningen i Nyps kan förbättras.\n\nUnderlag: lägesrapporter och slutrapporter i Nyps, intervjuer med projektledare och en enkät till deltagande företag.",
      kind: "aggregated",
      status: "ongoing",
      evaluator: "Egen personal på Regional utveckling med stöd av Lärosätet Demo",
      startsOn: day("2025-09-01"),
      endsOn: day("2026-03-31"),
      projects: { create: ["20220014", "20230002", "20240009"].map((caseNumber) => ({ projectId: projects.get(caseNumber)! })) },
    },
  });

  await tx.evaluation.create({
    data: {
      organisationId,
      title: "Effekter av stöd till klimatomställning i näringslivet",
      description:
        "Har investeringsstöd och konsultcheckar för klimatomställning minskat företagens utsläpp mer än vad som hade skett ändå? Utvärderingen planeras som en kontrollgruppsjämförelse med registerdata, kompletterad med fallstudier.",
      kind: "thematic",
      status: "planned",
      evaluator: "Upphandlas under våren 2026",
      startsOn: day("2026-09-01"),
      endsOn: day("2027-06-30"),
      goals: { create: [{ goalId: goals.get("3.1")! }, { goalId: goals.get("3.2")! }] },
    },
  });
}
