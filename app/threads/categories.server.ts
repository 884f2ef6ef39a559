import { networkName, recordAudit, type AuditBy } from "~/audit/audit.server";
import { db } from "~/db.server";
import { publishAccessEvent } from "~/live/access-events.server";
import { isMember } from "~/networks/networks.server";
import { indexThread } from "~/search/search-index.server";

export type CategoryInput = { name: string; description: string; template: string; networkId: string | null };

export function listOwnCategories(organisationId: string) {
  return db.category.findMany({
    where: { organisationId },
    orderBy: [{ position: "asc" }, { name: "asc" }],
    select: { id: true, name: true, description: true, template: true, networkId: true, _count: { select: { threads: true } } },
  });
}

/** A category is shared only with a network its organisation belongs to. */
const networkAllowed = (organisationId: string, input: CategoryInput) => (input.networkId ? isMember(organisationId, input.networkId) : Promise.resolve(true));

export async function createCategory(organisationId: string, input: CategoryInput, by: AuditBy): Promise<boolean> {
  if (!(await networkAllowed(organisationId, input))) return false;
  const last = await db.category.aggregate({ where: { organisationId }, _max: { position: true } });
  const category = await db.category.create({ data: { ...input, organisationId, position: (last._max.position ?? -1) + 1 } });
  if (input.networkId) await recordAudit(by, { organisationId, action: "category-sharing", target: { type: "category", id: category.id }, detail: `${input.name}: → ${await networkName(input.networkId)}` });
  return true;
}

export type UpdateResult = "saved" | "notFound" | "invalidNetwork";

export async function updateCategory(organisationId: string, categoryId: string, input: CategoryInput, by: AuditBy): Promise<UpdateResult> {
  const existing = await db.category.findFirst({ where: { id: categoryId, organisationId } });
  if (!existing) return "notFound";
  if (!(await networkAllowed(organisationId, input))) return "invalidNetwork";
  await db.category.update({ where: { id: categoryId }, data: input });
  // Sharing changed: partner organisations now find (or no longer find) its threads.
  if (existing.networkId !== input.networkId) {
    await recordAudit(by, { organisationId, action: "category-sharing", target: { type: "category", id: categoryId }, detail: `${input.name}: ${await networkName(existing.networkId)} → ${await networkName(input.networkId)}` });
    const threads = await db.thread.findMany({ where: { categoryId }, select: { id: true } });
    for (const { id } of threads) await indexThread(id);
    // Readers from the former network's organisations must stop receiving at once (they rejoin if the new network has them).
    if (existing.networkId) publishAccessEvent({ type: "threads-unshared", threadIds: threads.map((t) => t.id), organisationId });
  }
  return "saved";
}

export type DeleteResult = { ok: true } | { ok: false; error: "notFound" | "notEmpty" };

/** Only an empty category can go: threads are moved elsewhere first, never lost with it. */
export async function deleteCategory(organisationId: string, categoryId: string, by: AuditBy): Promise<DeleteResult> {
  const category = await db.category.findFirst({ where: { id: categoryId, organisationId }, select: { name: true, _count: { select: { threads: true } } } });
  if (!category) return { ok: false, error: "notFound" };
  if (category._count.threads > 0) return { ok: false, error: "notEmpty" };
  await db.category.delete({ where: { id: categoryId } });
  await recordAudit(by, { organisationId, action: "deleted", target: { type: "category", id: categoryId }, detail: category.name });
  return { ok: true };
}
