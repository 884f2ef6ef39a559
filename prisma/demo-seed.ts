import { hashPassword } from "../app/auth/password.server.ts";
import { newToken } from "../app/auth/tokens.server.ts";
import type { Db } from "../app/db.server.ts";
import { ensureStandardDimensions } from "../app/goals/tags.server.ts";
import { seedDemoAudit } from "./demo/audit.ts";
import { seedDemoFormerMember } from "./demo/former-member.ts";
import { seedDemoCalls } from "./demo/calls.ts";
import { seedDemoEvaluations } from "./demo/evaluations.ts";
import { seedDemoFollowup } from "./demo/followup.ts";
import { seedDemoGoals, seedDemoTags } from "./demo/goals.ts";
import { seedDemoNetworkQuestions } from "./demo/network-questions.ts";
import { seedDemoNetworks } from "./demo/networks.ts";
import { seedDemoNetworkFeed } from "./demo/network-feed.ts";
import { seedDemoProjectsAndLessons } from "./demo/projects-and-lessons.ts";
import { seedDemoPublicResults } from "./demo/public-results.ts";
import { seedDemoSessions } from "./demo/sessions.ts";
import { seedDemoStudyVisits } from "./demo/study-visits.ts";
import { seedDemoThreads } from "./demo/threads.ts";

// Fictitious but realistic demo content for a fresh, non-production start.
// Each capability adds its part here, so that `npm start` shows it working.

export const demoPassword = () => process.env.DEMO_PASSWORD || "demo1234";

const ORGANISATIONS = [
  {
    slug: "region-demo",
    name: "Region Demo",
    kind: "region",
    county: "Demo län",
    description:
      "Region Demo fördelar cirka 29 miljoner kronor om året i 1:1-medel som projektstöd och företagsstöd, styrt av den regionala utvecklingsstrategin (RUS 2022–2030), genomförandeprogrammet och finansieringsplanen. Vi vill lära oss mer av de projekt vi finansierar och låta lärdomarna påverka nästa utlysning.",
    website: "https://www.region-demo.se",
    contactEmail: "regionalutveckling@region-demo.se",
  },
  {
    slug: "region-exempel",
    name: "Region Exempel",
    kind: "region",
    county: "Exempel län",
    description:
      "Region Exempel arbetar med uppföljning av 1:1-medel mot RUS:en och smart specialisering och delar gärna erfarenheter med andra regioner.",
    website: "https://www.region-exempel.se",
    contactEmail: "tillvaxt@region-exempel.se",
  },
  {
    slug: "region-norrkust",
    name: "Region Norrkust",
    kind: "region",
    county: "Norrkust län",
    description: "Region Norrkust bygger upp sin uppföljning av 1:1-medlen och har bjudits in till regionernas nätverk.",
    website: "https://www.region-norrkust.se",
    contactEmail: "regional.utveckling@region-norrkust.se",
  },
];

const PEOPLE = [
  { email: "admin@region-demo.se", name: "Annika Lindqvist", memberships: [["region-demo", "admin"]] },
  {
    email: "facilitator@region-demo.se",
    name: "Johan Ekström",
    memberships: [["region-demo", "facilitator"], ["region-exempel", "member"]],
  },
  { email: "member@region-demo.se", name: "Sara Nyberg", memberships: [["region-demo", "member"]] },
  { email: "lars.bergman@region-demo.se", name: "Lars Bergman", memberships: [["region-demo", "member"]] },
  { email: "fatima.karlsson@region-demo.se", name: "Fatima Karlsson", memberships: [["region-demo", "member"]] },
  { email: "admin@region-exempel.se", name: "Maria Lundgren", memberships: [["region-exempel", "admin"]] },
  { email: "member@region-exempel.se", name: "Erik Holm", memberships: [["region-exempel", "member"]] },
  { email: "admin@region-norrkust.se", name: "Karin Strand", memberships: [["region-norrkust", "admin"]] },
] as const;

