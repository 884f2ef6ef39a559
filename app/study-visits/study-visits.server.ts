import { db } from "~/db.server";
import { readableWhere, type Viewer } from "~/lessons/lessons.server";
import { isMember, joinedBy } from "~/networks/networks.server";
import { hasRole } from "~/organisations/roles";
import type { StudyVisitInput } from "./schemas";

// Study visits: an organisation plans a visit to a partner in one of its
// networks, records notes afterwards and turns them into lessons. The visiting
// organisation owns the visit; the host reads the plan while both are still
// members of the visit's network, and nobody else sees it at all.

export type VisitStatus = "planned" | "done";

type FieldErrors = Partial<Record<"hostOrganisationId" | "networkId" | "participantIds", string[]>>;
type Save = { ok: true; id: string } | { ok: false; error: "notFound" } | { ok: false; error: "invalid"; fieldErrors: FieldErrors };

/** The organisations a visit can be planned to: members of a network the organisation belongs to, itself excluded, with the networks shared. */
export async function hostChoices(organisationId: string) {
  const networks = await db.network.findMany({
    where: joinedBy(organisationId),
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      members: {
        where: { status: "member", organisationId: { not: organisationId } },
        select: { organisation: { select: { id: true, name: true } } },
      },
    },
  });
  const hosts = new Map<string, { id: string; name: string; networkIds: string[] }>();
  for (const network of networks) {
    for (const { organisation } of network.members) {
      const host = hosts.get(organisation.id) ?? { ...organisation, networkIds: [] };
      host.networkIds.push(network.id);
      hosts.set(organisation.id, host);
    }
  }
  return {
    hosts: [...hosts.values()].sort((a, b) => a.name.localeCompare(b.name, "sv")),
    networks: networks.filter((n) => n.members.length > 0).map((n) => ({ id: n.id, name: n.name })),
  };
}

/** Who can go: the organisation's members. */
export async function participantChoices(organisationId: string) {
  const memberships = await db.membership.findMany({
    where: { organisationId },
    orderBy: { user: { name: "asc" } },
    select: { user: { select: { id: true, name: true } } },
  });
  return memberships.map((m) => m.user);
}

/** The network a visit to this host belongs to, or what is wrong with the choice. */
async function resolveNetwork(organisationId: string, input: StudyVisitInput): Promise<{ networkId: string } | { fieldErrors: FieldErrors }> {
  const { hosts } = await hostChoices(organisationId);
  const host = hosts.find((h) => h.id === input.hostOrganisationId);
  if (!host) return { fieldErrors: { hostOrganisationId: ["studyVisits.validation.hostNotPartner"] } };
  // One network shared: that one, whatever a hidden network field still holds from another host.
  if (host.networkIds.length === 1) return { networkId: host.networkIds[0] };
  if (!input.networkId) return { fieldErrors: { networkId: ["studyVisits.validation.chooseNetwork"] } };
  return host.networkIds.includes(input.networkId) ? { networkId: input.networkId } : { fieldErrors: { networkId: ["studyVisits.validation.networkNotShared"] } };
}

async function checkPlan(organisationId: string, input: StudyVisitInput) {
  const participantIds = [...new Set(input.participantIds)];
  const [network, participants] = await Promise.all([
    resolveNetwork(organisationId, input),
    db.membership.count({ where: { organisationId, userId: { in: participantIds } } }),
  ]);
  // Both checks report at once, each next to its own field.
  const fieldErrors: FieldErrors = "fieldErrors" in network ? { ...network.fieldErrors } : {};
  if (participants !== participantIds.length) fieldErrors.participantIds = ["studyVisits.validation.participantsInvalid"];
  if ("fieldErrors" in network || fieldErrors.participantIds) return { ok: false as const, fieldErrors };
  return { ok: true as const, networkId: network.networkId, participantIds };
}

function fieldsOf(input: StudyVisitInput, networkId: string) {
  return { title: input.title, hostOrganisationId: input.hostOrganisationId, networkId, visitDate: input.visitDate, questions: input.questions };
}

