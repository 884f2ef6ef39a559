import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireOrganisation } from "~/auth/guards.server";
import { formatDateTime } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/page-title";
import { pageOfPost } from "~/threads/options";
import { listModerationActs } from "~/threads/threads.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "threads.moderationLog");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { organisation, user, membership } = await requireOrganisation(request, context, params.slug, "admin");
  const acts = await listModerationActs({ userId: user.id, organisationId: organisation.id, role: membership.role });
  return {
    slug: organisation.slug,
    acts: (acts ?? []).map((a) => ({ ...a, createdAt: a.createdAt.toISOString() })),
  };
}

export default function ModerationLog() {
  const { t } = useTranslation();
  const { slug, acts } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <p className="muted">
        <Link to={`/o/${slug}/daily`}>{t("areas.daily")}</Link>
      </p>
      <h1>{t("threads.moderationLog")}</h1>
      {acts.length === 0 ? (
        <p>{t("threads.noModeration")}</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">{t("threads.moderationLog")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("threads.when")}</th>
              <th scope="col">{t("threads.who")}</th>
              <th scope="col">{t("threads.what")}</th>
              <th scope="col">{t("threads.thread")}</th>
              <th scope="col">{t("threads.reason")}</th>
            </tr>
          </thead>
          <tbody>
            {acts.map((act) => (
              <tr key={act.id}>
                <td>
                  <time dateTime={act.createdAt}>{formatDateTime(act.createdAt)}</time>
                </td>
                <td>{act.actor?.name ?? t("threads.formerMember")}</td>
                <td>
                  {t(`threads.moderationActions.${act.action}`)}
                  {act.detail ? ` (${act.detail})` : ""}
                </td>
                <td>
                  {act.thread ? (
                    <Link to={`/o/${slug}/daily/${act.thread.id}${act.post ? `?page=${pageOfPost(act.post.number)}#post-${act.post.number}` : ""}`}>
                      {act.thread.title}
                      {act.post ? ` #${act.post.number}` : ""}
                    </Link>
                  ) : (
                    "–"
                  )}
                </td>
                <td>{act.reason || "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
