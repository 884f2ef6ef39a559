import type { z } from "zod";
import { db } from "~/db.server";
import { ensureStandardDimensions } from "~/goals/tags.server";
import type { NewOrganisationSchema, OrganisationProfileSchema } from "./schemas";

export type OrganisationProfile = z.infer<typeof OrganisationProfileSchema>;

const organisationFields = {
  id: true,
  slug: true,
  name: true,
  kind: true,
  county: true,
  description: true,
  website: true,
  contactEmail: true,
  sharingNeedsApproval: true,
} as const;

export type OrganisationAccess = Awaited<ReturnType<typeof findAccess>>;

/** The organisation with this slug and the user's membership in it, or null if they are not a member. */
export async function findAccess(userId: string, slug: string) {
  const membership = await db.membership.findFirst({
    where: { userId, organisation: { slug } },
    select: { id: true, role: true, organisation: { select: organisationFields } },
  });
  if (!membership) return null;
  return { organisation: membership.organisation, membership: { id: membership.id, role: membership.role } };
}

export function listMemberships(userId: string) {
  return db.membership.findMany({
    where: { userId },
    orderBy: { organisation: { name: "asc" } },
    select: { role: true, organisation: { select: { id: true, slug: true, name: true } } },
  });
}

export async function slugIsTaken(slug: string): Promise<boolean> {
  return (await db.organisation.count({ where: { slug } })) > 0;
}

/** A new organisation with its creator as its first administrator and the standard tag dimensions. */
export function createOrganisation(creatorId: string, input: z.infer<typeof NewOrganisationSchema>) {
  return db.$transaction(async (tx) => {
    const organisation = await tx.organisation.create({
      data: { ...input, memberships: { create: { userId: creatorId, role: "admin" } } },
      select: { id: true, slug: true },
    });
    await ensureStandardDimensions(organisation.id, tx);
    return organisation;
  });
}

export function updateProfile(organisationId: string, profile: OrganisationProfile) {
  return db.organisation.update({ where: { id: organisationId }, data: profile, select: organisationFields });
}
