import { recordAudit, type AuditBy } from "~/audit/audit.server";
import { rotateSessionsOf } from "~/auth/lucia.server";
import { db } from "~/db.server";
import { publishAccessEvent } from "~/live/access-events.server";
import type { Role } from "./roles";

export function listMembers(organisationId: string) {
  return db.membership.findMany({
    where: { organisationId },
    orderBy: { user: { name: "asc" } },
    select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
  });
}

type MemberChange = { ok: true; name: string } | { ok: false; error: "notFound" | "lastAdmin" };

async function membershipIn(organisationId: string, membershipId: string) {
  return db.membership.findFirst({
    where: { id: membershipId, organisationId },
    select: { id: true, role: true, userId: true, user: { select: { name: true } } },
  });
}

/** Would this change leave the organisation without an administrator? */
async function removesLastAdmin(organisationId: string, currentRole: string, newRole: Role | null) {
  if (currentRole !== "admin" || newRole === "admin") return false;
  return (await db.membership.count({ where: { organisationId, role: "admin" } })) <= 1;
}

export async function changeRole(organisationId: string, membershipId: string, role: Role, by: AuditBy): Promise<MemberChange> {
  const membership = await membershipIn(organisationId, membershipId);
  if (!membership) return { ok: false, error: "notFound" };
  if (await removesLastAdmin(organisationId, membership.role, role)) return { ok: false, error: "lastAdmin" };
  await db.membership.update({ where: { id: membership.id }, data: { role } });
  await rotateSessionsOf(membership.userId);
  await recordAudit(by, { organisationId, action: "role-change", target: { type: "user", id: membership.userId }, detail: `${membership.user.name}: ${membership.role} → ${role}` });
  return { ok: true, name: membership.user.name };
}

export async function removeMember(organisationId: string, membershipId: string, by: AuditBy): Promise<MemberChange> {
  const membership = await membershipIn(organisationId, membershipId);
  if (!membership) return { ok: false, error: "notFound" };
  if (await removesLastAdmin(organisationId, membership.role, null)) return { ok: false, error: "lastAdmin" };
  await db.membership.delete({ where: { id: membership.id } });
  await rotateSessionsOf(membership.userId);
  await recordAudit(by, { organisationId, action: "member-removed", target: { type: "user", id: membership.userId }, detail: `${membership.user.name} (${membership.role})` });
  publishAccessEvent({ type: "membership-ended", userId: membership.userId, organisationId });
  return { ok: true, name: membership.user.name };
}
