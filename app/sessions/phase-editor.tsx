import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatNumber } from "~/i18n/i18n";
import { SelectField, TextAreaField, TextField } from "~/components/forms";
import { AddPhaseSchema, UpdatePhaseSchema } from "./schemas";
import { PHASE_KINDS } from "./templates";

export type EditablePhase = { id: string; kind: string; title: string; prompt: string; durationSeconds: number };
type Result = { form: string; result: SubmissionResult<string[]> } | undefined;

function PhaseForm({ phase, lastResult }: { phase?: EditablePhase; lastResult: Result }) {
  const { t } = useTranslation();
  const id = phase ? `phase-${phase.id}` : "new-phase";
  const schema = phase ? UpdatePhaseSchema : AddPhaseSchema;
  const [form, fields] = useForm({
    id,
    lastResult: lastResult?.form === id ? lastResult.result : undefined,
    defaultValue: phase
      ? { kind: phase.kind, title: phase.title, prompt: phase.prompt, minutes: String(phase.durationSeconds / 60).replace(".", ",") }
      : { kind: "write", minutes: "5" },
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <input type="hidden" name="intent" value={phase ? "update-phase" : "add-phase"} />
      {phase ? <input type="hidden" name="phaseId" value={phase.id} /> : null}
      <TextField meta={fields.title} label={t("sessions.phaseTitle")} />
      <SelectField meta={fields.kind} label={t("sessions.phaseKind")} options={PHASE_KINDS.map((k) => ({ value: k, label: t(`sessions.kinds.${k}`) }))} />
      <TextAreaField meta={fields.prompt} label={t("sessions.phasePrompt")} />
      <TextField meta={fields.minutes} label={t("sessions.phaseMinutes")} />
      <div>
        <button type="submit" className="button button--secondary">
          {phase ? t("sessions.savePhase") : t("sessions.addPhase")}
        </button>
      </div>
    </Form>
  );
}

/** The facilitator's list of phases: change, reorder, remove and add, before or during the session. */
export function PhaseEditor({ phases, currentPhaseId, lastResult }: { phases: EditablePhase[]; currentPhaseId: string | null; lastResult: Result }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="phases-heading" className="card">
      <h2 id="phases-heading">{t("sessions.phases")}</h2>
      <ol className="phase-list">
        {phases.map((phase, i) => (
          <li key={phase.id} aria-current={phase.id === currentPhaseId ? "step" : undefined}>
            <p>
              <strong>{phase.title}</strong> <span className="muted">· {t(`sessions.kinds.${phase.kind}`)} · {t("sessions.minutes", { count: phase.durationSeconds / 60, minutes: formatNumber(phase.durationSeconds / 60) })}</span>
            </p>
            <div className="actions">
              <details>
                <summary>
                  {t("sessions.editPhase")}
                  <span className="visually-hidden"> {phase.title}</span>
                </summary>
                <PhaseForm phase={phase} lastResult={lastResult} />
              </details>
              {i > 0 ? (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="move-up" />
                  <input type="hidden" name="phaseId" value={phase.id} />
                  <button type="submit" className="button button--link">
                    {t("sessions.moveUp")}
                    <span className="visually-hidden"> {phase.title}</span>
                  </button>
                </Form>
              ) : null}
              {i < phases.length - 1 ? (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="move-down" />
                  <input type="hidden" name="phaseId" value={phase.id} />
                  <button type="submit" className="button button--link">
                    {t("sessions.moveDown")}
                    <span className="visually-hidden"> {phase.title}</span>
                  </button>
                </Form>
              ) : null}
              {phase.id !== currentPhaseId ? (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="remove-phase" />
                  <input type="hidden" name="phaseId" value={phase.id} />
                  <button type="submit" className="button button--link">
                    {t("sessions.removePhase")}
                    <span className="visually-hidden"> {phase.title}</span>
                  </button>
                </Form>
              ) : null}
            </div>
          </li>
        ))}
      </ol>
      <details>
        <summary>{t("sessions.addPhase")}</summary>
        <PhaseForm lastResult={lastResult} />
      </details>
    </section>
  );
}
