import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AUDIT_ACTIONS } from "~/audit/actions";
import { listAuditEvents } from "~/audit/audit.server";
import { auditFiltersFrom } from "~/audit/schemas";
import { requireOrganisation } from "~/auth/guards.server";
import { FilterSelect } from "~/components/filter-select";
import { TableRegion } from "~/components/table-region";
import { formatDateTime } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "audit.title");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { organisation } = await requireOrganisation(request, context, params.slug, "admin");
  const filters = auditFiltersFrom(request);
  const { events, total, page, pages, people } = await listAuditEvents(organisation.id, filters);
  return {
    slug: organisation.slug,
    filters,
    total,
    page,
    pages,
    people,
    events: events.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })),
  };
}

/** The same filters with another page, or none (for the CSV, which holds every page). */
function withPage(search: string, page: number | null) {
  const params = new URLSearchParams(search);
  params.delete("page");
  if (page && page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `?${query}` : "";
}

function Pagination({ page, pages }: { page: number; pages: number }) {
  const { t } = useTranslation();
  const { search } = useLocation();
  if (pages <= 1) return null;
  const shown = [...new Set([1, page - 1, page, page + 1, pages])].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
  return (
    <nav aria-label={t("audit.pages")} className="pagination">
      <ul>
        {page > 1 ? (
          <li>
            <Link to={withPage(search, page - 1) || "?"}>{t("pagination.previous")}</Link>
          </li>
        ) : null}
        {shown.map((p) => (
          <li key={p}>
            {p === page ? (
              <span aria-current="page">{t("pagination.page", { page: p })}</span>
            ) : (
              <Link to={withPage(search, p) || "?"}>{t("pagination.page", { page: p })}</Link>
            )}
          </li>
        ))}
        {page < pages ? (
          <li>
            <Link to={withPage(search, page + 1)}>{t("pagination.next")}</Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

export default function AuditLog() {
  const { t } = useTranslation();
  const { slug, filters, total, page, pages, people, events } = useLoaderData<typeof loader>();
  const { search } = useLocation();
  const targetLink = (action: string, type: string, id: string) =>
    action === "deleted"
      ? null
      : type === "lesson"
        ? `/o/${slug}/lessons/${id}`
        : type === "thread"
          ? `/o/${slug}/daily/${id}`
          : null;

  return (
    <>
      <h1>{t("audit.title")}</h1>
      <p className="lead">{t("audit.intro")}</p>

      <Form method="get" className="filters" aria-labelledby="audit-filters-heading">
        <h2 id="audit-filters-heading" className="visually-hidden">
          {t("audit.filters")}
        </h2>
        <FilterSelect
          name="action"
          label={t("audit.filterAction")}
          value={filters.action}
          options={AUDIT_ACTIONS.map((a) => ({ value: a, label: t(`audit.actions.${a}`) }))}
        />
        <FilterSelect name="actor" label={t("audit.filterPerson")} value={filters.actor} options={people.map((p) => ({ value: p.id, label: p.name }))} />
        <div className="field">
          <label htmlFor="audit-from">{t("audit.from")}</label>
          <input id="audit-from" type="date" name="from" defaultValue={filters.from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="audit-to">{t("audit.to")}</label>
          <input id="audit-to" type="date" name="to" defaultValue={filters.to ?? ""} />
        </div>
        <div>
          <button type="submit" className="button button--secondary">
            {t("audit.apply")}
          </button>
        </div>
      </Form>

      <p>
        <span role="status">{t("audit.count", { count: total })}</span> ·{" "}
        <a href={`/o/${slug}/settings/audit.csv${withPage(search, null)}`} download>
          {t("audit.csv")}
        </a>
      </p>

      {events.length === 0 ? (
        <p>{t("audit.none")}</p>
      ) : (
        <TableRegion label={t("audit.title")}>
          <table className="table">
            <caption>{t("audit.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("audit.when")}</th>
                <th scope="col">{t("audit.who")}</th>
                <th scope="col">{t("audit.action")}</th>
                <th scope="col">{t("audit.detail")}</th>
                <th scope="col">{t("audit.target")}</th>
                <th scope="col">{t("audit.address")}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => {
                const link = targetLink(event.action, event.targetType, event.targetId);
                const targetLabel = event.targetType ? t(`audit.targetTypes.${event.targetType}`, { defaultValue: event.targetType }) : t("audit.nobody");
                return (
                  <tr key={event.id}>
                    <td>
                      <time dateTime={event.createdAt}>{formatDateTime(event.createdAt)}</time>
                    </td>
                    <td>{event.actorFormer ? t("audit.formerMember") : event.actorName || t("audit.nobody")}</td>
                    <td>{t(`audit.actions.${event.action}`, { defaultValue: event.action })}</td>
                    <td>{event.detail || t("audit.nobody")}</td>
                    <td>{link ? <Link to={link}>{targetLabel}</Link> : targetLabel}</td>
                    <td>{event.ip || t("audit.nobody")}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableRegion>
      )}
      <Pagination page={page} pages={pages} />
    </>
  );
}
