import type { Prisma } from "../../app/generated/prisma/client.ts";

type Tx = Prisma.TransactionClient;

// Region Demo and Region Exempel learn from each other in a network, and have
// invited Region Norrkust, whose admin has not answered yet. What the demo's
// other parts shared "with the network" is shared with this one.
export async function seedDemoNetworks(
  tx: Tx,
  organisationIds: Map<string, string>,
  userIds: Map<string, string>,
  sharedCategoryIds: string[],
): Promise<string> {
  const demo = organisationIds.get("region-demo")!;
  const exempel = organisationIds.get("region-exempel")!;
  const norrkust = organisationIds.get("region-norrkust")!;
  const joined = new Date("2025-02-03T09:00:00Z");
  const network = await tx.network.create({
    data: {
      name: "Regionernas nätverk för 1:1-uppföljning",
      description:
        "Regioner som följer upp, utvärderar och lär av sina 1:1-medel tillsammans. Kartläggningen av 21 regioner visade att alla brottas med samma frågor och att regelbundna forum för kunskapsdelning är en framgångsfaktor.",
      createdByOrganisationId: demo,
      createdAt: joined,
      members: {
        create: [
          { organisationId: demo, status: "member", invitedById: userIds.get("admin@region-demo.se"), invitedAt: joined, joinedAt: joined },
          { organisationId: exempel, status: "member", invitedById: userIds.get("admin@region-demo.se"), invitedAt: joined, joinedAt: new Date("2025-02-10T13:00:00Z") },
          { organisationId: norrkust, status: "invited", invitedById: userIds.get("admin@region-demo.se"), invitedAt: new Date("2026-11-02T08:30:00Z") },
        ],
      },
    },
  });
  await tx.lesson.updateMany({ where: { organisationId: { in: [demo, exempel] }, visibility: "network" }, data: { networkId: network.id } });
  await tx.category.updateMany({ where: { id: { in: sharedCategoryIds } }, data: { networkId: network.id } });

  const askMeAbout: [string, string, string][] = [
    ["admin@region-demo.se", demo, "Uppföljning av 1:1-medel mot RUS:en\nFinansieringsplanen"],
    ["member@region-demo.se", demo, "Företagsstöd\nDigitalisering i småföretag"],
    ["facilitator@region-demo.se", demo, "Lärtillfällen och workshopmetoder\nUpphandling av utvärderare"],
    ["admin@region-exempel.se", exempel, "Smart specialisering (S3)\nLägesrapporter från projekt"],
    ["member@region-exempel.se", exempel, "Kompetensförsörjning"],
  ];
  for (const [email, organisationId, topics] of askMeAbout) {
    await tx.membership.update({ where: { userId_organisationId: { userId: userIds.get(email)!, organisationId } }, data: { askMeAbout: topics } });
  }
  return network.id;
}
