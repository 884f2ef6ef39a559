import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { submitCall } from "~/calls/call-action.server";
import { CallForm } from "~/calls/call-form";
import { goalOptions } from "~/goals/goals.server";
import { listDimensions } from "~/goals/tags.server";
import { pageTitle } from "~/i18n/page-title";
import { requireViewer } from "~/lessons/viewer.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "calls.newTitle");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { organisation } = await requireViewer(request, context, params.slug);
  const [goals, dimensions] = await Promise.all([goalOptions(organisation.id), listDimensions(organisation.id)]);
  return { options: { goals, dimensions: dimensions.filter((d) => d.tags.length > 0) } };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { organisation, viewer } = await requireViewer(request, context, params.slug);
  return submitCall(request, viewer, organisation.slug, null);
}

export default function NewCall() {
  const { t } = useTranslation();
  const { options } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="page narrow-wide">
      <h1>{t("calls.newTitle")}</h1>
      <p className="lead">{t("calls.newIntro")}</p>
      <CallForm
        lastResult={lastResult}
        options={options}
        submitLabel={t("calls.create")}
        values={{ title: "", description: "", budget: "", status: "planned", opensOn: "", closesOn: "", decidedOn: "", goalIds: [], tagIds: [] }}
      />
    </div>
  );
}