/** Any member may plan a visit for their organisation. */
export async function planVisit(viewer: Viewer, input: StudyVisitInput): Promise<Save> {
  const plan = await checkPlan(viewer.organisationId, input);
  if (!plan.ok) return { ok: false, error: "invalid", fieldErrors: plan.fieldErrors };
  const visit = await db.studyVisit.create({
    data: {
      ...fieldsOf(input, plan.networkId),
      organisationId: viewer.organisationId,
      createdById: viewer.userId,
      participants: { create: plan.participantIds.map((userId) => ({ userId })) },
    },
  });
  return { ok: true, id: visit.id };
}

/** The author of the plan, or an admin of the visiting organisation, may change it. */
export function canEditPlan(viewer: Viewer, visit: { organisationId: string; createdById: string | null }): boolean {
  return visit.organisationId === viewer.organisationId && (visit.createdById === viewer.userId || hasRole(viewer.role, "admin"));
}

/** Notes are written by those who went, the one who planned the visit, or an admin. */
export function canRecordNotes(viewer: Viewer, visit: { organisationId: string; createdById: string | null; participantIds: string[] }): boolean {
  return canEditPlan(viewer, visit) || (visit.organisationId === viewer.organisationId && visit.participantIds.includes(viewer.userId));
}

export async function updatePlan(viewer: Viewer, visitId: string, input: StudyVisitInput): Promise<Save> {
  const visit = await db.studyVisit.findFirst({ where: { id: visitId, organisationId: viewer.organisationId }, select: { id: true, organisationId: true, createdById: true } });
  if (!visit || !canEditPlan(viewer, visit)) return { ok: false, error: "notFound" };
  const plan = await checkPlan(viewer.organisationId, input);
  if (!plan.ok) return { ok: false, error: "invalid", fieldErrors: plan.fieldErrors };
  await db.$transaction([
    db.studyVisit.update({ where: { id: visit.id }, data: fieldsOf(input, plan.networkId) }),
    db.studyVisitParticipant.deleteMany({ where: { studyVisitId: visit.id } }),
    db.studyVisitParticipant.createMany({ data: plan.participantIds.map((userId) => ({ studyVisitId: visit.id, userId })) }),
  ]);
  return { ok: true, id: visit.id };
}

/** What the edit form starts from; null unless the viewer may change the plan. */
export async function planValues(viewer: Viewer, visitId: string) {
  const visit = await db.studyVisit.findFirst({
    where: { id: visitId, organisationId: viewer.organisationId },
    select: { id: true, organisationId: true, createdById: true, title: true, hostOrganisationId: true, networkId: true, visitDate: true, questions: true, participants: { select: { userId: true } } },
  });
  if (!visit || !canEditPlan(viewer, visit)) return null;
  return {
    id: visit.id,
    title: visit.title,
    hostOrganisationId: visit.hostOrganisationId,
    networkId: visit.networkId,
    visitDate: visit.visitDate.toISOString().slice(0, 10),
    participantIds: visit.participants.map((p) => p.userId),
    questions: visit.questions,
  };
}

/** Saving notes marks the visit done; they can be corrected later. */
export async function recordNotes(viewer: Viewer, visitId: string, notes: string): Promise<boolean> {
  const visit = await db.studyVisit.findFirst({
    where: { id: visitId, organisationId: viewer.organisationId },
    select: { id: true, organisationId: true, createdById: true, participants: { select: { userId: true } } },
  });
  if (!visit || !canRecordNotes(viewer, { ...visit, participantIds: visit.participants.map((p) => p.userId) })) return false;
  await db.studyVisit.update({ where: { id: visit.id }, data: { notes, status: "done" } });
  return true;
}

const questionsOf = (questions: string) => questions.split("\n").filter(Boolean);

const LIST_SELECT = {
  id: true,
  title: true,
  visitDate: true,
  status: true,
  questions: true,
  networkId: true,
  organisation: { select: { name: true, networks: { where: { status: "member" }, select: { networkId: true } } } },
  host: { select: { name: true } },
  _count: { select: { participants: true } },
} as const;

/**
 * The organisation's own visits (planned ones by date, then done ones, latest
 * first) and the visits to it, with the lessons from a done visit the host may read.
 */
