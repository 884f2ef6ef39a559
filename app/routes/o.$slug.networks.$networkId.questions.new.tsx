import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors, TextAreaField, TextField } from "~/components/forms";
import { pageTitle } from "~/i18n/page-title";
import { requireViewer } from "~/lessons/viewer.server";
import { createQuestionnaire } from "~/network-questions/questionnaires.server";
import { QuestionnaireSchema } from "~/network-questions/schemas";
import { networkForMember } from "~/networks/networks.server";
import { hasRole } from "~/organisations/roles";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "networkQuestions.newTitle");

// The network first: someone outside it learns nothing, not even that only admins may write here.
async function requireAdminInNetwork(request: Request, context: LoaderFunctionArgs["context"], params: LoaderFunctionArgs["params"]) {
  const { organisation, viewer } = await requireViewer(request, context, params.slug);
  const network = await networkForMember(organisation.id, params.networkId ?? "");
  if (!network) throw new Response("Not Found", { status: 404 });
  if (!hasRole(viewer.role, "admin")) throw new Response("Forbidden", { status: 403 });
  return { organisation, viewer, network };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { organisation, network } = await requireAdminInNetwork(request, context, params);
  return { slug: organisation.slug, network: { id: network.id, name: network.name } };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { organisation, viewer, network } = await requireAdminInNetwork(request, context, params);
  const submission = parseWithZod(await request.formData(), { schema: QuestionnaireSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const created = await createQuestionnaire(viewer, network.id, submission.value);
  if (!created) throw new Response("Not Found", { status: 404 });
  return redirect(`/o/${organisation.slug}/networks/${network.id}/questions/${created.id}?notice=created`);
}

export default function NewNetworkQuestions() {
  const { t } = useTranslation();
  const { slug, network } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "network-questionnaire",
    lastResult,
    defaultValue: { title: "", intro: "", questions: "", closesOn: "" },
    constraint: getZodConstraint(QuestionnaireSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: QuestionnaireSchema }),
  });
  const back = `/o/${slug}/networks/${network.id}/questions`;
  return (
    <div className="page narrow-wide">
      <p className="muted">
        <Link to={`/o/${slug}/networks/${network.id}`}>{network.name}</Link> · <Link to={back}>{t("networkQuestions.title")}</Link>
      </p>
      <h1>{t("networkQuestions.newTitle")}</h1>
      <p className="lead">{t("networkQuestions.newIntro", { network: network.name })}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField meta={fields.title} label={t("networkQuestions.questionnaireTitle")} hint={t("networkQuestions.titleHint")} />
        <TextAreaField meta={fields.intro} label={t("networkQuestions.introLabel")} hint={t("networkQuestions.introHint")} />
        <TextAreaField meta={fields.questions} label={t("networkQuestions.questions")} hint={t("networkQuestions.questionsHint")} />
        <TextField meta={fields.closesOn} label={t("networkQuestions.closesOnLabel")} hint={t("networkQuestions.closesOnHint")} />
        <div className="actions">
          <button type="submit" className="button">
            {t("networkQuestions.send")}
          </button>
          <Link to={back} className="button button--secondary">
            {t("networkQuestions.cancel")}
          </Link>
        </div>
      </Form>
    </div>
  );
}
