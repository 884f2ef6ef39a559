import type { LoaderFunctionArgs, MetaFunction, SerializeFrom } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireOrganisation } from "~/auth/guards.server";
import { TableRegion } from "~/components/table-region";
import { formatDate, formatNumber } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/page-title";
import { median } from "~/loop/figures";
import { loopFigureList } from "~/loop/loop.server";
import { FigureQuerySchema, FigureSchema, searchParams } from "~/loop/schemas";
import { formatKronor } from "~/projects/money";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data ? `loop.figures.${data.figure}` : "loop.title");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { organisation } = await requireOrganisation(request, context, params.slug);
  const figure = FigureSchema.safeParse(params.figure);
  if (!figure.success) throw new Response("Not Found", { status: 404 });
  const query = FigureQuerySchema.parse(searchParams(request));
  const list = await loopFigureList(organisation.id, { figure: figure.data, goalId: query.goal ?? null, year: query.year ?? null, result: query.result ?? null });
  if (!list) throw new Response("Not Found", { status: 404 });
  return { slug: organisation.slug, figure: figure.data, list };
}

type List = SerializeFrom<typeof loader>["list"];

function LessonTable({ slug, figure, lessons }: { slug: string; figure: string; lessons: Extract<List, { kind: "lessons" }>["lessons"] }) {
  const { t } = useTranslation();
  return (
    <table>
      <caption className="visually-hidden">{t(`loop.figures.${figure}`)}</caption>
      <thead>
        <tr>
          <th scope="col">{t("loop.list.lesson")}</th>
          <th scope="col">{t("loop.list.organisation")}</th>
          <th scope="col">{t("loop.list.publishedOn")}</th>
          {figure === "applied" ? <th scope="col">{t("loop.list.appliedIn")}</th> : null}
          {figure === "days" ? (
            <>
              <th scope="col">{t("loop.list.firstApplied")}</th>
              <th scope="col" className="numeric">{t("loop.list.days")}</th>
            </>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {lessons.map((l) => (
          <tr key={l.id}>
            <th scope="row">
              <Link to={`/o/${slug}/lessons/${l.id}`}>{l.title}</Link>
            </th>
            <td>{l.organisation.name}</td>
            <td>{l.publishedAt ? formatDate(l.publishedAt) : t("loop.noValue")}</td>
            {figure === "applied" || figure === "days" ? (
              <td>
                <ul className="inline-list">
                  {l.applications.map((a) => (
                    <li key={a.callId}>
                      <Link to={`/o/${slug}/calls/${a.callId}`}>{a.callTitle}</Link>, {formatDate(a.appliedAt)}
                    </li>
                  ))}
                </ul>
              </td>
            ) : null}
            {figure === "days" ? <td className="numeric">{l.days ?? t("loop.noValue")}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function LoopFigure() {
  const { t } = useTranslation();
  const { slug, figure, list } = useLoaderData<typeof loader>();
  const goal = list.goal ? `${list.goal.code ? `${list.goal.code} ` : ""}${list.goal.name}` : null;
  const back = `/o/${slug}/dashboard/loop${list.year ? `?year=${list.year}` : ""}`;
  const empty = (list.kind === "lessons" ? list.lessons : list.kind === "calls" ? list.calls : list.projects).length === 0;
  let summary: string;
  if (list.kind === "lessons") {
    summary = t("loop.list.lessons", { count: list.lessons.length });
    const days = median(list.lessons.flatMap((l) => (l.days === null ? [] : [l.days])));
    if (figure === "days" && days !== null) summary += ` · ${t("loop.list.medianDays", { days: formatNumber(days, 1) })}`;
  } else if (list.kind === "calls") summary = t("loop.list.calls", { count: list.calls.length });
  else summary = t("loop.list.projects", { count: list.projects.length, amount: formatKronor(list.sumOre) });

  return (
    <div className="page">
      <nav aria-label={t("areas.dashboard")} className="breadcrumbs">
        <ol>
          <li>
            <Link to={`/o/${slug}/dashboard`}>{t("areas.dashboard")}</Link>
          </li>
          <li>
            <Link to={back}>{t("loop.title")}</Link>
          </li>
        </ol>
      </nav>
      <h1>{t(`loop.figures.${figure}`)}</h1>
      <dl className="facts">
        <div>
          <dt>{t("loop.goal")}</dt>
          <dd>{goal ? t("loop.list.scopeGoal", { goal }) : t("loop.total")}</dd>
        </div>
        <div>
          <dt>{t("loop.year")}</dt>
          <dd>{list.year ?? t("loop.allYears")}</dd>
        </div>
        {list.kind === "projects" && list.result ? (
          <div>
            <dt>{t("loop.indicator")}</dt>
            <dd>{[list.result.name ?? t("loop.noIndicator"), list.result.unit].filter(Boolean).join(", ")}</dd>
          </div>
        ) : null}
      </dl>
      <p role="status">{summary}</p>

      {empty ? (
        <p>{t("loop.list.none")}</p>
      ) : (
        <TableRegion label={t(`loop.figures.${figure}`)}>
          {list.kind === "lessons" ? <LessonTable slug={slug} figure={figure} lessons={list.lessons} /> : null}
          {list.kind === "calls" ? (
            <table>
              <caption className="visually-hidden">{t(`loop.figures.${figure}`)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("loop.list.call")}</th>
                  <th scope="col">{t("loop.list.status")}</th>
                  <th scope="col">{t("loop.list.opensOn")}</th>
                  <th scope="col" className="numeric">{t("loop.list.assessed")}</th>
                  <th scope="col" className="numeric">{t("loop.list.appliedCount")}</th>
                </tr>
              </thead>
              <tbody>
                {list.calls.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">
                      <Link to={`/o/${slug}/calls/${c.id}`}>{c.title}</Link>
                    </th>
                    <td>{t(`loop.callStatuses.${c.status}`, { defaultValue: c.status })}</td>
                    <td>{c.opensOn ? formatDate(c.opensOn) : t("loop.noValue")}</td>
                    <td className="numeric">{c.assessed}</td>
                    <td className="numeric">{c.applied}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {list.kind === "projects" ? (
            <table>
              <caption className="visually-hidden">{t(`loop.figures.${figure}`)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("loop.list.caseNumber")}</th>
                  <th scope="col">{t("loop.list.project")}</th>
                  <th scope="col">{t("loop.list.call")}</th>
                  <th scope="col">{t("loop.list.decisionDate")}</th>
                  <th scope="col" className="numeric">{t("loop.list.amount")}</th>
                  {list.result ? (
                    <>
                      <th scope="col" className="numeric">{t("loop.expected")}</th>
                      <th scope="col" className="numeric">{t("loop.realised")}</th>
                    </>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {list.projects.map((p) => (
                  <tr key={p.id}>
                    <td>{p.caseNumber}</td>
                    <th scope="row">
                      <Link to={`/o/${slug}/projects/${p.id}`}>{p.name}</Link>
                    </th>
                    <td>{p.call ? <Link to={`/o/${slug}/calls/${p.call.id}`}>{p.call.title}</Link> : null}</td>
                    <td>{p.decisionDate ? formatDate(p.decisionDate) : t("loop.noValue")}</td>
                    <td className="numeric">{formatKronor(p.decidedAmountOre)}</td>
                    {list.result ? (
                      <>
                        <td className="numeric">{formatNumber(p.expected ?? 0)}</td>
                        <td className="numeric">{formatNumber(p.realised ?? 0)}</td>
                      </>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </TableRegion>
      )}
    </div>
  );
}
