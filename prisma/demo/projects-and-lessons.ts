import type { Prisma } from "../../app/generated/prisma/client.ts";
import { plainTextToLessonBody } from "../../app/lessons/rich-text.server.ts";

type Tx = Prisma.TransactionClient;

const kr = (amount: number) => BigInt(Math.round(amount * 100));
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

// Fictitious projects in the shape of a Nyps export: realistic names, beneficiaries and amounts.
const PROJECTS = [
  { caseNumber: "20220014", name: "Digitalt lyft för småföretag", beneficiary: "Almi Företagspartner Demo AB", orgNo: "556779-2542", support: "project", form: "Regionalt projektstöd", amount: 2_450_000, coFunding: 2_450_000, decided: "2022-03-15", start: "2022-04-01", end: "2024-03-31", status: "closed", label: "Avslutat", goals: ["1.1.1"], tags: ["Digitalisering", "Visby", "PO1 Ett smartare Europa", "Ekonomisk hållbarhet", "Projektstöd"], expected: [["Andel innovativa företag", "Företag som infört ny digital lösning", 60, "företag"]], realised: [["Företag som infört ny digital lösning", 48, "2024-03-31", "Slutrapport 2024-04-20"]], reports: [["status", "2023-04-10", "40 företag har fått digital behovsanalys; rekryteringen till steg två går trögare än planerat."], ["final", "2024-04-20", "48 av 60 företag införde en ny digital lösning. Företagen med en utsedd intern ansvarig kom längst."]] },
  { caseNumber: "20230002", name: "Livsmedelsklustret växer", beneficiary: "Destination Norr ek. för.", orgNo: "556867-3363", support: "project", form: "Regionalt projektstöd", amount: 1_850_000.5, coFunding: 1_200_000, decided: "2023-02-10", start: "2023-03-01", end: "2025-12-31", status: "ongoing", label: "Pågående", goals: ["1.1.2", "3.2"], tags: ["Livsmedel och de gröna näringarna", "Roma", "PO1 Ett smartare Europa", "Miljömässig hållbarhet", "Projektstöd"], expected: [], realised: [], reports: [["status", "2024-05-15", "Tolv producenter samverkar om gemensam logistik; två nya produkter lanserade."]] },
  { caseNumber: "20230011", name: "Kompetenslyft i vården", beneficiary: "Region Demo Vårdutbildning", orgNo: "232100-0000", support: "project", form: "Regionalt projektstöd", amount: 3_200_000, coFunding: 3_200_000, decided: "2023-06-01", start: "2023-08-15", end: "2025-08-14", status: "final-reported", label: "Slutrapporterat", goals: ["2.1"], tags: ["Hälsa och vård", "Hemse", "PO4 Ett socialare och mer inkluderande Europa", "Social hållbarhet", "Projektstöd"], expected: [["Förvärvsfrekvens 20–64 år", "Deltagare i arbete efter avslutad insats", 120, "personer"]], realised: [["Deltagare i arbete efter avslutad insats", 134, "2025-09-30", "Slutrapport 2025-10-05"]], reports: [["final", "2025-10-05", "134 deltagare i arbete sex månader efter insatsen. Validering på arbetsplatsen var avgörande."]] },
  { caseNumber: "20240003", name: "Smart energi i hamnen", beneficiary: "Hamnen Energi AB", orgNo: "558617-2082", support: "company", form: "Företagsstöd – investeringsstöd", amount: 480_000, coFunding: 480_000, decided: "2024-02-14", start: "2024-03-01", end: "2025-02-28", status: "closed", label: "Avslutat", goals: ["3.1"], tags: ["Energi och klimat", "Slite", "PO2 Ett grönare, koldioxidsnålt Europa", "Miljömässig hållbarhet", "Företagsstöd"], expected: [["Utsläpp av växthusgaser", "Minskade utsläpp", 320, "ton CO2e/år"]], realised: [["Minskade utsläpp", 250, "2025-03-31", "Slutredovisning 2025-03-31"]], reports: [["final-account", "2025-03-31", "Investeringen genomförd; uppmätt minskning 250 ton CO2e per år, lägre än väntat på grund av sen driftsättning."]] },
  { caseNumber: "20240009", name: "Besöksnäring året runt", beneficiary: "Företagarföreningen Syd", orgNo: "559264-3028", support: "project", form: "Regionalt projektstöd", amount: 1_275_000, coFunding: 900_000, decided: "2024-05-20", start: "2024-06-01", end: "2026-05-31", status: "ongoing", label: "Pågående", goals: ["1.2"], tags: ["Besöksnäring", "Klintehamn", "PO5 Ett Europa närmare medborgarna", "Ekonomisk hållbarhet", "Projektstöd"], expected: [["Kommersiella gästnätter", "Gästnätter under lågsäsong", 15000, "nätter"]], realised: [], reports: [] },
  { caseNumber: "20250004", name: "Bredband till sista gården", beneficiary: "Ö-kommunens näringslivsbolag", orgNo: "556267-2257", support: "project", form: "Regionalt projektstöd", amount: 2_345_678.9, coFunding: 1_172_839.45, decided: "2025-01-25", start: "2025-02-01", end: "2026-11-30", status: "decided", label: "Beslutat", goals: ["4.1"], tags: ["Digitalisering", "Hemse", "PO3 Ett mer sammanlänkat Europa", "Social hållbarhet", "Projektstöd"], expected: [], realised: [], reports: [] },
  { caseNumber: "20250012", name: "Cirkulär byggsektor", beneficiary: "Coompanion Demo", orgNo: "557395-1831", support: "company", form: "Företagsstöd – konsultcheck", amount: 95_000, coFunding: 47_500, decided: "2025-04-09", start: "2025-05-01", end: "2026-04-30", status: "ongoing", label: "Pågående", goals: ["3.2"], tags: ["Energi och klimat", "Visby", "PO2 Ett grönare, koldioxidsnålt Europa", "Miljömässig hållbarhet", "Företagsstöd"], expected: [], realised: [], reports: [] },
] as const;

