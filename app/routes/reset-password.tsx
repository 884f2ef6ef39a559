import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isResetTokenUsable, resetPassword } from "~/auth/password-reset.server";
import { PASSWORD_MIN_LENGTH, ResetPasswordSchema } from "~/auth/schemas";
import { FormErrors, StatusMessage, TextField } from "~/components/forms";
import { pageTitle } from "~/i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "auth.resetTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  return { token, usable: token ? await isResetTokenUsable(token) : false };
}

// Typed passwords never come back in the page (as on the sign-in form).
const PASSWORD_FIELDS = ["password", "confirmPassword"];

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: ResetPasswordSchema });
  if (submission.status !== "success") {
    return json({ result: submission.reply({ hideFields: PASSWORD_FIELDS }), done: false }, { status: 400 });
  }
  const userId = await resetPassword(submission.value.token, submission.value.password, context.clientAddress);
  if (!userId) {
    return json({ result: submission.reply({ formErrors: ["auth.resetInvalid"], hideFields: PASSWORD_FIELDS }), done: false }, { status: 400 });
  }
  return json({ result: submission.reply({ resetForm: true }), done: true });
}

export default function ResetPassword() {
  const { t } = useTranslation();
  const { token, usable } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "reset-password",
    lastResult: data?.result,
    constraint: getZodConstraint(ResetPasswordSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ResetPasswordSchema }),
  });

  if (data?.done) {
    return (
      <div className="page narrow">
        <h1>{t("auth.resetTitle")}</h1>
        <StatusMessage>{t("auth.resetDone")}</StatusMessage>
        <p>
          <Link to="/login">{t("auth.signInTitle")}</Link>
        </p>
      </div>
    );
  }
  if (!usable) {
    return (
      <div className="page narrow">
        <h1>{t("auth.resetTitle")}</h1>
        <div className="alert alert--error" role="alert">
          <p>{t("auth.resetInvalid")}</p>
        </div>
        <p>
          <Link to="/forgot-password">{t("auth.forgotTitle")}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="page narrow">
      <h1>{t("auth.resetTitle")}</h1>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="token" value={token} />
        <TextField
          meta={fields.password}
          type="password"
          label={t("auth.newPassword")}
          hint={t("auth.passwordHint", { min: PASSWORD_MIN_LENGTH })}
          autoComplete="new-password"
        />
        <TextField meta={fields.confirmPassword} type="password" label={t("auth.confirmPassword")} autoComplete="new-password" />
        <div>
          <button type="submit" className="button">
            {t("auth.resetSubmit")}
          </button>
        </div>
      </Form>
    </div>
  );
}
