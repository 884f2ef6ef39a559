import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDate } from "~/i18n/i18n";
import { EvidenceBadge } from "~/lessons/badges";
import { findPublicLesson, findPublishingOrganisation } from "~/public-results/public-results.server";
import styles from "~/styles/public-results.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.lesson.title ?? ""} · ${data?.organisation.name ?? ""} · Lärloop` },
];

/** A lesson marked public, readable without signing in while its organisation has opted in. */
export async function loader({ params }: LoaderFunctionArgs) {
  const organisation = await findPublishingOrganisation(params.slug ?? "");
  const lesson = organisation ? await findPublicLesson(organisation.id, params.lessonId ?? "") : null;
  if (!organisation || !lesson) throw new Response("Not Found", { status: 404 });
  return { organisation: { slug: organisation.slug, name: organisation.name }, lesson };
}

export default function PublicLessonPage() {
  const { t } = useTranslation();
  const { organisation, lesson } = useLoaderData<typeof loader>();
  const structured = (["context", "whatHappened", "whatWeLearned", "recommendation"] as const).filter((key) => lesson[key]);
  return (
    <article className="page narrow-wide public-lesson" aria-labelledby="lesson-title">
      <p className="no-print">
        <Link to={`/results/${organisation.slug}#lessons`}>{t("publicResults.lessons.back", { organisation: organisation.name })}</Link>
      </p>
      <p className="muted">{organisation.name}</p>
      <h1 id="lesson-title">{lesson.title}</h1>
      <p className="badges">
        <EvidenceBadge evidence={lesson.evidence} />
      </p>
      <p className="muted">{t("publicResults.lessons.published", { date: formatDate(lesson.publishedAt) })}</p>

      {/* Rendered and sanitised on the server when saved (app/lessons/rich-text.server.ts). */}
      {lesson.bodyHtml ? <div className="rich-text" dangerouslySetInnerHTML={{ __html: lesson.bodyHtml }} /> : null}

      {structured.length ? (
        <dl className="lesson-fields">
          {structured.map((key) => (
            <div key={key}>
              <dt>{t(`lessons.${key}`)}</dt>
              <dd>{lesson[key]}</dd>
            </div>
          ))}
        </dl>
      ) : null}

      <dl className="facts">
        <div>
          <dt>{t("lessons.source")}</dt>
          <dd>{t(`lessons.sourceTypes.${lesson.sourceType}`)}</dd>
        </div>
        {lesson.goals.length ? (
          <div>
            <dt>{t("publicResults.lessons.goals")}</dt>
            <dd>
              <ul className="inline-list">
                {lesson.goals.map((goal) => (
                  <li key={`${goal.code}-${goal.name}`}>{`${goal.code ? `${goal.code} ` : ""}${goal.name}`}</li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
      </dl>
    </article>
  );
}
