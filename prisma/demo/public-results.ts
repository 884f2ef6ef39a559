import type { Prisma } from "../../app/generated/prisma/client.ts";

type Tx = Prisma.TransactionClient;

// Lessons that read well to the public: what was learned, without internal matters.
const PUBLIC_LESSONS = [
  "En utsedd digitaliseringsansvarig i företaget avgör resultatet",
  "Validering på arbetsplatsen ger fler i arbete",
  "Tydliga resultatmål i beslutet gör slutrapporterna användbara",
];

/**
 * Region Demo publishes its results page (/results/region-demo) with three of
 * its lessons marked public. The demo's realised results are tied to the
 * indicator and unit of the project's matching expected result, so that the
 * page can set achieved against expected.
 */
export async function seedDemoPublicResults(tx: Tx, demoOrgId: string, _exempelOrgId: string, _userIds: Map<string, string>) {
  await tx.organisation.update({ where: { id: demoOrgId }, data: { publicResults: true } });
  await tx.lesson.updateMany({
    where: { organisationId: demoOrgId, title: { in: PUBLIC_LESSONS }, status: "published" },
    data: { visibility: "public" },
  });
  const expected = await tx.expectedResult.findMany({
    where: { project: { organisationId: demoOrgId }, indicatorId: { not: null } },
    select: { projectId: true, description: true, indicatorId: true, unit: true },
  });
  for (const e of expected) {
    await tx.realisedResult.updateMany({
      where: { projectId: e.projectId, description: e.description, indicatorId: null },
      data: { indicatorId: e.indicatorId, unit: e.unit },
    });
  }
}
