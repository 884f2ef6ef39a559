import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { createAccount, emailIsTaken } from "~/auth/accounts.server";
import { isSecureRequest, requireAnonymous } from "~/auth/guards.server";
import { startSession } from "~/auth/lucia.server";
import { countAttempt } from "~/auth/rate-limit.server";
import { PASSWORD_MIN_LENGTH, SignUpSchema } from "~/auth/schemas";
import { FormErrors, TextField } from "~/components/forms";
import { requestLocale } from "~/i18n/locale.server";
import { pageTitle } from "~/i18n/page-title";

export { retryAfterHeaders as headers } from "~/auth/retry-after";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "auth.signUpTitle");

export function loader({ context }: LoaderFunctionArgs) {
  requireAnonymous(context);
  return null;
}

// Typed passwords never come back in the page (as on the sign-in form).
const PASSWORD_FIELDS = ["password", "confirmPassword"];

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: SignUpSchema });
  if (submission.status !== "success") {
    return json({ result: submission.reply({ hideFields: PASSWORD_FIELDS }), retryAfterMinutes: 0 }, { status: 400 });
  }
  const wait = await countAttempt("signUpAddress", context.clientAddress);
  if (wait > 0) {
    return json(
      { result: submission.reply({ formErrors: ["auth.rateLimited"], hideFields: PASSWORD_FIELDS }), retryAfterMinutes: Math.ceil(wait / 60) },
      { status: 429, headers: { "Retry-After": String(wait) } },
    );
  }
  const { redirectTo, ...account } = submission.value;
  if (await emailIsTaken(account.email)) {
    return json(
      { result: submission.reply({ fieldErrors: { email: ["auth.emailTaken"] }, hideFields: PASSWORD_FIELDS }), retryAfterMinutes: 0 },
      { status: 400 },
    );
  }
  const user = await createAccount(account, await requestLocale(request, context));
  const cookie = await startSession(user.id, isSecureRequest(request), context.session?.id);
  return redirect(redirectTo ?? "/", { headers: { "Set-Cookie": cookie } });
}

export default function SignUp() {
  const { t } = useTranslation();
  const data = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({
    id: "sign-up",
    lastResult: data?.result,
    constraint: getZodConstraint(SignUpSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SignUpSchema }),
  });
  const redirectTo = searchParams.get("redirectTo") ?? "";
  const query = redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : "";

  return (
    <div className="page narrow">
      <h1>{t("auth.signUpTitle")}</h1>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors id={form.errorId} errors={form.errors} values={{ count: data?.retryAfterMinutes }} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField meta={fields.name} label={t("auth.name")} autoComplete="name" />
        <TextField meta={fields.email} type="email" label={t("auth.email")} autoComplete="email" />
        <TextField
          meta={fields.password}
          type="password"
          label={t("auth.password")}
          hint={t("auth.passwordHint", { min: PASSWORD_MIN_LENGTH })}
          autoComplete="new-password"
        />
        <TextField meta={fields.confirmPassword} type="password" label={t("auth.confirmPassword")} autoComplete="new-password" />
        <div>
          <button type="submit" className="button">
            {t("auth.submitSignUp")}
          </button>
        </div>
      </Form>
      <p>
        {t("auth.haveAccount")} <Link to={`/login${query}`}>{t("auth.signInTitle")}</Link>
      </p>
    </div>
  );
}
