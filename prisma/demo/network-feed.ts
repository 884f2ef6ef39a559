import type { Prisma } from "../../app/generated/prisma/client.ts";
import { plainTextToLessonBody } from "../../app/lessons/rich-text.server.ts";
import { BUILT_IN_TEMPLATES } from "../../app/sessions/templates.ts";
import { composePostBody } from "../../app/threads/post-body.server.ts";

type Tx = Prisma.TransactionClient;

// What Region Demo finds under "Nytt från partnerna": Region Exempel's shared
// lessons, threads in its shared category "Erfarenhetsutbyte" and an open
// cross-region session, linked to Region Exempel's own goals and tagged so
// that the goal filter and the cross-organisation tag filter (S3 areas
// "Digitalisering" and "Besöksnäring", ERUF objectives, support type) find
// something.

const DAY = 86_400_000;
const daysAgo = (days: number, minutes = 0) => new Date(Date.now() - days * DAY + minutes * 60_000);

const EXEMPEL_S3_AREAS = ["Digitalisering", "Life science", "Besöksnäring"];

const THREAD = {
  title: "Digitaliseringscheckar – hur följer ni upp effekten efter ett år?",
  goals: ["1.1.1"],
  tags: ["Digitalisering", "Företagsstöd"],
  posts: [
    ["member@region-exempel.se", "Vi har delat ut digitaliseringscheckar till 85 småföretag sedan 2024. Slutredovisningen visar vad de köpt, men inte om det gjorde någon skillnad.\n\nFöljer någon av er upp företagen ett år efter checken? Vilka frågor ställer ni?"],
    ["member@region-demo.se", "Vi ringer ett urval av företagen efter tolv månader och frågar om lösningen används och vem som ansvarar för den. Frågan om intern ansvarig säger mest – det var också vår lärdom från Digitalt lyft."],
    ["admin@region-exempel.se", "Tack! Vi lägger in samma fråga i vår uppföljningsmall och delar resultatet här i vår."],
  ],
} as const;

