import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireOrganisation } from "~/auth/guards.server";
import { FormErrors, SelectField, TextAreaField, TextField } from "~/components/forms";
import { goalOptions } from "~/goals/goals.server";
import { toLocale } from "~/i18n/i18n";
import { requestLocale } from "~/i18n/locale.server";
import { pageTitle } from "~/i18n/page-title";
import { sharingChoices } from "~/networks/networks.server";
import { SessionSchema } from "~/sessions/schemas";
import { invitablePeople, ownTemplates, planSessions, stockholmInstant } from "~/sessions/sessions.server";
import { notifySessionInvite } from "~/notifications/notifications.server";
import { appOrigin } from "~/auth/guards.server";
import { BUILT_IN_TEMPLATE_IDS, BUILT_IN_TEMPLATES, RECURRENCES } from "~/sessions/templates";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "sessions.planTitle");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { organisation, user } = await requireOrganisation(request, context, params.slug, "facilitator");
  const [goals, people, templates, networks] = await Promise.all([
    goalOptions(organisation.id),
    invitablePeople(organisation.id),
    ownTemplates(organisation.id),
    sharingChoices(organisation.id),
  ]);
  return { goals, people: people.filter((p) => p.id !== user.id), templates, networks };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { organisation, user, membership } = await requireOrganisation(request, context, params.slug, "facilitator");
  const submission = parseWithZod(await request.formData(), { schema: SessionSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const locale = toLocale(await requestLocale(request, context));
  const result = await planSessions({ userId: user.id, organisationId: organisation.id, role: membership.role }, submission.value, locale);
  if (!result.ok) return json(submission.reply({ formErrors: [`sessions.errors.${result.error}`] }), { status: 400 });
  // One invitation for a series: to its first session, which links to the rest.
  await notifySessionInvite({
    session: { id: result.sessionIds[0], title: submission.value.title, organisationId: organisation.id, organisationSlug: organisation.slug, startsAt: stockholmInstant(submission.value.date, submission.value.time) },
    inviteeIds: [...submission.value.inviteeIds, ...submission.value.facilitatorIds],
    actor: { id: user.id, name: user.name },
    origin: appOrigin(request),
  });
  return redirect(`/o/${organisation.slug}/sessions/${result.sessionIds[0]}?notice=${result.seriesId ? "seriesPlanned" : "planned"}`);
}

export default function PlanSession() {
  const { t, i18n } = useTranslation();
  const { goals, people, templates, networks } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "plan-session",
    lastResult,
    defaultValue: { durationMinutes: "90", recurrence: "none", occurrences: "4", template: "buzzin-bees", votesPerPerson: "5", votesPerTarget: "2", time: "09:00" },
    constraint: getZodConstraint(SessionSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SessionSchema }),
  });
  const submitted = (lastResult?.initialValue ?? {}) as Record<string, unknown>;
  const chosen = (name: string) => new Set(([] as string[]).concat((submitted[name] as string[] | string | undefined) ?? []));
  const goalIds = chosen("goalIds");
  const facilitatorIds = chosen("facilitatorIds");
  const inviteeIds = chosen("inviteeIds");
  const lang = i18n.language === "en" ? "en" : "sv";

  return (
    <div className="page narrow-wide">
      <h1>{t("sessions.planTitle")}</h1>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField meta={fields.title} label={t("sessions.title")} />
        <TextAreaField meta={fields.theme} label={t("sessions.theme")} hint={t("sessions.themeHint")} />
        <SelectField
          meta={fields.template}
          label={t("sessions.template")}
          hint={t("sessions.templateHint")}
          options={[
            ...BUILT_IN_TEMPLATE_IDS.map((id) => ({ value: id, label: BUILT_IN_TEMPLATES[id].name[lang] })),
            ...templates.map((tpl) => ({ value: tpl.id, label: tpl.name })),
          ]}
        />
        <div className="field-row">
          <TextField meta={fields.date} label={t("sessions.date")} hint={t("sessions.dateHint")} />
          <TextField meta={fields.time} label={t("sessions.time")} hint={t("sessions.timeHint")} />
          <TextField meta={fields.durationMinutes} label={t("sessions.duration")} />
        </div>
        <TextField meta={fields.place} label={t("sessions.place")} />
        <TextField meta={fields.videoUrl} label={t("sessions.videoUrl")} type="url" />
        <SelectField
          meta={fields.networkId}
          label={t("sessions.openToNetwork")}
          hint={t("sessions.openToNetworkHint")}
          options={[{ value: "", label: t("sessions.notOpen") }, ...networks.map((n) => ({ value: n.id, label: n.name }))]}
        />
        <div className="field-row">
          <SelectField meta={fields.recurrence} label={t("sessions.recurrence")} options={RECURRENCES.map((r) => ({ value: r, label: t(`sessions.recurrences.${r}`) }))} />
          <TextField meta={fields.occurrences} label={t("sessions.occurrences")} hint={t("sessions.occurrencesHint")} />
        </div>

        <fieldset className="fieldset checkbox-list">
          <legend>{t("sessions.goals")}</legend>
          {goals.map((goal) => (
            <div key={goal.id} className="checkbox-item" data-depth={Math.min(goal.depth, 3)}>
              <input type="checkbox" id={`goal-${goal.id}`} name="goalIds" value={goal.id} defaultChecked={goalIds.has(goal.id)} />
              <label htmlFor={`goal-${goal.id}`}>{goal.label}</label>
            </div>
          ))}
        </fieldset>

        <fieldset className="fieldset checkbox-list">
          <legend>{t("sessions.coFacilitators")}</legend>
          <p className="field__hint">{t("sessions.coFacilitatorsHint")}</p>
          {people.filter((p) => p.canFacilitate).map((p) => (
            <div key={p.id} className="checkbox-item">
              <input type="checkbox" id={`facilitator-${p.id}`} name="facilitatorIds" value={p.id} defaultChecked={facilitatorIds.has(p.id)} />
              <label htmlFor={`facilitator-${p.id}`}>{p.name}</label>
            </div>
          ))}
        </fieldset>

        <fieldset className="fieldset checkbox-list">
          <legend>{t("sessions.invitees")}</legend>
          <p className="field__hint">{t("sessions.inviteesHint")}</p>
          {people.map((p) => (
            <div key={p.id} className="checkbox-item">
              <input type="checkbox" id={`invitee-${p.id}`} name="inviteeIds" value={p.id} defaultChecked={inviteeIds.has(p.id)} />
              <label htmlFor={`invitee-${p.id}`}>
                {p.name}
                {p.organisation ? <span className="muted"> · {p.organisation}</span> : null}
              </label>
            </div>
          ))}
        </fieldset>

        <fieldset className="fieldset">
          <legend>{t("sessions.notesAndVotes")}</legend>
          <div className="checkbox-item">
            <input {...getInputProps(fields.anonymousNotes, { type: "checkbox" })} />
            <label htmlFor={fields.anonymousNotes.id}>{t("sessions.anonymousNotes")}</label>
          </div>
          <div className="field-row">
            <TextField meta={fields.votesPerPerson} label={t("sessions.votesPerPerson")} />
            <TextField meta={fields.votesPerTarget} label={t("sessions.votesPerTarget")} />
          </div>
        </fieldset>
        <div className="actions">
          <button type="submit" className="button">
            {t("sessions.planSubmit")}
          </button>
        </div>
      </Form>
    </div>
  );
}
