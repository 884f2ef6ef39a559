import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireOrganisation } from "~/auth/guards.server";
import { submitEvaluation } from "~/evaluations/evaluation-action.server";
import { EvaluationForm } from "~/evaluations/evaluation-form";
import { evaluationFormOptions } from "~/evaluations/evaluations.server";
import { pageTitle } from "~/i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "evaluations.newTitle");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { organisation } = await requireOrganisation(request, context, params.slug, "facilitator");
  return { slug: organisation.slug, options: await evaluationFormOptions(organisation.id) };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { organisation } = await requireOrganisation(request, context, params.slug, "facilitator");
  return submitEvaluation(request, organisation, null);
}

export default function NewEvaluation() {
  const { t } = useTranslation();
  const { slug, options } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="page narrow-wide">
      <p className="muted">
        <Link to={`/o/${slug}/evaluations`}>{t("evaluations.title")}</Link>
      </p>
      <h1>{t("evaluations.newTitle")}</h1>
      <EvaluationForm
        values={{ title: "", description: "", kind: "thematic", status: "planned", evaluator: "", startsOn: "", endsOn: "", goalIds: [], projectIds: [] }}
        options={options}
        lastResult={lastResult}
        submitLabel={t("evaluations.form.create")}
        cancelTo={`/o/${slug}/evaluations`}
      />
    </div>
  );
}
