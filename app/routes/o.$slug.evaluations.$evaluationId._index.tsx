import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireOrganisation } from "~/auth/guards.server";
import { FormErrors, StatusMessage, TextAreaField, TextField } from "~/components/forms";
import { findEvaluation, setEvaluationStatus } from "~/evaluations/evaluations.server";
import { draftFindingLesson } from "~/evaluations/findings.server";
import { STATUSES } from "~/evaluations/options";
import { formatPeriod } from "~/evaluations/period";
import { FindingSchema, StatusChangeSchema } from "~/evaluations/schemas";
import { formatDate } from "~/i18n/i18n";
import { EvidenceBadge } from "~/lessons/badges";
import { hasRole } from "~/organisations/roles";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.evaluation.title ?? ""} · Lärloop` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { organisation, membership } = await requireOrganisation(request, context, params.slug);
  const evaluation = await findEvaluation(organisation.id, params.evaluationId ?? "");
  if (!evaluation) throw new Response("Not Found", { status: 404 });
  return { slug: organisation.slug, evaluation, canManage: hasRole(membership.role, "facilitator") };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { organisation, user, membership } = await requireOrganisation(request, context, params.slug, "facilitator");
  const evaluationId = params.evaluationId ?? "";
  const formData = await request.formData();
  switch (formData.get("intent")) {
    case "status": {
      const parsed = StatusChangeSchema.safeParse(Object.fromEntries(formData));
      if (!parsed.success) throw new Response("Bad Request", { status: 400 });
      if (!(await setEvaluationStatus(organisation.id, evaluationId, parsed.data.status))) throw new Response("Not Found", { status: 404 });
      return json({ result: null, notice: "evaluations.notices.statusChanged" });
    }
    case "finding": {
      const submission = parseWithZod(formData, { schema: FindingSchema });
      if (submission.status !== "success") return json({ result: submission.reply(), notice: null }, { status: 400 });
      const viewer = { userId: user.id, organisationId: organisation.id, role: membership.role };
      const lessonId = await draftFindingLesson(viewer, evaluationId, submission.value);
      if (!lessonId) throw new Response("Not Found", { status: 404 });
      // The author finishes the draft (body, recommendation, visibility) and publishes it there.
      return redirect(`/o/${organisation.slug}/lessons/${lessonId}/edit`);
    }
    default:
      throw new Response("Bad Request", { status: 400 });
  }
}

const NOTICES: Record<string, string> = { created: "evaluations.notices.created", saved: "evaluations.notices.saved" };

export default function EvaluationPage() {
  const { t } = useTranslation();
  const { slug, evaluation, canManage } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const notice = data?.notice ?? NOTICES[searchParams.get("notice") ?? ""];
  const paragraphs = evaluation.description.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);

  return (
    <article className="page narrow-wide" aria-labelledby="evaluation-title">
      <p className="muted">
        <Link to={`/o/${slug}/evaluations`}>{t("evaluations.title")}</Link>
      </p>
      <div className="page-header">
        <h1 id="evaluation-title">{evaluation.title}</h1>
        {canManage ? (
          <Link to="edit" className="button button--secondary">
            {t("evaluations.edit")}
          </Link>
        ) : null}
      </div>
      {notice ? <StatusMessage>{t(notice)}</StatusMessage> : null}
      <dl className="facts">
        <div>
          <dt>{t("evaluations.detail.kind")}</dt>
          <dd>{t(`evaluations.kinds.${evaluation.kind}`)}</dd>
        </div>
        <div>
          <dt>{t("evaluations.detail.status")}</dt>
          <dd>{t(`evaluations.statuses.${evaluation.status}`)}</dd>
        </div>
        <div>
          <dt>{t("evaluations.detail.evaluator")}</dt>
          <dd>{evaluation.evaluator || "–"}</dd>
        </div>
        <div>
          <dt>{t("evaluations.detail.period")}</dt>
          <dd>{formatPeriod(evaluation.startsOn, evaluation.endsOn)}</dd>
        </div>
      </dl>
      {canManage ? (
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="status" />
          <label htmlFor="evaluation-status">{t("evaluations.changeStatus")}</label>
          <select id="evaluation-status" name="status" defaultValue={evaluation.status} key={evaluation.status}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`evaluations.statuses.${s}`)}
              </option>
            ))}
          </select>
          <button type="submit" className="button button--secondary button--small">
            {t("evaluations.saveStatus")}
          </button>
        </Form>
      ) : null}

      {paragraphs.length ? (
        <section aria-labelledby="evaluation-description">
          <h2 id="evaluation-description">{t("evaluations.detail.description")}</h2>
          {paragraphs.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </section>
      ) : null}

      {evaluation.kind === "thematic" ? (
        <section aria-labelledby="evaluation-goals">
          <h2 id="evaluation-goals">{t("evaluations.detail.goals")}</h2>
          {evaluation.goals.length ? (
            <ul>
              {evaluation.goals.map(({ goal }) => (
                <li key={goal.id}>
                  <Link to={`/o/${slug}/goals/${goal.id}`}>{`${goal.code} ${goal.name}`.trim()}</Link>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t("evaluations.detail.noGoals")}</p>
          )}
        </section>
      ) : (
        <section aria-labelledby="evaluation-projects">
          <h2 id="evaluation-projects">{t("evaluations.detail.projects")}</h2>
          {evaluation.projects.length ? (
            <table>
              <caption className="visually-hidden">{t("evaluations.detail.projects")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("evaluations.detail.caseNumber")}</th>
                  <th scope="col">{t("evaluations.detail.project")}</th>
                  <th scope="col">{t("evaluations.detail.beneficiary")}</th>
                  <th scope="col">{t("evaluations.detail.supportType")}</th>
                </tr>
              </thead>
              <tbody>
                {evaluation.projects.map(({ project }) => (
                  <tr key={project.id}>
                    <td>{project.caseNumber}</td>
                    <th scope="row">
                      <Link to={`/o/${slug}/projects/${project.id}`}>{project.name}</Link>
                    </th>
                    <td>{project.beneficiary}</td>
                    <td>{t(`projects.supportTypes.${project.supportType}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>{t("evaluations.detail.noProjects")}</p>
          )}
        </section>
      )}

      <section aria-labelledby="evaluation-lessons">
        <h2 id="evaluation-lessons">{t("evaluations.detail.lessons")}</h2>
        {evaluation.lessons.length ? (
          <ul className="lesson-list">
            {evaluation.lessons.map((lesson) => (
              <li key={lesson.id} className="card">
                <h3>
                  <Link to={`/o/${slug}/lessons/${lesson.id}`}>{lesson.title}</Link>
                </h3>
                <p className="badges">
                  <EvidenceBadge evidence={lesson.evidence} /> <span className="badge">{t(`lessons.visibilities.${lesson.visibility}`)}</span>
                </p>
                {lesson.whatWeLearned ? <p className="excerpt">{lesson.whatWeLearned}</p> : null}
                <p>
                  {lesson.publishedAt ? formatDate(lesson.publishedAt) : null}
                  {` · ${t("evaluations.detail.by", { name: lesson.author?.name ?? t("threads.formerMember") })}`}
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("evaluations.detail.noLessons")}</p>
        )}
      </section>

      {canManage ? <FindingForm lastResult={data?.result ?? undefined} /> : null}
    </article>
  );
}

function FindingForm({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "finding",
    lastResult,
    constraint: getZodConstraint(FindingSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: FindingSchema }),
  });
  return (
    <section aria-labelledby="finding-heading" className="card">
      <h2 id="finding-heading">{t("evaluations.finding.title")}</h2>
      <p>{t("evaluations.finding.intro")}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="finding" />
        <TextField meta={fields.title} label={t("evaluations.finding.lessonTitle")} />
        <TextAreaField meta={fields.whatWeLearned} label={t("evaluations.finding.whatWeLearned")} />
        <div>
          <button type="submit" className="button">
            {t("evaluations.finding.submit")}
          </button>
        </div>
      </Form>
    </section>
  );
}
