import type { Prisma } from "~/generated/prisma/client";
import { auditByViewer, networkName, recordAudit } from "~/audit/audit.server";
import { db } from "~/db.server";
import type { Viewer } from "~/lessons/lessons.server";
import { hasRole } from "~/organisations/roles";
import { publishAccessEvent } from "~/live/access-events.server";

// A network is a set of organisations that share lessons, categories and
// sessions with each other. An organisation belongs to a network once its
// admin has accepted the invitation; only then does anything shared with the
// network reach its members (docs/decisions/0015).

/** Networks the organisation belongs to (invitation accepted). */
export function joinedBy(organisationId: string): Prisma.NetworkWhereInput {
  return { members: { some: { organisationId, status: "member" } } };
}

/** The ids of the networks an organisation belongs to. */
export async function networkIdsOf(organisationId: string): Promise<string[]> {
  const rows = await db.networkMember.findMany({ where: { organisationId, status: "member" }, select: { networkId: true } });
  return rows.map((r) => r.networkId);
}

/** The networks an organisation is in or invited to, with their members. */
export async function listNetworks(organisationId: string) {
  const rows = await db.network.findMany({
    where: { members: { some: { organisationId } } },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      description: true,
      members: {
        orderBy: { organisation: { name: "asc" } },
        select: { status: true, joinedAt: true, organisation: { select: { id: true, name: true, slug: true } } },
      },
    },
  });
  return rows.map((network) => {
    const own = network.members.find((m) => m.organisation.id === organisationId)!;
    return {
      id: network.id,
      name: network.name,
      description: network.description,
      status: own.status as "invited" | "member",
      members: network.members.filter((m) => m.status === "member").map((m) => m.organisation),
      invited: network.members.filter((m) => m.status === "invited").map((m) => m.organisation),
    };
  });
}

export type NetworkSummary = Awaited<ReturnType<typeof listNetworks>>[number];

/** One network as seen by a member organisation (null for anyone else, invited ones included). */
export async function networkForMember(organisationId: string, networkId: string) {
  const network = await db.network.findFirst({
    where: { id: networkId, ...joinedBy(organisationId) },
    select: {
      id: true,
      name: true,
      description: true,
      createdAt: true,
      createdByOrganisation: { select: { name: true } },
      members: {
        orderBy: { organisation: { name: "asc" } },
        select: {
          status: true,
          joinedAt: true,
          invitedAt: true,
          organisation: { select: { id: true, name: true, slug: true, kind: true, county: true, description: true } },
        },
      },
    },
  });
  if (!network) return null;
  return {
    ...network,
    members: network.members.filter((m) => m.status === "member"),
    invited: network.members.filter((m) => m.status === "invited"),
  };
}

