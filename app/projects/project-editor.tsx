import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SelectField, TextAreaField, TextField } from "~/components/forms";
import { REPORT_TYPES } from "./options";
import { ExpectedResultSchema, RealisedResultSchema, ReportSchema } from "./schemas";

type Options = {
  goals: { id: string; label: string; depth: number }[];
  dimensions: { id: string; name: string; tags: { id: string; name: string }[] }[];
  indicators: { id: string; name: string; unit: string }[];
  calls: { id: string; title: string }[];
};

type LastResult = { form: string; result: SubmissionResult<string[]> | null } | undefined;

/** An admin's forms on the project page: links to goals and tags, results and reports. */
export function ProjectEditor({
  options,
  chosenGoals,
  chosenTags,
  chosenCall,
  last,
}: {
  options: Options;
  chosenGoals: string[];
  chosenTags: string[];
  chosenCall: string | null;
  last: LastResult;
}) {
  const { t } = useTranslation();
  const lastFor = (id: string) => (last?.form === id ? last.result : undefined);
  const indicatorOptions = [{ value: "", label: t("projects.noIndicator") }, ...options.indicators.map((i) => ({ value: i.id, label: i.unit ? `${i.name} (${i.unit})` : i.name }))];
  const [expectedForm, expected] = useForm({
    id: "expected",
    lastResult: lastFor("expected"),
    constraint: getZodConstraint(ExpectedResultSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ExpectedResultSchema }),
  });
  const [realisedForm, realised] = useForm({
    id: "realised",
    lastResult: lastFor("realised"),
    constraint: getZodConstraint(RealisedResultSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RealisedResultSchema }),
  });
  const [reportForm, report] = useForm({
    id: "report",
    lastResult: lastFor("report"),
    constraint: getZodConstraint(ReportSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ReportSchema }),
  });
  const goals = new Set(chosenGoals);
  const tags = new Set(chosenTags);

  return (
    <section aria-labelledby="edit-project" className="edit-panels">
      <h2 id="edit-project">{t("projects.editTitle")}</h2>
      <details className="disclosure">
        <summary>{t("projects.editLinks")}</summary>
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="links" />
          <div className="field">
            <label htmlFor="project-call">{t("calls.projectCall")}</label>
            <select id="project-call" name="callId" defaultValue={chosenCall ?? ""}>
              <option value="">{t("calls.projectCallNone")}</option>
              {options.calls.map((call) => (
                <option key={call.id} value={call.id}>
                  {call.title}
                </option>
              ))}
            </select>
          </div>
          <fieldset className="fieldset checkbox-list">
            <legend>{t("projects.goals")}</legend>
            {options.goals.map((goal) => (
              <div key={goal.id} className="checkbox-item" data-depth={Math.min(goal.depth, 3)}>
                <input type="checkbox" id={`pgoal-${goal.id}`} name="goalIds" value={goal.id} defaultChecked={goals.has(goal.id)} />
                <label htmlFor={`pgoal-${goal.id}`}>{goal.label}</label>
              </div>
            ))}
          </fieldset>
          {options.dimensions.map((dimension) => (
            <fieldset key={dimension.id} className="fieldset checkbox-list checkbox-list--inline">
              <legend>{dimension.name}</legend>
              {dimension.tags.map((tag) => (
                <div key={tag.id} className="checkbox-item">
                  <input type="checkbox" id={`ptag-${tag.id}`} name="tagIds" value={tag.id} defaultChecked={tags.has(tag.id)} />
                  <label htmlFor={`ptag-${tag.id}`}>{tag.name}</label>
                </div>
              ))}
            </fieldset>
          ))}
          <div>
            <button type="submit" className="button">
              {t("projects.saveLinks")}
            </button>
          </div>
        </Form>
      </details>
      <details className="disclosure">
        <summary>{t("projects.addExpected")}</summary>
        <Form method="post" {...getFormProps(expectedForm)} className="stack">
          <input type="hidden" name="intent" value="expected" />
          <SelectField meta={expected.indicatorId} label={t("projects.indicator")} options={indicatorOptions} />
          <TextField meta={expected.description} label={t("projects.description")} />
          <div className="field-row">
            <TextField meta={expected.targetValue} label={t("projects.target")} />
            <TextField meta={expected.unit} label={t("projects.unit")} />
          </div>
          <div>
            <button type="submit" className="button">
              {t("projects.addExpected")}
            </button>
          </div>
        </Form>
      </details>
      <details className="disclosure">
        <summary>{t("projects.addRealised")}</summary>
        <Form method="post" {...getFormProps(realisedForm)} className="stack">
          <input type="hidden" name="intent" value="realised" />
          <SelectField meta={realised.indicatorId} label={t("projects.indicator")} options={indicatorOptions} />
          <TextField meta={realised.description} label={t("projects.description")} />
          <div className="field-row">
            <TextField meta={realised.value} label={t("projects.value")} />
            <TextField meta={realised.unit} label={t("projects.unit")} />
            <TextField meta={realised.date} label={t("projects.date")} hint={t("projects.dateHint")} />
          </div>
          <TextField meta={realised.sourceReport} label={t("projects.sourceReport")} />
          <div>
            <button type="submit" className="button">
              {t("projects.addRealised")}
            </button>
          </div>
        </Form>
      </details>
      <details className="disclosure">
        <summary>{t("projects.addReport")}</summary>
        <Form method="post" {...getFormProps(reportForm)} className="stack">
          <input type="hidden" name="intent" value="report" />
          <SelectField meta={report.type} label={t("projects.reportType")} options={REPORT_TYPES.map((r) => ({ value: r, label: t(`projects.reportTypes.${r}`) }))} />
          <TextField meta={report.date} label={t("projects.date")} hint={t("projects.dateHint")} />
          <TextAreaField meta={report.summary} label={t("projects.summary")} />
          <div>
            <button type="submit" className="button">
              {t("projects.addReport")}
            </button>
          </div>
        </Form>
      </details>
    </section>
  );
}
