import { redirect, type AppLoadContext } from "@remix-run/node";
import { findAccess } from "~/organisations/organisations.server";
import { hasRole, type Role } from "~/organisations/roles";

export function requireUser(request: Request, context: AppLoadContext) {
  if (!context.user) {
    const url = new URL(request.url);
    throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return context.user;
}

export function requireAnonymous(context: AppLoadContext) {
  if (context.user) throw redirect("/");
}

/**
 * The signed-in user's access to the organisation in the URL. Someone who is
 * not a member gets 404, so that other organisations' pages do not even
 * reveal that they exist; a member without the needed role gets 403.
 */
export async function requireOrganisation(
  request: Request,
  context: AppLoadContext,
  slug: string | undefined,
  atLeast: Role = "member",
) {
  const user = requireUser(request, context);
  const access = slug ? await findAccess(user.id, slug) : null;
  if (!access) throw new Response("Not Found", { status: 404 });
  if (!hasRole(access.membership.role, atLeast)) throw new Response("Forbidden", { status: 403 });
  return { user, ...access };
}

/**
 * The address links in mails point to. APP_URL when set (it must be in
 * production): the request's own Host header can be forged by a client, which
 * would let it send a victim a reset link to another site.
 */
export function appOrigin(request: Request): string {
  return process.env.APP_URL ? new URL(process.env.APP_URL).origin : new URL(request.url).origin;
}

export function isSecureRequest(request: Request): boolean {
  return new URL(request.url).protocol === "https:";
}
