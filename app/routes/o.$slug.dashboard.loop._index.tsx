import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireOrganisation } from "~/auth/guards.server";
import { TableRegion } from "~/components/table-region";
import { formatNumber } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/page-title";
import { figureHref, type Figure, type LoopFigures } from "~/loop/figures";
import { loopOverview } from "~/loop/loop.server";
import { LoopQuerySchema, searchParams } from "~/loop/schemas";
import { formatKronor } from "~/projects/money";
import loopStyles from "~/styles/loop.css";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "loop.title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: loopStyles }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { organisation } = await requireOrganisation(request, context, params.slug);
  const year = LoopQuerySchema.parse(searchParams(request)).year ?? null;
  return { slug: organisation.slug, year, ...(await loopOverview(organisation.id, year)) };
}

/** The figures of one row, each a link to its list; the median has no list of its own when there is nothing behind it. */
function FigureCells({ figures, href }: { figures: LoopFigures; href: (figure: Figure) => string }) {
  const { t } = useTranslation();
  return (
    <>
      <td className="numeric">
        <Link to={href("published")}>{figures.published}</Link>
      </td>
      <td className="numeric">
        <Link to={href("applied")}>{figures.applied}</Link>
      </td>
      <td className="numeric">{figures.medianDays === null ? t("loop.noValue") : <Link to={href("days")}>{formatNumber(figures.medianDays, 1)}</Link>}</td>
      <td className="numeric">
        <Link to={href("calls-with-brief")}>{figures.callsWithBrief}</Link>
      </td>
      <td className="numeric">
        <Link to={href("calls-without-brief")}>{figures.callsWithoutBrief}</Link>
      </td>
      <td className="numeric">
        <Link to={href("money")}>{formatKronor(figures.moneyOre)}</Link>
      </td>
      <td className="numeric">
        <Link to={href("projects")}>{figures.projects}</Link>
      </td>
    </>
  );
}

function FigureHeaders() {
  const { t } = useTranslation();
  return (
    <>
      <th scope="col" className="numeric">{t("loop.columns.published")}</th>
      <th scope="col" className="numeric">{t("loop.columns.applied")}</th>
      <th scope="col" className="numeric">{t("loop.columns.days")}</th>
      <th scope="col" className="numeric">{t("loop.columns.callsWithBrief")}</th>
      <th scope="col" className="numeric">{t("loop.columns.callsWithoutBrief")}</th>
      <th scope="col" className="numeric">{t("loop.columns.money")}</th>
      <th scope="col" className="numeric">{t("loop.columns.projects")}</th>
    </>
  );
}

export default function LearningLoop() {
  const { t } = useTranslation();
  const { slug, year, goals, total, years, results, hasCalls } = useLoaderData<typeof loader>();
  const period = year ? String(year) : t("loop.periodAll");
  const yearOptions = year && !years.some((y) => y.year === year) ? [...years.map((y) => y.year), year].sort() : years.map((y) => y.year);
  // Goals grouped under their strategy, in tree order.
  const strategies = [...new Set(goals.map((g) => g.strategyId))].map((id) => ({ id, goals: goals.filter((g) => g.strategyId === id) }));
  return (
    <div className="page">
      <nav aria-label={t("areas.dashboard")} className="breadcrumbs">
        <ol>
          <li>
            <Link to={`/o/${slug}/dashboard`}>{t("areas.dashboard")}</Link>
          </li>
        </ol>
      </nav>
      <div className="page-header">
        <h1>{t("loop.title")}</h1>
        <a href={`/o/${slug}/dashboard/loop.csv${year ? `?year=${year}` : ""}`} className="button button--secondary" download>
          {t("loop.downloadCsv")}
        </a>
      </div>
      <p className="lead">{t("loop.intro")}</p>
      <Form method="get" className="filters">
        <div className="field">
          <label htmlFor="loop-year">{t("loop.year")}</label>
          <select id="loop-year" name="year" defaultValue={year ?? ""}>
            <option value="">{t("loop.allYears")}</option>
            {yearOptions.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div>
          <button type="submit" className="button button--secondary">
            {t("loop.show")}
          </button>
        </div>
      </Form>

      {hasCalls ? null : <p className="empty-state">{t("loop.noCalls")}</p>}

      <h2>{t("loop.byGoal")}</h2>
      <TableRegion label={t("loop.byGoal")}>
        <table>
          <caption className="visually-hidden">{t("loop.byGoalCaption", { period })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("loop.goal")}</th>
              <FigureHeaders />
            </tr>
          </thead>
          {strategies.map((s) => (
            <tbody key={s.id}>
              <tr className="loop-strategy">
                <th scope="rowgroup" colSpan={8}>
                  {s.goals[0].strategy}
                </th>
              </tr>
              {s.goals.map((g) => (
                <tr key={g.id}>
                  <th scope="row" className={g.depth ? `loop-goal--${Math.min(g.depth, 4)}` : undefined}>
                    {g.code ? <span className="goal-code">{g.code} </span> : null}
                    <Link to={`/o/${slug}/goals/${g.id}`}>{g.name}</Link>
                  </th>
                  <FigureCells figures={g.figures} href={(f) => figureHref(slug, f, g.id, year)} />
                </tr>
              ))}
            </tbody>
          ))}
          <tbody>
            <tr className="loop-total">
              <th scope="row">{t("loop.total")}</th>
              <FigureCells figures={total} href={(f) => figureHref(slug, f, null, year)} />
            </tr>
          </tbody>
        </table>
      </TableRegion>

      <h2>{t("loop.byYear")}</h2>
      {years.length === 0 ? (
        <p>{t("loop.noYears")}</p>
      ) : (
        <TableRegion label={t("loop.byYear")}>
          <table>
            <caption className="visually-hidden">{t("loop.byYearCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("loop.year")}</th>
                <FigureHeaders />
              </tr>
            </thead>
            <tbody>
              {years.map((y) => (
                <tr key={y.year}>
                  <th scope="row">{y.year}</th>
                  <FigureCells figures={y.figures} href={(f) => figureHref(slug, f, null, y.year)} />
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}

      <h2>{t("loop.results")}</h2>
      <p>{t("loop.resultsIntro", { period })}</p>
      {results.length === 0 ? (
        <p>{t("loop.noResults")}</p>
      ) : (
        <TableRegion label={t("loop.results")}>
          <table>
            <caption className="visually-hidden">{t("loop.resultsCaption", { period })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("loop.indicator")}</th>
                <th scope="col">{t("loop.unit")}</th>
                <th scope="col" className="numeric">{t("loop.expected")}</th>
                <th scope="col" className="numeric">{t("loop.realised")}</th>
                <th scope="col" className="numeric">{t("loop.projectCount")}</th>
              </tr>
            </thead>
            <tbody>
              {results.map((r) => (
                <tr key={r.key}>
                  <th scope="row">{r.name ?? t("loop.noIndicator")}</th>
                  <td>{r.unit}</td>
                  {[formatNumber(r.expected), formatNumber(r.realised), r.projects].map((value, i) => (
                    // Each sum leads to the projects behind it, with their own expected and realised values.
                    <td key={i} className="numeric">
                      <Link to={figureHref(slug, "projects", null, year, r.key)}>{value}</Link>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}

      <section className="loop-how" aria-labelledby="loop-how">
        <h2 id="loop-how">{t("loop.howTitle")}</h2>
        <ul>
          {(["rows", "published", "applied", "days", "calls", "money", "results", "years"] as const).map((key) => (
            <li key={key}>{t(`loop.how.${key}`)}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}
