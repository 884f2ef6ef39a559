import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireOrganisation } from "~/auth/guards.server";
import { StatusMessage } from "~/components/forms";
import { pageTitle } from "~/i18n/page-title";
import { updateProfile } from "~/organisations/organisations.server";
import { ProfileFields } from "~/organisations/profile-fields";
import { OrganisationProfileSchema } from "~/organisations/schemas";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "orgForm.profileTitle");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { organisation } = await requireOrganisation(request, context, params.slug, "admin");
  return { organisation };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { organisation } = await requireOrganisation(request, context, params.slug, "admin");
  const submission = parseWithZod(await request.formData(), { schema: OrganisationProfileSchema });
  if (submission.status !== "success") return json({ result: submission.reply(), saved: false }, { status: 400 });
  await updateProfile(organisation.id, submission.value);
  return json({ result: submission.reply(), saved: true });
}

export default function OrganisationProfile() {
  const { t } = useTranslation();
  const { organisation } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "organisation-profile",
    lastResult: data?.result,
    defaultValue: { ...organisation, sharingNeedsApproval: organisation.sharingNeedsApproval ? "on" : undefined },
    constraint: getZodConstraint(OrganisationProfileSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: OrganisationProfileSchema }),
  });
  return (
    <section aria-labelledby="profile-heading" className="narrow">
      <h1 id="profile-heading">{t("orgForm.profileTitle")}</h1>
      {data?.saved ? <StatusMessage>{t("orgForm.saved")}</StatusMessage> : null}
      <Form method="post" {...getFormProps(form)} className="stack">
        <ProfileFields fields={fields} />
        <div>
          <button type="submit" className="button">
            {t("orgForm.save")}
          </button>
        </div>
      </Form>
    </section>
  );
}
