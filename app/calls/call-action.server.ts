import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect } from "@remix-run/node";
import type { Viewer } from "~/lessons/lessons.server";
import { saveCall } from "./calls.server";
import { CallSchema } from "./schemas";

/** Create or update a call from its form; the same rules for both. */
export async function submitCall(request: Request, viewer: Viewer, slug: string, callId: string | null) {
  const submission = parseWithZod(await request.formData(), { schema: CallSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const result = await saveCall(viewer, callId, submission.value);
  if (!result.ok && result.error === "notFound") throw new Response("Not Found", { status: 404 });
  if (!result.ok) return json(submission.reply({ formErrors: ["calls.invalidLinks"] }), { status: 400 });
  return redirect(`/o/${slug}/calls/${result.id}?notice=saved`);
}

