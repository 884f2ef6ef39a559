import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { appOrigin } from "~/auth/guards.server";
import { StatusMessage } from "~/components/forms";
import { db } from "~/db.server";
import { formatDateTime } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/page-title";
import { requireViewer } from "~/lessons/viewer.server";
import { calendarToken, canPlanSessions, listSessions } from "~/sessions/sessions.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "areas.sessions");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { organisation, viewer, user } = await requireViewer(request, context, params.slug);
  const [sessions, me] = await Promise.all([listSessions(viewer), db.user.findUniqueOrThrow({ where: { id: user.id }, select: { calendarToken: true } })]);
  return {
    slug: organisation.slug,
    canPlan: canPlanSessions(viewer),
    ...sessions,
    feedUrl: me.calendarToken ? `${appOrigin(request)}/calendar/${me.calendarToken}/larloop.ics` : null,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user } = await requireViewer(request, context, params.slug);
  const formData = await request.formData();
  if (formData.get("intent") !== "calendar-feed") throw new Response("Bad Request", { status: 400 });
  // A new address voids the old one, for a link that leaked.
  await calendarToken(user.id, true);
  return json({ notice: "sessions.feedCreated" });
}

type Row = Awaited<ReturnType<typeof listSessions>>["upcoming"][number];

function SessionList({ sessions, slug, caption }: { sessions: Row[]; slug: string; caption: string }) {
  const { t } = useTranslation();
  return (
    <table className="table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("sessions.session")}</th>
          <th scope="col">{t("sessions.when")}</th>
          <th scope="col">{t("sessions.status")}</th>
          <th scope="col">{t("sessions.yourAnswer")}</th>
        </tr>
      </thead>
      <tbody>
        {sessions.map((s) => (
          <tr key={s.id}>
            <td>
              <Link to={`/o/${slug}/sessions/${s.id}`}>{s.title}</Link>
              <p className="muted thread-table__meta">
                {s.series ? `${t("sessions.series")}: ${s.series.title}` : null}
                {!s.own ? `${s.series ? " · " : ""}${s.organisation.name}` : null}
                {s.place ? `${s.series || !s.own ? " · " : ""}${s.place}` : null}
              </p>
            </td>
            <td>
              <time dateTime={s.startsAt}>{formatDateTime(s.startsAt)}</time>
            </td>
            <td>
              {t(`sessions.statuses.${s.status}`)}
              {s._count.lessons ? ` · ${t("threads.lessonCount", { count: s._count.lessons })}` : ""}
            </td>
            <td>{s.myRole === "facilitator" ? t("sessions.youFacilitate") : s.myRsvp ? t(`sessions.rsvps.${s.myRsvp}`) : "–"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function Sessions() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="page">
      <div className="page-header">
        <h1>{t("areas.sessions")}</h1>
        {data.canPlan ? (
          <Link to="new" className="button">
            {t("sessions.plan")}
          </Link>
        ) : null}
      </div>
      <p className="lead">{t("sessions.intro")}</p>
      {actionData?.notice ? <StatusMessage>{t(actionData.notice)}</StatusMessage> : null}
      {data.upcoming.length ? <SessionList sessions={data.upcoming} slug={data.slug} caption={t("sessions.upcoming")} /> : <p>{t("sessions.noneUpcoming")}</p>}
      {data.past.length ? <SessionList sessions={data.past} slug={data.slug} caption={t("sessions.past")} /> : null}

      <section aria-labelledby="feed-heading" className="card">
        <h2 id="feed-heading">{t("sessions.feedTitle")}</h2>
        <p>{t("sessions.feedIntro")}</p>
        {data.feedUrl ? (
          <div className="field">
            <label htmlFor="feed-url">{t("sessions.feedUrl")}</label>
            <input id="feed-url" readOnly value={data.feedUrl} onFocus={(e) => e.currentTarget.select()} />
          </div>
        ) : null}
        <Form method="post">
          <input type="hidden" name="intent" value="calendar-feed" />
          <button type="submit" className="button button--secondary">
            {data.feedUrl ? t("sessions.feedRotate") : t("sessions.feedCreate")}
          </button>
        </Form>
      </section>
    </div>
  );
}
