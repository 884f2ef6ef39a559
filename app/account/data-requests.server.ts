import { recordAudit, type AuditBy } from "~/audit/audit.server";
import { db } from "~/db.server";
import { personalDataOf } from "./personal-data.server";

// An organisation's answers to data-subject requests about its own members.

/** The members an admin may answer a request about: everyone but themselves (their own data is under My account). */
export function membersForRequests(organisationId: string, adminId: string) {
  return db.membership.findMany({
    where: { organisationId, userId: { not: adminId } },
    orderBy: { user: { name: "asc" } },
    select: { user: { select: { id: true, name: true, email: true } } },
  });
}

/** What the organisation holds about one of its members; null for anyone who is not one. The disclosure is logged. */
export async function memberDataForRequest(organisationId: string, userId: string, by: AuditBy) {
  const membership = userId ? await db.membership.findUnique({ where: { userId_organisationId: { userId, organisationId } }, select: { id: true } }) : null;
  if (!membership) return null;
  const data = await personalDataOf(userId, organisationId);
  await recordAudit(by, { organisationId, action: "personal-data-exported", target: { type: "user", id: userId } });
  return data;
}
