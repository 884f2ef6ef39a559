import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { appOrigin } from "~/auth/guards.server";
import { NOT_FOUND_HEADERS, OPEN_DATA_HEADERS, openDataLinks, resultsJson } from "~/public-results/open-data";
import { findPublishingOrganisation, publicResults } from "~/public-results/public-results.server";

/** GET /api/v1/results/<slug>: the public results as JSON, read-only (docs/api.md). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const organisation = await findPublishingOrganisation(params.slug ?? "");
  if (!organisation) return json({ error: "not found" }, { status: 404, headers: NOT_FOUND_HEADERS });
  const data = await publicResults(organisation);
  return json(resultsJson(data, openDataLinks(appOrigin(request), organisation.slug)), { headers: OPEN_DATA_HEADERS });
}
