import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDate } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/page-title";
import { requireViewer } from "~/lessons/viewer.server";
import { hostChoices, listVisits } from "~/study-visits/study-visits.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "studyVisits.title");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { organisation, viewer } = await requireViewer(request, context, params.slug);
  const [visits, { hosts }] = await Promise.all([listVisits(viewer), hostChoices(organisation.id)]);
  return { slug: organisation.slug, ...visits, hasPartners: hosts.length > 0 };
}

type Summary = { id: string; title: string; visitDate: string; status: "planned" | "done"; hostName: string; participantCount: number };

function OwnVisits({ visits, empty }: { visits: Summary[]; empty: string }) {
  const { t } = useTranslation();
  if (!visits.length) return <p className="muted">{empty}</p>;
  return (
    <ul className="card-list">
      {visits.map((visit) => (
        <li key={visit.id} className="card">
          <h4>
            <Link to={visit.id}>{visit.title}</Link>
          </h4>
          <p>
            {t("studyVisits.visitTo", { host: visit.hostName })} · {formatDate(visit.visitDate)} · {t("studyVisits.participantCount", { count: visit.participantCount })}{" "}
            <span className="badge">{t(`studyVisits.statuses.${visit.status}`)}</span>
          </p>
        </li>
      ))}
    </ul>
  );
}

export default function StudyVisits() {
  const { t } = useTranslation();
  const { slug, planned, done, hosted, hasPartners } = useLoaderData<typeof loader>();
  const planLink = (
    <Link to={`/o/${slug}/visits/new`} className="button">
      {t("studyVisits.planNew")}
    </Link>
  );
  return (
    <div className="page">
      <div className="page-header">
        <h1>{t("studyVisits.title")}</h1>
        {hasPartners && planned.length + done.length > 0 ? planLink : null}
      </div>
      <p className="lead">{t("studyVisits.intro")}</p>

      <section aria-labelledby="own-visits-heading">
        <h2 id="own-visits-heading">{t("studyVisits.ours")}</h2>
        {planned.length + done.length === 0 ? (
          <div className="card">
            <p>{t("studyVisits.empty")}</p>
            {hasPartners ? (
              <>
                <p className="muted">{t("studyVisits.emptyHint")}</p>
                <p>{planLink}</p>
              </>
            ) : (
              <>
                <p className="muted">{t("studyVisits.noPartners")}</p>
                <p>
                  <Link to={`/o/${slug}/networks`} className="button button--secondary">
                    {t("studyVisits.toNetworks")}
                  </Link>
                </p>
              </>
            )}
          </div>
        ) : (
          <>
            <h3>{t("studyVisits.planned")}</h3>
            <OwnVisits visits={planned} empty={t("studyVisits.noPlanned")} />
            <h3>{t("studyVisits.done")}</h3>
            <OwnVisits visits={done} empty={t("studyVisits.noDone")} />
          </>
        )}
      </section>

      <section aria-labelledby="hosted-visits-heading">
        <h2 id="hosted-visits-heading">{t("studyVisits.hosted")}</h2>
        <p>{t("studyVisits.hostedIntro")}</p>
        {hosted.length === 0 ? (
          <p className="muted">{t("studyVisits.noHosted")}</p>
        ) : (
          <ul className="card-list">
            {hosted.map((visit) => (
              <li key={visit.id} className="card">
                <h3>
                  <Link to={visit.id}>{visit.title}</Link>
                </h3>
                <p>
                  {t("studyVisits.visitFrom", { visitors: visit.visitorName })} · {formatDate(visit.visitDate)}{" "}
                  <span className="badge">{t(`studyVisits.statuses.${visit.status}`)}</span>
                </p>
                {visit.questions.length ? (
                  <>
                    <h4>{t("studyVisits.questions")}</h4>
                    <ul>
                      {visit.questions.map((question, i) => (
                        <li key={i}>{question}</li>
                      ))}
                    </ul>
                  </>
                ) : null}
                {visit.status === "done" ? (
                  <>
                    <h4>{t("studyVisits.sharedLessons")}</h4>
                    {visit.lessons.length ? (
                      <ul>
                        {visit.lessons.map((lesson) => (
                          <li key={lesson.id}>
                            <Link to={`/o/${slug}/lessons/${lesson.id}`}>{lesson.title}</Link>
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <p className="muted">{t("studyVisits.noSharedLessons")}</p>
                    )}
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