export async function seedDemoNetworkFeed(tx: Tx, userIds: Map<string, string>): Promise<void> {
  const network = await tx.network.findFirstOrThrow({ where: { name: "Regionernas nätverk för 1:1-uppföljning" }, select: { id: true } });
  const exempel = await tx.organisation.findUniqueOrThrow({ where: { slug: "region-exempel" }, select: { id: true } });
  const demo = await tx.organisation.findUniqueOrThrow({ where: { slug: "region-demo" }, select: { id: true } });
  const goals = new Map((await tx.goal.findMany({ where: { organisationId: exempel.id }, select: { id: true, code: true } })).map((g) => [g.code, g.id]));

  // Region Exempel's own S3 areas; "Digitalisering" and "Besöksnäring" are also Region Demo's.
  const s3 = await tx.tagDimension.findUniqueOrThrow({ where: { organisationId_key: { organisationId: exempel.id, key: "s3" } }, select: { id: true } });
  for (const [position, name] of EXEMPEL_S3_AREAS.entries()) {
    const exists = await tx.tag.findUnique({ where: { dimensionId_name: { dimensionId: s3.id, name } } });
    if (!exists) await tx.tag.create({ data: { organisationId: exempel.id, dimensionId: s3.id, name, position } });
  }
  const tags = new Map((await tx.tag.findMany({ where: { organisationId: exempel.id }, select: { id: true, name: true } })).map((t) => [t.name, t.id]));
  const tagIds = (names: readonly string[]) => names.map((name) => ({ tagId: tags.get(name)! }));
  const goalIds = (codes: readonly string[]) => codes.map((code) => ({ goalId: goals.get(code)! }));

  // The lesson Region Exempel already shares: on its goal 1.1, ERUF PO1 and project grants.
  const shared = await tx.lesson.findFirstOrThrow({ where: { organisationId: exempel.id, networkId: network.id, title: "Gemensam mall för lägesrapporter höjde kvaliteten" }, select: { id: true } });
  await tx.lesson.update({
    where: { id: shared.id },
    data: { goals: { create: goalIds(["1.1"]) }, tags: { create: tagIds(["PO1 Ett smartare Europa", "Projektstöd"]) } },
  });
  const body = plainTextToLessonBody(
    "Av tolv besöksnäringsföretag som fick stöd för att förlänga säsongen sålde bara de som paketerade boende, mat och aktiviteter gemensamt några vinterpaket. De som marknadsförde sig var för sig fick knappt några gäster mellan november och mars.",
  );
  await tx.lesson.create({
    data: {
      organisationId: exempel.id,
      authorId: userIds.get("admin@region-exempel.se"),
      title: "Vinterpaket blir av först när företagen säljer dem tillsammans",
      body: body.json,
      bodyHtml: body.html,
      context: "Säsongsförlängning i besöksnäringen i Exempel län, 2024–2025.",
      whatHappened: "Tre företag gick samman om bokningen halvvägs och stod för nästan alla gästnätter under lågsäsongen.",
      whatWeLearned: "Ett gemensamt erbjudande avgör mer än stödbeloppet till varje enskilt företag.",
      recommendation: "Ge stöd till grupper av företag med ett gemensamt erbjudande, och följ upp gästnätterna under lågsäsong.",
      sourceType: "other",
      evidence: "follow-up",
      visibility: "network",
      networkId: network.id,
      status: "published",
      publishedAt: daysAgo(9),
      createdAt: daysAgo(10),
      goals: { create: goalIds(["1.2"]) },
      tags: { create: tagIds(["Besöksnäring", "Företagsstöd", "PO5 Ett Europa närmare medborgarna"]) },
    },
  });

  // A thread with replies from both regions in Region Exempel's shared category.
  const category = await tx.category.findFirstOrThrow({ where: { organisationId: exempel.id, networkId: network.id, name: "Erfarenhetsutbyte" }, select: { id: true } });
  const thread = await tx.thread.create({
    data: {
      organisationId: exempel.id,
      categoryId: category.id,
      authorId: userIds.get(THREAD.posts[0][0]),
      title: THREAD.title,
      postCount: THREAD.posts.length,
      createdAt: daysAgo(1),
      lastPostAt: daysAgo(1, (THREAD.posts.length - 1) * 95),
      goals: { create: goalIds(THREAD.goals) },
      tags: { create: tagIds(THREAD.tags) },
    },
  });
  for (const [i, [email, text]] of THREAD.posts.entries()) {
    const rendered = composePostBody({ body: "", bodyText: text })!.rendered;
    await tx.post.create({
      data: {
        threadId: thread.id,
        authorId: userIds.get(email),
        authorOrganisationId: email.endsWith("@region-demo.se") ? demo.id : exempel.id,
        number: i + 1,
        body: rendered.json,
        bodyHtml: rendered.html,
        bodyText: rendered.text,
        createdAt: daysAgo(1, i * 95),
      },
    });
  }
  for (const email of new Set(THREAD.posts.map(([email]) => email))) {
    await tx.threadFollow.create({ data: { threadId: thread.id, userId: userIds.get(email)! } });
  }

  // An open cross-region session in three weeks, planned by Region Exempel.
  const startsAt = new Date(Date.now() + 21 * DAY);
  startsAt.setUTCHours(8, 0, 0, 0);
  await tx.learningSession.create({
    data: {
      organisationId: exempel.id,
      networkId: network.id,
      title: "Öppet lärtillfälle: uppföljning av företagsstöd mot smart specialisering",
      theme: "Hur vet vi om företagsstöden stärker regionens S3-områden? Region Exempel visar sin uppföljningsmodell och vi jämför med era.",
      startsAt,
      durationMinutes: 90,
      videoUrl: "https://meet.region-exempel.se/oppet-lartillfalle",
      status: "planned",
      createdById: userIds.get("admin@region-exempel.se"),
      createdAt: daysAgo(4),
      goals: { create: goalIds(["1.1", "1.1.2"]) },
      participants: {
        create: [
          { userId: userIds.get("admin@region-exempel.se")!, role: "facilitator", rsvp: "yes" },
          { userId: userIds.get("member@region-exempel.se")!, role: "participant", rsvp: "yes" },
          { userId: userIds.get("admin@region-demo.se")!, role: "participant", rsvp: "pending" },
        ],
      },
      phases: { create: BUILT_IN_TEMPLATES["buzzin-bees"].phases.sv.map((phase, position) => ({ ...phase, position })) },
    },
  });
}
