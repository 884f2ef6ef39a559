import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { requireOrganisation } from "~/auth/guards.server";
import { FilterSelect } from "~/components/filter-select";
import { TableRegion } from "~/components/table-region";
import { BarChart, IndicatorChart, IndicatorLegend, kronorTick } from "~/followup/charts";
import type { TableName } from "~/followup/csv-tables.server";
import { followupDashboard, type FollowupDashboard, type FundsRow } from "~/followup/followup.server";
import { formatShare, NONE, rowLabel, withUnit } from "~/followup/format";
import { parseFollowupFilters } from "~/followup/schemas";
import { formatNumber } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/page-title";
import { formatKronor } from "~/projects/money";
import dashboardStyles from "~/styles/dashboard.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: dashboardStyles }];

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "dashboard.title");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { organisation } = await requireOrganisation(request, context, params.slug);
  const filters = parseFollowupFilters(request.url);
  return { slug: organisation.slug, filters, data: await followupDashboard(organisation.id, filters) };
}

type Data = FollowupDashboard;

/** Tables hidden in <details> are opened while printing, so that paper carries them too. */
function useOpenTablesForPrint() {
  useEffect(() => {
    let opened: HTMLDetailsElement[] = [];
    const before = () => {
      opened = [...document.querySelectorAll<HTMLDetailsElement>("details.chart-table:not([open])")];
      for (const details of opened) details.open = true;
    };
    const after = () => {
      for (const details of opened) details.open = false;
      opened = [];
    };
    window.addEventListener("beforeprint", before);
    window.addEventListener("afterprint", after);
    return () => {
      window.removeEventListener("beforeprint", before);
      window.removeEventListener("afterprint", after);
    };
  }, []);
}

function CsvLink({ href, title }: { href: string; title: string }) {
  const { t } = useTranslation();
  return (
    <p className="csv-link no-print">
      <a href={href} download>
        {t("dashboard.csv")}
        <span className="visually-hidden">: {title}</span>
      </a>
    </p>
  );
}

function TableDisclosure({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <details className="disclosure chart-table">
      <summary>
        {t("dashboard.showTable")}
        <span className="visually-hidden">: {title}</span>
      </summary>
      <TableRegion label={title}>{children}</TableRegion>
    </details>
  );
}

function FundsTable({ title, rows, nameHeader, grouped = false }: { title: string; rows: FundsRow[]; nameHeader: string; grouped?: boolean }) {
  const { t } = useTranslation();
  // Goals come in one body per strategy, so that the strategy heads its rows.
  const bodies: { group: string | undefined; rows: FundsRow[] }[] = [];
  for (const row of rows) {
    const last = bodies.at(-1);
    if (last && (!grouped || last.group === row.group)) last.rows.push(row);
    else bodies.push({ group: grouped ? row.group : undefined, rows: [row] });
  }
  return (
    <table>
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">{nameHeader}</th>
          <th scope="col" className="numeric">
            {t("dashboard.columns.projects")}
          </th>
          <th scope="col" className="numeric">
            {t("dashboard.columns.amount")}
          </th>
        </tr>
      </thead>
      {bodies.map((body, i) => (
        <tbody key={i}>
          {body.group ? (
            <tr>
              <th scope="rowgroup" colSpan={3} className="group-row">
                {body.group}
              </th>
            </tr>
          ) : null}
          {body.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row" className="name-cell" data-depth={Math.min(row.depth, 5)}>
                {rowLabel(row, t)}
              </th>
              <td className="numeric">{row.count}</td>
              <td className="numeric">{formatKronor(row.sumOre)}</td>
            </tr>
          ))}
        </tbody>
      ))}
    </table>
  );
}

