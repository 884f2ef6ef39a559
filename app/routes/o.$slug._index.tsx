import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireOrganisation } from "~/auth/guards.server";
import { pageTitle } from "~/i18n/page-title";
import { PresenceList } from "~/live/presence-list";
import { AREAS } from "~/organisations/areas";
import { listThreads } from "~/threads/threads.server";
import { formatDateTime } from "~/i18n/i18n";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, "org.overviewTitle", { organisation: data?.organisation.name });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, organisation, membership } = await requireOrganisation(request, context, params.slug);
  const recent = await listThreads({ userId: user.id, organisationId: organisation.id, role: membership.role }, { sort: "activity", page: 1 });
  return { organisation, role: membership.role, userId: user.id, threads: recent.threads.slice(0, 5) };
}

export default function OrganisationOverview() {
  const { t } = useTranslation();
  const { organisation, role, userId, threads } = useLoaderData<typeof loader>();
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
