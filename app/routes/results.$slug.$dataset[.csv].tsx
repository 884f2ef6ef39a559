import type { LoaderFunctionArgs } from "@remix-run/node";
import { appOrigin } from "~/auth/guards.server";
import { datasetCsv, OPEN_DATA_HEADERS, openDataLinks } from "~/public-results/open-data";
import { findPublishingOrganisation, publicResults } from "~/public-results/public-results.server";
import { DatasetSchema } from "~/public-results/schemas";

/** One dataset of the public results as a CSV file (docs/api.md lists the columns). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const dataset = DatasetSchema.safeParse(params.dataset);
  const organisation = dataset.success ? await findPublishingOrganisation(params.slug ?? "") : null;
  if (!dataset.success || !organisation) throw new Response("Not Found", { status: 404 });
  const csv = datasetCsv(await publicResults(organisation), dataset.data, openDataLinks(appOrigin(request), organisation.slug));
  const filename = `${organisation.slug}-${dataset.data}.csv`;
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      ...OPEN_DATA_HEADERS,
    },
  });
}
