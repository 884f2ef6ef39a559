import type { Prisma } from "../../app/generated/prisma/client.ts";
import { composePostBody } from "../../app/threads/post-body.server.ts";

type Tx = Prisma.TransactionClient;

// Daily learning in the demo: categories of both regions, threads with
// replies, a quote, a mention, reactions, a hidden post and a thread that
// became a lesson, spread over the last two weeks.

const CATEGORIES = [
  { name: "Från projekten", description: "Vad vi ser i de projekt vi finansierar: lägesrapporter, besök, slutrapporter.", template: "Sammanhang\nVad hände\nVad vi lärde oss", shared: false },
  { name: "Frågor", description: "Fråga kollegorna om handläggning, uppföljning och utvärdering.", template: "", shared: false },
  { name: "Utlysningar", description: "Inspel till kommande utlysningar och vad tidigare utlysningar lärt oss.", template: "", shared: false },
  { name: "Omvärld", description: "Nytt från Tillväxtverket, andra regioner och forskningen. Delas med nätverket.", template: "", shared: true },
];

type Post = { by: string; text: string; mention?: string; quote?: number; reactions?: [string, string][]; hidden?: string };
type DemoThread = { category: string; by: string; title: string; project?: string; goals?: string[]; tags?: string[]; daysAgo: number; posts: Post[]; lesson?: string };

const THREADS: DemoThread[] = [
  {
    category: "Från projekten",
    by: "member@region-demo.se",
    title: "Slutrapporten från Digitalt lyft – vad säger den om företagens interna ansvar?",
    project: "20220014",
    goals: ["1.1.1"],
    tags: ["Digitalisering"],
    daysAgo: 12,
    lesson: "En utsedd digitaliseringsansvarig i företaget avgör resultatet",
    posts: [
      { by: "member@region-demo.se", text: "Jag har läst slutrapporten från Digitalt lyft för småföretag. 48 av 60 företag införde en ny digital lösning, men skillnaden mellan företagen är stor.\n\nDe som hade en utsedd intern ansvarig kom mycket längre. Har ni sett samma sak i andra projekt?" },
      { by: "lars.bergman@region-demo.se", text: "Samma mönster i Livsmedelsklustret: där en person i företaget äger frågan händer det saker mellan konsultträffarna.", reactions: [["member@region-demo.se", "agree"], ["facilitator@region-demo.se", "useful"]] },
      { by: "facilitator@region-demo.se", text: "Det här borde vi ta upp på nästa lärtillfälle. Vill du skriva ihop det som en lärdom?", mention: "member@region-demo.se" },
      { by: "fatima.karlsson@region-demo.se", text: "I företagsstöden ser vi det också, men där följer vi inte upp det systematiskt.", reactions: [["lars.bergman@region-demo.se", "thanks"]] },
      { by: "member@region-demo.se", text: "Ja, jag gör en lärdom av tråden och föreslår ett krav på intern ansvarig i nästa utlysning.", quote: 2, reactions: [["admin@region-demo.se", "useful"], ["facilitator@region-demo.se", "useful"]] },
    ],
  },
  {
    category: "Frågor",
    by: "lars.bergman@region-demo.se",
    title: "Hur följer ni upp företagsstöden mot RUS:en?",
    goals: ["1.1"],
    daysAgo: 6,
    posts: [
      { by: "lars.bergman@region-demo.se", text: "Projektstöden följer vi upp mot indikatorerna i RUS:en, men företagsstöden hamnar utanför. Hur gör ni andra?" },
      { by: "admin@region-demo.se", text: "Vi har börjat koppla varje företagsstöd till ett mål redan i beslutet. Då går det att summera per mål i efterhand.", reactions: [["lars.bergman@region-demo.se", "thanks"]] },
      { by: "fatima.karlsson@region-demo.se", text: "Här är sökandens personnummer och kontaktuppgifter om ni vill ringa och fråga direkt.", hidden: "Innehöll personuppgifter om en sökande." },
      { by: "facilitator@region-demo.se", text: "Region Exempel har en modell för detta – jag frågar i Omvärld-kategorin som delas med dem." },
    ],
  },
  {
    category: "Utlysningar",
    by: "admin@region-demo.se",
    title: "Inspel till utlysningen Grön omställning 2026",
    goals: ["3.1"],
    tags: ["Energi och klimat"],
    daysAgo: 3,
    posts: [
      { by: "admin@region-demo.se", text: "Utlysningen Grön omställning öppnar i februari. Vilka lärdomar från tidigare energiprojekt ska in i texten?" },
      { by: "facilitator@region-demo.se", text: "Sen driftsättning åt upp klimatnyttan i Smart energi i hamnen. Kräv en lägesrapport vid planerad driftsättning.", reactions: [["admin@region-demo.se", "agree"]] },
    ],
  },
  {
    category: "Omvärld",
    by: "facilitator@region-demo.se",
    title: "Tillväxtverkets vägledning om uppföljning av 1:1-medel",
    daysAgo: 1,
    posts: [
      { by: "facilitator@region-demo.se", text: "Tillväxtverket har gett ut en ny vägledning om uppföljning och utvärdering av de regionala 1:1-medlen. Den betonar koppling mellan projektens resultat och strategins mål." },
      { by: "member@region-exempel.se", text: "Vi på Region Exempel har provat vägledningens modell i ett år. Det svåra är att få projekten att rapportera mot samma indikatorer – gemensamma mallar hjälper.", reactions: [["facilitator@region-demo.se", "thanks"]] },
    ],
  },
];

