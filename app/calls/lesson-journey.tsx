import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDate } from "~/i18n/i18n";
import type { JourneyCall } from "./lesson-journey.server";

/**
 * The lesson's life as a chain: published → considered in a call → applied →
 * the projects funded under that call report results. Each step says when it
 * was reached, or "not yet".
 */
export function LessonJourney({ slug, publishedAt, calls }: { slug: string; publishedAt: string | null; calls: JourneyCall[] }) {
  const { t } = useTranslation();
  const applied = calls.filter((c) => c.verdict === "applied");
  const reporting = applied.filter((c) => c.projectsWithResults > 0);
  const callName = (c: JourneyCall) =>
    c.callId ? <Link to={`/o/${slug}/calls/${c.callId}`}>{c.callTitle}</Link> : t("calls.journey.partnerCall", { organisation: c.organisationName, title: c.callTitle });
  const steps = [
    {
      key: "published",
      reached: Boolean(publishedAt),
      title: publishedAt ? t("calls.journey.published") : t("calls.journey.notPublished"),
      body: publishedAt ? <time dateTime={publishedAt}>{formatDate(publishedAt)}</time> : null,
    },
    {
      key: "considered",
      reached: calls.length > 0,
      title: t("calls.journey.considered"),
      body: calls.length ? (
        <ul>
          {calls.map((c) => (
            <li key={`${c.organisationName}-${c.callTitle}-${c.assessedAt}`}>
              {callName(c)} – {t(`calls.verdicts.${c.verdict}`)}, {formatDate(c.assessedAt)}
              {c.verdict === "not-applied" && c.note ? <> · {t("calls.journey.whyNot", { note: c.note })}</> : null}
            </li>
          ))}
        </ul>
      ) : null,
    },
    {
      key: "applied",
      reached: applied.length > 0,
      title: t("calls.journey.applied"),
      body: applied.length ? (
        <ul>
          {applied.map((c) => (
            <li key={`${c.organisationName}-${c.callTitle}`}>
              {callName(c)}
              {c.appliedAt ? `, ${formatDate(c.appliedAt)}` : ""}: {t("calls.journey.whatChanged", { note: c.note })}
            </li>
          ))}
        </ul>
      ) : null,
    },
    {
      key: "results",
      reached: reporting.length > 0,
      title: t("calls.journey.results"),
      body: applied.some((c) => c.projectCount > 0) ? (
        <ul>
          {applied
            .filter((c) => c.projectCount > 0)
            .map((c) => (
              <li key={`${c.organisationName}-${c.callTitle}`}>
                {callName(c)}: {t("calls.journey.projectsReporting", { with: c.projectsWithResults, count: c.projectCount })}
                {c.projects.length ? (
                  <ul>
                    {c.projects.map((p) => (
                      <li key={p.id}>
                        <Link to={`/o/${slug}/projects/${p.id}`}>{`${p.caseNumber} ${p.name}`}</Link> – {t("calls.reportedResults", { count: p.reportedResults })}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
        </ul>
      ) : null,
    },
  ];
  return (
    <section aria-labelledby="journey-heading" className="journey">
      <h2 id="journey-heading">{t("calls.journey.title")}</h2>
      <p className="muted">{t("calls.journey.intro")}</p>
      <ol className="journey__steps">
        {steps.map((step) => (
          <li key={step.key} className={step.reached ? "journey__step journey__step--reached" : "journey__step"}>
            <h3>{step.title}</h3>
            {step.reached ? null : <p className="muted">{t("calls.journey.notYet")}</p>}
            {step.body}
          </li>
        ))}
      </ol>
    </section>
  );
}
