import type { Prisma } from "../../app/generated/prisma/client.ts";

type Tx = Prisma.TransactionClient;

const kr = (amount: number) => BigInt(Math.round(amount * 100));
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

// Two finished projects from the previous programme period, so that the
// dashboard compares several projects' results per indicator and the years
// reach back before the current strategy.
const PROJECTS = [
  {
    caseNumber: "20210007",
    name: "Innovationsslussen",
    beneficiary: "Science Park Demo AB",
    orgNo: "556812-7730",
    support: "project",
    form: "Regionalt projektstöd",
    amount: 1_650_000,
    coFunding: 1_650_000,
    decided: "2021-04-12",
    start: "2021-05-01",
    end: "2023-04-30",
    goals: ["1.1.2"],
    tags: ["Digitalisering", "Visby", "PO1 Ett smartare Europa", "Ekonomisk hållbarhet", "Projektstöd"],
    results: [
      { indicator: "Andel innovativa företag", description: "Företag som utvecklat en ny produkt eller tjänst", unit: "företag", expected: 25, realised: 29, report: "Slutrapport 2023-05-30", date: "2023-05-30" },
    ],
    report: ["final", "2023-05-30", "29 företag tog fram en ny produkt eller tjänst; affärscoachning efter prototypen avgjorde vilka som kom till marknaden."],
  },
  {
    caseNumber: "20210019",
    name: "Grön omställning i besöksnäringen",
    beneficiary: "Visit Demo ek. för.",
    orgNo: "769624-0915",
    support: "project",
    form: "Regionalt projektstöd",
    amount: 890_000,
    coFunding: 600_000,
    decided: "2021-09-01",
    start: "2021-10-01",
    end: "2023-09-30",
    goals: ["1.2", "3.1"],
    tags: ["Besöksnäring", "Slite", "PO2 Ett grönare, koldioxidsnålt Europa", "Miljömässig hållbarhet", "Projektstöd"],
    results: [
      { indicator: "Kommersiella gästnätter", description: "Nya gästnätter under lågsäsong", unit: "nätter", expected: 8000, realised: 6200, report: "Slutrapport 2023-10-20", date: "2023-10-20" },
      { indicator: "Utsläpp av växthusgaser", description: "Minskade utsläpp", unit: "ton CO2e/år", expected: 40, realised: 46, report: "Slutrapport 2023-10-20", date: "2023-10-20" },
    ],
    report: ["final", "2023-10-20", "Fjorton anläggningar miljöcertifierades. Lågsäsongen växte mindre än väntat när två evenemang ställdes in."],
  },
] as const;

// Measured values published after the goal framework was first filled in.
const LATER_VALUES: [indicator: string, year: number, value: number][] = [
  ["Förvärvsfrekvens 20–64 år", 2024, 81.3],
  ["Utsläpp av växthusgaser", 2023, 1120],
];

/** Older finished projects with results, a status report's partial result, and later indicator values. */
export async function seedDemoFollowup(tx: Tx, organisationId: string) {
  const goals = new Map((await tx.goal.findMany({ where: { organisationId }, select: { id: true, code: true } })).map((g) => [g.code, g.id]));
  const tags = new Map((await tx.tag.findMany({ where: { organisationId }, select: { id: true, name: true } })).map((t) => [t.name, t.id]));
  const indicators = new Map((await tx.indicator.findMany({ where: { organisationId }, select: { id: true, name: true } })).map((i) => [i.name, i.id]));

  for (const p of PROJECTS) {
    await tx.project.create({
      data: {
        organisationId,
        caseNumber: p.caseNumber,
        name: p.name,
        beneficiary: p.beneficiary,
        beneficiaryOrgNumber: p.orgNo,
        supportType: p.support,
        supportForm: p.form,
        decidedAmountOre: kr(p.amount),
        coFundingOre: kr(p.coFunding),
        decisionDate: day(p.decided),
        startDate: day(p.start),
        endDate: day(p.end),
        status: "closed",
        statusLabel: "Avslutat",
        goals: { create: p.goals.map((code) => ({ goalId: goals.get(code)! })) },
        tags: { create: p.tags.filter((name) => tags.has(name)).map((name) => ({ tagId: tags.get(name)! })) },
        expectedResults: {
          create: p.results.map((r) => ({ indicatorId: indicators.get(r.indicator) ?? null, description: r.description, targetValue: r.expected, unit: r.unit })),
        },
        realisedResults: {
          create: p.results.map((r) => ({
            indicatorId: indicators.get(r.indicator) ?? null,
            description: r.description,
            value: r.realised,
            unit: r.unit,
            date: day(r.date),
            sourceReport: r.report,
          })),
        },
        reports: { create: [{ type: p.report[0], date: day(p.report[1]), summary: p.report[2] }] },
      },
    });
  }

  // The ongoing all-year tourism project has reported half-way.
  const tourism = await tx.project.findFirst({ where: { organisationId, caseNumber: "20240009" }, select: { id: true } });
  if (tourism) {
    await tx.realisedResult.create({
      data: {
        projectId: tourism.id,
        indicatorId: indicators.get("Kommersiella gästnätter") ?? null,
        description: "Gästnätter under lågsäsong",
        value: 5400,
        unit: "nätter",
        date: day("2025-06-15"),
        sourceReport: "Lägesrapport 2025-06-15",
      },
    });
  }

  for (const [name, year, value] of LATER_VALUES) {
    const indicatorId = indicators.get(name);
    if (!indicatorId) continue;
    await tx.indicatorValue.upsert({
      where: { indicatorId_year: { indicatorId, year } },
      create: { indicatorId, year, value },
      update: {},
    });
  }
}
