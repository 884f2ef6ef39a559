import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { recordPersonAudit } from "~/audit/audit.server";
import { isSecureRequest } from "~/auth/guards.server";
import { blankSessionCookie, endSession } from "~/auth/lucia.server";

export async function action({ request, context }: ActionFunctionArgs) {
  if (context.session) await endSession(context.session.id);
  if (context.user) await recordPersonAudit(context.user.id, "sign-out", context.clientAddress);
  return redirect("/", { headers: { "Set-Cookie": blankSessionCookie(isSecureRequest(request)) } });
}

export function loader() {
  return redirect("/");
}
