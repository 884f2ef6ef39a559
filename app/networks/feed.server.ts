import { TZDate } from "@date-fns/tz";
import { startOfDay } from "date-fns";
import { z } from "zod";
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/db.server";
import { goalWithDescendants, listStrategies, type GoalNode } from "~/goals/goals.server";
import { readableWhere, type Viewer } from "~/lessons/lessons.server";
import { TIME_ZONE } from "~/sessions/calendar.server";
import { joinedBy } from "./networks.server";

// The network feed: what partner organisations lately shared with the networks
// the viewer's organisation belongs to. Every query is scoped twice: to the
// viewer's networks, and within each network to the organisations that are
// members of it now, so an invited-only organisation or one that left never
// shows up, whatever its rows still say.

export const FEED_PAGE = 30;
const FEED_MAX = 300;

type Scope = { networkId: string; partnerIds: string[] };

export type FeedNetwork = { id: string; name: string; partners: { id: string; name: string }[] };

/** The viewer's networks with their other member organisations. */
async function viewerNetworks(organisationId: string): Promise<FeedNetwork[]> {
  const networks = await db.network.findMany({
    where: joinedBy(organisationId),
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      members: {
        where: { status: "member", organisationId: { not: organisationId } },
        orderBy: { organisation: { name: "asc" } },
        select: { organisation: { select: { id: true, name: true } } },
      },
    },
  });
  return networks.map((n) => ({ id: n.id, name: n.name, partners: n.members.map((m) => m.organisation) }));
}

type Option = { value: string; label: string };
type Group = { label: string; options: Option[] };

export type FeedOptions = { networks: FeedNetwork[]; goalGroups: Group[]; tagGroups: Group[] };

function goalOptionsOf(goals: GoalNode[], depth = 0): Option[] {
  return goals.flatMap((g) => [
    { value: g.id, label: `${"\u00a0\u00a0".repeat(depth)}${g.code ? `${g.code} ` : ""}${g.name}` },
    ...goalOptionsOf(g.children, depth + 1),
  ]);
}

// A tag means the same across organisations when its dimension kind and code
// agree (S3 areas without codes: the same name), as in a call's learning brief.
const tagKey = (tag: { code: string; name: string; dimension: { key: string } }) => `${tag.dimension.key}\u0000${tag.code || tag.name}`;

/**
 * What the filters offer: the viewer's networks; the goals of the partner
 * organisations, one group per organisation and strategy (goals are each
 * organisation's own); the tags of the viewer's organisation, plus partners'
 * tags that have no counterpart there, named with their organisation.
 */
export async function feedOptions(viewer: Viewer): Promise<FeedOptions> {
  const networks = await viewerNetworks(viewer.organisationId);
  const partners = uniquePartners(networks);
  const [strategies, tags] = await Promise.all([
    Promise.all(partners.map(async (p) => ({ partner: p, strategies: await listStrategies(p.id) }))),
    db.tag.findMany({
      where: { organisationId: { in: [viewer.organisationId, ...partners.map((p) => p.id)] } },
      orderBy: [{ dimension: { position: "asc" } }, { position: "asc" }, { name: "asc" }],
      select: { id: true, name: true, code: true, organisationId: true, organisation: { select: { name: true } }, dimension: { select: { key: true, name: true } } },
    }),
  ]);
  const goalGroups = strategies.flatMap(({ partner, strategies }) =>
    strategies.filter((s) => s.goals.length).map((s) => ({ label: `${partner.name}: ${s.name}`, options: goalOptionsOf(s.goals) })),
  );
  // The viewer's own tags first, so a shared tag is offered under its familiar name.
  const ordered = [...tags.filter((t) => t.organisationId === viewer.organisationId), ...tags.filter((t) => t.organisationId !== viewer.organisationId)];
  const seen = new Set<string>();
  const groups = new Map<string, Group>();
  for (const tag of ordered) {
    if (seen.has(tagKey(tag))) continue;
    seen.add(tagKey(tag));
    const own = tag.organisationId === viewer.organisationId;
    const group = groups.get(tag.dimension.key) ?? { label: tag.dimension.name, options: [] };
    group.options.push({ value: tag.id, label: own ? tag.name : `${tag.name} (${tag.organisation.name})` });
    groups.set(tag.dimension.key, group);
  }
  return { networks, goalGroups, tagGroups: [...groups.values()] };
}

function uniquePartners(networks: FeedNetwork[]) {
  const byId = new Map(networks.flatMap((n) => n.partners).map((p) => [p.id, p]));
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, "sv"));
}

const optionValues = (groups: Group[]) => new Set(groups.flatMap((g) => g.options.map((o) => o.value)));

/** The feed's filters from the query string: anything not on offer is dropped, so an old link still works. */
export function parseFeedFilters(searchParams: URLSearchParams, options: FeedOptions) {
  const networks = new Set(options.networks.map((n) => n.id));
  const goals = optionValues(options.goalGroups);
  const tags = optionValues(options.tagGroups);
  const offered = (set: Set<string>) => z.string().refine((v) => set.has(v)).optional().catch(undefined);
  const schema = z.object({
    network: offered(networks),
    goal: offered(goals),
    tag: offered(tags),
    show: z.coerce.number().int().min(FEED_PAGE).max(FEED_MAX).optional().catch(undefined),
  });
  const raw = Object.fromEntries([...searchParams].filter(([, v]) => v !== ""));
  const parsed = schema.parse(raw);
  return { ...parsed, show: Math.ceil((parsed.show ?? FEED_PAGE) / FEED_PAGE) * FEED_PAGE };
}

