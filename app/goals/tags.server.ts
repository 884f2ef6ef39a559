import { recordAudit, type AuditBy } from "~/audit/audit.server";
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/db.server";
import { STANDARD_DIMENSIONS } from "./standard-dimensions";

type Tx = Prisma.TransactionClient;

/** Give an organisation the standard dimensions it does not have yet. */
export async function ensureStandardDimensions(organisationId: string, tx: Tx = db): Promise<void> {
  const existing = new Set(
    (await tx.tagDimension.findMany({ where: { organisationId }, select: { key: true } })).map((d) => d.key),
  );
  for (const [position, dimension] of STANDARD_DIMENSIONS.entries()) {
    if (existing.has(dimension.key)) continue;
    await tx.tagDimension.create({
      data: {
        organisationId,
        key: dimension.key,
        name: dimension.name,
        description: dimension.description,
        position,
        tags: { create: dimension.tags.map((tag, i) => ({ ...tag, organisationId, position: i })) },
      },
    });
  }
}

export function listDimensions(organisationId: string) {
  return db.tagDimension.findMany({
    where: { organisationId },
    orderBy: [{ position: "asc" }, { name: "asc" }],
    select: {
      id: true,
      key: true,
      name: true,
      description: true,
      tags: { orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true, name: true, code: true } },
    },
  });
}

export async function createDimension(organisationId: string, name: string, description: string) {
  const key = `custom-${Date.now().toString(36)}`;
  const position = await db.tagDimension.count({ where: { organisationId } });
  return db.tagDimension.create({ data: { organisationId, key, name, description, position } });
}

export type TagResult = { ok: true; name: string } | { ok: false; error: "notFound" | "duplicate" };

export async function createTag(organisationId: string, dimensionId: string, name: string): Promise<TagResult> {
  const dimension = await db.tagDimension.findFirst({ where: { id: dimensionId, organisationId }, select: { id: true } });
  if (!dimension) return { ok: false, error: "notFound" };
  if (await db.tag.count({ where: { dimensionId, name } })) return { ok: false, error: "duplicate" };
  const position = await db.tag.count({ where: { dimensionId } });
  await db.tag.create({ data: { organisationId, dimensionId, name, position } });
  return { ok: true, name };
}

export async function deleteTag(organisationId: string, tagId: string, by: AuditBy): Promise<TagResult> {
  const tag = await db.tag.findFirst({ where: { id: tagId, organisationId }, select: { id: true, name: true } });
  if (!tag) return { ok: false, error: "notFound" };
  await db.tag.delete({ where: { id: tag.id } });
  await recordAudit(by, { organisationId, action: "deleted", target: { type: "tag", id: tag.id }, detail: tag.name });
  return { ok: true, name: tag.name };
}
