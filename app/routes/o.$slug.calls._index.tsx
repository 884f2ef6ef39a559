import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { listCalls } from "~/calls/calls.server";
import { CALL_STATUSES } from "~/calls/options";
import { FilterSelect, goalFilterOptions } from "~/components/filter-select";
import { TableRegion } from "~/components/table-region";
import { goalOptions, goalWithDescendants } from "~/goals/goals.server";
import { formatDate } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/page-title";
import { requireViewer } from "~/lessons/viewer.server";
import { formatKronor } from "~/projects/money";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "calls.title");

// Unknown filter values are dropped rather than refused: a shared link keeps working.
const FiltersSchema = z.object({
  status: z.enum(CALL_STATUSES).optional().catch(undefined),
  goal: z.string().optional().catch(undefined),
});

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { organisation } = await requireViewer(request, context, params.slug);
  const raw = Object.fromEntries([...new URL(request.url).searchParams].filter(([, v]) => v !== ""));
  const filters = FiltersSchema.parse(raw);
  const goalIds = filters.goal ? await goalWithDescendants(organisation.id, filters.goal) : undefined;
  const [calls, goals] = await Promise.all([listCalls(organisation.id, { status: filters.status, goalIds }), goalOptions(organisation.id)]);
  return { calls, goals, filters };
}

export default function Calls() {
  const { t } = useTranslation();
  const { calls, goals, filters } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <div className="page-header">
        <h1>{t("calls.title")}</h1>
        <Link to="new" className="button">
          {t("calls.newCall")}
        </Link>
      </div>
      <p className="lead">{t("calls.intro")}</p>
      <Form method="get" className="filters">
        <FilterSelect name="status" label={t("calls.status")} value={filters.status} options={CALL_STATUSES.map((s) => ({ value: s, label: t(`calls.statuses.${s}`) }))} />
        <FilterSelect name="goal" label={t("calls.filterGoal")} value={filters.goal} options={goalFilterOptions(goals)} />
        <div>
          <button type="submit" className="button button--secondary">
            {t("calls.show")}
          </button>
        </div>
      </Form>
      {calls.length === 0 ? (
        <p role="status">{t("calls.none")}</p>
      ) : (
        <TableRegion label={t("calls.title")}>
          <table>
            <caption className="visually-hidden">{t("calls.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("calls.callTitle")}</th>
                <th scope="col">{t("calls.status")}</th>
                <th scope="col">{t("calls.period")}</th>
                <th scope="col" className="numeric">
                  {t("calls.budget")}
                </th>
                <th scope="col">{t("calls.goalsShort")}</th>
                <th scope="col" className="numeric">
                  {t("calls.assessedColumn")}
                </th>
                <th scope="col" className="numeric">
                  {t("calls.appliedColumn")}
                </th>
                <th scope="col" className="numeric">
                  {t("calls.projectsColumn")}
                </th>
              </tr>
            </thead>
            <tbody>
              {calls.map((call) => (
                <tr key={call.id}>
                  <th scope="row">
                    <Link to={call.id}>{call.title}</Link>
                  </th>
                  <td>{t(`calls.statuses.${call.status}`)}</td>
                  <td>{call.opensOn || call.closesOn ? `${call.opensOn ? formatDate(call.opensOn) : "…"} – ${call.closesOn ? formatDate(call.closesOn) : "…"}` : "–"}</td>
                  <td className="numeric">{formatKronor(call.budgetOre)}</td>
                  <td>{call.goals.map((g) => `${g.goal.code ? `${g.goal.code} ` : ""}${g.goal.name}`).join(", ") || "–"}</td>
                  <td className="numeric">{call.assessed}</td>
                  <td className="numeric">{call.applied}</td>
                  <td className="numeric">{call._count.projects}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </div>
  );
}
