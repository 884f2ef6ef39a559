import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect } from "@remix-run/node";
import { saveEvaluation } from "./evaluations.server";
import { EvaluationSchema } from "./schemas";

/** Plan (evaluationId null) or change an evaluation from its form; the same rules for both. */
export async function submitEvaluation(request: Request, organisation: { id: string; slug: string }, evaluationId: string | null) {
  const submission = parseWithZod(await request.formData(), { schema: EvaluationSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const result = await saveEvaluation(organisation.id, evaluationId, submission.value);
  if (!result.ok && result.error === "notFound") throw new Response("Not Found", { status: 404 });
  if (!result.ok) {
    const fieldErrors: Record<string, string[]> = result.error === "invalidGoals" ? { goalIds: ["evaluations.validation.invalidGoals"] } : { projectIds: ["evaluations.validation.invalidProjects"] };
    return json(submission.reply({ fieldErrors }), { status: 400 });
  }
  return redirect(`/o/${organisation.slug}/evaluations/${result.id}?notice=${evaluationId === null ? "created" : "saved"}`);
}
