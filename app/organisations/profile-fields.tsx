import { getInputProps, type FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { SelectField, TextAreaField, TextField } from "~/components/forms";
import { ORGANISATION_KINDS } from "./schemas";

type Meta = FieldMetadata<unknown>;

/** The profile fields shared by "create organisation" and "organisation profile". */
export function ProfileFields({
  fields,
}: {
  fields: Record<"name" | "kind" | "county" | "description" | "website" | "contactEmail" | "sharingNeedsApproval", Meta>;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField meta={fields.name} label={t("orgForm.name")} autoComplete="organization" />
      <SelectField
        meta={fields.kind}
        label={t("orgForm.kind")}
        options={ORGANISATION_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
      />
      <TextField meta={fields.county} label={t("orgForm.county")} />
      <TextAreaField meta={fields.description} label={t("orgForm.description")} hint={t("orgForm.descriptionHint")} />
      <TextField meta={fields.website} type="url" label={t("orgForm.website")} autoComplete="url" />
      <TextField meta={fields.contactEmail} type="email" label={t("orgForm.contactEmail")} autoComplete="email" />
      <div className="checkbox">
        <input {...getInputProps(fields.sharingNeedsApproval, { type: "checkbox" })} aria-describedby={`${fields.sharingNeedsApproval.id}-hint`} />
        <label htmlFor={fields.sharingNeedsApproval.id}>{t("orgForm.sharingNeedsApproval")}</label>
        <p id={`${fields.sharingNeedsApproval.id}-hint`} className="field__hint">
          {t("orgForm.sharingNeedsApprovalHint")}
        </p>
      </div>
    </>
  );
}
