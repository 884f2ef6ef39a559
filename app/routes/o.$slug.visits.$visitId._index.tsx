import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, StatusMessage, TextAreaField } from "~/components/forms";
import { formatDate } from "~/i18n/i18n";
import { StatusBadge } from "~/lessons/badges";
import { requireViewer } from "~/lessons/viewer.server";
import { draftVisitLesson } from "~/study-visits/lesson.server";
import { NotesSchema } from "~/study-visits/schemas";
import { findVisit, recordNotes } from "~/study-visits/study-visits.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.visit.title ?? ""} · Lärloop` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { organisation, viewer } = await requireViewer(request, context, params.slug);
  const found = await findVisit(viewer, params.visitId ?? "");
  if (!found) throw new Response("Not Found", { status: 404 });
  return { slug: organisation.slug, ...found };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { organisation, viewer } = await requireViewer(request, context, params.slug);
  const visitId = params.visitId ?? "";
  const formData = await request.formData();
  switch (formData.get("intent")) {
    case "notes": {
      const submission = parseWithZod(formData, { schema: NotesSchema });
      if (submission.status !== "success") return json({ result: submission.reply(), error: null }, { status: 400 });
      if (!(await recordNotes(viewer, visitId, submission.value.notes))) throw new Response("Not Found", { status: 404 });
      return redirect(`/o/${organisation.slug}/visits/${visitId}?notice=notesSaved`);
    }
    case "lesson": {
      const drafted = await draftVisitLesson(viewer, visitId);
      if ("error" in drafted && drafted.error === "notFound") throw new Response("Not Found", { status: 404 });
      if ("error" in drafted) return json({ result: null, error: "studyVisits.validation.noNotes" }, { status: 400 });
      // The writer finishes the draft (body, goals, who may read it) and publishes it there.
      return redirect(`/o/${organisation.slug}/lessons/${drafted.lessonId}/edit`);
    }
    default:
      throw new Response("Bad Request", { status: 400 });
  }
}

const NOTICES: Record<string, string> = {
  created: "studyVisits.notices.created",
  saved: "studyVisits.notices.saved",
  notesSaved: "studyVisits.notices.notesSaved",
};

