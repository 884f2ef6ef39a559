import type { FieldMetadata } from "@conform-to/react";
import { getInputProps } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { TextAreaField, TextField } from "~/components/forms";

type Meta = FieldMetadata<unknown>;

/** Number, name, description and the 1:1 mark: shared by "new goal" and "edit goal". */
export function GoalFields({ fields }: { fields: Record<"code" | "name" | "description" | "oneToOneRelevant", Meta> }) {
  const { t } = useTranslation();
  return (
    <>
      <TextField meta={fields.code} label={t("goals.code")} hint={t("goals.codeHint")} />
      <TextField meta={fields.name} label={t("goals.name")} />
      <TextAreaField meta={fields.description} label={t("goals.description")} />
      <div className="checkbox">
        <input {...getInputProps(fields.oneToOneRelevant, { type: "checkbox" })} aria-describedby={`${fields.oneToOneRelevant.id}-hint`} />
        <label htmlFor={fields.oneToOneRelevant.id}>{t("goals.oneToOne")}</label>
        <p id={`${fields.oneToOneRelevant.id}-hint`} className="field__hint">
          {t("goals.oneToOneHint")}
        </p>
      </div>
    </>
  );
}