export const DEMO_ACCOUNTS = [
  { email: "admin@region-demo.se", role: "admin", organisation: "Region Demo" },
  { email: "facilitator@region-demo.se", role: "facilitator", organisation: "Region Demo (+ medlem i Region Exempel)" },
  { email: "member@region-demo.se", role: "member", organisation: "Region Demo" },
  { email: "member@region-exempel.se", role: "member", organisation: "Region Exempel" },
  { email: "admin@region-norrkust.se", role: "admin", organisation: "Region Norrkust (inbjuden till nätverket)" },
];

/** Create the demo organisations and people, unless the database already holds organisations. */
export async function seedDemoIfEmpty(db: Db): Promise<boolean> {
  if ((await db.organisation.count()) > 0) return false;
  const passwordHash = await hashPassword(demoPassword());

  // Generous timeout: the demo is a few hundred rows, written once.
  await db.$transaction(async (tx) => {
    const organisationIds = new Map<string, string>();
    for (const organisation of ORGANISATIONS) {
      const created = await tx.organisation.create({ data: organisation });
      organisationIds.set(organisation.slug, created.id);
    }
    const userIds = new Map<string, string>();
    for (const person of PEOPLE) {
      const user = await tx.user.create({
        data: {
          email: person.email,
          name: person.name,
          passwordHash,
          memberships: {
            create: person.memberships.map(([slug, role]) => ({ organisationId: organisationIds.get(slug)!, role })),
          },
        },
      });
      userIds.set(person.email, user.id);
    }
    for (const [slug, id] of organisationIds) {
      await ensureStandardDimensions(id, tx);
      await seedDemoGoals(tx, id, ORGANISATIONS.find((o) => o.slug === slug)!.name);
    }
    await seedDemoTags(tx, organisationIds.get("region-demo")!);
    await seedDemoProjectsAndLessons(tx, organisationIds.get("region-demo")!, organisationIds.get("region-exempel")!, userIds);
    const sharedCategoryIds = await seedDemoThreads(tx, organisationIds.get("region-demo")!, organisationIds.get("region-exempel")!, userIds);
    await seedDemoSessions(tx, organisationIds.get("region-demo")!, userIds);
    await seedDemoCalls(tx, organisationIds.get("region-demo")!, userIds);
    // A pending invitation, so that the members page shows one.
    await tx.invitation.create({
      data: {
        organisationId: organisationIds.get("region-demo")!,
        email: "ny.handlaggare@region-demo.se",
        role: "member",
        tokenHash: newToken().tokenHash,
        invitedById: userIds.get("admin@region-demo.se")!,
        expiresAt: new Date(Date.now() + 7 * 24 * 60 * 60 * 1000),
      },
    });
    await seedDemoFollowup(tx, organisationIds.get("region-demo")!);
    await seedDemoPublicResults(tx, organisationIds.get("region-demo")!, organisationIds.get("region-exempel")!, userIds);
    await seedDemoEvaluations(tx, organisationIds.get("region-demo")!, organisationIds.get("region-exempel")!, userIds);
    await seedDemoNetworks(tx, organisationIds, userIds, sharedCategoryIds);
    await seedDemoNetworkQuestions(tx, organisationIds, userIds);
    await seedDemoStudyVisits(tx, organisationIds, userIds);
    await seedDemoNetworkFeed(tx, userIds);
    await seedDemoAudit(tx, organisationIds, userIds);
    await seedDemoFormerMember(tx, organisationIds);
  }, { timeout: 60_000 });
  return true;
}

export function demoSignInHelp(): string {
  const rows = DEMO_ACCOUNTS.map((a) => `  ${a.email.padEnd(28)} ${a.role.padEnd(12)} ${a.organisation}`);
  return [
    "",
    "Demo sign-in (password: " + demoPassword() + "):",
    ...rows,
    "",
  ].join("\n");
}
