import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { lessonJourney } from "~/calls/lesson-journey.server";
import { LessonJourney } from "~/calls/lesson-journey";
import { StatusMessage, TextAreaField } from "~/components/forms";
import { formatDate } from "~/i18n/i18n";
import { EvidenceBadge, StatusBadge } from "~/lessons/badges";
import { addComment, approveLesson, canEdit, findReadableLesson, toggleUseful } from "~/lessons/lessons.server";
import { CommentSchema } from "~/lessons/schemas";
import { requireViewer } from "~/lessons/viewer.server";
import { hasRole } from "~/organisations/roles";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.lesson.title ?? ""} · Lärloop` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { organisation, viewer } = await requireViewer(request, context, params.slug);
  const lesson = await findReadableLesson(viewer, params.lessonId ?? "");
  if (!lesson) throw new Response("Not Found", { status: 404 });
  const own = lesson.organisationId === organisation.id;
  const journey = await lessonJourney(viewer, lesson);
  return {
    journey,
    slug: organisation.slug,
    own,
    canEdit: canEdit(viewer, lesson),
    canApprove: own && lesson.status === "pending-approval" && hasRole(viewer.role, "admin"),
    markedUseful: lesson.usefulMarks.some((m) => m.userId === viewer.userId),
    lesson: {
      id: lesson.id,
      title: lesson.title,
      bodyHtml: lesson.bodyHtml,
      context: lesson.context,
      whatHappened: lesson.whatHappened,
      whatWeLearned: lesson.whatWeLearned,
      recommendation: lesson.recommendation,
      sourceType: lesson.sourceType,
      sourceNote: lesson.sourceNote,
      evidence: lesson.evidence,
      visibility: lesson.visibility,
      networkName: lesson.network?.name ?? null,
      status: lesson.status,
      publishedAt: lesson.publishedAt,
      organisationName: lesson.organisation.name,
      author: lesson.author?.name ?? null,
      // Another organisation's project and goals are named, not linked: they live in its workspace.
      project: lesson.project,
      thread: own && lesson.thread ? { ...lesson.thread, postNumber: lesson.post?.number ?? null } : null,
      evaluation: own ? lesson.evaluation : null,
      studyVisitId: own ? lesson.studyVisitId : null,
      goals: lesson.goals.map((g) => g.goal),
      tags: lesson.tags.map((t) => ({ id: t.tag.id, name: t.tag.name, dimension: t.tag.dimension.name })),
      comments: lesson.comments.map((c) => ({ id: c.id, body: c.body, createdAt: c.createdAt, author: c.author?.name ?? null })),
      usefulCount: lesson.usefulMarks.length,
    },
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { viewer } = await requireViewer(request, context, params.slug);
  const lessonId = params.lessonId ?? "";
  const formData = await request.formData();
  switch (formData.get("intent")) {
    case "useful": {
      const marked = await toggleUseful(viewer, lessonId);
      if (marked === null) throw new Response("Not Found", { status: 404 });
      return json({ result: null, notice: null });
    }
    case "comment": {
      const submission = parseWithZod(formData, { schema: CommentSchema });
      if (submission.status !== "success") return json({ result: submission.reply(), notice: null }, { status: 400 });
      if (!(await addComment(viewer, lessonId, submission.value.body))) throw new Response("Not Found", { status: 404 });
      return json({ result: submission.reply({ resetForm: true }), notice: "lessons.commentAdded" });
    }
    case "approve": {
      if (!(await approveLesson(viewer, lessonId))) throw new Response("Forbidden", { status: 403 });
      return json({ result: null, notice: "lessons.approved" });
    }
    default:
      throw new Response("Bad Request", { status: 400 });
  }
}

const NOTICES: Record<string, string> = { saved: "lessons.saved", published: "lessons.published", pending: "lessons.pendingSaved" };

export default function LessonPage() {
  const { t } = useTranslation();
  const { slug, own, canEdit, canApprove, markedUseful, lesson, journey } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const notice = data?.notice ?? NOTICES[searchParams.get("notice") ?? ""];
  const [form, fields] = useForm({
    id: "comment",
    lastResult: data?.result,
    constraint: getZodConstraint(CommentSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CommentSchema }),
  });
  const structured = [
    ["context", lesson.context],
    ["whatHappened", lesson.whatHappened],
    ["whatWeLearned", lesson.whatWeLearned],
    ["recommendation", lesson.recommendation],
  ].filter(([, text]) => text);

  return (
    <article className="page narrow-wide lesson" aria-labelledby="lesson-title">
      <p className="muted">
        <Link to={`/o/${slug}/lessons`}>{t("lessons.title")}</Link>
        {!own ? ` · ${t("lessons.from", { organisation: lesson.organisationName })}` : null}
      </p>
      <h1 id="lesson-title">{lesson.title}</h1>
      <p className="badges">
        <StatusBadge status={lesson.status} /> <EvidenceBadge evidence={lesson.evidence} />{" "}
        <span className="badge">
          {lesson.visibility === "network" && lesson.networkName ? t("lessons.sharedWith", { network: lesson.networkName }) : t(`lessons.visibilities.${lesson.visibility}`)}
        </span>
      </p>
      {notice ? <StatusMessage>{t(notice)}</StatusMessage> : null}
      <p className="muted">
        {t("lessons.by", { name: lesson.author ?? t("threads.formerMember") })}
        {lesson.publishedAt ? ` · ${formatDate(lesson.publishedAt)}` : null}
      </p>

      {/* Rendered and sanitised on the server when saved (app/lessons/rich-text.server.ts). */}
      {lesson.bodyHtml ? <div className="rich-text" dangerouslySetInnerHTML={{ __html: lesson.bodyHtml }} /> : null}

      {structured.length ? (
        <dl className="lesson-fields">
          {structured.map(([key, text]) => (
            <div key={key}>
              <dt>{t(`lessons.${key}`)}</dt>
              <dd>{text}</dd>
            </div>
          ))}
        </dl>
      ) : null}

      <dl className="facts">
        <div>
          <dt>{t("lessons.source")}</dt>
          <dd>
            {t(`lessons.sourceTypes.${lesson.sourceType}`)}
            {lesson.project ? (
              <>
                {": "}
                {own ? <Link to={`/o/${slug}/projects/${lesson.project.id}`}>{`${lesson.project.caseNumber} ${lesson.project.name}`}</Link> : `${lesson.project.caseNumber} ${lesson.project.name}`}
              </>
            ) : null}
            {lesson.thread ? (
              <>
                {": "}
                <Link to={`/o/${slug}/daily/${lesson.thread.id}${lesson.thread.postNumber ? `?post=${lesson.thread.postNumber}#post-${lesson.thread.postNumber}` : ""}`}>
                  {lesson.thread.title}
                  {lesson.thread.postNumber ? ` #${lesson.thread.postNumber}` : ""}
                </Link>
              </>
            ) : lesson.evaluation ? (
              <>
                {": "}
                <Link to={`/o/${slug}/evaluations/${lesson.evaluation.id}`}>{lesson.evaluation.title}</Link>
              </>
            ) : lesson.studyVisitId ? (
              <>
                {": "}
                <Link to={`/o/${slug}/visits/${lesson.studyVisitId}`}>{lesson.sourceNote || t("lessons.sourceTypes.study-visit")}</Link>
              </>
            ) : lesson.sourceNote ? (
              ` – ${lesson.sourceNote}`
            ) : null}
          </dd>
        </div>
        {lesson.goals.length ? (
          <div>
            <dt>{t("lessons.goals")}</dt>
            <dd>
              <ul className="inline-list">
                {lesson.goals.map((goal) => (
                  <li key={goal.id}>{own ? <Link to={`/o/${slug}/goals/${goal.id}`}>{`${goal.code} ${goal.name}`.trim()}</Link> : `${goal.code} ${goal.name}`.trim()}</li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
        {lesson.tags.length ? (
          <div>
            <dt>{t("lessons.tags")}</dt>
            <dd>
              <ul className="inline-list">
                {lesson.tags.map((tag) => (
                  <li key={tag.id} className="tag" title={tag.dimension}>
                    {tag.name}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
      </dl>

      {lesson.status === "published" ? <LessonJourney slug={slug} publishedAt={lesson.publishedAt} calls={journey} /> : null}

      <div className="actions">
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="useful" />
          <button type="submit" className="button button--secondary" aria-pressed={markedUseful}>
            {markedUseful ? t("lessons.unmarkUseful") : t("lessons.markUseful")}
          </button>
        </Form>
        <span className="muted" aria-live="polite">
          {t("lessons.usefulCount", { count: lesson.usefulCount })}
        </span>
        {canEdit ? (
          <Link to="edit" className="button button--secondary">
            {t("lessons.edit")}
          </Link>
        ) : null}
        <Link to="history">{t("lessons.history")}</Link>
        {canApprove ? (
          <Form method="post" className="inline-form">
            <input type="hidden" name="intent" value="approve" />
            <button type="submit" className="button">
              {t("lessons.approve")}
            </button>
          </Form>
        ) : null}
      </div>

      <section aria-labelledby="comments-heading" className="comments">
        <h2 id="comments-heading">{t("lessons.comments")}</h2>
        {lesson.comments.length ? (
          <ol className="comment-list">
            {lesson.comments.map((c) => (
              <li key={c.id}>
                <p className="muted">
                  {c.author ?? t("threads.formerMember")} · {formatDate(c.createdAt)}
                </p>
                <p>{c.body}</p>
              </li>
            ))}
          </ol>
        ) : (
          <p>{t("lessons.noComments")}</p>
        )}
        <Form method="post" {...getFormProps(form)} className="stack">
          <input type="hidden" name="intent" value="comment" />
          <TextAreaField meta={fields.body} label={t("lessons.comment")} />
          <div>
            <button type="submit" className="button">
              {t("lessons.addComment")}
            </button>
          </div>
        </Form>
      </section>
    </article>
  );
}
