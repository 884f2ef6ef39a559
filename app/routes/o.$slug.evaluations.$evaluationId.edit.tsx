import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireOrganisation } from "~/auth/guards.server";
import { submitEvaluation } from "~/evaluations/evaluation-action.server";
import { EvaluationForm } from "~/evaluations/evaluation-form";
import { evaluationFormOptions, evaluationValues } from "~/evaluations/evaluations.server";
import { pageTitle } from "~/i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "evaluations.editTitle");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { organisation } = await requireOrganisation(request, context, params.slug, "facilitator");
  const values = await evaluationValues(organisation.id, params.evaluationId ?? "");
  if (!values) throw new Response("Not Found", { status: 404 });
  return { slug: organisation.slug, values, options: await evaluationFormOptions(organisation.id) };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { organisation } = await requireOrganisation(request, context, params.slug, "facilitator");
  return submitEvaluation(request, organisation, params.evaluationId ?? "");
}

export default function EditEvaluation() {
  const { t } = useTranslation();
  const { slug, values, options } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const back = `/o/${slug}/evaluations/${values.id}`;
  return (
    <div className="page narrow-wide">
      <p className="muted">
        <Link to={`/o/${slug}/evaluations`}>{t("evaluations.title")}</Link> · <Link to={back}>{values.title}</Link>
      </p>
      <h1>{t("evaluations.editTitle")}</h1>
      <EvaluationForm values={values} options={options} lastResult={lastResult} submitLabel={t("evaluations.form.save")} cancelTo={back} />
    </div>
  );
}
