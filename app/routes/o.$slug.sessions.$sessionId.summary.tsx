import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { appOrigin } from "~/auth/guards.server";
import { FormErrors } from "~/components/forms";
import { db } from "~/db.server";
import { formatDateTime, translator } from "~/i18n/i18n";
import { requestLocale } from "~/i18n/locale.server";
import { requireViewer } from "~/lessons/viewer.server";
import { SynthesisSchema } from "~/sessions/schemas";
import { findVisibleSession, isFacilitator } from "~/sessions/sessions.server";
import { sessionSummary, synthesisText } from "~/sessions/summary.server";
import { listOwnCategories } from "~/threads/categories.server";
import { composePostBody } from "~/threads/post-body.server";
import { startThread } from "~/threads/posts.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.summary.session.title ?? ""} · Lärloop` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { organisation, viewer } = await requireViewer(request, context, params.slug);
  const summary = await sessionSummary(viewer, params.sessionId ?? "");
  if (!summary) throw new Response("Not Found", { status: 404 });
  const session = (await findVisibleSession(viewer, summary.session.id))!;
  const canPost = isFacilitator(session, viewer.userId) && session.organisationId === organisation.id;
  return { slug: organisation.slug, summary, canPost, categories: canPost && !summary.session.synthesisThreadId ? await listOwnCategories(organisation.id) : [] };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { organisation, viewer } = await requireViewer(request, context, params.slug);
  const submission = parseWithZod(await request.formData(), { schema: SynthesisSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const session = await findVisibleSession(viewer, params.sessionId ?? "");
  if (!session) throw new Response("Not Found", { status: 404 });
  if (!isFacilitator(session, viewer.userId) || session.organisationId !== organisation.id) throw new Response("Forbidden", { status: 403 });
  if (session.synthesisThreadId) return redirect(`/o/${organisation.slug}/daily/${session.synthesisThreadId}`);
  const summary = (await sessionSummary(viewer, session.id))!;
  const t = translator(await requestLocale(request, context));
  const body = composePostBody({ body: "", bodyText: synthesisText(summary, t) })!;
  const result = await startThread(
    viewer,
    { categoryId: submission.value.categoryId, title: t("sessions.synthesisTitle", { title: session.title }), goalIds: session.goals.map((g) => g.goal.id), tagIds: [] },
    body,
    appOrigin(request),
  );
  if (!result.ok) return json(submission.reply({ formErrors: ["validation.choose"] }), { status: 400 });
  await db.learningSession.update({ where: { id: session.id }, data: { synthesisThreadId: result.value.threadId } });
  return redirect(`/o/${organisation.slug}/daily/${result.value.threadId}`);
}

export default function SessionSummaryPage() {
  const { t } = useTranslation();
  const { slug, summary, canPost, categories } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { session } = summary;
  return (
    <article className="page narrow-wide summary" aria-labelledby="summary-title">
      <p className="muted no-print">
        <Link to={`/o/${slug}/sessions/${session.id}`}>{session.title}</Link>
      </p>
      <h1 id="summary-title">{t("sessions.summaryOf", { title: session.title })}</h1>
      <p className="muted">
        <time dateTime={session.startsAt}>{formatDateTime(session.startsAt)}</time>
        {session.goals.length ? ` · ${session.goals.join(", ")}` : ""}
      </p>
      {session.theme ? <p className="lead">{session.theme}</p> : null}
      <div className="actions no-print">
        <a href={`/o/${slug}/sessions/${session.id}/summary.md`} download>
          {t("sessions.exportMarkdown")}
        </a>
        <button type="button" className="button button--secondary" onClick={() => window.print()}>
          {t("sessions.print")}
        </button>
        {session.synthesisThreadId ? <Link to={`/o/${slug}/daily/${session.synthesisThreadId}`}>{t("sessions.synthesisThread")}</Link> : null}
      </div>

      <section aria-labelledby="summary-participants">
        <h2 id="summary-participants">{t("sessions.participants")}</h2>
        <p>{summary.participants.map((p) => (p.role === "facilitator" ? `${p.name} (${t("sessions.facilitator")})` : p.name)).join(", ")}</p>
      </section>

      <section aria-labelledby="summary-outcomes">
        <h2 id="summary-outcomes">{t("sessions.outcomes")}</h2>
        {summary.lessons.length ? (
          <>
            <h3>{t("sessions.draftLessons")}</h3>
            <ul>
              {summary.lessons.map((l) => (
                <li key={l.id}>
                  <Link to={`/o/${slug}/lessons/${l.id}`}>{l.title}</Link> <span className="muted">({t(`lessons.statuses.${l.status}`)})</span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {summary.recommendations.length ? (
          <>
            <h3>{t("sessions.recommendations")}</h3>
            <ul>
              {summary.recommendations.map((r) => (
                <li key={r.id}>
                  {r.text}
                  {r.addressedTo ? ` → ${r.addressedTo}` : ""}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {summary.actions.length ? (
          <>
            <h3>{t("sessions.actions")}</h3>
            <ul>
              {summary.actions.map((a, i) => (
                <li key={i}>
                  {a.title} – {a.owner ?? "–"}
                  {a.dueDate ? `, ${t("sessions.due", { date: a.dueDate })}` : ""} {a.done ? `(${t("sessions.done")})` : ""}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {!summary.lessons.length && !summary.recommendations.length && !summary.actions.length ? <p>{t("sessions.noOutcomes")}</p> : null}
      </section>

      {summary.groups.length ? (
        <section aria-labelledby="summary-groups">
          <h2 id="summary-groups">{t("sessions.groupsByVotes")}</h2>
          {summary.groups.map((g, i) => (
            <div key={i}>
              <h3>
                {g.title} <span className="muted">({t("sessions.votes", { count: g.votes })})</span>
              </h3>
              <ul>
                {g.notes.map((n, j) => (
                  <li key={j}>{n}</li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ) : null}

      <section aria-labelledby="summary-notes">
        <h2 id="summary-notes">{t("sessions.notesByPhase")}</h2>
        {summary.phases.map((phase) => (
          <div key={phase.id}>
            <h3>{phase.title}</h3>
            {phase.notes.length ? (
              <ul>
                {phase.notes.map((n, i) => (
                  <li key={i}>
                    {n.text}
                    {n.author ? <span className="muted"> – {n.author}</span> : null}
                    {n.votes ? <span className="muted"> ({t("sessions.votes", { count: n.votes })})</span> : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t("sessions.noNotes")}</p>
            )}
          </div>
        ))}
      </section>

      {canPost && categories.length ? (
        <section aria-labelledby="synthesis-heading" className="card no-print">
          <h2 id="synthesis-heading">{t("sessions.postSynthesis")}</h2>
          <p>{t("sessions.postSynthesisIntro")}</p>
          <Form method="post" className="inline-add">
            <FormErrors id="synthesis-errors" errors={lastResult?.error?.[""] ?? undefined} />
            <div className="field">
              <label htmlFor="synthesis-category">{t("threads.category")}</label>
              <select id="synthesis-category" name="categoryId">
                {categories.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </div>
            <input type="hidden" name="intent" value="post-synthesis" />
            <button type="submit" className="button">
              {t("sessions.postSynthesisButton")}
            </button>
          </Form>
        </section>
      ) : null}
    </article>
  );
}