const LESSONS = [
  { project: "20220014", author: "member@region-demo.se", title: "En utsedd digitaliseringsansvarig i företaget avgör resultatet", goals: ["1.1.1"], tags: ["Digitalisering"], evidence: "follow-up", visibility: "network", source: "project",
    body: "Företagen som utsåg en egen ansvarig för digitaliseringen kom betydligt längre än de som lämnade arbetet till konsulten.\n\nI slutrapporten syns det tydligt: 31 av de 48 företag som införde en ny lösning hade en intern ansvarig.",
    context: "Projektet Digitalt lyft för småföretag, 2022–2024, 60 deltagande företag.", whatHappened: "Rekryteringen till steg två gick trögt och flera företag hoppade av när konsulttimmarna tog slut.", whatWeLearned: "Kräv en namngiven intern ansvarig hos varje deltagande företag.", recommendation: "Skriv in kravet på intern ansvarig i nästa utlysning för digitaliseringsprojekt." },
  { project: "20230011", author: "facilitator@region-demo.se", title: "Validering på arbetsplatsen ger fler i arbete", goals: ["2.1"], tags: ["Hälsa och vård"], evidence: "evaluation", visibility: "organisation", source: "project",
    body: "Den externa utvärderingen visar att deltagare som validerades på arbetsplatsen oftare fick anställning än de som validerades i skolmiljö.",
    context: "Kompetenslyft i vården 2023–2025.", whatHappened: "Validering flyttades ut på arbetsplatser efter första året.", whatWeLearned: "Arbetsplatsnära validering fungerar bättre för målgruppen.", recommendation: "Prioritera arbetsplatsnära upplägg i utlysningar om kompetensförsörjning." },
  { project: "20240003", author: "admin@region-demo.se", title: "Sen driftsättning äter upp klimatnyttan", goals: ["3.1"], tags: ["Energi och klimat"], evidence: "follow-up", visibility: "organisation", source: "project",
    body: "Utsläppsminskningen blev 250 ton i stället för 320 ton eftersom anläggningen togs i drift fyra månader sent.",
    context: "Investeringsstöd till Smart energi i hamnen.", whatHappened: "Leveransförseningar av utrustning.", whatWeLearned: "Tidplanen för driftsättning behöver följas upp under projekttiden, inte bara i slutredovisningen.", recommendation: "Begär en lägesrapport vid planerad driftsättning i investeringsstöd." },
  { project: null, author: "member@region-demo.se", title: "Tydliga resultatmål i beslutet gör slutrapporterna användbara", goals: ["1.1", "2.1"], tags: [], evidence: "observation", visibility: "network", source: "other",
    body: "När beslutet anger vilka indikatorer projektet ska rapportera mot blir slutrapporten både kortare och mer användbar.\n\nProjekt utan mål i beslutet rapporterar aktiviteter i stället för resultat.",
    context: "Genomgång av tio slutrapporter 2024.", whatHappened: "", whatWeLearned: "Låg kravställning ger låg kvalitet i återrapporteringen.", recommendation: "Ange minst en indikator med målvärde i varje projektbeslut." },
  { project: null, author: "facilitator@region-demo.se", title: "Upphandlingen av utvärderare behöver startas ett år före projektslut", goals: ["1.1"], tags: [], evidence: "observation", visibility: "organisation", source: "session",
    body: "Vid lärtillfället om utvärderingar konstaterade vi att upphandlingen av externa utvärderare tog sju månader.",
    context: "Lärtillfälle om tematiska utvärderingar, hösten 2025.", whatHappened: "", whatWeLearned: "Upphandlingen tar längre tid än vi räknar med.", recommendation: "Planera upphandlingen i utvärderingsplanen redan när projektet beviljas." },
  { project: null, author: "facilitator@region-demo.se", title: "Utkast: företagsstöd följs upp för sig", goals: ["1.1"], tags: [], evidence: "observation", visibility: "organisation", source: "other", draft: true,
    body: "Företagsstöden följs upp i en annan process än projektstöden, och resultaten syns inte i RUS-uppföljningen.",
    context: "", whatHappened: "", whatWeLearned: "", recommendation: "" },
] as const;

