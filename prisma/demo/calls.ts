import type { Prisma } from "../../app/generated/prisma/client.ts";

type Tx = Prisma.TransactionClient;

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const kr = (amount: number) => BigInt(Math.round(amount * 100));

type Assessment = { lesson: string; verdict: "considered" | "applied" | "not-applied"; note?: string; on: string; by: string };

// Three calls that show the loop: one decided with lessons applied and projects
// already reporting, one decided earlier, and one planned whose brief is still open.
const CALLS = [
  {
    title: "Digital omställning i små och medelstora företag 2026",
    description:
      "Utlysningen riktar sig till projekt som hjälper små och medelstora företag i länet att ta nästa steg i sin digitala mognad: behovsanalys, införande av nya digitala lösningar och kompetens hos ledning och medarbetare.\n\nProjekt som når företag utanför centralorten prioriteras. Stöd ges som regionalt projektstöd med högst 50 procents medfinansiering.",
    budget: 8_000_000,
    status: "decided",
    opensOn: "2025-11-01",
    closesOn: "2026-01-31",
    decidedOn: "2026-04-15",
    author: "admin@region-demo.se",
    goals: ["1.1", "1.1.1"],
    tags: ["Digitalisering", "PO1 Ett smartare Europa"],
    assessments: [
      { lesson: "En utsedd digitaliseringsansvarig i företaget avgör resultatet", verdict: "applied", on: "2025-10-20", by: "admin@region-demo.se",
        note: "Deltagande företag ska utse en intern digitaliseringsansvarig; det är nu ett bedömningskriterium." },
      { lesson: "Gemensam mall för lägesrapporter höjde kvaliteten", verdict: "applied", on: "2025-10-22", by: "admin@region-demo.se",
        note: "Beviljade projekt rapporterar i Region Exempels mall med fasta resultatfrågor." },
      { lesson: "Tydliga resultatmål i beslutet gör slutrapporterna användbara", verdict: "considered", on: "2025-10-22", by: "admin@region-demo.se" },
      { lesson: "Upphandlingen av utvärderare behöver startas ett år före projektslut", verdict: "not-applied", on: "2025-10-23", by: "admin@region-demo.se",
        note: "Utlysningen är för liten för egna utvärderingar; projekten ingår i den samlade utvärderingen 2027." },
    ] as Assessment[],
    projects: [
      { caseNumber: "20260005", name: "Digital mognad i besöksnäringen", beneficiary: "Destination Demo ek. för.", orgNo: "769632-1190", amount: 1_650_000, decided: "2026-04-15", start: "2026-05-01", end: "2028-04-30",
        goals: ["1.1.1"], expected: { description: "Företag som infört ny digital lösning", target: 40, unit: "företag" }, realised: { value: 9, date: "2026-10-15", report: "Lägesrapport 2026-10-15" } },
      { caseNumber: "20260007", name: "AI-piloter i tillverkande småföretag", beneficiary: "Industriell utveckling Demo AB", orgNo: "556912-4410", amount: 2_100_000, decided: "2026-04-15", start: "2026-06-01", end: "2028-05-31",
        goals: ["1.1.1"], expected: { description: "Företag som infört ny digital lösning", target: 25, unit: "företag" }, realised: null },
    ],
  },
  {
    title: "Kompetensförsörjning i vård och omsorg 2025",
    description:
      "Projekt som kortar vägen till arbete inom vård och omsorg, till exempel validering på arbetsplatsen, handledarutbildning och språkstöd. Samverkan mellan kommuner, regionen och utbildningsanordnare är ett krav.",
    budget: 5_500_000,
    status: "decided",
    opensOn: "2025-03-15",
    closesOn: "2025-05-31",
    decidedOn: "2025-09-30",
    author: "facilitator@region-demo.se",
    goals: ["2.1"],
    tags: ["Hälsa och vård", "PO4 Ett socialare och mer inkluderande Europa"],
    assessments: [
      { lesson: "Validering på arbetsplatsen ger fler i arbete", verdict: "applied", on: "2025-03-01", by: "facilitator@region-demo.se",
        note: "Validering på arbetsplatsen är ett krav för att få stöd till utbildningsinsatser." },
    ] as Assessment[],
    projects: [
      { caseNumber: "20250021", name: "Valideringsmodell för undersköterskor", beneficiary: "Vård- och omsorgscollege Demo", orgNo: "802478-5521", amount: 2_750_000, decided: "2025-09-30", start: "2025-10-01", end: "2027-09-30",
        goals: ["2.1"], expected: { description: "Deltagare i arbete efter avslutad insats", target: 90, unit: "personer" }, realised: { value: 31, date: "2026-09-30", report: "Lägesrapport 2026-10-02" } },
    ],
  },
  {
    title: "Klimatomställning i näringslivet 2027",
    description:
      "Investeringar och förstudier som minskar företagens utsläpp av växthusgaser eller bygger cirkulära affärsmodeller. Utlysningen planeras öppna i januari 2027; lärandeunderlaget gås igenom före beslut om utlysningstexten.",
    budget: 6_000_000,
    status: "planned",
    opensOn: "2027-01-15",
    closesOn: "2027-03-31",
    decidedOn: null,
    author: "admin@region-demo.se",
    goals: ["3"],
    tags: ["Energi och klimat"],
    assessments: [] as Assessment[],
    projects: [],
  },
];