/** Organisations that could be invited: every other organisation on the instance not yet in or invited to it. */
export async function invitableOrganisations(networkId: string) {
  return db.organisation.findMany({
    where: { networks: { none: { networkId } } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

/** The networks a viewer may share an item with: those their organisation belongs to. */
export async function sharingChoices(organisationId: string) {
  return db.network.findMany({ where: joinedBy(organisationId), orderBy: { name: "asc" }, select: { id: true, name: true } });
}

/** True when the organisation belongs to the network: the check behind every "share with network" choice. */
export async function isMember(organisationId: string, networkId: string): Promise<boolean> {
  return (await db.networkMember.count({ where: { networkId, organisationId, status: "member" } })) > 0;
}

type Admin = Viewer;

function requireAdmin(viewer: Admin) {
  if (!hasRole(viewer.role, "admin")) throw new Response("Forbidden", { status: 403 });
}

export async function createNetwork(viewer: Admin, input: { name: string; description: string }) {
  requireAdmin(viewer);
  const network = await db.network.create({
    data: {
      name: input.name,
      description: input.description,
      createdByOrganisationId: viewer.organisationId,
      members: { create: { organisationId: viewer.organisationId, status: "member", invitedById: viewer.userId, joinedAt: new Date() } },
    },
  });
  await recordAudit(auditByViewer(viewer), { organisationId: viewer.organisationId, action: "network-joined", target: { type: "network", id: network.id }, detail: `${network.name} (created)` });
  return network;
}

export async function updateNetwork(viewer: Admin, networkId: string, input: { name: string; description: string }) {
  requireAdmin(viewer);
  if (!(await isMember(viewer.organisationId, networkId))) return false;
  await db.network.update({ where: { id: networkId }, data: input });
  return true;
}

/** An admin of a member organisation invites another organisation; its admins accept or decline. */
export async function inviteOrganisation(viewer: Admin, networkId: string, organisationId: string): Promise<"invited" | "already" | "not-found"> {
  requireAdmin(viewer);
  if (!(await isMember(viewer.organisationId, networkId))) return "not-found";
  if (!(await db.organisation.count({ where: { id: organisationId } }))) return "not-found";
  const existing = await db.networkMember.findUnique({ where: { networkId_organisationId: { networkId, organisationId } } });
  if (existing) return "already";
  await db.networkMember.create({ data: { networkId, organisationId, status: "invited", invitedById: viewer.userId } });
  return "invited";
}

export async function acceptInvitation(viewer: Admin, networkId: string): Promise<boolean> {
  requireAdmin(viewer);
  const { count } = await db.networkMember.updateMany({
    where: { networkId, organisationId: viewer.organisationId, status: "invited" },
    data: { status: "member", joinedAt: new Date() },
  });
  if (count) publishAccessEvent({ type: "network-joined", networkId, organisationId: viewer.organisationId });
  if (count) await recordAudit(auditByViewer(viewer), { organisationId: viewer.organisationId, action: "network-joined", target: { type: "network", id: networkId }, detail: await networkName(networkId) });
  return count > 0;
}

/** Declining an invitation, withdrawing one, and leaving: the organisation's row goes. */
export async function declineInvitation(viewer: Admin, networkId: string): Promise<boolean> {
  requireAdmin(viewer);
  const { count } = await db.networkMember.deleteMany({ where: { networkId, organisationId: viewer.organisationId, status: "invited" } });
  return count > 0;
}

export async function withdrawInvitation(viewer: Admin, networkId: string, organisationId: string): Promise<boolean> {
  requireAdmin(viewer);
  if (!(await isMember(viewer.organisationId, networkId))) return false;
  const { count } = await db.networkMember.deleteMany({ where: { networkId, organisationId, status: "invited" } });
  return count > 0;
}

/**
 * Leaving a network ends sharing both ways at once: the organisation's members
 * no longer read what the others share there, and what the organisation shared
 * with the network goes back to the organisation alone (lessons, categories,
 * open sessions). Live readers on either side are dropped from the rooms they
 * may no longer be in. A network its last organisation left stays, unseen by
 * anyone: the visits and questionnaires held in it keep their history.
 */
export async function leaveNetwork(viewer: Admin, networkId: string): Promise<{ lessons: number; categories: number; sessions: number } | null> {
  requireAdmin(viewer);
  const organisationId = viewer.organisationId;
  if (!(await isMember(organisationId, networkId))) return null;
  const result = await db.$transaction(async (tx) => {
    const threads = await tx.thread.findMany({ where: { category: { networkId } }, select: { id: true, organisationId: true } });
    const lessons = await tx.lesson.updateMany({ where: { organisationId, networkId }, data: { networkId: null, visibility: "organisation" } });
    const categories = await tx.category.updateMany({ where: { organisationId, networkId }, data: { networkId: null } });
    const sessions = await tx.learningSession.updateMany({ where: { organisationId, networkId }, data: { networkId: null } });
    await tx.networkMember.delete({ where: { networkId_organisationId: { networkId, organisationId } } });
    return { lessons: lessons.count, categories: categories.count, sessions: sessions.count, threads };
  });
  publishAccessEvent({
    type: "network-left",
    networkId,
    organisationId,
    ownThreadIds: result.threads.filter((t) => t.organisationId === organisationId).map((t) => t.id),
    partnerThreadIds: result.threads.filter((t) => t.organisationId !== organisationId).map((t) => t.id),
  });
  await recordAudit(auditByViewer(viewer), { organisationId, action: "network-left", target: { type: "network", id: networkId }, detail: `unshared: ${result.lessons} lessons, ${result.categories} categories, ${result.sessions} sessions` });
  return { lessons: result.lessons, categories: result.categories, sessions: result.sessions };
}

/** What an organisation shares with a network: what leaving would take back. */
export async function sharedWithNetwork(organisationId: string, networkId: string) {
  const [lessons, categories, sessions] = await Promise.all([
    db.lesson.count({ where: { organisationId, networkId } }),
    db.category.count({ where: { organisationId, networkId } }),
    db.learningSession.count({ where: { organisationId, networkId } }),
  ]);
  return { lessons, categories, sessions };
}
