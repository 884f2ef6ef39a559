import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { authenticate } from "~/auth/accounts.server";
import { deviceCookie, trustedDevice } from "~/auth/device-cookie.server";
import { isSecureRequest, requireAnonymous } from "~/auth/guards.server";
import { startSession } from "~/auth/lucia.server";
import { RateLimited } from "~/auth/rate-limit.server";
import { SignInSchema } from "~/auth/schemas";
import { FormErrors, StatusMessage, TextField } from "~/components/forms";
import { pageTitle } from "~/i18n/page-title";

export { retryAfterHeaders as headers } from "~/auth/retry-after";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "auth.signInTitle");

export function loader({ context }: LoaderFunctionArgs) {
  requireAnonymous(context);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: SignInSchema });
  if (submission.status !== "success") {
    return json({ result: submission.reply({ hideFields: ["password"] }), retryAfterMinutes: 0 }, { status: 400 });
  }
  const { email, password, redirectTo } = submission.value;
  try {
    const userId = await authenticate(email, password, context.clientAddress, trustedDevice(request.headers.get("cookie"), email));
    if (!userId) {
      return json(
        { result: submission.reply({ formErrors: ["auth.invalidCredentials"], hideFields: ["password"] }), retryAfterMinutes: 0 },
        { status: 401 },
      );
    }
    const headers = new Headers();
    headers.append("Set-Cookie", await startSession(userId, isSecureRequest(request), context.session?.id));
    headers.append("Set-Cookie", deviceCookie(email, isSecureRequest(request)));
    return redirect(redirectTo ?? "/", { headers });
  } catch (error) {
    if (!(error instanceof RateLimited)) throw error;
    return json(
      {
        result: submission.reply({ formErrors: ["auth.rateLimited"], hideFields: ["password"] }),
        retryAfterMinutes: Math.ceil(error.retryAfterSeconds / 60),
      },
      { status: 429, headers: { "Retry-After": String(error.retryAfterSeconds) } },
    );
  }
}

export default function Login() {
  const { t } = useTranslation();
  const data = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({
    id: "sign-in",
    lastResult: data?.result,
    constraint: getZodConstraint(SignInSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SignInSchema }),
  });
  const redirectTo = searchParams.get("redirectTo") ?? "";
  const query = redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : "";

  return (
    <div className="page narrow">
      <h1>{t("auth.signInTitle")}</h1>
      {searchParams.get("account") === "deleted" ? <StatusMessage>{t("account.delete.done")}</StatusMessage> : null}
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors id={form.errorId} errors={form.errors} values={{ count: data?.retryAfterMinutes }} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField meta={fields.email} type="email" label={t("auth.email")} autoComplete="email" />
        <TextField meta={fields.password} type="password" label={t("auth.password")} autoComplete="current-password" />
        <div>
          <button type="submit" className="button">
            {t("auth.submitSignIn")}
          </button>
        </div>
      </Form>
      <p>
        <Link to="/forgot-password">{t("auth.forgotPassword")}</Link>
      </p>
      <p>
        {t("auth.noAccount")} <Link to={`/signup${query}`}>{t("auth.signUpTitle")}</Link>
      </p>
    </div>
  );
}
