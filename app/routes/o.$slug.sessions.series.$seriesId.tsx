import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { db } from "~/db.server";
import { formatDateTime } from "~/i18n/i18n";
import { requireViewer } from "~/lessons/viewer.server";
import { sessionVisibleWhere } from "~/sessions/sessions.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.series.title ?? ""} · Lärloop` }];

/** How learning accumulated over a series: per session the notes, lessons and actions, and the running totals. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { organisation, viewer } = await requireViewer(request, context, params.slug);
  const series = await db.sessionSeries.findFirst({ where: { id: params.seriesId ?? "", organisationId: organisation.id } });
  if (!series) throw new Response("Not Found", { status: 404 });
  const sessions = await db.learningSession.findMany({
    where: { AND: [{ seriesId: series.id }, sessionVisibleWhere(viewer)] },
    orderBy: { startsAt: "asc" },
    select: {
      id: true,
      title: true,
      startsAt: true,
      status: true,
      _count: { select: { notes: true, lessons: true, recommendations: true } },
      actionItems: { select: { doneAt: true } },
    },
  });
  let lessons = 0;
  let actionsDone = 0;
  const rows = sessions.map((s) => {
    lessons += s._count.lessons;
    actionsDone += s.actionItems.filter((a) => a.doneAt).length;
    return {
      id: s.id,
      title: s.title,
      startsAt: s.startsAt.toISOString(),
      status: s.status,
      notes: s._count.notes,
      lessons: s._count.lessons,
      recommendations: s._count.recommendations,
      actions: s.actionItems.length,
      actionsDone: s.actionItems.filter((a) => a.doneAt).length,
      lessonsSoFar: lessons,
      actionsDoneSoFar: actionsDone,
    };
  });
  return { slug: organisation.slug, series: { title: series.title, theme: series.theme, recurrence: series.recurrence }, rows };
}

export default function SeriesPage() {
  const { t } = useTranslation();
  const { slug, series, rows } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <p className="muted">
        <Link to={`/o/${slug}/sessions`}>{t("areas.sessions")}</Link>
      </p>
      <h1>{series.title}</h1>
      <p className="lead">
        {t(`sessions.recurrences.${series.recurrence}`)}
        {series.theme ? ` · ${series.theme}` : ""}
      </p>
      <table className="table">
        <caption>{t("sessions.seriesCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("sessions.session")}</th>
            <th scope="col">{t("sessions.when")}</th>
            <th scope="col">{t("sessions.notesCount")}</th>
            <th scope="col">{t("sessions.lessonsCount")}</th>
            <th scope="col">{t("sessions.recommendations")}</th>
            <th scope="col">{t("sessions.actionsDone")}</th>
            <th scope="col">{t("sessions.soFar")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>
                <Link to={`/o/${slug}/sessions/${r.id}`}>{r.title}</Link> <span className="muted">({t(`sessions.statuses.${r.status}`)})</span>
              </td>
              <td>
                <time dateTime={r.startsAt}>{formatDateTime(r.startsAt)}</time>
              </td>
              <td className="numeric">{r.notes}</td>
              <td className="numeric">{r.lessons}</td>
              <td className="numeric">{r.recommendations}</td>
              <td className="numeric">
                {r.actionsDone} / {r.actions}
              </td>
              <td>{t("sessions.soFarText", { lessons: r.lessonsSoFar, actions: r.actionsDoneSoFar })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