export async function listVisits(viewer: Viewer) {
  const organisationId = viewer.organisationId;
  const [own, hostedRows] = await Promise.all([
    db.studyVisit.findMany({ where: { organisationId }, orderBy: { visitDate: "asc" }, select: LIST_SELECT }),
    db.studyVisit.findMany({ where: { hostOrganisationId: organisationId, network: joinedBy(organisationId) }, orderBy: { visitDate: "desc" }, select: LIST_SELECT }),
  ]);
  // The host reads a visit only while the visitors are in its network too: leaving ends it at once.
  const hosted = hostedRows.filter((v) => v.organisation.networks.some((m) => m.networkId === v.networkId));
  const doneIds = hosted.filter((v) => v.status === "done").map((v) => v.id);
  const lessons = doneIds.length
    ? await db.lesson.findMany({
        where: { AND: [{ studyVisitId: { in: doneIds } }, readableWhere(viewer)] },
        orderBy: { publishedAt: "desc" },
        select: { id: true, title: true, studyVisitId: true },
      })
    : [];
  const summary = (v: (typeof own)[number]) => ({
    id: v.id,
    title: v.title,
    visitDate: v.visitDate,
    status: v.status as VisitStatus,
    hostName: v.host.name,
    visitorName: v.organisation.name,
    participantCount: v._count.participants,
  });
  return {
    planned: own.filter((v) => v.status !== "done").map(summary),
    done: own.filter((v) => v.status === "done").reverse().map(summary),
    hosted: hosted.map((v) => ({
      ...summary(v),
      questions: questionsOf(v.questions),
      lessons: lessons.filter((l) => l.studyVisitId === v.id).map((l) => ({ id: l.id, title: l.title })),
    })),
  };
}

/**
 * One visit as the viewer's organisation may see it: all of it for the
 * visiting organisation; the plan and the lessons shared with it for the host,
 * while both are members of the visit's network; null for anyone else.
 *
 * The host never sees the notes, not even once the visit is done: they are the
 * visitors' own working material (candid, unfinished, possibly about the host),
 * and the visitors decide what to share by publishing lessons from them, as
 * with everything else that crosses between organisations.
 */
export async function findVisit(viewer: Viewer, visitId: string) {
  const organisationId = viewer.organisationId;
  const visit = await db.studyVisit.findFirst({
    where: { id: visitId, OR: [{ organisationId }, { hostOrganisationId: organisationId, network: joinedBy(organisationId) }] },
    select: {
      id: true,
      title: true,
      visitDate: true,
      status: true,
      questions: true,
      notes: true,
      organisationId: true,
      networkId: true,
      createdById: true,
      createdAt: true,
      organisation: { select: { name: true } },
      host: { select: { name: true } },
      network: { select: { name: true } },
      createdBy: { select: { name: true } },
      participants: { orderBy: { user: { name: "asc" } }, select: { user: { select: { id: true, name: true } } } },
    },
  });
  if (!visit) return null;
  const role = visit.organisationId === organisationId ? ("visitor" as const) : ("host" as const);
  if (role === "host" && !(await isMember(visit.organisationId, visit.networkId))) return null;
  const lessons = await db.lesson.findMany({
    where: { AND: [{ studyVisitId: visit.id }, readableWhere(viewer)] },
    orderBy: [{ publishedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: { id: true, title: true, status: true, visibility: true, publishedAt: true, network: { select: { name: true } } },
  });
  const participants = visit.participants.map((p) => p.user);
  return {
    role,
    // Once the visiting organisation has left the visit's network, lessons from the visit stay its own.
    inNetwork: role === "host" || (await isMember(organisationId, visit.networkId)),
    canEditPlan: canEditPlan(viewer, visit),
    canRecordNotes: canRecordNotes(viewer, { ...visit, participantIds: participants.map((p) => p.id) }),
    visit: {
      id: visit.id,
      title: visit.title,
      visitDate: visit.visitDate,
      status: visit.status as VisitStatus,
      questions: questionsOf(visit.questions),
      notes: role === "visitor" ? visit.notes : "",
      visitorName: visit.organisation.name,
      hostName: visit.host.name,
      networkName: visit.network.name,
      plannedBy: visit.createdBy?.name ?? null,
      participants,
    },
    lessons: lessons.map((l) => ({ ...l, networkName: l.network?.name ?? null })),
  };
}

/** What the plan form offers: partner hosts, the networks shared with them, and the organisation's members. */
export async function visitFormOptions(organisationId: string) {
  const [{ hosts, networks }, members] = await Promise.all([hostChoices(organisationId), participantChoices(organisationId)]);
  return { hosts, networks, members };
}
