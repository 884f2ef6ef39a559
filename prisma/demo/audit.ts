import type { Prisma } from "../../app/generated/prisma/client.ts";

type Tx = Prisma.TransactionClient;

// A few weeks of Region Demo's audit log (Inställningar → Händelselogg),
// matching what the rest of the demo holds: the network it joined, the
// category and lessons it shares there, the posts its admin hid. Addresses
// are from the documentation ranges (RFC 5737).
export async function seedDemoAudit(tx: Tx, organisationIds: Map<string, string>, userIds: Map<string, string>): Promise<void> {
  const organisationId = organisationIds.get("region-demo")!;
  const people = await tx.user.findMany({ where: { id: { in: [...userIds.values()] } }, select: { id: true, email: true, name: true } });
  const person = (email: string) => {
    const found = people.find((p) => p.email === email)!;
    return { actorId: found.id, actorName: found.name };
  };
  const daysAgo = (days: number, hour: number, minute = 0) => {
    const date = new Date();
    date.setUTCDate(date.getUTCDate() - days);
    date.setUTCHours(hour, minute, 0, 0);
    return date;
  };
  const admin = person("admin@region-demo.se");
  const member = person("member@region-demo.se");
  const fatima = person("fatima.karlsson@region-demo.se");
  const network = await tx.network.findFirstOrThrow({ where: { createdByOrganisationId: organisationId }, select: { id: true, name: true, createdAt: true } });
  const category = await tx.category.findFirst({ where: { organisationId, networkId: network.id }, select: { id: true, name: true } });
  const lesson = await tx.lesson.findFirst({ where: { organisationId, visibility: "network" }, select: { id: true, title: true, authorId: true } });
  const moderation = await tx.moderationAct.findMany({ where: { organisationId }, select: { actorId: true, action: true, postId: true, reason: true, createdAt: true } });

  const events: Prisma.AuditEventCreateManyInput[] = [
    { ...admin, action: "network-joined", targetType: "network", targetId: network.id, detail: `${network.name} (created)`, ip: "192.0.2.14", createdAt: network.createdAt },
    { ...admin, action: "sign-in", targetType: "user", targetId: admin.actorId, ip: "192.0.2.14", createdAt: daysAgo(20, 7, 42) },
    { ...admin, action: "projects-imported", detail: "40 read, 38 created, 2 updated", ip: "192.0.2.14", createdAt: daysAgo(20, 7, 58) },
    { ...admin, action: "role-change", targetType: "user", targetId: fatima.actorId, detail: `${fatima.actorName}: facilitator → member`, ip: "192.0.2.14", createdAt: daysAgo(14, 12, 5) },
    { ...member, action: "sign-in-failed", targetType: "user", targetId: member.actorId, ip: "198.51.100.73", createdAt: daysAgo(9, 6, 51) },
    { ...member, action: "sign-in", targetType: "user", targetId: member.actorId, ip: "198.51.100.73", createdAt: daysAgo(9, 6, 52) },
    { ...admin, action: "sign-in", targetType: "user", targetId: admin.actorId, ip: "192.0.2.14", createdAt: daysAgo(1, 8, 3) },
    // Someone guessing the facilitator's password from abroad: five failures close the window once.
    ...[0, 1, 2, 3, 4].map((i) => ({ ...fatima, action: "sign-in-failed", targetType: "user", targetId: fatima.actorId, ip: "203.0.113.9", createdAt: daysAgo(6, 2, 10 + i) })),
    { ...fatima, action: "sign-in-limited", targetType: "user", targetId: fatima.actorId, detail: "account", ip: "203.0.113.9", createdAt: daysAgo(6, 2, 14) },
    { ...admin, action: "deleted", targetType: "tag", targetId: "demo-removed-tag", detail: "Evenemang (dubblett av Besöksnäring)", ip: "192.0.2.14", createdAt: daysAgo(4, 10, 20) },
  ];
  if (category) {
    events.push({ ...admin, action: "category-sharing", targetType: "category", targetId: category.id, detail: `${category.name}: – → ${network.name}`, ip: "192.0.2.14", createdAt: daysAgo(13, 9, 30) });
  }
  if (lesson) {
    const author = people.find((p) => p.id === lesson.authorId) ?? people.find((p) => p.id === member.actorId)!;
    events.push({ actorId: author.id, actorName: author.name, action: "lesson-visibility", targetType: "lesson", targetId: lesson.id, detail: `${lesson.title}: organisation → network`, ip: "198.51.100.20", createdAt: daysAgo(9, 7, 15) });
  }
  for (const act of moderation) {
    events.push({ ...admin, action: "moderation", targetType: "post", targetId: act.postId ?? "", detail: `${act.action}: ${act.reason}`, ip: "192.0.2.14", createdAt: act.createdAt });
  }
  await tx.auditEvent.createMany({ data: events.map((event) => ({ ...event, organisationId })) });
}
