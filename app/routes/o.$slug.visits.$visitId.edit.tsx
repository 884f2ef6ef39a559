import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pageTitle } from "~/i18n/page-title";
import { requireViewer } from "~/lessons/viewer.server";
import { planValues, visitFormOptions } from "~/study-visits/study-visits.server";
import { submitVisit } from "~/study-visits/visit-action.server";
import { VisitForm } from "~/study-visits/visit-form";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "studyVisits.editTitle");

// Only the visiting organisation's author of the plan or an admin gets here; for everyone else the page does not exist.
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { organisation, viewer } = await requireViewer(request, context, params.slug);
  const values = await planValues(viewer, params.visitId ?? "");
  if (!values) throw new Response("Not Found", { status: 404 });
  return { slug: organisation.slug, values, options: await visitFormOptions(organisation.id) };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { organisation, viewer } = await requireViewer(request, context, params.slug);
  return submitVisit(request, viewer, organisation.slug, params.visitId ?? "");
}

export default function EditStudyVisit() {
  const { t } = useTranslation();
  const { slug, values, options } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const back = `/o/${slug}/visits/${values.id}`;
  return (
    <div className="page narrow-wide">
      <p className="muted">
        <Link to={back}>{values.title}</Link>
      </p>
      <h1>{t("studyVisits.editTitle")}</h1>
      <VisitForm values={values} options={options} lastResult={lastResult} submitLabel={t("studyVisits.form.save")} cancelTo={back} />
    </div>
  );
}
