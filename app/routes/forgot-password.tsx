import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { appOrigin } from "~/auth/guards.server";
import { requestPasswordReset } from "~/auth/password-reset.server";
import { RateLimited } from "~/auth/rate-limit.server";
import { ForgotPasswordSchema } from "~/auth/schemas";
import { FormErrors, StatusMessage, TextField } from "~/components/forms";
import { pageTitle } from "~/i18n/page-title";

export { retryAfterHeaders as headers } from "~/auth/retry-after";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "auth.forgotTitle");

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: ForgotPasswordSchema });
  if (submission.status !== "success") {
    return json({ result: submission.reply(), sentTo: null, retryAfterMinutes: 0 }, { status: 400 });
  }
  const { email } = submission.value;
  try {
    await requestPasswordReset(email, appOrigin(request), context.clientAddress);
  } catch (error) {
    if (!(error instanceof RateLimited)) throw error;
    return json(
      {
        result: submission.reply({ formErrors: ["auth.rateLimited"] }),
        sentTo: null,
        retryAfterMinutes: Math.ceil(error.retryAfterSeconds / 60),
      },
      { status: 429, headers: { "Retry-After": String(error.retryAfterSeconds) } },
    );
  }
  return json({ result: submission.reply({ resetForm: true }), sentTo: email, retryAfterMinutes: 0 });
}

export default function ForgotPassword() {
  const { t } = useTranslation();
  const data = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "forgot-password",
    lastResult: data?.result,
    constraint: getZodConstraint(ForgotPasswordSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ForgotPasswordSchema }),
  });
  return (
    <div className="page narrow">
      <h1>{t("auth.forgotTitle")}</h1>
      {data?.sentTo ? <StatusMessage>{t("auth.forgotSent", { email: data.sentTo })}</StatusMessage> : null}
      <p>{t("auth.forgotIntro")}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors id={form.errorId} errors={form.errors} values={{ count: data?.retryAfterMinutes }} />
        <TextField meta={fields.email} type="email" label={t("auth.email")} autoComplete="email" />
        <div>
          <button type="submit" className="button">
            {t("auth.forgotSubmit")}
          </button>
        </div>
      </Form>
    </div>
  );
}
