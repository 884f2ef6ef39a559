import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { db } from "~/db.server";
import { goalOptions } from "~/goals/goals.server";
import { pageTitle } from "~/i18n/page-title";
import { submitLesson } from "~/lessons/lesson-action.server";
import { LessonForm } from "~/lessons/lesson-form";
import { canEdit, findReadableLesson, lessonFormOptions } from "~/lessons/lessons.server";
import { renderLessonBody } from "~/lessons/rich-text.server";
import { requireViewer } from "~/lessons/viewer.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "lessons.editTitle");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { organisation, viewer } = await requireViewer(request, context, params.slug);
  const lesson = await findReadableLesson(viewer, params.lessonId ?? "");
  if (!lesson || !canEdit(viewer, lesson)) throw new Response("Not Found", { status: 404 });
  const [goals, options] = await Promise.all([goalOptions(organisation.id), lessonFormOptions(organisation.id)]);
  return {
    options: { goals, ...options },
    published: lesson.status === "published",
    values: {
      title: lesson.title,
      body: lesson.body,
      bodyText: lesson.body ? (renderLessonBody(lesson.body)?.text ?? "") : "",
      context: lesson.context,
      whatHappened: lesson.whatHappened,
      whatWeLearned: lesson.whatWeLearned,
      recommendation: lesson.recommendation,
      sourceType: lesson.sourceType,
      projectId: lesson.projectId ?? "",
      sourceNote: lesson.sourceNote,
      evidence: lesson.evidence,
      visibility: lesson.visibility,
      networkId: lesson.networkId ?? options.networks[0]?.id ?? "",
      goalIds: lesson.goals.map((g) => g.goal.id),
      tagIds: lesson.tags.map((t) => t.tag.id),
    },
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { organisation, viewer } = await requireViewer(request, context, params.slug);
  const settings = await db.organisation.findUniqueOrThrow({ where: { id: organisation.id }, select: { sharingNeedsApproval: true } });
  return submitLesson(request, viewer, organisation.slug, params.lessonId ?? "", settings.sharingNeedsApproval);
}

export default function EditLesson() {
  const { t } = useTranslation();
  const { options, values, published } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="page narrow-wide">
      <h1>{t("lessons.editTitle")}</h1>
      <LessonForm lastResult={lastResult} options={options} values={values} published={published} />
    </div>
  );
}
