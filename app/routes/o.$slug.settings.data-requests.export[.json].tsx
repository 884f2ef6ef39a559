import type { LoaderFunctionArgs } from "@remix-run/node";
import { memberDataForRequest } from "~/account/data-requests.server";
import { auditBy } from "~/audit/audit.server";
import { requireOrganisation } from "~/auth/guards.server";

/** What the organisation holds about one of its members, as JSON, for the admin's answer to a data-subject request. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { organisation } = await requireOrganisation(request, context, params.slug, "admin");
  const userId = new URL(request.url).searchParams.get("userId") ?? "";
  const data = await memberDataForRequest(organisation.id, userId, auditBy(context));
  if (!data) throw new Response("Not Found", { status: 404 });
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="personuppgifter-${organisation.slug}-${data.exportedAt.slice(0, 10)}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
