import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, SelectField, TextAreaField, TextField } from "~/components/forms";
import { useHydrated } from "~/components/use-hydrated";
import { StudyVisitSchema } from "./schemas";

export type VisitValues = {
  title: string;
  hostOrganisationId: string;
  networkId: string;
  visitDate: string;
  participantIds: string[];
  questions: string;
};

type Options = {
  hosts: { id: string; name: string; networkIds: string[] }[];
  networks: { id: string; name: string }[];
  members: { id: string; name: string }[];
};

/** Plan a study visit or change its plan. */
export function VisitForm({
  values,
  options,
  lastResult,
  submitLabel,
  cancelTo,
}: {
  values: VisitValues;
  options: Options;
  lastResult: SubmissionResult<string[]> | undefined;
  submitLabel: string;
  cancelTo: string;
}) {
  const { t } = useTranslation();
  const hydrated = useHydrated();
  const [form, fields] = useForm({
    id: "study-visit",
    lastResult,
    defaultValue: values,
    constraint: getZodConstraint(StudyVisitSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: StudyVisitSchema }),
  });
  // The network is asked for only when the host shares several with us (the server picks it otherwise).
  // Without JavaScript the choice shows whenever some host could need it.
  const host = options.hosts.find((h) => h.id === (fields.hostOrganisationId.value ?? values.hostOrganisationId));
  const someHostShared = options.hosts.some((h) => h.networkIds.length > 1);
  const networks = hydrated && host ? options.networks.filter((n) => host.networkIds.includes(n.id)) : options.networks;
  const chosen = new Set(([] as string[]).concat((fields.participantIds.initialValue as string[] | string | undefined) ?? []));
  const participantsError = fields.participantIds.errors?.[0];
  const participantsHintId = `${fields.participantIds.id}-hint`;
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <FormErrors id={form.errorId} errors={form.errors} />
      <TextField meta={fields.title} label={t("studyVisits.form.title")} hint={t("studyVisits.form.titleHint")} />
      <div className="field-row">
        <SelectField
          meta={fields.hostOrganisationId}
          label={t("studyVisits.form.host")}
          hint={t("studyVisits.form.hostHint")}
          options={[{ value: "", label: t("studyVisits.form.chooseHost") }, ...options.hosts.map((h) => ({ value: h.id, label: h.name }))]}
        />
        <TextField meta={fields.visitDate} label={t("studyVisits.form.date")} hint={t("studyVisits.form.dateHint")} />
      </div>
      {someHostShared ? (
        <div hidden={hydrated && !(host && host.networkIds.length > 1)}>
          <SelectField
            meta={fields.networkId}
            label={t("studyVisits.form.network")}
            hint={t("studyVisits.form.networkHint")}
            options={[{ value: "", label: t("studyVisits.form.chooseNetwork") }, ...networks.map((n) => ({ value: n.id, label: n.name }))]}
          />
        </div>
      ) : null}
      <fieldset
        className={participantsError ? "fieldset checkbox-list checkbox-list--inline field--error" : "fieldset checkbox-list checkbox-list--inline"}
        aria-describedby={participantsError ? `${participantsHintId} ${fields.participantIds.errorId}` : participantsHintId}
      >
        <legend>{t("studyVisits.form.participants")}</legend>
        <p id={participantsHintId} className="field__hint">
          {t("studyVisits.form.participantsHint")}
        </p>
        {participantsError ? (
          <p id={fields.participantIds.errorId} className="field__error">
            {t(participantsError)}
          </p>
        ) : null}
        {options.members.map((member) => (
          <div key={member.id} className="checkbox-item">
            <input type="checkbox" id={`participant-${member.id}`} name={fields.participantIds.name} value={member.id} defaultChecked={chosen.has(member.id)} />
            <label htmlFor={`participant-${member.id}`}>{member.name}</label>
          </div>
        ))}
      </fieldset>
      <TextAreaField meta={fields.questions} label={t("studyVisits.form.questions")} hint={t("studyVisits.form.questionsHint")} />
      <div className="actions">
        <button type="submit" className="button">
          {submitLabel}
        </button>
        <Link to={cancelTo} className="button button--secondary">
          {t("studyVisits.form.cancel")}
        </Link>
      </div>
    </Form>
  );
}
