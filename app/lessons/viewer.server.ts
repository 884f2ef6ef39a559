import type { AppLoadContext } from "@remix-run/node";
import { requireOrganisation } from "~/auth/guards.server";
import type { Viewer } from "./lessons.server";

/** The signed-in member and the organisation workspace they are looking from. */
export async function requireViewer(request: Request, context: AppLoadContext, slug: string | undefined) {
  const access = await requireOrganisation(request, context, slug);
  const viewer: Viewer = { userId: access.user.id, organisationId: access.organisation.id, role: access.membership.role, clientAddress: context.clientAddress };
  return { ...access, viewer };
}
