import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { appOrigin } from "~/auth/guards.server";
import { lessonJson, NOT_FOUND_HEADERS, OPEN_DATA_HEADERS, openDataLinks } from "~/public-results/open-data";
import { findPublicLesson, findPublishingOrganisation } from "~/public-results/public-results.server";

/** GET /api/v1/results/<slug>/lessons/<id>: one public lesson as JSON (docs/api.md). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const organisation = await findPublishingOrganisation(params.slug ?? "");
  const lesson = organisation ? await findPublicLesson(organisation.id, params.lessonId ?? "") : null;
  if (!organisation || !lesson) return json({ error: "not found" }, { status: 404, headers: NOT_FOUND_HEADERS });
  return json(lessonJson({ organisation, lesson }, openDataLinks(appOrigin(request), organisation.slug)), { headers: OPEN_DATA_HEADERS });
}
