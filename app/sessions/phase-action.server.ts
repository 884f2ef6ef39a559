import { parseWithZod } from "@conform-to/zod/v4";
import { json } from "@remix-run/node";
import type { Viewer } from "~/lessons/lessons.server";
import { addPhase, moveClock, removeOrMovePhase, updatePhase, type RunResult } from "./run.server";
import { AddPhaseSchema, PhaseRefSchema, SaveTemplateSchema, UpdatePhaseSchema } from "./schemas";
import { findVisibleSession, isFacilitator, saveOwnTemplate } from "./sessions.server";

export const PHASE_INTENTS = ["add-phase", "update-phase", "remove-phase", "move-up", "move-down", "go-to", "save-template"];

export function failure(result: RunResult): never | void {
  if (result.ok) return;
  if (result.error === "notFound") throw new Response("Not Found", { status: 404 });
  if (result.error === "forbidden") throw new Response("Forbidden", { status: 403 });
}

/** The facilitator's changes to a session's phases, the same on its page and in the live room. */
export async function phaseAction(viewer: Viewer, sessionId: string, formData: FormData) {
  const intent = String(formData.get("intent"));
  if (intent === "add-phase" || intent === "update-phase") {
    const schema = intent === "add-phase" ? AddPhaseSchema : UpdatePhaseSchema;
    const submission = parseWithZod(formData, { schema });
    const form = intent === "add-phase" ? "new-phase" : `phase-${formData.get("phaseId")}`;
    if (submission.status !== "success") return json({ form, result: submission.reply(), notice: null, error: null }, { status: 400 });
    const { kind, title, prompt, minutes } = submission.value;
    const phase = { kind, title, prompt, durationSeconds: Math.round(minutes * 60) };
    const result =
      "phaseId" in submission.value ? await updatePhase(viewer, sessionId, submission.value.phaseId, phase) : await addPhase(viewer, sessionId, phase);
    failure(result);
    return json({ form, result: submission.reply({ resetForm: intent === "add-phase" }), notice: "sessions.notices.phasesSaved", error: null });
  }
  if (intent === "save-template") {
    const submission = parseWithZod(formData, { schema: SaveTemplateSchema });
    if (submission.status !== "success") return json({ form: "save-template", result: submission.reply(), notice: null, error: null }, { status: 400 });
    const session = await findVisibleSession(viewer, sessionId);
    if (!session) throw new Response("Not Found", { status: 404 });
    if (!isFacilitator(session, viewer.userId)) throw new Response("Forbidden", { status: 403 });
    await saveOwnTemplate(viewer, sessionId, submission.value.name);
    return json({ form: "save-template", result: submission.reply({ resetForm: true }), notice: "sessions.notices.templateSaved", error: null });
  }
  const ref = PhaseRefSchema.safeParse(Object.fromEntries(formData));
  if (!ref.success) throw new Response("Bad Request", { status: 400 });
  const result =
    ref.data.intent === "go-to" ? await moveClock(viewer, sessionId, "go-to", ref.data.phaseId) : await removeOrMovePhase(viewer, sessionId, ref.data.phaseId, ref.data.intent);
  failure(result);
  if (!result.ok) return json({ form: null, result: null, notice: null, error: `sessions.errors.${result.error}` }, { status: 409 });
  return json({ form: null, result: null, notice: "sessions.notices.phasesSaved", error: null });
}
