import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { appOrigin } from "~/auth/guards.server";
import { TextAreaField } from "~/components/forms";
import { useHydrated } from "~/components/use-hydrated";
import { pageTitle } from "~/i18n/page-title";
import { LessonEditor } from "~/lessons/lesson-editor";
import { requireViewer } from "~/lessons/viewer.server";
import { POST_NODES } from "~/threads/mention-node";
import { MentionPlugin } from "~/threads/mention-plugin";
import { pageOfPost } from "~/threads/options";
import { composePostBody } from "~/threads/post-body.server";
import { editPost, findEditablePost } from "~/threads/posts.server";
import { EditPostSchema } from "~/threads/schemas";
import { mentionableMembers } from "~/threads/threads.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "threads.editTitle");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { organisation, viewer } = await requireViewer(request, context, params.slug);
  const found = await findEditablePost(viewer, params.threadId ?? "", params.postId ?? "");
  if (!found) throw new Response("Not Found", { status: 404 });
  return {
    slug: organisation.slug,
    thread: { id: found.thread.id, title: found.thread.title },
    post: { id: found.post.id, number: found.post.number, body: found.post.body, bodyText: found.post.bodyText },
    members: await mentionableMembers(viewer, found.thread.organisationId),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { organisation, viewer } = await requireViewer(request, context, params.slug);
  const submission = parseWithZod(await request.formData(), { schema: EditPostSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const body = composePostBody(submission.value);
  if (!body) return json(submission.reply({ fieldErrors: { body: ["lessons.invalidBody"] } }), { status: 400 });
  if (!body.rendered.text.trim()) return json(submission.reply({ fieldErrors: { body: ["validation.postRequired"] } }), { status: 400 });
  const threadId = params.threadId ?? "";
  const result = await editPost(viewer, threadId, params.postId ?? "", body, appOrigin(request));
  if (!result.ok) throw new Response("Not Found", { status: 404 });
  return redirect(`/o/${organisation.slug}/daily/${threadId}?page=${pageOfPost(result.value.number)}#post-${result.value.number}`);
}

export default function EditPost() {
  const { t } = useTranslation();
  const { slug, thread, post, members } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const hydrated = useHydrated();
  const [form, fields] = useForm<{ body: string; bodyText: string }>({ id: "edit-post", lastResult, defaultValue: { bodyText: post.bodyText }, shouldValidate: "onSubmit" });
  const submitted = (lastResult?.initialValue ?? {}) as Record<string, unknown>;
  const bodyError = fields.body.errors?.[0] ?? fields.bodyText.errors?.[0];
  return (
    <div className="page narrow-wide">
      <p className="muted">
        <Link to={`/o/${slug}/daily/${thread.id}?page=${pageOfPost(post.number)}#post-${post.number}`}>{thread.title}</Link>
      </p>
      <h1>{t("threads.editTitle")}</h1>
      <Form method="post" {...getFormProps(form)} className="stack">
        {bodyError ? (
          <p className="field__error" role="alert">
            {t(bodyError)}
          </p>
        ) : null}
        {hydrated ? (
          <LessonEditor
            id="post-body"
            name="body"
            label={t("threads.postText", { number: post.number })}
            hint={t("threads.replyHint")}
            initialJson={typeof submitted.body === "string" ? submitted.body : post.body}
            nodes={POST_NODES}
            plugins={<MentionPlugin members={members} label={t("threads.mentionMenu")} />}
          />
        ) : (
          <TextAreaField meta={fields.bodyText} label={t("threads.postText", { number: post.number })} />
        )}
        <div className="actions">
          <button type="submit" className="button">
            {t("threads.saveEdit")}
          </button>
          <Link to={`/o/${slug}/daily/${thread.id}?page=${pageOfPost(post.number)}#post-${post.number}`}>{t("threads.cancel")}</Link>
        </div>
      </Form>
    </div>
  );
}
