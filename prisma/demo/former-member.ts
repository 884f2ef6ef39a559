import type { Prisma } from "../../app/generated/prisma/client.ts";
import { composePostBody } from "../../app/threads/post-body.server.ts";

type Tx = Prisma.TransactionClient;

// A colleague who has left Region Demo and deleted their account: their reply
// and their lesson stay, by "Tidigare medlem" (decision 0017), and the log
// holds the deletion without their name. Region Exempel has chosen that a
// departing member's lessons are deleted, so both settings can be seen.
export async function seedDemoFormerMember(tx: Tx, organisationIds: Map<string, string>): Promise<void> {
  const organisationId = organisationIds.get("region-demo")!;
  await tx.organisation.update({ where: { id: organisationIds.get("region-exempel")! }, data: { departedLessons: "delete" } });

  const thread = await tx.thread.findFirstOrThrow({ where: { organisationId }, orderBy: { createdAt: "asc" }, select: { id: true, postCount: true, lastPostAt: true } });
  const text = "Vi provade samma sak i Bygdelyftet: en fast fråga om ansvar i varje lägesrapport. Det gav jämförbara svar redan efter två rapporter.";
  const body = composePostBody({ body: "", bodyText: text })!;
  const createdAt = new Date(thread.lastPostAt.getTime() + 30 * 60_000);
  await tx.post.create({
    data: {
      threadId: thread.id,
      authorId: null,
      authorOrganisationId: organisationId,
      number: thread.postCount + 1,
      body: body.rendered.json,
      bodyHtml: body.rendered.html,
      bodyText: body.rendered.text,
      createdAt,
    },
  });
  await tx.thread.update({ where: { id: thread.id }, data: { postCount: thread.postCount + 1, lastPostAt: createdAt } });

  await tx.lesson.create({
    data: {
      organisationId,
      authorId: null,
      title: "En fast fråga om ansvar i lägesrapporterna gör dem jämförbara",
      whatHappened: "Bygdelyftet lade till samma fråga om vem som äger förändringen i varje lägesrapport.",
      whatWeLearned: "Svaren blev jämförbara mellan projekt redan efter två rapporter.",
      recommendation: "Ta med frågan i mallen för lägesrapporter.",
      status: "published",
      publishedAt: createdAt,
      createdAt,
    },
  });
  await tx.auditEvent.create({
    data: { organisationId, actorFormer: true, action: "account-deleted", detail: "lessons kept: 1, lessons deleted: 0, posts: 1", ip: "192.0.2.44", createdAt },
  });
}
