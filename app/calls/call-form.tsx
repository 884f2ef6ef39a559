import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, SelectField, TextAreaField, TextField } from "~/components/forms";
import { CALL_STATUSES } from "./options";
import { CallSchema } from "./schemas";

export type CallFormValues = {
  title: string;
  description: string;
  budget: string;
  status: string;
  opensOn: string;
  closesOn: string;
  decidedOn: string;
  goalIds: string[];
  tagIds: string[];
};

type Options = {
  goals: { id: string; label: string; depth: number }[];
  dimensions: { id: string; name: string; tags: { id: string; name: string }[] }[];
};

/** One form for a new call and for changing one; the schema checks it in the browser and again on the server. */
export function CallForm({ values, options, lastResult, submitLabel }: { values: CallFormValues; options: Options; lastResult: SubmissionResult<string[]> | undefined; submitLabel: string }) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "call",
    lastResult,
    defaultValue: values,
    constraint: getZodConstraint(CallSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CallSchema }),
  });
  // After a refused submit the browser's own choices stay: conform keeps typed values, checkboxes come from the submission.
  const chosenGoals = new Set((form.value?.goalIds as string[] | string | undefined) ?? values.goalIds);
  const chosenTags = new Set((form.value?.tagIds as string[] | string | undefined) ?? values.tagIds);
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <FormErrors id={form.errorId} errors={form.errors} />
      <TextField meta={fields.title} label={t("calls.callTitle")} />
      <TextAreaField meta={fields.description} label={t("calls.description")} hint={t("calls.descriptionHint")} />
      <div className="field-row">
        <TextField meta={fields.budget} label={t("calls.budget")} hint={t("calls.budgetHint")} />
        <SelectField meta={fields.status} label={t("calls.status")} options={CALL_STATUSES.map((s) => ({ value: s, label: t(`calls.statuses.${s}`) }))} />
      </div>
      <div className="field-row">
        <TextField meta={fields.opensOn} label={t("calls.opensOn")} hint={t("calls.dateHint")} />
        <TextField meta={fields.closesOn} label={t("calls.closesOn")} hint={t("calls.dateHint")} />
        <TextField meta={fields.decidedOn} label={t("calls.decidedOn")} hint={t("calls.dateHint")} />
      </div>
      <fieldset className="fieldset checkbox-list" aria-describedby="call-goals-hint">
        <legend>{t("calls.goals")}</legend>
        <p id="call-goals-hint" className="field__hint">
          {t("calls.goalsHint")}
        </p>
        {options.goals.map((goal) => (
          <div key={goal.id} className="checkbox-item" data-depth={Math.min(goal.depth, 3)}>
            <input type="checkbox" id={`call-goal-${goal.id}`} name="goalIds" value={goal.id} defaultChecked={chosenGoals.has(goal.id)} />
            <label htmlFor={`call-goal-${goal.id}`}>{goal.label}</label>
          </div>
        ))}
      </fieldset>
      {options.dimensions.map((dimension) => (
        <fieldset key={dimension.id} className="fieldset checkbox-list checkbox-list--inline">
          <legend>
            {t("calls.tags")}: {dimension.name}
          </legend>
          {dimension.tags.map((tag) => (
            <div key={tag.id} className="checkbox-item">
              <input type="checkbox" id={`call-tag-${tag.id}`} name="tagIds" value={tag.id} defaultChecked={chosenTags.has(tag.id)} />
              <label htmlFor={`call-tag-${tag.id}`}>{tag.name}</label>
            </div>
          ))}
        </fieldset>
      ))}
      <div className="actions">
        <button type="submit" className="button">
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}
