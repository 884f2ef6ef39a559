import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDate } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/page-title";
import { requireViewer } from "~/lessons/viewer.server";
import { listQuestionnaires } from "~/network-questions/questionnaires.server";
import { networkForMember } from "~/networks/networks.server";
import { hasRole } from "~/organisations/roles";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "networkQuestions.title");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { organisation, viewer } = await requireViewer(request, context, params.slug);
  const network = await networkForMember(organisation.id, params.networkId ?? "");
  if (!network) throw new Response("Not Found", { status: 404 });
  const { questionnaires, memberCount } = await listQuestionnaires(organisation.id, network.id);
  return { slug: organisation.slug, network: { id: network.id, name: network.name }, isAdmin: hasRole(viewer.role, "admin"), questionnaires, memberCount };
}

export default function NetworkQuestions() {
  const { t } = useTranslation();
  const { slug, network, isAdmin, questionnaires, memberCount } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <p className="muted">
        <Link to={`/o/${slug}/networks/${network.id}`}>{network.name}</Link>
      </p>
      <div className="page-header">
        <h1>{t("networkQuestions.title")}</h1>
        {isAdmin ? (
          <Link to="new" className="button">
            {t("networkQuestions.new")}
          </Link>
        ) : null}
      </div>
      <p className="lead">{t("networkQuestions.intro")}</p>
      {isAdmin ? null : <p className="muted">{t("networkQuestions.adminOnly")}</p>}

      <section aria-labelledby="questionnaires-heading">
        <h2 id="questionnaires-heading">{t("networkQuestions.listHeading")}</h2>
        {questionnaires.length === 0 ? (
          <p>{t("networkQuestions.none")}</p>
        ) : (
          <ul className="card-list">
            {questionnaires.map((q) => (
              <li key={q.id} className="card">
                <h3>
                  <Link to={q.id}>{q.title}</Link>
                </h3>
                <p className="muted">
                  {t("networkQuestions.sentBy", { organisation: q.sender, date: formatDate(q.createdAt) })}
                  {q.closesAt ? (
                    <>
                      {" · "}
                      {q.closed ? t("networkQuestions.closedOn", { date: formatDate(q.closesAt) }) : t("networkQuestions.closesOn", { date: formatDate(q.closesAt) })}
                    </>
                  ) : null}
                </p>
                <p>
                  {t("networkQuestions.answeredCount", { answered: q.answeredCount, members: memberCount })}{" "}
                  {q.answeredByUs ? (
                    <span className="badge badge--goal">{t("networkQuestions.answeredByUs")}</span>
                  ) : (
                    <span className="badge badge--warning">{t("networkQuestions.notAnsweredByUs")}</span>
                  )}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