export type FeedFilters = ReturnType<typeof parseFeedFilters>;

export type FeedItem = {
  kind: "lesson" | "thread" | "session";
  id: string;
  title: string;
  organisation: string;
  network: string;
  /** When it was shared or last active: what the feed is ordered by. */
  date: string;
  startsAt: string | null;
  excerpt: string;
  category: string | null;
  replies: number | null;
  href: string;
};

/** The newest items partners shared, merged across lessons, threads and open sessions, newest first. */
export async function networkFeed(viewer: Viewer, slug: string, options: FeedOptions, filters: FeedFilters) {
  const networks = options.networks.filter((n) => !filters.network || n.id === filters.network);
  const scopes: Scope[] = networks.map((n) => ({ networkId: n.id, partnerIds: n.partners.map((p) => p.id) })).filter((s) => s.partnerIds.length);
  if (!scopes.length) return { items: [] as FeedItem[], more: false };
  const networkName = new Map(networks.map((n) => [n.id, n.name]));
  const take = filters.show + 1;
  const shared = { OR: scopes.map((s) => ({ networkId: s.networkId, organisationId: { in: s.partnerIds } })) };

  let goalIds: string[] | null = null;
  if (filters.goal) {
    const goal = await db.goal.findUnique({ where: { id: filters.goal }, select: { organisationId: true } });
    goalIds = goal ? await goalWithDescendants(goal.organisationId, filters.goal) : [];
  }
  let tagMatch: Prisma.TagWhereInput | null = null;
  if (filters.tag) {
    const tag = await db.tag.findUnique({ where: { id: filters.tag }, select: { code: true, name: true, dimension: { select: { key: true } } } });
    tagMatch = tag ? { dimension: { key: tag.dimension.key }, ...(tag.code ? { code: tag.code } : { name: tag.name }) } : { id: filters.tag };
  }
  const byGoal = goalIds ? { goals: { some: { goalId: { in: goalIds } } } } : {};
  const byTag = tagMatch ? { tags: { some: { tag: tagMatch } } } : {};
  const today = new Date(startOfDay(new TZDate(Date.now(), TIME_ZONE)).getTime());

  const [lessons, threads, sessions] = await Promise.all([
    db.lesson.findMany({
      where: { AND: [readableWhere(viewer), { organisationId: { not: viewer.organisationId }, visibility: "network", status: "published" }, shared, byGoal, byTag] },
      orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
      take,
      select: { id: true, title: true, whatWeLearned: true, publishedAt: true, updatedAt: true, networkId: true, organisation: { select: { name: true } } },
    }),
    db.thread.findMany({
      where: {
        AND: [
          { OR: scopes.map((s) => ({ organisationId: { in: s.partnerIds }, category: { networkId: s.networkId, organisationId: { in: s.partnerIds } } })) },
          byGoal,
          byTag,
        ],
      },
      orderBy: [{ lastPostAt: "desc" }, { id: "asc" }],
      take,
      select: {
        id: true,
        title: true,
        lastPostAt: true,
        postCount: true,
        organisation: { select: { name: true } },
        category: { select: { name: true, networkId: true } },
      },
    }),
    // Sessions carry goals but no tags: a tag filter leaves them out.
    tagMatch
      ? Promise.resolve([])
      : db.learningSession.findMany({
          where: { AND: [shared, { organisationId: { not: viewer.organisationId }, status: { not: "ended" }, startsAt: { gte: today } }, byGoal] },
          orderBy: [{ createdAt: "desc" }, { id: "asc" }],
          take,
          select: { id: true, title: true, theme: true, startsAt: true, createdAt: true, networkId: true, organisation: { select: { name: true } } },
        }),
  ]);

  const items: FeedItem[] = [
    ...lessons.map((l) => ({
      kind: "lesson" as const,
      id: l.id,
      title: l.title,
      organisation: l.organisation.name,
      network: networkName.get(l.networkId!) ?? "",
      date: (l.publishedAt ?? l.updatedAt).toISOString(),
      startsAt: null,
      excerpt: l.whatWeLearned,
      category: null,
      replies: null,
      href: `/o/${slug}/lessons/${l.id}`,
    })),
    ...threads.map((t) => ({
      kind: "thread" as const,
      id: t.id,
      title: t.title,
      organisation: t.organisation.name,
      network: networkName.get(t.category.networkId!) ?? "",
      date: t.lastPostAt.toISOString(),
      startsAt: null,
      excerpt: "",
      category: t.category.name,
      replies: Math.max(0, t.postCount - 1),
      href: `/o/${slug}/daily/${t.id}`,
    })),
    ...sessions.map((s) => ({
      kind: "session" as const,
      id: s.id,
      title: s.title,
      organisation: s.organisation.name,
      network: networkName.get(s.networkId!) ?? "",
      date: s.createdAt.toISOString(),
      startsAt: s.startsAt.toISOString(),
      excerpt: s.theme,
      category: null,
      replies: null,
      href: `/o/${slug}/sessions/${s.id}`,
    })),
  ];
  items.sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
  return { items: items.slice(0, filters.show), more: items.length > filters.show };
}
