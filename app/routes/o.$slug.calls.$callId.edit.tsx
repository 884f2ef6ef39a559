import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { submitCall } from "~/calls/call-action.server";
import { CallForm } from "~/calls/call-form";
import { canEditCall, deleteCall, findCall } from "~/calls/calls.server";
import { goalOptions } from "~/goals/goals.server";
import { listDimensions } from "~/goals/tags.server";
import { pageTitle } from "~/i18n/page-title";
import { requireViewer } from "~/lessons/viewer.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "calls.editTitle");

const isoDay = (date: Date | string | null) => (date ? new Date(date).toISOString().slice(0, 10) : "");
const kronorText = (ore: string) => (Number(ore) / 100).toLocaleString("sv-SE", { maximumFractionDigits: 2 });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { organisation, viewer } = await requireViewer(request, context, params.slug);
  const call = await findCall(organisation.id, params.callId ?? "");
  if (!call) throw new Response("Not Found", { status: 404 });
  if (!canEditCall(viewer, call)) throw new Response("Forbidden", { status: 403 });
  const [goals, dimensions] = await Promise.all([goalOptions(organisation.id), listDimensions(organisation.id)]);
  return {
    options: { goals, dimensions: dimensions.filter((d) => d.tags.length > 0) },
    values: {
      title: call.title,
      description: call.description,
      budget: call.budgetOre === "0" ? "" : kronorText(call.budgetOre),
      status: call.status,
      opensOn: isoDay(call.opensOn),
      closesOn: isoDay(call.closesOn),
      decidedOn: isoDay(call.decidedOn),
      goalIds: call.goals.map((g) => g.goal.id),
      tagIds: call.tags.map((t) => t.tag.id),
    },
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { organisation, viewer } = await requireViewer(request, context, params.slug);
  const callId = params.callId ?? "";
  if (new URL(request.url).searchParams.has("delete")) {
    if (!(await deleteCall(viewer, callId))) throw new Response("Not Found", { status: 404 });
    return redirect(`/o/${organisation.slug}/calls`);
  }
  return submitCall(request, viewer, organisation.slug, callId);
}

export default function EditCall() {
  const { t } = useTranslation();
  const { options, values } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="page narrow-wide">
      <h1>{t("calls.editTitle")}</h1>
      <CallForm lastResult={lastResult} options={options} submitLabel={t("calls.save")} values={values} />
      <section aria-labelledby="delete-call">
        <h2 id="delete-call">{t("calls.deleteTitle")}</h2>
        <p>{t("calls.deleteText")}</p>
        <Form method="post" action="?delete">
          <button type="submit" className="button button--danger">
            {t("calls.delete")}
          </button>
        </Form>
      </section>
    </div>
  );
}
