import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TextAreaField, TextField, SelectField } from "~/components/forms";
import { pageTitle } from "~/i18n/page-title";
import { requireViewer } from "~/lessons/viewer.server";
import { announce } from "~/sessions/run.server";
import { sharingChoices } from "~/networks/networks.server";
import { EditSessionSchema } from "~/sessions/schemas";
import { findVisibleSession, isFacilitator, updateSessionDetails } from "~/sessions/sessions.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "sessions.editTitle");

async function facilitated(request: Request, context: LoaderFunctionArgs["context"], slug: string | undefined, sessionId: string | undefined) {
  const { organisation, viewer } = await requireViewer(request, context, slug);
  const session = await findVisibleSession(viewer, sessionId ?? "");
  if (!session) throw new Response("Not Found", { status: 404 });
  if (!isFacilitator(session, viewer.userId)) throw new Response("Forbidden", { status: 403 });
  return { organisation, session };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { organisation, session } = await facilitated(request, context, params.slug, params.sessionId);
  const local = session.startsAt.toLocaleString("sv-SE", { timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
  const [date, time] = local.split(" ");
  return {
    slug: organisation.slug,
    id: session.id,
    networks: await sharingChoices(session.organisationId),
    values: {
      title: session.title,
      theme: session.theme,
      date,
      time,
      durationMinutes: String(session.durationMinutes),
      place: session.place,
      videoUrl: session.videoUrl,
      networkId: session.networkId ?? "",
      anonymousNotes: session.anonymousNotes ? "on" : undefined,
      votesPerPerson: String(session.votesPerPerson),
      votesPerTarget: String(session.votesPerTarget),
    },
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { organisation, session } = await facilitated(request, context, params.slug, params.sessionId);
  const submission = parseWithZod(await request.formData(), { schema: EditSessionSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  if (!(await updateSessionDetails(session, submission.value))) {
    return json(submission.reply({ fieldErrors: { networkId: ["validation.chooseNetworkOfYours"] } }), { status: 400 });
  }
  await announce(session.id, "details");
  return redirect(`/o/${organisation.slug}/sessions/${session.id}?notice=saved`);
}

export default function EditSession() {
  const { t } = useTranslation();
  const { slug, id, values, networks } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "edit-session",
    lastResult,
    defaultValue: values,
    constraint: getZodConstraint(EditSessionSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EditSessionSchema }),
  });
  return (
    <div className="page narrow-wide">
      <p className="muted">
        <Link to={`/o/${slug}/sessions/${id}`}>{values.title}</Link>
      </p>
      <h1>{t("sessions.editTitle")}</h1>
      <Form method="post" {...getFormProps(form)} className="stack">
        <TextField meta={fields.title} label={t("sessions.title")} />
        <TextAreaField meta={fields.theme} label={t("sessions.theme")} hint={t("sessions.themeHint")} />
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
            {t("sessions.saveDetails")}
          </button>
          <Link to={`/o/${slug}/sessions/${id}`}>{t("threads.cancel")}</Link>
        </div>
      </Form>
    </div>
  );
}
