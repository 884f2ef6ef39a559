import { db } from "~/db.server";
import { listStrategies } from "~/goals/goals.server";
import type { Viewer } from "~/lessons/lessons.server";
import { topicLines } from "./directory-schema";
import { isMember } from "./networks.server";

// The directory of a network: each member organisation's profile, its
// strategies and whom to ask about what. Shown only to members of the
// organisations in the network, and only for organisations in it.

export type ContactTopic = { topic: string; people: { name: string; email: string }[] };

/** Contact people grouped by topic, the same topic in any capitalisation counted once. */
async function contactsByTopic(organisationId: string): Promise<ContactTopic[]> {
  const memberships = await db.membership.findMany({
    where: { organisationId, askMeAbout: { not: "" } },
    orderBy: { user: { name: "asc" } },
    select: { askMeAbout: true, user: { select: { name: true, email: true } } },
  });
  const topics = new Map<string, ContactTopic>();
  for (const { askMeAbout, user } of memberships) {
    for (const topic of topicLines(askMeAbout)) {
      const key = topic.toLocaleLowerCase("sv");
      const entry = topics.get(key) ?? { topic, people: [] };
      // Of several spellings the one that sorts first by code point: a capitalised one when there is one.
      if (topic < entry.topic) entry.topic = topic;
      entry.people.push({ name: user.name, email: user.email });
      topics.set(key, entry);
    }
  }
  return [...topics.values()].sort((a, b) => a.topic.localeCompare(b.topic, "sv"));
}

/**
 * One organisation's entry in a network's directory, or null unless both the
 * viewer's organisation and the shown one are members of the network (an
 * invitation is not enough).
 */
export async function directoryEntry(viewer: Viewer, networkId: string, organisationSlug: string) {
  if (!(await isMember(viewer.organisationId, networkId))) return null;
  const member = await db.networkMember.findFirst({
    where: { networkId, status: "member", organisation: { slug: organisationSlug } },
    select: {
      joinedAt: true,
      network: { select: { id: true, name: true } },
      organisation: { select: { id: true, slug: true, name: true, kind: true, county: true, description: true, website: true, contactEmail: true } },
    },
  });
  if (!member) return null;
  const own = member.organisation.id === viewer.organisationId;
  const [strategies, contacts, mine] = await Promise.all([
    listStrategies(member.organisation.id),
    contactsByTopic(member.organisation.id),
    own
      ? db.membership.findUnique({ where: { userId_organisationId: { userId: viewer.userId, organisationId: viewer.organisationId } }, select: { askMeAbout: true } })
      : null,
  ]);
  return {
    network: member.network,
    organisation: member.organisation,
    joinedAt: member.joinedAt,
    strategies,
    contacts,
    own,
    myTopics: mine ? topicLines(mine.askMeAbout).join("\n") : null,
  };
}

/** The signed-in person's own "ask me about" topics, in the organisation they are looking from. */
export async function saveOwnTopics(viewer: Viewer, topics: string[]): Promise<void> {
  await db.membership.update({
    where: { userId_organisationId: { userId: viewer.userId, organisationId: viewer.organisationId } },
    data: { askMeAbout: topics.join("\n") },
  });
}
