import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireOrganisation } from "~/auth/guards.server";
import { dashboardCsv, isTable } from "~/followup/csv-tables.server";
import { followupDashboard } from "~/followup/followup.server";
import { parseFollowupFilters } from "~/followup/schemas";
import { translator } from "~/i18n/i18n";
import { requestLocale } from "~/i18n/locale.server";

/** One of the follow-up dashboard's tables as CSV, with the page's filters. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { organisation } = await requireOrganisation(request, context, params.slug);
  if (!isTable(params.table)) throw new Response("Not Found", { status: 404 });
  const data = await followupDashboard(organisation.id, parseFollowupFilters(request.url));
  const { filename, csv } = dashboardCsv(data, params.table, translator(await requestLocale(request, context)));
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${encodeURIComponent(filename)}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
    },
  });
}
