import { parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireViewer } from "~/lessons/viewer.server";
import { sessionBoard } from "~/sessions/board.server";
import { Board } from "~/sessions/board";
import { Countdown } from "~/sessions/countdown";
import { FacilitatorConsole } from "~/sessions/facilitator-console";
import { failure, PHASE_INTENTS, phaseAction } from "~/sessions/phase-action.server";
import {
  addNote,
  groupNote,
  moveClock,
  outcomeAction,
  outcomeLesson,
  outcomeRecommendation,
  renameGroup,
  setActionDone,
  setNoteHidden,
  vote,
  type RunResult,
} from "~/sessions/run.server";
import {
  ActionDoneSchema,
  ActionOutcomeSchema,
  ClockSchema,
  GroupNoteSchema,
  LessonOutcomeSchema,
  NoteRefSchema,
  NoteSchema,
  RecommendationOutcomeSchema,
  RenameGroupSchema,
  VoteSchema,
} from "~/sessions/schemas";
import { findVisibleSession } from "~/sessions/sessions.server";
import { useSessionLive } from "~/sessions/use-session-live";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.session.title ?? ""} · Lärloop` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { organisation, viewer } = await requireViewer(request, context, params.slug);
  const session = await findVisibleSession(viewer, params.sessionId ?? "");
  if (!session) throw new Response("Not Found", { status: 404 });
  return {
    slug: organisation.slug,
    organisationId: organisation.id,
    currentUserId: viewer.userId,
    session: { id: session.id, title: session.title, anonymousNotes: session.anonymousNotes, votesPerPerson: session.votesPerPerson, votesPerTarget: session.votesPerTarget },
    board: await sessionBoard(viewer, session),
  };
}

function reply(intent: string, result: RunResult, extra: Record<string, unknown> = {}) {
  failure(result);
  if (!result.ok) return json({ intent, ok: false, error: `sessions.errors.${result.error}`, result: null, ...extra }, { status: 409 });
  return json({ intent, ok: true, error: null, result: null, ...extra });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { viewer } = await requireViewer(request, context, params.slug);
  const sessionId = params.sessionId ?? "";
  const formData = await request.formData();
  const intent = String(formData.get("intent"));
  const fields = Object.fromEntries(formData);
  if (PHASE_INTENTS.includes(intent)) return phaseAction(viewer, sessionId, formData);
  switch (intent) {
    case "start":
    case "pause":
    case "resume":
    case "extend":
    case "next":
    case "previous":
    case "end":
      return reply(intent, await moveClock(viewer, sessionId, ClockSchema.parse({ intent }).intent));
    case "note": {
      const submission = parseWithZod(formData, { schema: NoteSchema });
      if (submission.status !== "success") return json({ intent, ok: false, error: null, result: submission.reply() }, { status: 400 });
      const result = await addNote(viewer, sessionId, submission.value.text);
      failure(result);
      if (!result.ok) return json({ intent, ok: false, error: null, result: submission.reply({ formErrors: [`sessions.errors.${result.error}`] }) }, { status: 409 });
      return json({ intent, ok: true, error: null, result: submission.reply({ resetForm: true }) });
    }
    case "hide-note":
    case "unhide-note": {
      const input = NoteRefSchema.safeParse(fields);
      if (!input.success) throw new Response("Bad Request", { status: 400 });
      return reply(intent, await setNoteHidden(viewer, sessionId, input.data.noteId, intent === "hide-note"));
    }
    case "group-note": {
      const input = GroupNoteSchema.safeParse(fields);
      if (!input.success) throw new Response("Bad Request", { status: 400 });
      return reply(intent, await groupNote(viewer, sessionId, input.data.noteId, input.data.groupId, input.data.newGroup));
    }
    case "rename-group": {
      const input = RenameGroupSchema.safeParse(fields);
      if (!input.success) return json({ intent, ok: false, error: "validation.groupTitleRequired", result: null, groupId: fields.groupId }, { status: 400 });
      return reply(intent, await renameGroup(viewer, sessionId, input.data.groupId, input.data.title));
    }
    case "vote":
    case "unvote": {
      const input = VoteSchema.safeParse(fields);
      if (!input.success) throw new Response("Bad Request", { status: 400 });
      return reply(intent, await vote(viewer, sessionId, input.data.targetType, input.data.targetId, intent === "vote"), { targetId: input.data.targetId });
    }
    case "outcome-lesson": {
      const submission = parseWithZod(formData, { schema: LessonOutcomeSchema });
      const form = `lesson-${fields.targetId}`;
      if (submission.status !== "success") return json({ intent, ok: false, error: null, result: submission.reply(), form }, { status: 400 });
      const { targetType, targetId, title } = submission.value;
      const result = await outcomeLesson(viewer, sessionId, targetType, targetId, title);
      return reply(intent, result, { form, notice: "sessions.notices.lessonDrafted", lessonId: "lessonId" in result ? result.lessonId : null });
    }
    case "outcome-recommendation": {
      const submission = parseWithZod(formData, { schema: RecommendationOutcomeSchema });
      const form = `recommendation-${fields.targetId}`;
      if (submission.status !== "success") return json({ intent, ok: false, error: null, result: submission.reply(), form }, { status: 400 });
      const { targetType, targetId, text, addressedTo } = submission.value;
      return reply(intent, await outcomeRecommendation(viewer, sessionId, targetType, targetId, text, addressedTo), { form, notice: "sessions.notices.recommended" });
    }
    case "outcome-action": {
      const submission = parseWithZod(formData, { schema: ActionOutcomeSchema });
      const form = `action-${fields.targetId ?? "free"}`;
      if (submission.status !== "success") return json({ intent, ok: false, error: null, result: submission.reply(), form }, { status: 400 });
      return reply(intent, await outcomeAction(viewer, sessionId, submission.value), { form, notice: "sessions.notices.actionAdded" });
    }
    case "action-done":
    case "action-reopen": {
      const input = ActionDoneSchema.safeParse(fields);
      if (!input.success) throw new Response("Bad Request", { status: 400 });
      if (!(await setActionDone(viewer, input.data.actionId, intent === "action-done"))) throw new Response("Not Found", { status: 404 });
      return json({ intent, ok: true, error: null, result: null });
    }
    default:
      throw new Response("Bad Request", { status: 400 });
  }
}

export default function LiveSession() {
  const { t } = useTranslation();
  const { slug, organisationId, session, board, currentUserId } = useLoaderData<typeof loader>();
  const { clock, status } = useSessionLive(session.id, organisationId, board.clock);
  const current = board.phases.find((p) => p.id === clock.currentPhaseId) ?? null;

  return (
    <div className="page session-room">
      <p className="muted">
        <Link to={`/o/${slug}/sessions/${session.id}`}>{session.title}</Link>
      </p>
      <h1>{current && clock.status === "running" ? current.title : session.title}</h1>
      <p role="status" className={status === "disconnected" ? "alert alert--warning" : "visually-hidden"}>
        {status === "disconnected" ? t("sessions.disconnected") : ""}
      </p>

      <nav aria-label={t("sessions.phases")} className="phase-steps">
        <ol>
          {board.phases.map((phase) => (
            <li key={phase.id} aria-current={phase.id === clock.currentPhaseId ? "step" : undefined}>
              {phase.title}
            </li>
          ))}
        </ol>
      </nav>

      {clock.status === "planned" ? <p className="alert alert--info">{board.facilitator ? t("sessions.notStartedFacilitator") : t("sessions.notStarted")}</p> : null}
      {clock.status === "ended" ? (
        <p className="alert alert--info">
          {t("sessions.ended")}{" "}
          {/* A full page load: the link appears with the live clock, while the ending's own fetcher may still be
              reloading this page's data, and React Router (lazy route discovery) would then finish the client-side
              navigation with this page's routes at the summary's address, a blank page. */}
          <Link to={`/o/${slug}/sessions/${session.id}/summary`} reloadDocument>
            {t("sessions.summary")}
          </Link>
        </p>
      ) : null}

      {current && clock.status === "running" ? (
        <section aria-labelledby="phase-heading" className="phase-panel">
          <h2 id="phase-heading" className="visually-hidden">
            {t("sessions.currentPhase")}
          </h2>
          <p className="phase-panel__kind">{t(`sessions.kinds.${current.kind}`)}</p>
          {current.prompt ? <p className="lead">{current.prompt}</p> : null}
          <Countdown clock={clock} />
          {board.myGroup ? (
            <p className="partner" data-testid="partner">
              {board.myGroup.length ? t(current.kind === "pairs" ? "sessions.yourPartner" : "sessions.yourGroup", { names: board.myGroup.join(", "), count: board.myGroup.length }) : t("sessions.aloneThisTime")}
            </p>
          ) : null}
        </section>
      ) : null}

      {board.facilitator ? <FacilitatorConsole board={board} clock={clock} /> : null}

      <Board board={board} clock={clock} currentPhase={current} slug={slug} currentUserId={currentUserId} session={session} />
    </div>
  );
}
