import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireOrganisation } from "~/auth/guards.server";
import { pageTitle } from "~/i18n/page-title";
import { PresenceList } from "~/live/presence-list";
import { AREAS } from "~/organisations/areas";
import { ActionDoneSchema } from "~/sessions/schemas";
import { myOpenActions, setActionDone } from "~/sessions/run.server";
import { listThreads } from "~/threads/threads.server";
import { formatDateTime } from "~/i18n/i18n";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, "org.overviewTitle", { organisation: data?.organisation.name });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, organisation, membership } = await requireOrganisation(request, context, params.slug);
  const recent = await listThreads({ userId: user.id, organisationId: organisation.id, role: membership.role }, { sort: "activity", page: 1 });
  const actions = await myOpenActions(user.id);
  return {
    organisation,
    role: membership.role,
    userId: user.id,
    threads: recent.threads.slice(0, 5),
    today: new Date().toISOString().slice(0, 10),
    actions: actions.map((a) => ({ id: a.id, title: a.title, dueDate: a.dueDate?.toISOString().slice(0, 10) ?? null, session: a.session })),
  };
}

/** Marking one's own action item done, from the start page. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, organisation, membership } = await requireOrganisation(request, context, params.slug);
  const input = ActionDoneSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!input.success) throw new Response("Bad Request", { status: 400 });
  const viewer = { userId: user.id, organisationId: organisation.id, role: membership.role };
  if (!(await setActionDone(viewer, input.data.actionId, input.data.intent === "action-done"))) throw new Response("Not Found", { status: 404 });
  return json({ ok: true });
}

export default function OrganisationOverview() {
  const { t } = useTranslation();
  const { organisation, role, userId, threads, actions, today } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>{organisation.name}</h1>
      <p className="muted">{t("org.yourRole", { role: t(`roles.${role}`) })}</p>
      <div className="columns">
        <div>
          <section aria-labelledby="about-heading">
            <h2 id="about-heading">{t("org.about")}</h2>
            <p>{organisation.description || t("org.noDescription")}</p>
          </section>
          {actions.length ? (
            <section aria-labelledby="my-actions-heading">
              <h2 id="my-actions-heading">{t("org.myActions")}</h2>
              <ul className="card-list">
                {actions.map((a) => (
                  <li key={a.id} className="card card--row">
                    <span>
                      {a.title}{" "}
                      {a.dueDate && a.dueDate < today ? <span className="badge badge--warning">{t("sessions.overdue")}</span> : null}
                      <span className="muted">
                        {a.dueDate ? ` · ${t("sessions.due", { date: a.dueDate })}` : ""}
                        {a.session ? (
                          <>
                            {" · "}
                            <Link to={`/o/${a.session.organisation.slug}/sessions/${a.session.id}`}>{a.session.title}</Link>
                          </>
                        ) : null}
                      </span>
                    </span>
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="action-done" />
                      <input type="hidden" name="actionId" value={a.id} />
                      <button type="submit" className="button button--secondary button--small">
                        {t("sessions.markDone")}
                        <span className="visually-hidden"> {a.title}</span>
                      </button>
                    </Form>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {threads.length ? (
            <section aria-labelledby="recent-threads-heading">
              <h2 id="recent-threads-heading">{t("org.recentThreads")}</h2>
              <ul className="card-list">
                {threads.map((thread) => (
                  <li key={thread.id} className="card card--row">
                    <span>
                      <Link to={`/o/${organisation.slug}/daily/${thread.id}`}>{thread.title}</Link>{" "}
                      {thread.neverRead ? (
                        <span className="badge badge--new">{t("threads.new_badge")}</span>
                      ) : thread.unread > 0 ? (
                        <span className="badge badge--new">{t("threads.unread", { count: thread.unread })}</span>
                      ) : null}
                    </span>
                    <span className="muted">
                      {t("threads.repliesCount", { count: thread.replies })} · <time dateTime={thread.lastPostAt}>{formatDateTime(thread.lastPostAt)}</time>
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <section aria-labelledby="areas-heading">
            <h2 id="areas-heading">{t("org.areasTitle")}</h2>
            <ul className="card-grid">
              {AREAS.map((area) => (
                <li key={area} className="card">
                  <h3>
                    <Link to={`/o/${organisation.slug}/${area}`}>{t(`areas.${area}`)}</Link>
                  </h3>
                  <p>{t(`areas.description.${area}`)}</p>
                </li>
              ))}
            </ul>
          </section>
        </div>
        <PresenceList organisationId={organisation.id} currentUserId={userId} />
      </div>
    </div>
  );
}