export async function seedDemoCalls(tx: Tx, organisationId: string, userIds: Map<string, string>) {
  const [goals, tags, lessons, indicators] = await Promise.all([
    tx.goal.findMany({ where: { organisationId }, select: { id: true, code: true } }),
    tx.tag.findMany({ where: { organisationId }, select: { id: true, name: true } }),
    tx.lesson.findMany({ where: { status: "published" }, select: { id: true, title: true } }),
    tx.indicator.findMany({ where: { organisationId }, select: { id: true, name: true } }),
  ]);
  const goal = (code: string) => goals.find((g) => g.code === code)!.id;
  const tag = (name: string) => tags.find((t) => t.name === name)!.id;
  const lesson = (title: string) => lessons.find((l) => l.title === title)!.id;
  const indicator = (name: string) => indicators.find((i) => i.name === name)?.id ?? null;
  for (const c of CALLS) {
    const call = await tx.call.create({
      data: {
        organisationId,
        authorId: userIds.get(c.author)!,
        title: c.title,
        description: c.description,
        budgetOre: kr(c.budget),
        status: c.status,
        opensOn: day(c.opensOn),
        closesOn: day(c.closesOn),
        decidedOn: c.decidedOn ? day(c.decidedOn) : null,
        createdAt: day(c.opensOn),
        goals: { create: c.goals.map((code) => ({ goalId: goal(code) })) },
        tags: { create: c.tags.map((name) => ({ tagId: tag(name) })) },
        assessments: {
          create: c.assessments.map((a) => ({
            lessonId: lesson(a.lesson),
            verdict: a.verdict,
            note: a.note ?? "",
            assessedById: userIds.get(a.by)!,
            appliedAt: a.verdict === "applied" ? day(a.on) : null,
            createdAt: day(a.on),
          })),
        },
      },
    });
    for (const p of c.projects) {
      // The society-level indicator the project's result feeds.
      const indicatorId = indicator(p.expected.unit === "personer" ? "Förvärvsfrekvens 20–64 år" : "Andel innovativa företag");
      const { description, unit } = p.expected;
      await tx.project.create({
        data: {
          organisationId,
          callId: call.id,
          caseNumber: p.caseNumber,
          name: p.name,
          beneficiary: p.beneficiary,
          beneficiaryOrgNumber: p.orgNo,
          supportType: "project",
          supportForm: "Regionalt projektstöd",
          decidedAmountOre: kr(p.amount),
          coFundingOre: kr(p.amount),
          decisionDate: day(p.decided),
          startDate: day(p.start),
          endDate: day(p.end),
          status: "ongoing",
          statusLabel: "Pågående",
          goals: { create: p.goals.map((code) => ({ goalId: goal(code) })) },
          expectedResults: { create: [{ description, targetValue: p.expected.target, unit, indicatorId }] },
          ...(p.realised
            ? {
                realisedResults: { create: [{ description, value: p.realised.value, unit, date: day(p.realised.date), sourceReport: p.realised.report, indicatorId }] },
                reports: { create: [{ type: "status", date: day(p.realised.date), summary: `${p.realised.value} ${unit} hittills enligt lägesrapporten.` }] },
              }
            : {}),
        },
      });
    }
  }
}
