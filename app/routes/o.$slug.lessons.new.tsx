import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { db } from "~/db.server";
import { goalOptions } from "~/goals/goals.server";
import { pageTitle } from "~/i18n/page-title";
import { submitLesson } from "~/lessons/lesson-action.server";
import { LessonForm } from "~/lessons/lesson-form";
import { lessonFormOptions } from "~/lessons/lessons.server";
import { renderLessonBody } from "~/lessons/rich-text.server";
import { requireViewer } from "~/lessons/viewer.server";
import { promotionSource } from "~/threads/promote.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "lessons.newTitle");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { organisation, viewer } = await requireViewer(request, context, params.slug);
  const url = new URL(request.url);
  // "Promote to lesson" from a post or a thread starts from its text, goals and tags.
  const from = url.searchParams.get("post") || url.searchParams.get("thread")
    ? await promotionSource(viewer, { postId: url.searchParams.get("post"), threadId: url.searchParams.get("thread") })
    : null;
  const [goals, options] = await Promise.all([goalOptions(organisation.id), lessonFormOptions(organisation.id)]);
  // "Write a lesson" from a project page starts with that project as the source.
  const projectId = url.searchParams.get("project") ?? "";
  const project = projectId ? await db.project.findFirst({ where: { id: projectId, organisationId: organisation.id }, select: { id: true } }) : null;
  // Without JavaScript the form shows a plain textarea: it starts from the same text as the editor would.
  const fromText = from?.body ? (renderLessonBody(from.body)?.text ?? "") : "";
  return { options: { goals, ...options }, projectId: project?.id ?? "", from, fromText };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { organisation, viewer } = await requireViewer(request, context, params.slug);
  const settings = await db.organisation.findUniqueOrThrow({ where: { id: organisation.id }, select: { sharingNeedsApproval: true } });
  return submitLesson(request, viewer, organisation.slug, null, settings.sharingNeedsApproval);
}

export default function NewLesson() {
  const { t } = useTranslation();
  const { options, projectId, from, fromText } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="page narrow-wide">
      <h1>{t("lessons.newTitle")}</h1>
      {from ? <p className="lead">{t("lessons.promotedFrom", { title: from.sourceNote })}</p> : null}
      <LessonForm
        lastResult={lastResult}
        options={options}
        published={false}
        source={from ? { threadId: from.threadId, postId: from.postId ?? "" } : undefined}
        values={{
          title: from?.title ?? "",
          body: from?.body ?? "",
          bodyText: fromText,
          context: "",
          whatHappened: "",
          whatWeLearned: "",
          recommendation: "",
          sourceType: from ? "thread" : projectId ? "project" : "other",
          projectId: from?.projectId || projectId,
          sourceNote: from?.sourceNote ?? "",
          evidence: "observation",
          visibility: "organisation",
          networkId: options.networks[0]?.id ?? "",
          goalIds: from?.goalIds ?? [],
          tagIds: from?.tagIds ?? [],
        }}
      />
    </div>
  );
}
