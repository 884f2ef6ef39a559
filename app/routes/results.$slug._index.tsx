import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { TableRegion } from "~/components/table-region";
import { formatDate, formatDateTime, formatNumber } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/page-title";
import { formatKronor } from "~/projects/money";
import { DATASETS } from "~/public-results/open-data";
import { findPublishingOrganisation, publicResults } from "~/public-results/public-results.server";
import styles from "~/styles/public-results.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, "publicResults.pageTitle", { organisation: data?.organisation.name ?? "" });

/** The public results page: readable without signing in, and only while the organisation has opted in. */
export async function loader({ params }: LoaderFunctionArgs) {
  const organisation = await findPublishingOrganisation(params.slug ?? "");
  if (!organisation) throw new Response("Not Found", { status: 404 });
  return publicResults(organisation);
}

const goalLabel = (goal: { code: string; name: string }) => `${goal.code ? `${goal.code} ` : ""}${goal.name}`;

const withYear = (point: { value: number; year: number | null } | null, unit: string) =>
  point ? `${formatNumber(point.value)} ${unit}`.trim() + (point.year ? ` (${point.year})` : "") : "–";

export default function PublicResultsPage() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const { organisation, totals } = data;
  const base = `/results/${organisation.slug}`;
  // One table per strategy, in the order the strategies come.
  const strategies = [...new Map(data.fundsByGoal.map((row) => [row.strategy.id, row.strategy])).values()];

  return (
    <div className="page public-results">
      <header>
        <h1>
          {t("publicResults.title")}
          <span className="public-results__organisation">{organisation.name}</span>
        </h1>
        <p className="lead">{t("publicResults.intro", { organisation: organisation.name })}</p>
        <dl className="facts">
          <div>
            <dt>{t("publicResults.facts.projects")}</dt>
            <dd>{formatNumber(totals.projectCount)}</dd>
          </div>
          <div>
            <dt>{t("publicResults.facts.decided")}</dt>
            <dd>{formatKronor(totals.decided.ore)}</dd>
          </div>
          <div>
            <dt>{t("publicResults.facts.updated")}</dt>
            <dd>{formatDateTime(data.generatedAt)}</dd>
          </div>
        </dl>
        <nav aria-labelledby="contents-heading" className="public-results__contents no-print">
          <h2 id="contents-heading" className="visually-hidden">
            {t("publicResults.contents")}
          </h2>
          <ul className="inline-list">
            <li>
              <a href="#money-by-goal">{t("publicResults.goals.heading")}</a>
            </li>
            <li>
              <a href="#money-by-year">{t("publicResults.years.heading")}</a>
            </li>
            <li>
              <a href="#results">{t("publicResults.results.heading")}</a>
            </li>
            <li>
              <a href="#lessons">{t("publicResults.lessons.heading")}</a>
            </li>
            <li>
              <a href="#open-data">{t("publicResults.openData.heading")}</a>
            </li>
          </ul>
        </nav>
      </header>

      <section aria-labelledby="money-by-goal">
        <h2 id="money-by-goal">{t("publicResults.goals.heading")}</h2>
        {strategies.length ? (
          <>
            <p>{t("publicResults.goals.intro")}</p>
            {strategies.map((strategy) => (
              <TableRegion key={strategy.id} label={t("publicResults.goals.caption", { strategy: strategy.name })}>
                <table>
                  <caption>{t("publicResults.goals.caption", { strategy: strategy.name })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("publicResults.goals.goal")}</th>
                      <th scope="col" className="numeric">
                        {t("publicResults.goals.projects")}
                      </th>
                      <th scope="col" className="numeric">
                        {t("publicResults.goals.decided")}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.fundsByGoal
                      .filter((row) => row.strategy.id === strategy.id)
                      .map((row) => (
                        <tr key={row.goal.id}>
                          <th scope="row">{goalLabel(row.goal)}</th>
                          <td className="numeric">{formatNumber(row.projectCount)}</td>
                          <td className="numeric">{formatKronor(row.decided.ore)}</td>
                        </tr>
                      ))}
                  </tbody>
                </table>
              </TableRegion>
            ))}
            <p className="muted">{t("publicResults.goals.overlap")}</p>
            {totals.withoutGoal.projectCount ? (
              <p className="muted">
                {t("publicResults.goals.withoutGoal", { count: totals.withoutGoal.projectCount, amount: formatKronor(totals.withoutGoal.decided.ore) })}
              </p>
            ) : null}
          </>
        ) : (
          <p>{t("publicResults.goals.none")}</p>
        )}
      </section>

      <section aria-labelledby="money-by-year">
        <h2 id="money-by-year">{t("publicResults.years.heading")}</h2>
        {data.fundsByYear.length ? (
          <TableRegion label={t("publicResults.years.caption")}>
            <table>
              <caption>{t("publicResults.years.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("publicResults.years.year")}</th>
                  <th scope="col" className="numeric">
                    {t("publicResults.years.projects")}
                  </th>
                  <th scope="col" className="numeric">
                    {t("publicResults.years.projectSupport")}
                  </th>
                  <th scope="col" className="numeric">
                    {t("publicResults.years.companySupport")}
                  </th>
                  <th scope="col" className="numeric">
                    {t("publicResults.years.total")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.fundsByYear.map((row) => (
                  <tr key={row.year ?? "none"}>
                    <th scope="row">{row.year ?? t("publicResults.years.noYear")}</th>
                    <td className="numeric">{formatNumber(row.projectCount)}</td>
                    <td className="numeric">{formatKronor(row.projectSupport.ore)}</td>
                    <td className="numeric">{formatKronor(row.companySupport.ore)}</td>
                    <td className="numeric">{formatKronor(row.decided.ore)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        ) : (
          <p>{t("publicResults.years.none")}</p>
        )}
      </section>

      <section aria-labelledby="results">
        <h2 id="results">{t("publicResults.results.heading")}</h2>
        <h3>{t("publicResults.results.projectsHeading")}</h3>
        <p>{t("publicResults.results.projectsIntro")}</p>
        {data.results.length ? (
          <TableRegion label={t("publicResults.results.caption")}>
            <table>
              <caption>{t("publicResults.results.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("publicResults.results.indicator")}</th>
                  <th scope="col">{t("publicResults.results.unit")}</th>
                  <th scope="col" className="numeric">
                    {t("publicResults.results.expected")}
                  </th>
                  <th scope="col" className="numeric">
                    {t("publicResults.results.realised")}
                  </th>
                  <th scope="col" className="numeric">
                    {t("publicResults.results.projects")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.results.map((row) => (
                  <tr key={`${row.indicator.id}-${row.unit}`}>
                    <th scope="row">
                      {row.indicator.name}
                      <span className="muted"> · {goalLabel({ code: row.indicator.goalCode, name: row.indicator.goalName })}</span>
                    </th>
                    <td>{row.unit}</td>
                    <td className="numeric">{formatNumber(row.expected)}</td>
                    <td className="numeric">{formatNumber(row.realised)}</td>
                    <td className="numeric">{formatNumber(row.projectCount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        ) : (
          <p>{t("publicResults.results.none")}</p>
        )}
        {data.resultsWithoutIndicator ? <p className="muted">{t("publicResults.results.unlinked", { count: data.resultsWithoutIndicator })}</p> : null}

        <h3>{t("publicResults.results.societyHeading")}</h3>
        <p>{t("publicResults.results.societyIntro")}</p>
        {data.indicators.length ? (
          <TableRegion label={t("publicResults.results.societyCaption")}>
            <table>
              <caption>{t("publicResults.results.societyCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("publicResults.results.indicator")}</th>
                  <th scope="col">{t("publicResults.results.goal")}</th>
                  <th scope="col" className="numeric">
                    {t("publicResults.results.baseline")}
                  </th>
                  <th scope="col" className="numeric">
                    {t("publicResults.results.latest")}
                  </th>
                  <th scope="col" className="numeric">
                    {t("publicResults.results.target")}
                  </th>
                  <th scope="col">{t("publicResults.results.source")}</th>
                </tr>
              </thead>
              <tbody>
                {data.indicators.map((indicator) => (
                  <tr key={indicator.id}>
                    <th scope="row">{indicator.name}</th>
                    <td>{goalLabel(indicator.goal)}</td>
                    <td className="numeric">{withYear(indicator.baseline, indicator.unit)}</td>
                    <td className="numeric">{withYear(indicator.latest, indicator.unit)}</td>
                    <td className="numeric">{withYear(indicator.target, indicator.unit)}</td>
                    <td>{indicator.source}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        ) : (
          <p>{t("publicResults.results.societyNone")}</p>
        )}
      </section>

      <section aria-labelledby="lessons">
        <h2 id="lessons">{t("publicResults.lessons.heading")}</h2>
        <p>{t("publicResults.lessons.intro")}</p>
        {data.lessons.length ? (
          <ul className="lesson-list public-results__lessons">
            {data.lessons.map((lesson) => (
              <li key={lesson.id} className="card">
                <h3>
                  <Link to={`${base}/lessons/${lesson.id}`}>{lesson.title}</Link>
                </h3>
                <p className="muted">{t("publicResults.lessons.published", { date: formatDate(lesson.publishedAt) })}</p>
                {lesson.whatWeLearned ? <p className="public-results__learned">{lesson.whatWeLearned}</p> : null}
                {lesson.goals.length ? (
                  <p className="badges">
                    <span className="visually-hidden">{t("publicResults.lessons.goals")}: </span>
                    {lesson.goals.map((goal, index) => (
                      <Fragment key={`${goal.code}-${goal.name}`}>
                        {index > 0 ? " " : null}
                        <span className="badge badge--goal">{goalLabel(goal)}</span>
                      </Fragment>
                    ))}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("publicResults.lessons.none")}</p>
        )}
      </section>

      <section aria-labelledby="open-data" className="public-results__open-data">
        <h2 id="open-data">{t("publicResults.openData.heading")}</h2>
        <p>{t("publicResults.openData.intro")}</p>
        <ul>
          {DATASETS.map((dataset) => (
            <li key={dataset}>
              <a href={`${base}/${dataset}.csv`} download>
                {t(`publicResults.openData.csv.${dataset}`)}
              </a>
            </li>
          ))}
          <li>
            <a href={`/api/v1/results/${organisation.slug}`}>{t("publicResults.openData.api")}</a>
          </li>
          <li>
            <a href="/api/v1">{t("publicResults.openData.docs")}</a>
          </li>
        </ul>
      </section>
    </div>
  );
}
