import { seededRandom, swedishPost } from "./swedish-text.ts";
import type { BenchContext } from "./types.ts";

// The data the rows share: one region with members, a category and a thread
// of 1 000 posts, written straight into the database (createMany) so that
// seeding takes a second rather than a thousand HTTP round trips.

export const POSTS_IN_THREAD = 1000;

const PEOPLE = [
  "Anna Lindqvist",
  "Björn Sandberg",
  "Cecilia Holm",
  "David Eriksson",
  "Elin Nyström",
  "Fredrik Åberg",
  "Greta Söderlund",
  "Hassan Karimi",
  "Ingrid Ölund",
  "Johan Bergkvist",
  "Karin Wästerlund",
  "Lars Mäkinen",
];

export type World = {
  organisation: { id: string; slug: string };
  thread: { id: string; postCount: number };
  users: { id: string; email: string; name: string }[];
  /** /o/<slug>/daily/<threadId> */
  threadPath: string;
};

let world: Promise<World> | undefined;

/** The shared world, created once per run by whichever row asks first. */
export function threadWorld(context: BenchContext): Promise<World> {
  world ??= createWorld(context);
  return world;
}

async function createWorld({ db, password, log }: BenchContext): Promise<World> {
  const started = Date.now();
  const { hashPassword } = await import("../../app/auth/password.server.ts");
  const { composePostBody } = await import("../../app/threads/post-body.server.ts");
  const passwordHash = await hashPassword(password);

  const organisation = await db.organisation.create({ data: { slug: "region-bank", name: "Region Bänkgården", county: "Västerbotten" } });
  const users = [];
  for (const [index, name] of PEOPLE.entries()) {
    const email = `${name.split(" ")[0].toLowerCase().normalize("NFD").replace(/[^a-z]/g, "")}.${index}@region-bank.se`;
    const user = await db.user.create({ data: { email, name, passwordHash }, select: { id: true, email: true, name: true } });
    await db.membership.create({ data: { userId: user.id, organisationId: organisation.id, role: index === 0 ? "admin" : "member" } });
    users.push(user);
  }
  const category = await db.category.create({
    data: { organisationId: organisation.id, name: "Från projekten", description: "Vad vi ser i de projekt vi finansierar." },
  });

  const random = seededRandom(20261129);
  const now = Date.now();
  const firstAt = now - 60 * 24 * 3600 * 1000;
  const step = (now - 3600 * 1000 - firstAt) / POSTS_IN_THREAD;
  const thread = await db.thread.create({
    data: {
      organisationId: organisation.id,
      categoryId: category.id,
      authorId: users[0].id,
      title: "Erfarenheter från uppföljningen av företagsstöden 2025",
      postCount: POSTS_IN_THREAD,
      createdAt: new Date(firstAt),
      lastPostAt: new Date(firstAt + (POSTS_IN_THREAD - 1) * step),
    },
  });
  const posts = [];
  for (let number = 1; number <= POSTS_IN_THREAD; number++) {
    const body = composePostBody({ body: "", bodyText: swedishPost(random) });
    if (!body) throw new Error("composePostBody refused the generated text");
    const author = users[(number * 7) % users.length];
    const at = new Date(firstAt + (number - 1) * step);
    posts.push({
      threadId: thread.id,
      authorId: author.id,
      authorOrganisationId: organisation.id,
      number,
      body: body.rendered.json,
      bodyHtml: body.rendered.html,
      bodyText: body.rendered.text,
      createdAt: at,
      updatedAt: at,
    });
  }
  await db.post.createMany({ data: posts });
  // As startThread does: the opener follows the thread, so every reply notifies someone.
  await db.threadFollow.create({ data: { threadId: thread.id, userId: users[0].id } });
  await db.threadRead.create({ data: { threadId: thread.id, userId: users[0].id, lastReadNumber: POSTS_IN_THREAD } });

  log(`Seeded a thread of ${POSTS_IN_THREAD} posts and ${users.length} members in ${Date.now() - started} ms`);
  return {
    organisation: { id: organisation.id, slug: organisation.slug },
    thread: { id: thread.id, postCount: POSTS_IN_THREAD },
    users,
    threadPath: `/o/${organisation.slug}/daily/${thread.id}`,
  };
}
