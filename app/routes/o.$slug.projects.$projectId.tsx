import { parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireOrganisation } from "~/auth/guards.server";
import { StatusMessage } from "~/components/forms";
import { goalOptions } from "~/goals/goals.server";
import { formatDate, formatNumber } from "~/i18n/i18n";
import { EvidenceBadge, StatusBadge } from "~/lessons/badges";
import { requireViewer } from "~/lessons/viewer.server";
import { formatKronor } from "~/projects/money";
import { hasRole } from "~/organisations/roles";
import { ProjectEditor } from "~/projects/project-editor";
import {
  addExpectedResult,
  addRealisedResult,
  addReport,
  findProject,
  projectEditOptions,
  setProjectLinks,
} from "~/projects/projects.server";
import { ExpectedResultSchema, ProjectLinksSchema, RealisedResultSchema, ReportSchema } from "~/projects/schemas";
import type { z } from "zod";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.project.name ?? ""} · Lärloop` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { organisation, viewer } = await requireViewer(request, context, params.slug);
  const project = await findProject(viewer, params.projectId ?? "");
  if (!project) throw new Response("Not Found", { status: 404 });
  const canEdit = hasRole(viewer.role, "admin");
  const editOptions = canEdit ? { goals: await goalOptions(organisation.id), ...(await projectEditOptions(organisation.id)) } : null;
  return { slug: organisation.slug, project, editOptions };
}

type ProjectChange =
  | z.infer<typeof ProjectLinksSchema>
  | z.infer<typeof ExpectedResultSchema>
  | z.infer<typeof RealisedResultSchema>
  | z.infer<typeof ReportSchema>;

function applyChange(organisationId: string, projectId: string, change: ProjectChange) {
  switch (change.intent) {
    case "links":
      return setProjectLinks(organisationId, projectId, change.goalIds, change.tagIds, change.callId);
    case "expected": {
      const { intent: _intent, ...result } = change;
      return addExpectedResult(organisationId, projectId, result);
    }
    case "realised": {
      const { intent: _intent, ...result } = change;
      return addRealisedResult(organisationId, projectId, result);
    }
    case "report": {
      const { intent: _intent, ...report } = change;
      return addReport(organisationId, projectId, report);
    }
  }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { organisation } = await requireOrganisation(request, context, params.slug, "admin");
  const projectId = params.projectId ?? "";
  const formData = await request.formData();
  const intent = String(formData.get("intent"));
  const schema = { links: ProjectLinksSchema, expected: ExpectedResultSchema, realised: RealisedResultSchema, report: ReportSchema }[intent];
  if (!schema) throw new Response("Bad Request", { status: 400 });
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return json({ form: intent, result: submission.reply(), saved: null }, { status: 400 });
  const change = await applyChange(organisation.id, projectId, submission.value);
  if (!change.ok && change.error === "notFound") throw new Response("Not Found", { status: 404 });
  if (!change.ok) return json({ form: intent, result: submission.reply({ formErrors: ["projects.invalidLinks"] }), saved: null }, { status: 400 });
  return json({ form: intent, result: submission.reply({ resetForm: true }), saved: intent === "links" ? "projects.linksSaved" : "projects.saved" });
}

export default function ProjectPage() {
  const { t } = useTranslation();
  const { slug, project, editOptions } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const period = [project.startDate, project.endDate].map((d) => (d ? formatDate(d) : "…")).join(" – ");
  return (
    <div className="page narrow-wide">
      <p className="muted">
        <Link to={`/o/${slug}/projects`}>{t("projects.title")}</Link> · {t("projects.caseNumber")} {project.caseNumber}
      </p>
      <h1>{project.name}</h1>
      {data?.saved ? <StatusMessage>{t(data.saved)}</StatusMessage> : null}
      {data && !data.saved && data.result?.error?.[""] ? (
        <p className="alert alert--error" role="alert">
          {t(data.result.error[""][0])}
        </p>
      ) : null}
      <dl className="facts">
        <div>
          <dt>{t("projects.beneficiary")}</dt>
          <dd>
            {project.beneficiary}
            {project.beneficiaryOrgNumber ? ` (${project.beneficiaryOrgNumber})` : ""}
          </dd>
        </div>
        <div>
          <dt>{t("projects.supportType")}</dt>
          <dd>
            {t(`projects.supportTypes.${project.supportType}`)}
            {project.supportForm ? ` – ${project.supportForm}` : ""}
          </dd>
        </div>
        <div>
          <dt>{t("projects.decidedAmount")}</dt>
          <dd>{formatKronor(project.decidedAmountOre)}</dd>
        </div>
        <div>
          <dt>{t("projects.coFunding")}</dt>
          <dd>{formatKronor(project.coFundingOre)}</dd>
        </div>
        <div>
          <dt>{t("projects.decisionDate")}</dt>
          <dd>{project.decisionDate ? formatDate(project.decisionDate) : "–"}</dd>
        </div>
        <div>
          <dt>{t("projects.period")}</dt>
          <dd>{period}</dd>
        </div>
        <div>
          <dt>{t("projects.status")}</dt>
          <dd>{project.statusLabel || t(`projects.statuses.${project.status}`)}</dd>
        </div>
        <div>
          <dt>{t("calls.projectCall")}</dt>
          <dd>{project.call ? <Link to={`/o/${slug}/calls/${project.call.id}`}>{project.call.title}</Link> : "–"}</dd>
        </div>
      </dl>

      <section aria-labelledby="project-goals">
        <h2 id="project-goals">{t("projects.goals")}</h2>
        {project.goals.length ? (
          <ul>
            {project.goals.map(({ goal }) => (
              <li key={goal.id}>
                <Link to={`/o/${slug}/goals/${goal.id}`}>{`${goal.code} ${goal.name}`.trim()}</Link>
              </li>
            ))}
          </ul>
        ) : (
          <p>–</p>
        )}
        {project.tags.length ? (
          <ul className="inline-list" aria-label={t("projects.tags")}>
            {project.tags.map(({ tag }) => (
              <li key={tag.id} className="tag" title={tag.dimension.name}>
                {tag.name}
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      <section aria-labelledby="project-results">
        <h2 id="project-results">{t("projects.expectedResults")}</h2>
        {project.expectedResults.length ? (
          <table>
            <caption className="visually-hidden">{t("projects.expectedResults")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("projects.indicator")}</th>
                <th scope="col" className="numeric">
                  {t("projects.target")}
                </th>
              </tr>
            </thead>
            <tbody>
              {project.expectedResults.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{r.indicator?.name ?? r.description}</th>
                  <td className="numeric">{`${formatNumber(r.targetValue)} ${r.unit || r.indicator?.unit || ""}`.trim()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>{t("projects.noResults")}</p>
        )}
        <h2>{t("projects.realisedResults")}</h2>
        {project.realisedResults.length ? (
          <table>
            <caption className="visually-hidden">{t("projects.realisedResults")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("projects.indicator")}</th>
                <th scope="col" className="numeric">
                  {t("projects.value")}
                </th>
                <th scope="col">{t("projects.date")}</th>
                <th scope="col">{t("projects.sourceReport")}</th>
              </tr>
            </thead>
            <tbody>
              {project.realisedResults.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{r.indicator?.name ?? r.description}</th>
                  <td className="numeric">{`${formatNumber(r.value)} ${r.unit || r.indicator?.unit || ""}`.trim()}</td>
                  <td>{formatDate(r.date)}</td>
                  <td>{r.sourceReport}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>{t("projects.noResults")}</p>
        )}
      </section>

      <section aria-labelledby="project-reports">
        <h2 id="project-reports">{t("projects.reports")}</h2>
        {project.reports.length ? (
          <ol className="comment-list">
            {project.reports.map((r) => (
              <li key={r.id}>
                <p>
                  <strong>{t(`projects.reportTypes.${r.type}`)}</strong> · {formatDate(r.date)}
                </p>
                <p>{r.summary}</p>
              </li>
            ))}
          </ol>
        ) : (
          <p>{t("projects.noReports")}</p>
        )}
      </section>

      <section aria-labelledby="project-lessons">
        <div className="page-header">
          <h2 id="project-lessons">{t("projects.lessons")}</h2>
          <Link to={`/o/${slug}/lessons/new?project=${project.id}`} className="button button--secondary">
            {t("projects.writeLesson")}
          </Link>
        </div>
        {project.lessons.length ? (
          <ul className="lesson-list">
            {project.lessons.map((lesson) => (
              <li key={lesson.id} className="card">
                <h3>
                  <Link to={`/o/${slug}/lessons/${lesson.id}`}>{lesson.title}</Link>
                </h3>
                <p className="badges">
                  <StatusBadge status={lesson.status} /> <EvidenceBadge evidence={lesson.evidence} />
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("projects.noLessons")}</p>
        )}
      </section>
      {editOptions ? (
        <ProjectEditor
          options={editOptions}
          chosenGoals={project.goals.map((g) => g.goal.id)}
          chosenTags={project.tags.map((t) => t.tag.id)}
          chosenCall={project.call?.id ?? null}
          last={data ? { form: data.form, result: data.result } : undefined}
        />
      ) : null}
    </div>
  );
}
