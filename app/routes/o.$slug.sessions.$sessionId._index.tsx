import { getFormProps, useForm } from "@conform-to/react";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, StatusMessage, TextField } from "~/components/forms";
import { formatDateTime, formatNumber } from "~/i18n/i18n";
import { requireViewer } from "~/lessons/viewer.server";
import { PHASE_INTENTS, phaseAction } from "~/sessions/phase-action.server";
import { PhaseEditor } from "~/sessions/phase-editor";
import { ReviewPickSchema, RsvpSchema } from "~/sessions/schemas";
import { findVisibleSession, isFacilitator, pickReviewItems, preparationPack, setRsvp } from "~/sessions/sessions.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.session.title ?? ""} · Lärloop` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { organisation, viewer } = await requireViewer(request, context, params.slug);
  const session = await findVisibleSession(viewer, params.sessionId ?? "");
  if (!session) throw new Response("Not Found", { status: 404 });
  const facilitator = isFacilitator(session, viewer.userId);
  const pack = await preparationPack(viewer, session);
  const me = session.participants.find((p) => p.userId === viewer.userId);
  return {
    slug: organisation.slug,
    facilitator,
    own: session.organisationId === organisation.id,
    myRsvp: me?.rsvp ?? null,
    session: {
      id: session.id,
      title: session.title,
      theme: session.theme,
      startsAt: session.startsAt.toISOString(),
      durationMinutes: session.durationMinutes,
      place: session.place,
      videoUrl: session.videoUrl,
      status: session.status,
      currentPhaseId: session.currentPhaseId,
      organisationName: session.organisation.name,
      networkName: session.network?.name ?? null,
      series: session.series,
      goals: session.goals.map((g) => g.goal),
      phases: session.phases.map((p) => ({ id: p.id, kind: p.kind, title: p.title, prompt: p.prompt, durationSeconds: p.durationSeconds })),
      participants: session.participants.map((p) => ({ id: p.userId, name: p.user.name, role: p.role, rsvp: p.rsvp })),
    },
    // Everyone sees what the facilitator picked; facilitators see the whole pack to pick from.
    pack: facilitator ? pack : { ...pack, lessons: pack.lessons.filter((l) => pack.picked.includes(`lesson:${l.id}`)), threads: pack.threads.filter((t) => pack.picked.includes(`thread:${t.id}`)), projects: pack.projects.filter((p) => pack.picked.includes(`project:${p.id}`)) },
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { viewer } = await requireViewer(request, context, params.slug);
  const sessionId = params.sessionId ?? "";
  const formData = await request.formData();
  const intent = String(formData.get("intent"));
  if (PHASE_INTENTS.includes(intent)) return phaseAction(viewer, sessionId, formData);
  if (intent === "rsvp") {
    const input = RsvpSchema.safeParse(Object.fromEntries(formData));
    if (!input.success) throw new Response("Bad Request", { status: 400 });
    if (!(await setRsvp(viewer, sessionId, input.data.rsvp))) throw new Response("Not Found", { status: 404 });
    return json({ form: null, result: null, notice: `sessions.notices.rsvp.${input.data.rsvp}`, error: null });
  }
  if (intent === "pick-review") {
    const input = ReviewPickSchema.parse({ intent, items: formData.getAll("items").map(String) });
    const session = await findVisibleSession(viewer, sessionId);
    if (!session) throw new Response("Not Found", { status: 404 });
    if (!isFacilitator(session, viewer.userId)) throw new Response("Forbidden", { status: 403 });
    await pickReviewItems(viewer, session, input.items);
    return json({ form: null, result: null, notice: "sessions.notices.reviewPicked", error: null });
  }
  throw new Response("Bad Request", { status: 400 });
}

const NOTICES: Record<string, string> = { planned: "sessions.notices.planned", seriesPlanned: "sessions.notices.seriesPlanned", saved: "sessions.notices.saved" };

function SaveTemplate({ lastResult }: { lastResult: ReturnType<typeof useActionData<typeof action>> }) {
  const { t } = useTranslation();
  const [form, fields] = useForm({ id: "save-template", lastResult: lastResult?.form === "save-template" ? lastResult.result : undefined });
  return (
    <Form method="post" {...getFormProps(form)} className="inline-add">
      <input type="hidden" name="intent" value="save-template" />
      <TextField meta={fields.name} label={t("sessions.templateName")} />
      <button type="submit" className="button button--secondary">
        {t("sessions.saveTemplate")}
      </button>
    </Form>
  );
}

