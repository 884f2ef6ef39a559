import type { Prisma } from "../../app/generated/prisma/client.ts";

type Tx = Prisma.TransactionClient;

type DemoGoal = {
  code: string;
  name: string;
  description?: string;
  oneToOne?: boolean;
  indicators?: { name: string; unit: string; baseline: [number, number]; target: [number, number]; source: string; values: [number, number][] }[];
  children?: DemoGoal[];
};

// A typical regional development strategy (RUS), fictitious but realistic.
const RUS: DemoGoal[] = [
  {
    code: "1",
    name: "Ett innovativt och konkurrenskraftigt näringsliv",
    description: "Prioriterat område: fler företag som växer, förnyar sig och ställer om.",
    children: [
      {
        code: "1.1",
        name: "Fler innovativa små och medelstora företag",
        oneToOne: true,
        description: "Små och medelstora företag utvecklar nya produkter, tjänster och processer.",
        indicators: [
          {
            name: "Andel innovativa företag",
            unit: "%",
            baseline: [31, 2021],
            target: [40, 2030],
            source: "SCB, innovationsundersökningen",
            values: [[2021, 31], [2022, 32.5], [2023, 33.1], [2024, 33.4]],
          },
        ],
        children: [
          { code: "1.1.1", name: "Ökad digital mognad i företagen", oneToOne: true },
          { code: "1.1.2", name: "Stärkt stödsystem för innovation", oneToOne: true },
        ],
      },
      {
        code: "1.2",
        name: "Ett hållbart och växande besöksnäringsliv",
        oneToOne: true,
        indicators: [
          {
            name: "Kommersiella gästnätter",
            unit: "tusental",
            baseline: [1920, 2019],
            target: [2400, 2030],
            source: "Tillväxtverket och SCB",
            values: [[2021, 1610], [2022, 1880], [2023, 1955], [2024, 1990]],
          },
        ],
      },
    ],
  },
  {
    code: "2",
    name: "Kompetensförsörjning och livslångt lärande",
    description: "Prioriterat område: arbetsgivare hittar den kompetens de behöver.",
    children: [
      {
        code: "2.1",
        name: "Bättre matchning på arbetsmarknaden",
        oneToOne: true,
        indicators: [
          {
            name: "Förvärvsfrekvens 20–64 år",
            unit: "%",
            baseline: [80.2, 2021],
            target: [82, 2030],
            source: "SCB, RAMS",
            values: [[2021, 80.2], [2022, 80.9], [2023, 80.6]],
          },
        ],
      },
      { code: "2.2", name: "Fler vuxna studerar vidare", oneToOne: false },
    ],
  },
  {
    code: "3",
    name: "Klimatomställning och cirkulär ekonomi",
    description: "Prioriterat område: minskade utsläpp och effektivare resursanvändning.",
    children: [
      {
        code: "3.1",
        name: "Minskade utsläpp av växthusgaser från näringslivet",
        oneToOne: true,
        indicators: [
          {
            name: "Utsläpp av växthusgaser",
            unit: "kton CO2e",
            baseline: [1250, 2020],
            target: [700, 2030],
            source: "Nationella emissionsdatabasen",
            values: [[2020, 1250], [2021, 1210], [2022, 1175]],
          },
        ],
      },
      { code: "3.2", name: "Fler cirkulära affärsmodeller", oneToOne: true },
    ],
  },
  {
    code: "4",
    name: "Tillgänglighet och attraktiva livsmiljöer",
    children: [
      { code: "4.1", name: "Bredband med hög kapacitet i hela regionen", oneToOne: true },
      { code: "4.2", name: "Levande lokalsamhällen på landsbygden", oneToOne: false },
    ],
  },
];

async function createGoals(tx: Tx, organisationId: string, strategyId: string, parentId: string | null, goals: DemoGoal[]) {
  for (const [position, goal] of goals.entries()) {
    const created = await tx.goal.create({
      data: {
        organisationId,
        strategyId,
        parentId,
        position,
        code: goal.code,
        name: goal.name,
        description: goal.description ?? "",
        oneToOneRelevant: goal.oneToOne ?? false,
      },
    });
    for (const indicator of goal.indicators ?? []) {
      await tx.indicator.create({
        data: {
          organisationId,
          goalId: created.id,
          name: indicator.name,
          unit: indicator.unit,
          baselineValue: indicator.baseline[0],
          baselineYear: indicator.baseline[1],
          targetValue: indicator.target[0],
          targetYear: indicator.target[1],
          source: indicator.source,
          values: { create: indicator.values.map(([year, value]) => ({ year, value })) },
        },
      });
    }
    await createGoals(tx, organisationId, strategyId, created.id, goal.children ?? []);
  }
}

export async function seedDemoGoals(tx: Tx, organisationId: string, name: string) {
  const strategy = await tx.strategy.create({
    data: {
      organisationId,
      name: `RUS ${name} 2022–2030`,
      description: "Den regionala utvecklingsstrategin. Målen märkta 1:1-relevanta är de som 1:1-medlen ska påverka.",
      startYear: 2022,
      endYear: 2030,
    },
  });
  await createGoals(tx, organisationId, strategy.id, null, RUS);
  await tx.strategy.create({
    data: {
      organisationId,
      name: "Genomförandeprogram för hållbar tillväxt 2024–2026",
      description: "Hur RUS:en genomförs de närmaste åren, med finansieringsplan för 1:1-medlen.",
      startYear: 2024,
      endYear: 2026,
      position: 1,
    },
  });
}

export const DEMO_S3_AREAS = ["Digitalisering", "Hälsa och vård", "Energi och klimat", "Besöksnäring", "Livsmedel och de gröna näringarna"];
export const DEMO_MUNICIPALITIES = ["Visby", "Klintehamn", "Roma", "Slite", "Hemse"];

/** The organisation-specific tag lists (S3 areas, municipalities) for the demo region. */
export async function seedDemoTags(tx: Tx, organisationId: string) {
  for (const [key, names] of [
    ["s3", DEMO_S3_AREAS],
    ["municipality", DEMO_MUNICIPALITIES],
  ] as const) {
    const dimension = await tx.tagDimension.findUniqueOrThrow({ where: { organisationId_key: { organisationId, key } } });
    await tx.tag.createMany({
      data: names.map((name, position) => ({ organisationId, dimensionId: dimension.id, name, position })),
    });
  }
}