const PARTNER_THREAD: DemoThread = {
  category: "Erfarenhetsutbyte",
  by: "admin@region-exempel.se",
  title: "Hur tar ni in lärdomar i utlysningstexten?",
  daysAgo: 2,
  posts: [
    { by: "admin@region-exempel.se", text: "Vi vill att varje utlysning ska visa vilka lärdomar den bygger på. Hur gör ni andra regioner?" },
    { by: "facilitator@region-demo.se", text: "I Region Demo börjar vi med en lärdomsgenomgång för utlysningens mål innan texten skrivs." },
  ],
};

const at = (daysAgo: number, minutes: number) => new Date(Date.now() - daysAgo * 86_400_000 + minutes * 60_000);

function mentionBody(text: string, user: { id: string; name: string }): string {
  const node = (t: string) => ({ type: "text", text: t, detail: 0, format: 0, mode: "normal", style: "", version: 1 });
  return JSON.stringify({
    root: {
      type: "root",
      direction: null,
      format: "",
      indent: 0,
      version: 1,
      children: [
        {
          type: "paragraph",
          direction: null,
          format: "",
          indent: 0,
          version: 1,
          textFormat: 0,
          textStyle: "",
          children: [{ type: "mention", userId: user.id, name: user.name, text: `@${user.name}`, detail: 0, format: 0, mode: "token", style: "", version: 1 }, node(` ${text}`)],
        },
      ],
    },
  });
}