export default function SessionPage() {
  const { t } = useTranslation();
  const { slug, facilitator, own, myRsvp, session, pack } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const notice = actionData?.notice ?? NOTICES[searchParams.get("notice") ?? ""];
  const picked = new Set(pack.picked);
  const packEmpty = !pack.lessons.length && !pack.threads.length && !pack.projects.length;

  return (
    <div className="page narrow-wide">
      <p className="muted">
        <Link to={`/o/${slug}/sessions`}>{t("areas.sessions")}</Link>
        {session.series ? (
          <>
            {" › "}
            <Link to={`/o/${slug}/sessions/series/${session.series.id}`}>{session.series.title}</Link>
          </>
        ) : null}
        {!own ? ` · ${session.organisationName}` : null}
      </p>
      <h1>{session.title}</h1>
      {session.networkName ? <p className="badges"><span className="badge">{t("sessions.openIn", { network: session.networkName })}</span></p> : null}
      {notice ? <StatusMessage>{t(notice)}</StatusMessage> : null}
      {actionData?.error ? <FormErrors id="session-error" errors={[actionData.error]} /> : null}
      {session.theme ? <p className="lead">{session.theme}</p> : null}

      <dl className="facts">
        <div>
          <dt>{t("sessions.when")}</dt>
          <dd>
            <time dateTime={session.startsAt}>{formatDateTime(session.startsAt)}</time> · {t("sessions.minutes", { count: session.durationMinutes, minutes: formatNumber(session.durationMinutes) })}
          </dd>
        </div>
        {session.place ? (
          <div>
            <dt>{t("sessions.place")}</dt>
            <dd>{session.place}</dd>
          </div>
        ) : null}
        {session.videoUrl ? (
          <div>
            <dt>{t("sessions.videoUrl")}</dt>
            <dd>
              <a href={session.videoUrl} rel="noopener noreferrer">
                {session.videoUrl}
              </a>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t("sessions.status")}</dt>
          <dd>{t(`sessions.statuses.${session.status}`)}</dd>
        </div>
        {session.goals.length ? (
          <div>
            <dt>{t("sessions.goals")}</dt>
            <dd>
              <ul className="inline-list">
                {session.goals.map((g) => (
                  <li key={g.id}>{own ? <Link to={`/o/${slug}/goals/${g.id}`}>{`${g.code} ${g.name}`.trim()}</Link> : `${g.code} ${g.name}`.trim()}</li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
      </dl>

      <div className="actions">
        <Link to="live" className="button">
          {session.status === "ended" ? t("sessions.openBoard") : facilitator ? t("sessions.openConsole") : t("sessions.join")}
        </Link>
        {session.status === "ended" ? <Link to="summary">{t("sessions.summary")}</Link> : null}
        {facilitator ? <Link to="edit">{t("sessions.editDetails")}</Link> : null}
        <a href={`/o/${slug}/sessions/${session.id}/calendar.ics`} download>
          {t("sessions.ics")}
        </a>
      </div>

      <section aria-labelledby="rsvp-heading" className="card">
        <h2 id="rsvp-heading">{t("sessions.rsvpTitle")}</h2>
        <Form method="post" className="actions">
          <input type="hidden" name="intent" value="rsvp" />
          {(["yes", "maybe", "no"] as const).map((answer) => (
            <button key={answer} type="submit" name="rsvp" value={answer} className="button button--secondary" aria-pressed={myRsvp === answer}>
              {t(`sessions.rsvpButtons.${answer}`)}
            </button>
          ))}
        </Form>
        <h3>{t("sessions.participants")}</h3>
        <ul className="inline-list">
          {session.participants.map((p) => (
            <li key={p.id}>
              {p.name} <span className="muted">({p.role === "facilitator" ? t("sessions.facilitator") : t(`sessions.rsvps.${p.rsvp}`)})</span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="pack-heading" className="card">
        <h2 id="pack-heading">{facilitator ? t("sessions.packTitle") : t("sessions.reviewTitle")}</h2>
        <p className="muted">{pack.previous ? t("sessions.packSincePrevious", { title: pack.previous.title }) : t("sessions.packSince", { date: formatDateTime(pack.since).slice(0, 10) })}</p>
        {packEmpty ? (
          <p>{t("sessions.packEmpty")}</p>
        ) : (
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="pick-review" />
            {(
              [
                ["lesson", t("sessions.packLessons"), pack.lessons.map((l) => ({ id: l.id, label: l.title, href: `/o/${slug}/lessons/${l.id}` }))],
                ["thread", t("sessions.packThreads"), pack.threads.map((th) => ({ id: th.id, label: th.title, href: `/o/${slug}/daily/${th.id}` }))],
                ["project", t("sessions.packProjects"), pack.projects.map((p) => ({ id: p.id, label: `${p.caseNumber} ${p.name}`, href: `/o/${slug}/projects/${p.id}` }))],
              ] as const
            ).map(([kind, legend, items]) =>
              items.length ? (
                <fieldset key={kind} className="fieldset checkbox-list">
                  <legend>{legend}</legend>
                  {items.map((item) =>
                    facilitator ? (
                      <div key={item.id} className="checkbox-item">
                        <input type="checkbox" id={`pick-${item.id}`} name="items" value={`${kind}:${item.id}`} defaultChecked={picked.has(`${kind}:${item.id}`)} />
                        <label htmlFor={`pick-${item.id}`}>{item.label}</label> <Link to={item.href}>{t("sessions.open")}<span className="visually-hidden"> {item.label}</span></Link>
                      </div>
                    ) : (
                      <p key={item.id}>
                        <Link to={item.href}>{item.label}</Link>
                      </p>
                    ),
                  )}
                </fieldset>
              ) : null,
            )}
            {facilitator ? (
              <div>
                <button type="submit" className="button button--secondary">
                  {t("sessions.savePicks")}
                </button>
              </div>
            ) : null}
          </Form>
        )}
      </section>

      {facilitator ? (
        <>
          <PhaseEditor phases={session.phases} currentPhaseId={session.currentPhaseId} lastResult={actionData?.form ? { form: actionData.form, result: actionData.result! } : undefined} />
          <SaveTemplate lastResult={actionData} />
        </>
      ) : (
        <section aria-labelledby="phases-heading" className="card">
          <h2 id="phases-heading">{t("sessions.phases")}</h2>
          <ol>
            {session.phases.map((p) => (
              <li key={p.id}>
                {p.title} <span className="muted">· {t("sessions.minutes", { count: p.durationSeconds / 60, minutes: formatNumber(p.durationSeconds / 60) })}</span>
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
