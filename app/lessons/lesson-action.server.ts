import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect } from "@remix-run/node";
import { promotionSource } from "~/threads/promote.server";
import { saveLesson, type Viewer } from "./lessons.server";
import { plainTextToLessonBody, renderLessonBody } from "./rich-text.server";
import { LessonSchema } from "./schemas";

/** Create or update a lesson from its form; the same rules for both. */
export async function submitLesson(request: Request, viewer: Viewer, slug: string, lessonId: string | null, sharingNeedsApproval: boolean) {
  const submission = parseWithZod(await request.formData(), { schema: LessonSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  // A thread link is only kept on a new lesson, and only to a thread (and post) the writer may read.
  const source = !lessonId && submission.value.threadId ? await promotionSource(viewer, { threadId: submission.value.threadId, postId: submission.value.postId }) : null;
  const input = { ...submission.value, threadId: source?.threadId, postId: source?.postId ?? undefined };
  const body = input.body ? renderLessonBody(input.body) : plainTextToLessonBody(input.bodyText);
  if (!body) return json(submission.reply({ fieldErrors: { body: ["lessons.invalidBody"] } }), { status: 400 });
  const result = await saveLesson(viewer, lessonId, input, body, sharingNeedsApproval);
  if (!result.ok && result.error === "notFound") throw new Response("Not Found", { status: 404 });
  if (!result.ok) return json(submission.reply({ formErrors: ["lessons.invalidLinks"] }), { status: 400 });
  const notice = result.status === "published" ? "published" : result.status === "pending-approval" ? "pending" : "saved";
  return redirect(`/o/${slug}/lessons/${result.id}?notice=${notice}`);
}