const PARTNER_LESSONS = [
  { author: "member@region-exempel.se", title: "Gemensam mall för lägesrapporter höjde kvaliteten", visibility: "network", evidence: "follow-up",
    body: "Region Exempel införde en gemensam mall för lägesrapporter med fasta frågor om resultat mot indikatorer. Andelen rapporter som gick att använda i uppföljningen steg från hälften till nästan alla.",
    whatWeLearned: "En enkel mall med fasta resultatfrågor gör rapporterna jämförbara.", recommendation: "Dela mallen med andra regioner." },
  { author: "admin@region-exempel.se", title: "Intern: budgetuppföljning i Exempel", visibility: "organisation", evidence: "observation",
    body: "Intern lärdom som inte delas med andra regioner.", whatWeLearned: "Bara för Region Exempel.", recommendation: "" },
] as const;

export async function seedDemoProjectsAndLessons(tx: Tx, organisationId: string, partnerId: string, userIds: Map<string, string>) {
  const goals = new Map((await tx.goal.findMany({ where: { organisationId }, select: { id: true, code: true } })).map((g) => [g.code, g.id]));
  const tags = new Map((await tx.tag.findMany({ where: { organisationId }, select: { id: true, name: true } })).map((t) => [t.name, t.id]));
  const indicators = new Map((await tx.indicator.findMany({ where: { organisationId }, select: { id: true, name: true } })).map((i) => [i.name, i.id]));
  const projectIds = new Map<string, string>();

  for (const p of PROJECTS) {
    const project = await tx.project.create({
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
        status: p.status,
        statusLabel: p.label,
        goals: { create: p.goals.map((code) => ({ goalId: goals.get(code)! })) },
        tags: { create: p.tags.filter((name) => tags.has(name)).map((name) => ({ tagId: tags.get(name)! })) },
        expectedResults: {
          create: p.expected.map(([indicator, description, target, unit]) => ({ indicatorId: indicators.get(indicator) ?? null, description, targetValue: target, unit })),
        },
        realisedResults: {
          create: p.realised.map(([description, value, date, source]) => ({ description, value, date: day(date), sourceReport: source, unit: "" })),
        },
        reports: { create: p.reports.map(([type, date, summary]) => ({ type, date: day(date), summary })) },
      },
    });
    projectIds.set(p.caseNumber, project.id);
  }

  for (const [i, l] of LESSONS.entries()) {
    const body = plainTextToLessonBody(l.body);
    const draft = "draft" in l && l.draft;
    const published = day(`2025-0${(i % 9) + 1}-1${i % 9}`);
    await tx.lesson.create({
      data: {
        organisationId,
        authorId: userIds.get(l.author)!,
        title: l.title,
        body: body.json,
        bodyHtml: body.html,
        context: l.context,
        whatHappened: l.whatHappened,
        whatWeLearned: l.whatWeLearned,
        recommendation: l.recommendation,
        sourceType: l.source,
        projectId: l.project ? projectIds.get(l.project)! : null,
        evidence: l.evidence,
        visibility: l.visibility,
        status: draft ? "draft" : "published",
        publishedAt: draft ? null : published,
        createdAt: published,
        goals: { create: l.goals.map((code) => ({ goalId: goals.get(code)! })) },
        tags: { create: l.tags.map((name) => ({ tagId: tags.get(name)! })) },
      },
    });
  }
  for (const l of PARTNER_LESSONS) {
    const body = plainTextToLessonBody(l.body);
    await tx.lesson.create({
      data: {
        organisationId: partnerId,
        authorId: userIds.get(l.author)!,
        title: l.title,
        body: body.json,
        bodyHtml: body.html,
        whatWeLearned: l.whatWeLearned,
        recommendation: l.recommendation,
        evidence: l.evidence,
        visibility: l.visibility,
        status: "published",
        publishedAt: day("2025-10-02"),
      },
    });
  }
}
