import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect } from "@remix-run/node";
import type { Viewer } from "~/lessons/lessons.server";
import { StudyVisitSchema } from "./schemas";
import { planVisit, updatePlan } from "./study-visits.server";

/** Plan (visitId null) or change a study visit from its form; the same rules for both. */
export async function submitVisit(request: Request, viewer: Viewer, slug: string, visitId: string | null) {
  const submission = parseWithZod(await request.formData(), { schema: StudyVisitSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const result = visitId === null ? await planVisit(viewer, submission.value) : await updatePlan(viewer, visitId, submission.value);
  if (!result.ok && result.error === "notFound") throw new Response("Not Found", { status: 404 });
  if (!result.ok) return json(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
  return redirect(`/o/${slug}/visits/${result.id}?notice=${visitId === null ? "created" : "saved"}`);
}
