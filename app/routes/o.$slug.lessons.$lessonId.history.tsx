import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { formatDate } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/page-title";
import { listRevisions } from "~/lessons/lessons.server";
import { requireViewer } from "~/lessons/viewer.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "lessons.history");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { viewer } = await requireViewer(request, context, params.slug);
  const history = await listRevisions(viewer, params.lessonId ?? "");
  if (!history) throw new Response("Not Found", { status: 404 });
  return history;
}

// Fields whose stored value is a key into a translated vocabulary.
const VOCABULARIES: Record<string, string> = {
  status: "lessons.statuses",
  visibility: "lessons.visibilities",
  evidence: "lessons.evidenceLevels",
  sourceType: "lessons.sourceTypes",
};

/** A field's value as it was after the edit, in words. */
function describe(field: string, value: unknown, t: TFunction): string {
  if (VOCABULARIES[field]) return t(`${VOCABULARIES[field]}.${value}`);
  if (Array.isArray(value)) return String(value.length);
  return value === null || value === undefined || value === "" ? "–" : String(value);
}

export default function LessonHistory() {
  const { t } = useTranslation();
  const { lesson, revisions } = useLoaderData<typeof loader>();
  return (
    <div className="page narrow-wide">
      <p className="muted">
        <Link to="..">{lesson.title}</Link>
      </p>
      <h1>{t("lessons.historyOf", { title: lesson.title })}</h1>
      {revisions.length === 0 ? <p>{t("lessons.noHistory")}</p> : null}
      <ol className="revision-list">
        {revisions.map((revision) => (
          <li key={revision.id}>
            <h2>{t("lessons.editedBy", { name: revision.editor?.name ?? t("threads.formerMember"), date: `${formatDate(revision.createdAt)} ${new Date(revision.createdAt).toLocaleTimeString("sv-SE", { timeZone: "Europe/Stockholm", hour: "2-digit", minute: "2-digit" })}` })}</h2>
            <dl>
              {revision.changed.map((field) => (
                <div key={field}>
                  <dt>{t(`lessons.fields.${field}`)}</dt>
                  <dd>{describe(field, revision.snapshot[field], t)}</dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ol>
    </div>
  );
}
