import { getFormProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, SelectField, TextAreaField, TextField } from "~/components/forms";
import { useHydrated } from "~/components/use-hydrated";
import { KINDS, STATUSES } from "./options";
import { EvaluationSchema } from "./schemas";

export type EvaluationValues = {
  title: string;
  description: string;
  kind: string;
  status: string;
  evaluator: string;
  startsOn: string;
  endsOn: string;
  goalIds: string[];
  projectIds: string[];
};

type Options = {
  goals: { id: string; label: string; depth: number }[];
  projects: { id: string; caseNumber: string; name: string }[];
};

/** Checkboxes with their error, announced with the group. */
function Choices({ meta, legend, hint, empty, items }: { meta: FieldMetadata<unknown>; legend: string; hint: string; empty: string; items: { id: string; label: string; depth?: number }[] }) {
  const { t } = useTranslation();
  const chosen = new Set(([] as string[]).concat((meta.initialValue as string[] | string | undefined) ?? []));
  const error = meta.errors?.[0];
  const hintId = `${meta.id}-hint`;
  return (
    <fieldset className={error ? "fieldset checkbox-list field--error" : "fieldset checkbox-list"} aria-describedby={error ? `${hintId} ${meta.errorId}` : hintId}>
      <legend>{legend}</legend>
      <p id={hintId} className="field__hint">
        {hint}
      </p>
      {error ? (
        <p id={meta.errorId} className="field__error">
          {t(error)}
        </p>
      ) : null}
      {items.length === 0 ? <p>{empty}</p> : null}
      {items.map((item) => (
        <div key={item.id} className="checkbox-item" data-depth={item.depth === undefined ? undefined : Math.min(item.depth, 3)}>
          <input type="checkbox" id={`${meta.id}-${item.id}`} name={meta.name} value={item.id} defaultChecked={chosen.has(item.id)} />
          <label htmlFor={`${meta.id}-${item.id}`}>{item.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** Plan or change an evaluation: a thematic one picks goals, an aggregated one projects. */
export function EvaluationForm({
  values,
  options,
  lastResult,
  submitLabel,
  cancelTo,
}: {
  values: EvaluationValues;
  options: Options;
  lastResult: SubmissionResult<string[]> | undefined;
  submitLabel: string;
  cancelTo: string;
}) {
  const { t } = useTranslation();
  const hydrated = useHydrated();
  const [form, fields] = useForm({
    id: "evaluation",
    lastResult,
    defaultValue: values,
    constraint: getZodConstraint(EvaluationSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EvaluationSchema }),
  });
  // Without JavaScript both lists show; with it, only the one the chosen kind uses.
  const kind = fields.kind.value ?? values.kind;
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <FormErrors id={form.errorId} errors={form.errors} />
      <TextField meta={fields.title} label={t("evaluations.form.title")} />
      <TextAreaField meta={fields.description} label={t("evaluations.form.description")} hint={t("evaluations.form.descriptionHint")} />
      <div className="field-row">
        <SelectField meta={fields.kind} label={t("evaluations.form.kind")} options={KINDS.map((k) => ({ value: k, label: t(`evaluations.kindOptions.${k}`) }))} />
        <SelectField meta={fields.status} label={t("evaluations.form.status")} options={STATUSES.map((s) => ({ value: s, label: t(`evaluations.statuses.${s}`) }))} />
      </div>
      <TextField meta={fields.evaluator} label={t("evaluations.form.evaluator")} hint={t("evaluations.form.evaluatorHint")} />
      <div className="field-row">
        <TextField meta={fields.startsOn} label={t("evaluations.form.startsOn")} hint={t("evaluations.form.dateHint")} />
        <TextField meta={fields.endsOn} label={t("evaluations.form.endsOn")} hint={t("evaluations.form.dateHint")} />
      </div>
      <div hidden={hydrated && kind !== "thematic"}>
        <Choices meta={fields.goalIds} legend={t("evaluations.form.goals")} hint={t("evaluations.form.goalsHint")} empty={t("evaluations.form.noGoals")} items={options.goals} />
      </div>
      <div hidden={hydrated && kind !== "aggregated"}>
        <Choices
          meta={fields.projectIds}
          legend={t("evaluations.form.projects")}
          hint={t("evaluations.form.projectsHint")}
          empty={t("evaluations.form.noProjects")}
          items={options.projects.map((p) => ({ id: p.id, label: `${p.caseNumber} ${p.name}` }))}
        />
      </div>
      <div className="actions">
        <button type="submit" className="button">
          {submitLabel}
        </button>
        <Link to={cancelTo} className="button button--secondary">
          {t("evaluations.form.cancel")}
        </Link>
      </div>
    </Form>
  );
}
