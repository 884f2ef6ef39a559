import { TZDate } from "@date-fns/tz";
import type { AppLoadContext } from "@remix-run/node";
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/db.server";
import type { AuditAction } from "./actions";
import type { AuditFilters } from "./schemas";

// The audit log: security-relevant and data-changing events, for the
// organisation's admins to read and export. A row keeps the actor's name as it
// was, so the log still reads after the account is gone, unless the person is
// erased (their own deletion or a data-subject request, decision 0017): then
// the row says "former member". Callers pass only
// what an admin may see: never a password, token or session id.

/** Who acted, and from which address when the request is at hand. */
export type AuditBy = { actorId: string | null; ip?: string };

export type AuditEntry = {
  organisationId: string | null;
  action: AuditAction;
  target?: { type: string; id: string };
  detail?: string;
};

export const AUDIT_PAGE_SIZE = 50;
const DETAIL_LENGTH = 500;
const TIME_ZONE = "Europe/Stockholm";

/** The signed-in user of a request and the address it came from. */
export function auditBy(context: AppLoadContext): AuditBy {
  return { actorId: context.user?.id ?? null, ip: context.clientAddress };
}

/** The member acting through a workspace, with their address when the viewer came from a request. */
export function auditByViewer(viewer: { userId: string; clientAddress?: string }): AuditBy {
  return { actorId: viewer.userId, ip: viewer.clientAddress };
}

async function actorOf(actorId: string | null) {
  const actor = actorId ? await db.user.findUnique({ where: { id: actorId }, select: { id: true, name: true } }) : null;
  return { actorId: actor?.id ?? null, actorName: actor?.name ?? "" };
}

function rowOf(entry: AuditEntry, ip: string | undefined) {
  return {
    organisationId: entry.organisationId,
    action: entry.action,
    targetType: entry.target?.type ?? "",
    targetId: entry.target?.id ?? "",
    detail: (entry.detail ?? "").slice(0, DETAIL_LENGTH),
    ip: ip ?? "",
  };
}

export async function recordAudit(by: AuditBy, entry: AuditEntry): Promise<void> {
  await db.auditEvent.create({ data: { ...(await actorOf(by.actorId)), ...rowOf(entry, by.ip) } });
}

/**
 * An event of a person rather than of one organisation (signing in, a failed
 * attempt on their account): one row in each organisation they belong to, so
 * that each one's admins see it and none learns where else they are a member.
 * Without an account or a membership the row belongs to no organisation.
 */
export async function recordPersonAudit(userId: string | null, action: AuditAction, ip: string, detail = ""): Promise<void> {
  const actor = await actorOf(userId);
  const memberships = actor.actorId ? await db.membership.findMany({ where: { userId: actor.actorId }, select: { organisationId: true } }) : [];
  const organisationIds = memberships.length ? memberships.map((m) => m.organisationId) : [null];
  const target = actor.actorId ? { type: "user", id: actor.actorId } : undefined;
  await db.auditEvent.createMany({ data: organisationIds.map((organisationId) => ({ ...actor, ...rowOf({ organisationId, action, target, detail }, ip) })) });
}

/** A network's name for an event's detail; "–" for none. */
export async function networkName(networkId: string | null): Promise<string> {
  const network = networkId ? await db.network.findUnique({ where: { id: networkId }, select: { name: true } }) : null;
  return network?.name ?? "–";
}

/** The start of a day (YYYY-MM-DD) in Stockholm, or of the day after. */
function stockholmDay(day: string, plusDays = 0): Date {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(new TZDate(y, m - 1, d + plusDays, TIME_ZONE).getTime());
}

function whereOf(organisationId: string, filters: AuditFilters): Prisma.AuditEventWhereInput {
  const where: Prisma.AuditEventWhereInput = { organisationId };
  if (filters.action) where.action = filters.action;
  // A person's events: what they did, and what was done to their account.
  if (filters.actor) where.OR = [{ actorId: filters.actor }, { targetType: "user", targetId: filters.actor }];
  if (filters.from || filters.to) {
    where.createdAt = {
      ...(filters.from ? { gte: stockholmDay(filters.from) } : {}),
      ...(filters.to ? { lt: stockholmDay(filters.to, 1) } : {}),
    };
  }
  return where;
}

const LISTED = { id: true, createdAt: true, action: true, actorName: true, actorFormer: true, targetType: true, targetId: true, detail: true, ip: true } as const;

/** One page of the organisation's events, newest first, with the people to filter by. */
export async function listAuditEvents(organisationId: string, filters: AuditFilters) {
  const where = whereOf(organisationId, filters);
  const total = await db.auditEvent.count({ where });
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(filters.page ?? 1, pages);
  const [events, people] = await Promise.all([
    db.auditEvent.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: LISTED,
    }),
    auditPeople(organisationId),
  ]);
  return { events, total, page, pages, people };
}

/** Everyone who has acted in the organisation's log, once each, by name. */
async function auditPeople(organisationId: string) {
  const rows = await db.auditEvent.groupBy({
    by: ["actorId", "actorName"],
    where: { organisationId, actorId: { not: null } },
    orderBy: { actorName: "asc" },
  });
  const seen = new Map<string, string>();
  for (const row of rows) if (row.actorId && !seen.has(row.actorId)) seen.set(row.actorId, row.actorName);
  return [...seen].map(([id, name]) => ({ id, name }));
}

/** Every event the filters match, newest first, for the CSV. */
export function auditEventsForExport(organisationId: string, filters: AuditFilters) {
  return db.auditEvent.findMany({ where: whereOf(organisationId, filters), orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: LISTED });
}
