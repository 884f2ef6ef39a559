import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { appOrigin, requireOrganisation } from "~/auth/guards.server";
import { StatusMessage } from "~/components/forms";
import { pageTitle } from "~/i18n/page-title";
import { updateProfile } from "~/organisations/organisations.server";
import { ProfileFields } from "~/organisations/profile-fields";
import { OrganisationProfileSchema } from "~/organisations/schemas";
import { DepartedLessonsSetting } from "~/account/departed-lessons-setting";
import { departedLessonsSetting, setDepartedLessons } from "~/account/erasure.server";
import { DepartedLessonsSettingSchema } from "~/account/schemas";
import { PublicResultsSetting } from "~/public-results/public-results-setting";
import { publicResultsEnabled, setPublicResults } from "~/public-results/public-results.server";
import { PublicResultsSettingSchema } from "~/public-results/schemas";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "orgForm.profileTitle");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { organisation } = await requireOrganisation(request, context, params.slug, "admin");
  return {
    organisation,
    publicResults: await publicResultsEnabled(organisation.id),
    publicResultsUrl: `${appOrigin(request)}/results/${organisation.slug}`,
    departedLessons: await departedLessonsSetting(organisation.id),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { organisation } = await requireOrganisation(request, context, params.slug, "admin");
  const formData = await request.formData();
  if (formData.get("intent") === "public-results") {
    const setting = PublicResultsSettingSchema.safeParse(Object.fromEntries(formData));
    if (!setting.success) throw new Response("Bad Request", { status: 400 });
    await setPublicResults(organisation.id, setting.data.publicResults);
    return json({ publicResults: setting.data.publicResults });
  }
  if (formData.get("intent") === "departed-lessons") {
    const setting = DepartedLessonsSettingSchema.safeParse(Object.fromEntries(formData));
    if (!setting.success) throw new Response("Bad Request", { status: 400 });
    await setDepartedLessons(organisation.id, setting.data.departedLessons);
    return json({ departedLessonsSaved: true });
  }
  const submission = parseWithZod(formData, { schema: OrganisationProfileSchema });
  if (submission.status !== "success") return json({ result: submission.reply(), saved: false }, { status: 400 });
  await updateProfile(organisation.id, submission.value);
  return json({ result: submission.reply(), saved: true });
}

export default function OrganisationProfile() {
  const { t } = useTranslation();
  const { organisation, publicResults, publicResultsUrl, departedLessons } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  // The page has two forms; each reads only its own answer.
  const data = actionData && "result" in actionData ? actionData : undefined;
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
      <PublicResultsSetting
        enabled={publicResults}
        url={publicResultsUrl}
        saved={actionData && "publicResults" in actionData ? actionData.publicResults : undefined}
      />
      <DepartedLessonsSetting value={departedLessons} saved={Boolean(actionData && "departedLessonsSaved" in actionData)} />
    </section>
  );
}
