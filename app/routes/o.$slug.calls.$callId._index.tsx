import { parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { assessLesson, learningBrief } from "~/calls/brief.server";
import { BriefEntry } from "~/calls/brief-item";
import { canEditCall, findCall } from "~/calls/calls.server";
import { AssessmentSchema } from "~/calls/schemas";
import { StatusMessage } from "~/components/forms";
import { formatDate } from "~/i18n/i18n";
import { requireViewer } from "~/lessons/viewer.server";
import { formatKronor } from "~/projects/money";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.call.title ?? ""} · Lärloop` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { organisation, viewer } = await requireViewer(request, context, params.slug);
  const call = await findCall(organisation.id, params.callId ?? "");
  if (!call) throw new Response("Not Found", { status: 404 });
  const brief = await learningBrief(viewer, call);
  return { slug: organisation.slug, call, brief, canEdit: canEditCall(viewer, call) };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { viewer } = await requireViewer(request, context, params.slug);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: AssessmentSchema });
  if (submission.status !== "success") {
    const refusal = {
      lessonId: String(formData.get("lessonId") ?? ""),
      verdict: String(formData.get("verdict") ?? "none"),
      note: String(formData.get("note") ?? ""),
      errors: submission.error ?? {},
    };
    return json({ refusal, notice: null }, { status: 400 });
  }
  const result = await assessLesson(viewer, params.callId ?? "", submission.value);
  if (!result.ok) throw new Response(result.error === "forbidden" ? "Forbidden" : "Not Found", { status: result.error === "forbidden" ? 403 : 404 });
  return json({ refusal: null, notice: "calls.assessmentSaved" });
}

export default function CallPage() {
  const { t } = useTranslation();
  const { slug, call, brief, canEdit } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const notice = data?.notice ?? (searchParams.get("notice") === "saved" ? "calls.saved" : null);
  const assessed = brief.filter((b) => b.assessment);
  const applied = assessed.filter((b) => b.assessment?.verdict === "applied").length;
  return (
    <div className="page">
      <p className="muted">
        <Link to={`/o/${slug}/calls`}>{t("calls.title")}</Link>
      </p>
      <div className="page-header">
        <h1>{call.title}</h1>
        {canEdit ? (
          <Link to="edit" className="button button--secondary">
            {t("calls.edit")}
          </Link>
        ) : null}
      </div>
      {notice ? <StatusMessage>{t(notice)}</StatusMessage> : null}
      <dl className="facts">
        <div>
          <dt>{t("calls.status")}</dt>
          <dd>{t(`calls.statuses.${call.status}`)}</dd>
        </div>
        <div>
          <dt>{t("calls.period")}</dt>
          <dd>
            {call.opensOn ? formatDate(call.opensOn) : "…"} – {call.closesOn ? formatDate(call.closesOn) : "…"}
          </dd>
        </div>
        {call.decidedOn ? (
          <div>
            <dt>{t("calls.decidedOn")}</dt>
            <dd>{formatDate(call.decidedOn)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t("calls.budget")}</dt>
          <dd>{formatKronor(call.budgetOre)}</dd>
        </div>
        <div>
          <dt>{t("calls.author")}</dt>
          <dd>{call.author?.name ?? t("threads.formerMember")}</dd>
        </div>
      </dl>
      {call.description
        ? call.description.split(/\n{2,}/).map((paragraph, i) => <p key={i}>{paragraph}</p>)
        : null}
      <h2>{t("calls.goals")}</h2>
      {call.goals.length ? (
        <ul className="tag-list">
          {call.goals.map(({ goal }) => (
            <li key={goal.id}>
              <Link to={`/o/${slug}/goals/${goal.id}`} className="badge badge--goal">
                {goal.code ? `${goal.code} ` : ""}
                {goal.name}
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("calls.noGoals")}</p>
      )}
      {call.tags.length ? (
        <p>
          {t("calls.tags")}: {call.tags.map(({ tag }) => `${tag.dimension.name}: ${tag.name}`).join(" · ")}
        </p>
      ) : null}

      <section aria-labelledby="brief-heading">
        <div className="page-header">
          <h2 id="brief-heading">{t("calls.briefTitle")}</h2>
          <a href={`/o/${slug}/calls/${call.id}/brief.md`} className="button button--secondary" download>
            {t("calls.export")}
          </a>
        </div>
        <p>{t("calls.briefIntro")}</p>
        <p role="status">{t("calls.briefCounts", { count: brief.length, assessed: assessed.length, applied })}</p>
        {brief.length === 0 ? (
          <p>{t("calls.briefEmpty")}</p>
        ) : (
          <ol className="brief-list">
            {brief.map((item) => (
              <BriefEntry key={item.lessonId} item={item} slug={slug} canAssess={canEdit} refusal={data?.refusal ?? null} />
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="funded-heading">
        <h2 id="funded-heading">{t("calls.funded")}</h2>
        {call.projects.length === 0 ? (
          <p>{t("calls.noProjects")}</p>
        ) : (
          <ul>
            {call.projects.map((p) => (
              <li key={p.id}>
                <Link to={`/o/${slug}/projects/${p.id}`}>{`${p.caseNumber} ${p.name}`}</Link>{" "}
                – {formatKronor(p.decidedAmountOre)} · {t("calls.reportedResults", { count: p._count.realisedResults })}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