function FundsSection({
  id,
  title,
  intro,
  rows,
  nameHeader,
  csvHref,
  grouped,
  before,
}: {
  id: string;
  title: string;
  intro?: string;
  rows: FundsRow[];
  nameHeader: string;
  csvHref: string;
  grouped?: boolean;
  before?: ReactNode;
}) {
  const { t } = useTranslation();
  const bars = rows.map((row) => ({
    key: row.key,
    label: rowLabel(row, t),
    depth: row.depth,
    group: grouped ? row.group : undefined,
    value: Number(row.sumOre) / 100,
    valueText: t("dashboard.amountWithCount", { amount: formatKronor(row.sumOre), count: row.count }),
    muted: row.key === NONE,
  }));
  const max = Math.max(0, ...bars.map((b) => b.value));
  return (
    <section className="dashboard-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {intro ? <p>{intro}</p> : null}
      {before}
      <BarChart title={title} bars={bars} axisLabel={t("dashboard.chart.amountAxis")} tickFormat={kronorTick(max, t)} />
      <TableDisclosure title={title}>
        <FundsTable title={title} rows={rows} nameHeader={nameHeader} grouped={grouped} />
      </TableDisclosure>
      <CsvLink href={csvHref} title={title} />
    </section>
  );
}

function ResultsSection({ results, csvHref }: { results: Data["results"]; csvHref: string }) {
  const { t } = useTranslation();
  const title = t("dashboard.results.title");
  const bars = results.rows.map((row) => ({
    key: row.key,
    label: row.unit ? `${row.indicator} (${row.unit})` : row.indicator,
    value: row.share ?? 0,
    valueText:
      row.share === null
        ? t("dashboard.results.noExpected")
        : t("dashboard.results.shareText", { share: formatShare(row.share), realised: withUnit(row.realised, row.unit), expected: withUnit(row.expected, row.unit) }),
  }));
  return (
    <section className="dashboard-section" aria-labelledby="results">
      <h2 id="results">{title}</h2>
      <p>{t("dashboard.results.intro")}</p>
      {results.unlinked ? <p className="muted">{t("dashboard.results.unlinked", { count: results.unlinked })}</p> : null}
      {results.rows.length === 0 ? (
        <p>{t("dashboard.results.none")}</p>
      ) : (
        <>
          <BarChart
            title={title}
            bars={bars}
            axisLabel={t("dashboard.chart.shareAxis")}
            tickFormat={(v) => `${formatNumber(v * 100, 0)} %`}
            reference={{ value: 1, label: t("dashboard.chart.full") }}
          />
          <TableDisclosure title={title}>
            <table>
              <caption>{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("dashboard.columns.indicator")}</th>
                  <th scope="col">{t("dashboard.columns.goal")}</th>
                  <th scope="col">{t("dashboard.columns.unit")}</th>
                  <th scope="col" className="numeric">
                    {t("dashboard.columns.expected")}
                  </th>
                  <th scope="col" className="numeric">
                    {t("dashboard.columns.realised")}
                  </th>
                  <th scope="col" className="numeric">
                    {t("dashboard.columns.share")}
                  </th>
                  <th scope="col" className="numeric">
                    {t("dashboard.columns.projects")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {results.rows.map((row) => (
                  <tr key={row.key}>
                    <th scope="row">{row.indicator}</th>
                    <td>{row.goal}</td>
                    <td>{row.unit}</td>
                    <td className="numeric">{formatNumber(row.expected)}</td>
                    <td className="numeric">{formatNumber(row.realised)}</td>
                    <td className="numeric">{row.share === null ? "–" : formatShare(row.share)}</td>
                    <td className="numeric">{row.projects}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableDisclosure>
        </>
      )}
      <CsvLink href={csvHref} title={title} />
    </section>
  );
}

function IndicatorStatus({ indicator }: { indicator: Data["indicators"][number] }) {
  const { t } = useTranslation();
  const { gap, unit } = indicator;
  if (!gap) return <span className="badge badge--evidence">{t("dashboard.indicators.unknown")}</span>;
  return (
    <>
      <span className={gap.behind ? "badge badge--warning" : "badge badge--goal"}>
        {t(gap.behind ? "dashboard.indicators.behind" : "dashboard.indicators.onTrack")}
      </span>{" "}
      {t("dashboard.indicators.statusText", { value: withUnit(gap.value, unit), year: gap.year, line: withUnit(gap.expected, unit) })}
    </>
  );
}

function IndicatorsSection({ indicators, csvHref }: { indicators: Data["indicators"]; csvHref: string }) {
  const { t } = useTranslation();
  const title = t("dashboard.indicators.title");
  const point = (value: number | null, year: number | null) => (value === null || year === null ? null : { value, year });
  const fact = (value: number | null, year: number | null, unit: string) => (value === null ? "–" : `${withUnit(value, unit)}${year ? ` (${year})` : ""}`);
  return (
    <section className="dashboard-section" aria-labelledby="indicators">
      <h2 id="indicators">{title}</h2>
      <p>{t("dashboard.indicators.intro")}</p>
      {indicators.length === 0 ? (
        <p>{t("dashboard.indicators.none")}</p>
      ) : (
        <>
          <IndicatorLegend />
          <div className="indicator-grid">
            {indicators.map((indicator) => {
              const caption = t("goals.valuesOf", { name: indicator.name });
              return (
                <article key={indicator.id} className="indicator-card" aria-labelledby={`indicator-${indicator.id}`}>
                  <h3 id={`indicator-${indicator.id}`}>{indicator.name}</h3>
                  <p className="muted">{t("dashboard.indicators.goalOf", { goal: indicator.goal })}</p>
                  <p>
                    <IndicatorStatus indicator={indicator} />
                  </p>
                  <dl className="facts">
                    <div>
                      <dt>{t("dashboard.columns.baseline")}</dt>
                      <dd>{fact(indicator.baselineValue, indicator.baselineYear, indicator.unit)}</dd>
                    </div>
                    <div>
                      <dt>{t("dashboard.columns.target")}</dt>
                      <dd>{fact(indicator.targetValue, indicator.targetYear, indicator.unit)}</dd>
                    </div>
                  </dl>
                  <IndicatorChart
                    name={indicator.name}
                    unit={indicator.unit}
                    values={indicator.values}
                    baseline={point(indicator.baselineValue, indicator.baselineYear)}
                    target={point(indicator.targetValue, indicator.targetYear)}
                  />
                  {indicator.values.length ? (
                    <TableDisclosure title={caption}>
                      <table>
                        <caption>{caption}</caption>
                        <thead>
                          <tr>
                            <th scope="col">{t("dashboard.columns.year")}</th>
                            <th scope="col" className="numeric">
                              {t("dashboard.columns.value")}
                              {indicator.unit ? ` (${indicator.unit})` : ""}
                            </th>
                            <th scope="col" className="numeric">
                              {t("dashboard.columns.line")}
                            </th>
                          </tr>
                        </thead>
                        <tbody>
                          {indicator.values.map((v) => (
                            <tr key={v.year}>
                              <th scope="row">{v.year}</th>
                              <td className="numeric">{formatNumber(v.value)}</td>
                              <td className="numeric">{v.line === null ? "–" : formatNumber(v.line)}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </TableDisclosure>
                  ) : (
                    <p>{t("dashboard.indicators.noValues")}</p>
                  )}
                  {indicator.source ? <p className="muted">{t("dashboard.indicators.source", { source: indicator.source })}</p> : null}
                </article>
              );
            })}
          </div>
        </>
      )}
      <CsvLink href={csvHref} title={title} />
    </section>
  );
}

export default function Dashboard() {
  const { t } = useTranslation();
  const { slug, filters, data } = useLoaderData<typeof loader>();
  useOpenTablesForPrint();
  const base = `/o/${slug}/dashboard`;
  const query = new URLSearchParams();
  if (filters.year) query.set("year", String(filters.year));
  if (data.dimension) query.set("dimension", data.dimension.key);
  // Under csv/, so that no table name can shadow a sibling page such as loop.csv.
  const csv = (table: TableName) => `${base}/csv/${table}.csv${query.toString() ? `?${query}` : ""}`;
  // A year from a shared link stays selectable even when no project was decided that year.
  const yearOptions = [...new Set([...data.yearOptions, ...(filters.year ? [filters.year] : [])])].sort((a, b) => b - a);
  const assessed = data.indicators.filter((i) => i.gap);
  const dimensionTitle = data.dimension ? t("dashboard.dimension.titleOf", { dimension: data.dimension.name }) : t("dashboard.dimension.title");

  return (
    <div className="page dashboard">
      <h1>{t("dashboard.title")}</h1>
      <p className="lead">{t("dashboard.intro")}</p>

      <nav aria-labelledby="dashboard-more" className="dashboard-links no-print">
        <h2 id="dashboard-more" className="visually-hidden">
          {t("dashboard.more")}
        </h2>
        <ul className="card-grid">
          <li className="card card--feature">
            <h3>
              <Link to={`${base}/loop`}>{t("dashboard.loopLink")}</Link>
            </h3>
            <p>{t("dashboard.loopHint")}</p>
          </li>
          <li className="card">
            <h3>
              <Link to={`/o/${slug}/evaluations`}>{t("dashboard.evaluationsLink")}</Link>
            </h3>
            <p>{t("dashboard.evaluationsHint")}</p>
          </li>
        </ul>
      </nav>

      <Form method="get" className="filters no-print" aria-label={t("dashboard.filters")}>
        <FilterSelect
          name="year"
          label={t("dashboard.filterYear")}
          value={filters.year}
          options={yearOptions.map((y) => ({ value: String(y), label: String(y) }))}
        />
        {filters.dimension ? <input type="hidden" name="dimension" value={filters.dimension} /> : null}
        <div>
          <button type="submit" className="button button--secondary">
            {t("dashboard.show")}
          </button>
        </div>
      </Form>
      <p role="status">{data.year ? t("dashboard.showing", { year: data.year }) : t("dashboard.showingAll")}</p>

      <section aria-labelledby="key-figures">
        <h2 id="key-figures">{t("dashboard.keyFigures")}</h2>
        {data.total.count === 0 ? <p>{t("dashboard.noProjects")}</p> : null}
        <dl className="key-figures">
          <div>
            <dt>{t("dashboard.totalAmount")}</dt>
            <dd>{formatKronor(data.total.sumOre)}</dd>
          </div>
          <div>
            <dt>{t("dashboard.projectCount")}</dt>
            <dd>{data.total.count}</dd>
          </div>
          <div>
            <dt>{t("dashboard.behindCount")}</dt>
            <dd>{t("dashboard.behindOf", { behind: assessed.filter((i) => i.gap!.behind).length, count: assessed.length })}</dd>
          </div>
        </dl>
      </section>

      <FundsSection
        id="by-goal"
        title={t("dashboard.goals.title")}
        intro={t("dashboard.goals.intro")}
        rows={data.goals}
        nameHeader={t("dashboard.columns.goal")}
        csvHref={csv("goals")}
        grouped
      />

      {data.dimension ? (
        <FundsSection
          id="by-tag"
          title={dimensionTitle}
          intro={t("dashboard.dimension.intro")}
          rows={data.dimension.rows}
          nameHeader={t("dashboard.columns.tag")}
          csvHref={csv("dimension")}
          before={
            <Form method="get" className="filters no-print" preventScrollReset aria-label={t("dashboard.filterDimension")}>
              {filters.year ? <input type="hidden" name="year" value={filters.year} /> : null}
              <div className="field">
                <label htmlFor="filter-dimension">{t("dashboard.filterDimension")}</label>
                <select id="filter-dimension" name="dimension" defaultValue={data.dimension.key}>
                  {data.dimensions.map((d) => (
                    <option key={d.key} value={d.key}>
                      {d.name}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <button type="submit" className="button button--secondary">
                  {t("dashboard.show")}
                </button>
              </div>
            </Form>
          }
        />
      ) : (
        <section className="dashboard-section" aria-labelledby="by-tag">
          <h2 id="by-tag">{dimensionTitle}</h2>
          <p>{t("dashboard.dimension.none")}</p>
        </section>
      )}

      <FundsSection id="by-support" title={t("dashboard.support.title")} rows={data.support} nameHeader={t("dashboard.columns.supportType")} csvHref={csv("support")} />
      <FundsSection
        id="by-year"
        title={t("dashboard.years.title")}
        intro={t("dashboard.years.intro")}
        rows={data.years}
        nameHeader={t("dashboard.columns.year")}
        csvHref={csv("years")}
      />
      <FundsSection id="by-call" title={t("dashboard.calls.title")} rows={data.calls} nameHeader={t("dashboard.columns.call")} csvHref={csv("calls")} />
      <ResultsSection results={data.results} csvHref={csv("results")} />
      <IndicatorsSection indicators={data.indicators} csvHref={csv("indicators")} />
    </div>
  );
}
