import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TextField } from "~/components/forms";
import { EditIndicatorSchema } from "./schemas";

type Indicator = {
  id: string;
  name: string;
  unit: string;
  baselineValue: number | null;
  baselineYear: number | null;
  targetValue: number | null;
  targetYear: number | null;
  source: string;
};

const text = (value: number | null) => (value === null ? undefined : String(value).replace(".", ","));

/** Edit one indicator's name, unit, baseline, target and source. */
export function IndicatorEditForm({ indicator, lastResult }: { indicator: Indicator; lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: `indicator-${indicator.id}`,
    lastResult,
    defaultValue: {
      name: indicator.name,
      unit: indicator.unit,
      baselineValue: text(indicator.baselineValue),
      baselineYear: text(indicator.baselineYear),
      targetValue: text(indicator.targetValue),
      targetYear: text(indicator.targetYear),
      source: indicator.source,
    },
    constraint: getZodConstraint(EditIndicatorSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EditIndicatorSchema }),
  });
  return (
    <details className="disclosure" open={Boolean(lastResult?.error)}>
      <summary>{t("goals.editIndicator", { name: indicator.name })}</summary>
      <Form method="post" {...getFormProps(form)} className="stack">
        <input type="hidden" name="intent" value="update-indicator" />
        <input type="hidden" name="indicatorId" value={indicator.id} />
        <TextField meta={fields.name} label={t("goals.indicatorName")} />
        <TextField meta={fields.unit} label={t("goals.unit")} />
        <div className="field-row">
          <TextField meta={fields.baselineValue} label={t("goals.baselineValue")} />
          <TextField meta={fields.baselineYear} label={t("goals.baselineYear")} />
        </div>
        <div className="field-row">
          <TextField meta={fields.targetValue} label={t("goals.targetValue")} />
          <TextField meta={fields.targetYear} label={t("goals.targetYear")} />
        </div>
        <TextField meta={fields.source} label={t("goals.source")} />
        <div>
          <button type="submit" className="button">
            {t("goals.saveIndicator")}
          </button>
        </div>
      </Form>
    </details>
  );
}
