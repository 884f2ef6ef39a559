import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FilterSelect, goalFilterOptions, recentYears, tagFilterGroups } from "~/components/filter-select";
import { TableRegion } from "~/components/table-region";
import { z } from "zod";
import { requireOrganisation } from "~/auth/guards.server";
import { goalOptions } from "~/goals/goals.server";
import { listDimensions } from "~/goals/tags.server";
import { formatDate } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/page-title";
import { formatKronor } from "~/projects/money";
import { PROJECT_STATUSES, SUPPORT_TYPES } from "~/projects/options";
import { listProjects } from "~/projects/projects.server";
import { hasRole } from "~/organisations/roles";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "projects.title");

// Unknown filter values are dropped rather than refused: a shared link keeps working.
const FiltersSchema = z.object({
  goal: z.string().optional().catch(undefined),
  tag: z.string().optional().catch(undefined),
  status: z.enum(PROJECT_STATUSES).optional().catch(undefined),
  support: z.enum(SUPPORT_TYPES).optional().catch(undefined),
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
});

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { organisation, membership } = await requireOrganisation(request, context, params.slug);
  const raw = Object.fromEntries([...new URL(request.url).searchParams].filter(([, v]) => v !== ""));
  const filters = FiltersSchema.parse(raw);
  const [result, goals, dimensions] = await Promise.all([
    listProjects(organisation.id, { goalId: filters.goal, tagId: filters.tag, status: filters.status, supportType: filters.support, year: filters.year }),
    goalOptions(organisation.id),
    listDimensions(organisation.id),
  ]);
  return { ...result, goals, dimensions, filters, canImport: hasRole(membership.role, "admin") };
}

export default function Projects() {
  const { t } = useTranslation();
  const { projects, count, sumOre, goals, dimensions, filters, canImport } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <div className="page-header">
        <h1>{t("projects.title")}</h1>
        {canImport ? (
          <Link to="import" className="button button--secondary">
            {t("projectImport.link")}
          </Link>
        ) : null}
      </div>
      <p className="lead">{t("projects.intro")}</p>
      <Form method="get" className="filters">
        <FilterSelect name="goal" label={t("projects.filterGoal")} value={filters.goal} options={goalFilterOptions(goals)} />
        <FilterSelect name="tag" label={t("projects.filterTag")} value={filters.tag} groups={tagFilterGroups(dimensions)} />
        <FilterSelect
          name="status"
          label={t("projects.filterStatus")}
          value={filters.status}
          options={PROJECT_STATUSES.map((s) => ({ value: s, label: t(`projects.statuses.${s}`) }))}
        />
        <FilterSelect
          name="support"
          label={t("projects.filterSupport")}
          value={filters.support}
          options={SUPPORT_TYPES.map((s) => ({ value: s, label: t(`projects.supportTypes.${s}`) }))}
        />
        <FilterSelect name="year" label={t("projects.filterYear")} value={filters.year} options={recentYears(10)} />
        <div>
          <button type="submit" className="button button--secondary">
            {t("projects.show")}
          </button>
        </div>
      </Form>

      <p role="status">{t("projects.summary", { count, amount: formatKronor(sumOre) })}</p>
      {projects.length === 0 ? (
        <p>{t("projects.none")}</p>
      ) : (
        <TableRegion label={t("projects.title")}>
          <table>
            <caption className="visually-hidden">{t("projects.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("projects.caseNumber")}</th>
                <th scope="col">{t("projects.name")}</th>
                <th scope="col">{t("projects.beneficiary")}</th>
                <th scope="col">{t("projects.supportType")}</th>
                <th scope="col" className="numeric">
                  {t("projects.decidedAmount")}
                </th>
                <th scope="col">{t("projects.decisionDate")}</th>
                <th scope="col">{t("projects.status")}</th>
                <th scope="col" className="numeric">
                  {t("projects.lessons")}
                </th>
              </tr>
            </thead>
            <tbody>
              {projects.map((p) => (
                <tr key={p.id}>
                  <td>{p.caseNumber}</td>
                  <th scope="row">
                    <Link to={p.id}>{p.name}</Link>
                  </th>
                  <td>{p.beneficiary}</td>
                  <td>{t(`projects.supportTypes.${p.supportType}`)}</td>
                  <td className="numeric">{formatKronor(p.decidedAmountOre)}</td>
                  <td>{p.decisionDate ? formatDate(p.decisionDate) : "–"}</td>
                  <td>{p.statusLabel || t(`projects.statuses.${p.status}`)}</td>
                  <td className="numeric">{p._count.lessons}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </div>
  );
}
