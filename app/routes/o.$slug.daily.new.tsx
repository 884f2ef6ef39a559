import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { appOrigin } from "~/auth/guards.server";
import { FormErrors, SelectField, TextAreaField, TextField } from "~/components/forms";
import { useHydrated } from "~/components/use-hydrated";
import { db } from "~/db.server";
import { goalOptions } from "~/goals/goals.server";
import { pageTitle } from "~/i18n/page-title";
import { LessonEditor } from "~/lessons/lesson-editor";
import { lessonFormOptions } from "~/lessons/lessons.server";
import { requireViewer } from "~/lessons/viewer.server";
import { POST_NODES } from "~/threads/mention-node";
import { MentionPlugin } from "~/threads/mention-plugin";
import { templateSections } from "~/threads/options";
import { composePostBody } from "~/threads/post-body.server";
import { startThread } from "~/threads/posts.server";
import { NewThreadSchema } from "~/threads/schemas";
import { categoryReadableWhere, listCategories, mentionableMembers } from "~/threads/threads.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "threads.newTitle");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { organisation, viewer } = await requireViewer(request, context, params.slug);
  const url = new URL(request.url);
  const [categories, goals, options, members] = await Promise.all([
    listCategories(viewer),
    goalOptions(organisation.id),
    lessonFormOptions(organisation.id),
    mentionableMembers(viewer, null),
  ]);
  const wanted = url.searchParams.get("category");
  const projectId = url.searchParams.get("project") ?? "";
  return {
    categories: categories.map((c) => ({ id: c.id, name: c.own ? c.name : `${c.name} (${c.organisationName})`, own: c.own, sections: templateSections(c.template) })),
    categoryId: categories.find((c) => c.id === wanted)?.id ?? categories[0]?.id ?? "",
    projectId: options.projects.some((p) => p.id === projectId) ? projectId : "",
    goals,
    ...options,
    members,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { organisation, viewer } = await requireViewer(request, context, params.slug);
  const submission = parseWithZod(await request.formData(), { schema: NewThreadSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const input = submission.value;
  const category = await db.category.findFirst({ where: { AND: [{ id: input.categoryId }, categoryReadableWhere(viewer)] }, select: { template: true } });
  if (!category) return json(submission.reply({ fieldErrors: { categoryId: ["validation.choose"] } }), { status: 400 });
  const headings = templateSections(category.template);
  const sections = headings.map((heading, i) => ({ heading, text: input.sections[i] ?? "" }));
  const body = composePostBody(input, sections);
  if (!body) return json(submission.reply({ fieldErrors: { body: ["lessons.invalidBody"] } }), { status: 400 });
  if (!body.rendered.text.trim()) return json(submission.reply({ fieldErrors: { body: ["validation.postRequired"] } }), { status: 400 });
  const result = await startThread(viewer, input, body, appOrigin(request));
  if (!result.ok) return json(submission.reply({ formErrors: ["lessons.invalidLinks"] }), { status: 400 });
  return redirect(`/o/${organisation.slug}/daily/${result.value.threadId}`);
}

export default function NewThread() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const hydrated = useHydrated();
  const [form, fields] = useForm({
    id: "new-thread",
    lastResult,
    defaultValue: { categoryId: data.categoryId, projectId: data.projectId },
    constraint: getZodConstraint(NewThreadSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewThreadSchema }),
  });
  const [categoryId, setCategoryId] = useState(data.categoryId);
  const category = data.categories.find((c) => c.id === categoryId);
  const submitted = (lastResult?.initialValue ?? {}) as Record<string, unknown>;
  const sectionValues = ([] as string[]).concat((submitted.sections as string[] | string | undefined) ?? []);
  const chosen = (name: string) => new Set(([] as string[]).concat((submitted[name] as string[] | string | undefined) ?? []));
  const goalIds = chosen("goalIds");
  const tagIds = chosen("tagIds");
  const bodyError = fields.body.errors?.[0] ?? fields.bodyText.errors?.[0];

  if (!data.categories.length) {
    return (
      <div className="page narrow">
        <h1>{t("threads.newTitle")}</h1>
        <p>{t("threads.noCategories")}</p>
      </div>
    );
  }

  return (
    <div className="page narrow-wide">
      <h1>{t("threads.newTitle")}</h1>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <div onChange={(event) => setCategoryId((event.target as HTMLSelectElement).value)}>
          <SelectField meta={fields.categoryId} label={t("threads.category")} options={data.categories.map((c) => ({ value: c.id, label: c.name }))} />
        </div>
        <TextField meta={fields.title} label={t("threads.threadTitle")} />
        {bodyError ? (
          <p className="field__error" role="alert">
            {t(bodyError)}
          </p>
        ) : null}
        {hydrated ? (
          <LessonEditor
            id="thread-body"
            name="body"
            label={t("threads.firstPost")}
            hint={category?.sections.length ? t("threads.firstPostTemplateHint") : t("threads.replyHint")}
            initialJson={typeof submitted.body === "string" ? submitted.body : ""}
            nodes={POST_NODES}
            plugins={<MentionPlugin members={data.members} label={t("threads.mentionMenu")} />}
          />
        ) : (
          <TextAreaField meta={fields.bodyText} label={t("threads.firstPost")} />
        )}
        {category?.sections.length ? (
          <fieldset className="fieldset">
            <legend>{t("threads.templateSections")}</legend>
            {category.sections.map((heading, i) => (
              <div key={`${category.id}-${heading}`} className="field">
                <label htmlFor={`section-${i}`}>{heading}</label>
                <textarea id={`section-${i}`} name="sections" rows={4} defaultValue={sectionValues[i] ?? ""} />
              </div>
            ))}
          </fieldset>
        ) : null}

        {category?.own ? (
          <>
            <SelectField
              meta={fields.projectId}
              label={t("threads.project")}
              options={[{ value: "", label: t("lessons.noProject") }, ...data.projects.map((p) => ({ value: p.id, label: `${p.caseNumber} ${p.name}` }))]}
            />
            <fieldset className="fieldset checkbox-list">
              <legend>{t("threads.goals")}</legend>
              {data.goals.map((goal) => (
                <div key={goal.id} className="checkbox-item" data-depth={Math.min(goal.depth, 3)}>
                  <input type="checkbox" id={`goal-${goal.id}`} name="goalIds" value={goal.id} defaultChecked={goalIds.has(goal.id)} />
                  <label htmlFor={`goal-${goal.id}`}>{goal.label}</label>
                </div>
              ))}
            </fieldset>
            {data.dimensions.map((dimension) => (
              <fieldset key={dimension.id} className="fieldset checkbox-list checkbox-list--inline">
                <legend>
                  {t("threads.tags")}: {dimension.name}
                </legend>
                {dimension.tags.map((tag) => (
                  <div key={tag.id} className="checkbox-item">
                    <input type="checkbox" id={`tag-${tag.id}`} name="tagIds" value={tag.id} defaultChecked={tagIds.has(tag.id)} />
                    <label htmlFor={`tag-${tag.id}`}>{tag.name}</label>
                  </div>
                ))}
              </fieldset>
            ))}
          </>
        ) : (
          <p className="muted">{t("threads.partnerCategoryNote")}</p>
        )}
        <div className="actions">
          <button type="submit" className="button">
            {t("threads.start")}
          </button>
        </div>
      </Form>
    </div>
  );
}
