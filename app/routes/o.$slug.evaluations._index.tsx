import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requireOrganisation } from "~/auth/guards.server";
import { FilterSelect } from "~/components/filter-select";
import { TableRegion } from "~/components/table-region";
import { listEvaluations } from "~/evaluations/evaluations.server";
import { KINDS, STATUSES } from "~/evaluations/options";
import { formatPeriod } from "~/evaluations/period";
import { pageTitle } from "~/i18n/page-title";
import { hasRole } from "~/organisations/roles";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "evaluations.title");

// Unknown filter values are dropped rather than refused: a shared link keeps working.
const FiltersSchema = z.object({
  status: z.enum(STATUSES).optional().catch(undefined),
  kind: z.enum(KINDS).optional().catch(undefined),
});

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { organisation, membership } = await requireOrganisation(request, context, params.slug);
  const raw = Object.fromEntries([...new URL(request.url).searchParams].filter(([, v]) => v !== ""));
  const filters = FiltersSchema.parse(raw);
  return {
    slug: organisation.slug,
    evaluations: await listEvaluations(organisation.id, filters),
    filters,
    canPlan: hasRole(membership.role, "facilitator"),
  };
}

export default function EvaluationPlan() {
  const { t } = useTranslation();
  const { slug, evaluations, filters, canPlan } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <div className="page-header">
        <h1>{t("evaluations.title")}</h1>
        <div className="actions">
          <Link to={`/o/${slug}/evaluations/model`} className="button button--secondary">
            {t("evaluations.modelLink")}
          </Link>
          {canPlan ? (
            <Link to={`/o/${slug}/evaluations/new`} className="button">
              {t("evaluations.planNew")}
            </Link>
          ) : null}
        </div>
      </div>
      <p className="lead">{t("evaluations.intro")}</p>
      <Form method="get" className="filters">
        <FilterSelect name="status" label={t("evaluations.filterStatus")} value={filters.status} options={STATUSES.map((s) => ({ value: s, label: t(`evaluations.statuses.${s}`) }))} />
        <FilterSelect name="kind" label={t("evaluations.filterKind")} value={filters.kind} options={KINDS.map((k) => ({ value: k, label: t(`evaluations.kinds.${k}`) }))} />
        <div>
          <button type="submit" className="button button--secondary">
            {t("evaluations.show")}
          </button>
        </div>
      </Form>

      <p role="status">{t("evaluations.count", { count: evaluations.length })}</p>
      {evaluations.length === 0 ? (
        <p>{t("evaluations.none")}</p>
      ) : (
        <TableRegion label={t("evaluations.title")}>
          <table>
            <caption className="visually-hidden">{t("evaluations.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("evaluations.columns.title")}</th>
                <th scope="col">{t("evaluations.columns.kind")}</th>
                <th scope="col">{t("evaluations.columns.status")}</th>
                <th scope="col">{t("evaluations.columns.scope")}</th>
                <th scope="col">{t("evaluations.columns.period")}</th>
                <th scope="col">{t("evaluations.columns.evaluator")}</th>
                <th scope="col" className="numeric">
                  {t("evaluations.columns.lessons")}
                </th>
              </tr>
            </thead>
            <tbody>
              {evaluations.map((e) => (
                <tr key={e.id}>
                  <th scope="row">
                    <Link to={e.id}>{e.title}</Link>
                  </th>
                  <td>{t(`evaluations.kinds.${e.kind}`)}</td>
                  <td>{t(`evaluations.statuses.${e.status}`)}</td>
                  <td>
                    {e.kind === "thematic" ? (
                      <ul className="inline-list">
                        {e.goals.map(({ goal }) => (
                          <li key={goal.id}>{`${goal.code} ${goal.name}`.trim()}</li>
                        ))}
                      </ul>
                    ) : (
                      t("evaluations.projectCount", { count: e._count.projects })
                    )}
                  </td>
                  <td>{formatPeriod(e.startsOn, e.endsOn)}</td>
                  <td>{e.evaluator || "–"}</td>
                  <td className="numeric">{e._count.lessons}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </div>
  );
}