export default function StudyVisitPage() {
  const { t } = useTranslation();
  const { slug, role, inNetwork, canEditPlan, canRecordNotes, visit, lessons } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const notice = NOTICES[searchParams.get("notice") ?? ""];
  const visitor = role === "visitor";
  return (
    <article className="page narrow-wide" aria-labelledby="visit-title">
      <p className="muted">
        <Link to={`/o/${slug}/visits`}>{t("studyVisits.title")}</Link>
      </p>
      <div className="page-header">
        <h1 id="visit-title">{visit.title}</h1>
        {canEditPlan ? (
          <Link to="edit" className="button button--secondary">
            {t("studyVisits.editPlan")}
          </Link>
        ) : null}
      </div>
      {notice ? <StatusMessage>{t(notice)}</StatusMessage> : null}
      {!visitor ? <p className="lead">{t("studyVisits.hostView")}</p> : null}
      <dl className="facts">
        <div>
          <dt>{visitor ? t("studyVisits.host") : t("studyVisits.visitors")}</dt>
          <dd>{visitor ? visit.hostName : visit.visitorName}</dd>
        </div>
        <div>
          <dt>{t("studyVisits.date")}</dt>
          <dd>{formatDate(visit.visitDate)}</dd>
        </div>
        <div>
          <dt>{t("studyVisits.status")}</dt>
          <dd>{t(`studyVisits.statuses.${visit.status}`)}</dd>
        </div>
        <div>
          <dt>{t("studyVisits.network")}</dt>
          <dd>{visit.networkName}</dd>
        </div>
        {visit.plannedBy ? (
          <div>
            <dt>{t("studyVisits.plannedBy")}</dt>
            <dd>{visit.plannedBy}</dd>
          </div>
        ) : null}
      </dl>

      {/* The host sees who is coming too: it needs to know whom to expect. */}
      <section aria-labelledby="participants-heading">
        <h2 id="participants-heading">{t("studyVisits.participants")}</h2>
        {visit.participants.length ? (
          <ul className="inline-list">
            {visit.participants.map((p) => (
              <li key={p.id}>{p.name}</li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("studyVisits.noParticipants")}</p>
        )}
      </section>

      <section aria-labelledby="questions-heading">
        <h2 id="questions-heading">{t("studyVisits.questions")}</h2>
        {visit.questions.length ? (
          <ol>
            {visit.questions.map((question, i) => (
              <li key={i}>{question}</li>
            ))}
          </ol>
        ) : (
          <p className="muted">{t("studyVisits.noQuestions")}</p>
        )}
      </section>

      {visitor ? (
        canRecordNotes ? (
          <NotesForm notes={visit.notes} lastResult={data?.result ?? undefined} />
        ) : (
          <section aria-labelledby="notes-heading">
            <h2 id="notes-heading">{t("studyVisits.notes.title")}</h2>
            {visit.notes ? <Paragraphs text={visit.notes} /> : <p className="muted">{t("studyVisits.notes.none")}</p>}
          </section>
        )
      ) : null}

      {visitor || visit.status === "done" ? (
        <section aria-labelledby="lessons-heading">
          <h2 id="lessons-heading">{visitor ? t("studyVisits.lessons") : t("studyVisits.sharedLessons")}</h2>
          {lessons.length ? (
            <ul className="card-list">
              {lessons.map((lesson) => (
                <li key={lesson.id} className="card">
                  <h3>
                    <Link to={`/o/${slug}/lessons/${lesson.id}`}>{lesson.title}</Link>
                  </h3>
                  <p className="badges">
                    <StatusBadge status={lesson.status} />{" "}
                    <span className="badge">
                      {lesson.visibility === "network" && lesson.networkName ? t("studyVisits.sharedWith", { network: lesson.networkName }) : t(`lessons.visibilities.${lesson.visibility}`)}
                    </span>
                    {lesson.publishedAt ? ` ${formatDate(lesson.publishedAt)}` : null}
                  </p>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{visitor ? t("studyVisits.noLessons") : t("studyVisits.noSharedLessons")}</p>
          )}
        </section>
      ) : null}

      {canRecordNotes && visit.notes ? (
        <section aria-labelledby="to-lesson-heading" className="card">
          <h2 id="to-lesson-heading">{t("studyVisits.toLesson.title")}</h2>
          <p>{inNetwork ? t("studyVisits.toLesson.intro", { network: visit.networkName }) : t("studyVisits.toLesson.introLeft", { network: visit.networkName })}</p>
          <FormErrors id="to-lesson-error" errors={data?.error ? [data.error] : undefined} />
          <Form method="post">
            <button type="submit" name="intent" value="lesson" className="button">
              {t("studyVisits.toLesson.button")}
            </button>
          </Form>
        </section>
      ) : null}
    </article>
  );
}

function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean)
        .map((line, i) => (
          <p key={i}>{line}</p>
        ))}
    </>
  );
}

function NotesForm({ notes, lastResult }: { notes: string; lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "visit-notes",
    lastResult,
    defaultValue: { notes },
    constraint: getZodConstraint(NotesSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NotesSchema }),
  });
  return (
    <section aria-labelledby="notes-heading" className="card">
      <h2 id="notes-heading">{t("studyVisits.notes.title")}</h2>
      <p>{t("studyVisits.notes.intro")}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="notes" />
        <TextAreaField meta={fields.notes} label={t("studyVisits.notes.label")} hint={t("studyVisits.notes.hint")} />
        <div>
          <button type="submit" className="button">
            {t("studyVisits.notes.save")}
          </button>
        </div>
      </Form>
    </section>
  );
}
