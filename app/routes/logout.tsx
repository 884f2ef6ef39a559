import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { recordPersonAudit } from "~/audit/audit.server";
import { isSecureRequest } from "~/auth/guards.server";
import { blankSessionCookie, endAllSessions, endSession } from "~/auth/lucia.server";

/** Sign out this browser, or with scope=everywhere every browser of the account (e.g. a lost phone). */
export async function action({ request, context }: ActionFunctionArgs) {
  const everywhere = (await request.formData()).get("scope") === "everywhere";
  if (context.user && everywhere) await endAllSessions(context.user.id);
  else if (context.session) await endSession(context.session.id);
  if (context.user) await recordPersonAudit(context.user.id, everywhere ? "sign-out-everywhere" : "sign-out", context.clientAddress);
  return redirect("/", { headers: { "Set-Cookie": blankSessionCookie(isSecureRequest(request)) } });
}

export function loader() {
  return redirect("/");
}
