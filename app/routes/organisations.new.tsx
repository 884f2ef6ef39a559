import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/guards.server";
import { TextField } from "~/components/forms";
import { pageTitle } from "~/i18n/page-title";
import { createOrganisation, slugIsTaken } from "~/organisations/organisations.server";
import { ProfileFields } from "~/organisations/profile-fields";
import { NewOrganisationSchema } from "~/organisations/schemas";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "orgForm.createTitle");

export function loader({ request, context }: LoaderFunctionArgs) {
  requireUser(request, context);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(request, context);
  const submission = parseWithZod(await request.formData(), { schema: NewOrganisationSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  if (await slugIsTaken(submission.value.slug)) {
    return json(submission.reply({ fieldErrors: { slug: ["orgForm.slugTaken"] } }), { status: 400 });
  }
  const organisation = await createOrganisation(user.id, submission.value);
  return redirect(`/o/${organisation.slug}/settings/members`);
}

export default function NewOrganisation() {
  const { t } = useTranslation();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "new-organisation",
    lastResult,
    constraint: getZodConstraint(NewOrganisationSchema),
    defaultValue: { kind: "region" },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewOrganisationSchema }),
  });
  return (
    <div className="page narrow">
      <h1>{t("orgForm.createTitle")}</h1>
      <p>{t("orgForm.createIntro")}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <ProfileFields fields={fields} />
        <TextField meta={fields.slug} label={t("orgForm.slug")} hint={t("orgForm.slugHint")} />
        <div>
          <button type="submit" className="button">
            {t("orgForm.create")}
          </button>
        </div>
      </Form>
    </div>
  );
}