async function seedThread(tx: Tx, thread: DemoThread, organisationId: string, categoryId: string, ids: Lookup) {
  const { userIds, userNames, homeOf } = ids;
  const created = await tx.thread.create({
    data: {
      organisationId,
      categoryId,
      authorId: userIds.get(thread.by)!,
      projectId: thread.project ? ids.projects.get(thread.project) : null,
      title: thread.title,
      postCount: thread.posts.length,
      createdAt: at(thread.daysAgo, 0),
      lastPostAt: at(thread.daysAgo, (thread.posts.length - 1) * 47),
      goals: { create: (thread.goals ?? []).map((code) => ({ goalId: ids.goals.get(code)! })) },
      tags: { create: (thread.tags ?? []).map((name) => ({ tagId: ids.tags.get(name)! })) },
    },
  });
  const postIds: string[] = [];
  for (const [i, post] of thread.posts.entries()) {
    const mentioned = post.mention ? { id: userIds.get(post.mention)!, name: userNames.get(post.mention)! } : null;
    const body = composePostBody({ body: mentioned ? mentionBody(post.text, mentioned) : "", bodyText: mentioned ? "" : post.text })!;
    const createdAt = at(thread.daysAgo, i * 47);
    const row = await tx.post.create({
      data: {
        threadId: created.id,
        authorId: userIds.get(post.by)!,
        authorOrganisationId: homeOf.get(post.by)!,
        number: i + 1,
        body: body.rendered.json,
        bodyHtml: body.rendered.html,
        bodyText: body.rendered.text,
        quotedPostId: post.quote ? postIds[post.quote - 1] : null,
        createdAt,
        hiddenAt: post.hidden ? at(thread.daysAgo, i * 47 + 20) : null,
        hiddenReason: post.hidden ?? "",
      },
    });
    postIds.push(row.id);
    for (const [email, kind] of post.reactions ?? []) await tx.postReaction.create({ data: { postId: row.id, userId: userIds.get(email)!, kind } });
    if (post.hidden) {
      await tx.moderationAct.create({
        data: { organisationId, actorId: userIds.get("admin@region-demo.se"), action: "hide-post", threadId: created.id, postId: row.id, reason: post.hidden, createdAt: at(thread.daysAgo, i * 47 + 20) },
      });
    }
    if (mentioned) {
      await tx.notification.create({
        data: { userId: mentioned.id, organisationId, type: "mention", actorId: userIds.get(post.by), threadId: created.id, postId: row.id, createdAt },
      });
    }
  }
  const participants = [...new Set(thread.posts.map((p) => p.by))];
  for (const email of participants) {
    await tx.threadFollow.create({ data: { threadId: created.id, userId: userIds.get(email)! } });
    // Participants have read up to their own last post: later replies show as unread.
    const last = thread.posts.map((p, i) => (p.by === email ? i + 1 : 0)).reduce((a, b) => Math.max(a, b), 0);
    await tx.threadRead.create({ data: { threadId: created.id, userId: userIds.get(email)!, lastReadNumber: last } });
  }
  if (thread.lesson) {
    await tx.lesson.updateMany({ where: { organisationId, title: thread.lesson }, data: { threadId: created.id, postId: postIds.at(-1), sourceNote: thread.title } });
  }
}

type Lookup = {
  userIds: Map<string, string>;
  userNames: Map<string, string>;
  homeOf: Map<string, string>;
  goals: Map<string, string>;
  tags: Map<string, string>;
  projects: Map<string, string>;
};

/** Returns the categories shared with the network, which the networks part puts in the demo network. */
export async function seedDemoThreads(tx: Tx, organisationId: string, partnerId: string, userIds: Map<string, string>): Promise<string[]> {
  const users = await tx.user.findMany({ select: { id: true, email: true, name: true, memberships: { select: { organisationId: true }, orderBy: { createdAt: "asc" } } } });
  const [goals, tags, projects] = await Promise.all([
    tx.goal.findMany({ where: { organisationId }, select: { id: true, code: true } }),
    tx.tag.findMany({ where: { organisationId }, select: { id: true, name: true } }),
    tx.project.findMany({ where: { organisationId }, select: { id: true, caseNumber: true } }),
  ]);
  const ids: Lookup = {
    userIds,
    userNames: new Map(users.map((u) => [u.email, u.name])),
    homeOf: new Map(users.map((u) => [u.email, u.memberships[0]?.organisationId ?? organisationId])),
    goals: new Map(goals.map((g) => [g.code, g.id])),
    tags: new Map(tags.map((t) => [t.name, t.id])),
    projects: new Map(projects.map((p) => [p.caseNumber, p.id])),
  };
  const categoryIds = new Map<string, string>();
  const shared: string[] = [];
  for (const [position, category] of CATEGORIES.entries()) {
    const created = await tx.category.create({
      data: { organisationId, name: category.name, description: category.description, template: category.template, position },
    });
    categoryIds.set(category.name, created.id);
    if (category.shared) shared.push(created.id);
  }
  const partnerCategory = await tx.category.create({
    data: { organisationId: partnerId, name: "Erfarenhetsutbyte", description: "Frågor och svar mellan regionerna." },
  });
  for (const thread of THREADS) await seedThread(tx, thread, organisationId, categoryIds.get(thread.category)!, ids);
  await seedThread(tx, PARTNER_THREAD, partnerId, partnerCategory.id, ids);
  return [...shared, partnerCategory.id];
}
