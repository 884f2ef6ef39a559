import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, SelectField, TextAreaField, TextField } from "~/components/forms";
import { useHydrated } from "~/components/use-hydrated";
import { LessonEditor } from "./lesson-editor";
import { EVIDENCE_LEVELS, SOURCE_TYPES, VISIBILITIES } from "./options";
import { LessonSchema } from "./schemas";

export type LessonFormValues = {
  title: string;
  body: string;
  bodyText: string;
  context: string;
  whatHappened: string;
  whatWeLearned: string;
  recommendation: string;
  sourceType: string;
  projectId: string;
  sourceNote: string;
  evidence: string;
  visibility: string;
  networkId: string;
  goalIds: string[];
  tagIds: string[];
};

type Options = {
  goals: { id: string; label: string; depth: number }[];
  dimensions: { id: string; name: string; tags: { id: string; name: string }[] }[];
  projects: { id: string; caseNumber: string; name: string }[];
  networks: { id: string; name: string }[];
};

export function LessonForm({
  values,
  options,
  lastResult,
  published,
  source,
}: {
  source?: { threadId: string; postId: string };
  values: LessonFormValues;
  options: Options;
  lastResult: SubmissionResult<string[]> | undefined;
  published: boolean;
}) {
  const { t } = useTranslation();
  const hydrated = useHydrated();
  const [form, fields] = useForm({
    id: "lesson",
    lastResult,
    defaultValue: values,
    constraint: getZodConstraint(LessonSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LessonSchema }),
  });
  const chosenGoals = new Set(values.goalIds);
  const chosenTags = new Set(values.tagIds);
  const bodyError = fields.body.errors?.[0];

  return (
    <Form method="post" {...getFormProps(form)} className="stack lesson-form">
      <FormErrors id={form.errorId} errors={form.errors} />
      {source ? (
        <>
          <input type="hidden" name="threadId" value={source.threadId} />
          {source.postId ? <input type="hidden" name="postId" value={source.postId} /> : null}
        </>
      ) : null}
      <TextField meta={fields.title} label={t("lessons.lessonTitle")} />
      {bodyError ? (
        <p className="field__error" role="alert">
          {t(bodyError)}
        </p>
      ) : null}
      {hydrated ? (
        <LessonEditor id="lesson-body" name="body" label={t("lessons.body")} hint={t("lessons.bodyHint")} initialJson={values.body} />
      ) : (
        <TextAreaField meta={fields.bodyText} label={t("lessons.bodyPlain")} hint={t("lessons.bodyHint")} />
      )}
      <TextAreaField meta={fields.context} label={t("lessons.context")} hint={t("lessons.contextHint")} />
      <TextAreaField meta={fields.whatHappened} label={t("lessons.whatHappened")} />
      <TextAreaField meta={fields.whatWeLearned} label={t("lessons.whatWeLearned")} />
      <TextAreaField meta={fields.recommendation} label={t("lessons.recommendation")} hint={t("lessons.recommendationHint")} />

      <fieldset className="fieldset">
        <legend>{t("lessons.source")}</legend>
        <SelectField
          meta={fields.sourceType}
          label={t("lessons.sourceType")}
          options={SOURCE_TYPES.map((v) => ({ value: v, label: t(`lessons.sourceTypes.${v}`) }))}
        />
        <SelectField
          meta={fields.projectId}
          label={t("lessons.project")}
          options={[{ value: "", label: t("lessons.noProject") }, ...options.projects.map((p) => ({ value: p.id, label: `${p.caseNumber} ${p.name}` }))]}
        />
        <TextField meta={fields.sourceNote} label={t("lessons.sourceNote")} />
      </fieldset>

      <SelectField
        meta={fields.evidence}
        label={t("lessons.evidence")}
        options={EVIDENCE_LEVELS.map((v) => ({ value: v, label: t(`lessons.evidenceLevels.${v}`) }))}
      />
      <SelectField
        meta={fields.visibility}
        label={t("lessons.visibility")}
        options={VISIBILITIES.map((v) => ({ value: v, label: t(`lessons.visibilities.${v}`) }))}
      />
      {options.networks.length ? (
        <SelectField
          meta={fields.networkId}
          label={t("lessons.networkLabel")}
          hint={t("lessons.networkHint")}
          options={options.networks.map((n) => ({ value: n.id, label: n.name }))}
        />
      ) : (
        <p className="field__hint">{t("lessons.noNetworks")}</p>
      )}

      <fieldset className="fieldset checkbox-list" aria-describedby="goals-hint">
        <legend>{t("lessons.goals")}</legend>
        <p id="goals-hint" className="field__hint">
          {t("lessons.goalsHint")}
        </p>
        {options.goals.map((goal) => (
          <div key={goal.id} className="checkbox-item" data-depth={Math.min(goal.depth, 3)}>
            <input type="checkbox" id={`goal-${goal.id}`} name="goalIds" value={goal.id} defaultChecked={chosenGoals.has(goal.id)} />
            <label htmlFor={`goal-${goal.id}`}>{goal.label}</label>
          </div>
        ))}
      </fieldset>

      {options.dimensions.map((dimension) => (
        <fieldset key={dimension.id} className="fieldset checkbox-list checkbox-list--inline">
          <legend>
            {t("lessons.tags")}: {dimension.name}
          </legend>
          {dimension.tags.map((tag) => (
            <div key={tag.id} className="checkbox-item">
              <input type="checkbox" id={`tag-${tag.id}`} name="tagIds" value={tag.id} defaultChecked={chosenTags.has(tag.id)} />
              <label htmlFor={`tag-${tag.id}`}>{tag.name}</label>
            </div>
          ))}
        </fieldset>
      ))}

      <div className="actions">
        {published ? (
          <button type="submit" name="intent" value="publish" className="button">
            {t("lessons.saveChanges")}
          </button>
        ) : (
          <>
            <button type="submit" name="intent" value="publish" className="button">
              {t("lessons.publish")}
            </button>
            <button type="submit" name="intent" value="save-draft" className="button button--secondary">
              {t("lessons.saveDraft")}
            </button>
          </>
        )}
      </div>
    </Form>
  );
}
