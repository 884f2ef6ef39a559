import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { deleteOwnAccount, deletionPreview } from "~/account/erasure.server";
import { DeleteAccountSchema } from "~/account/schemas";
import { isSecureRequest, requireUser } from "~/auth/guards.server";
import { blankSessionCookie } from "~/auth/lucia.server";
import { FormErrors, TextField } from "~/components/forms";
import { pageTitle } from "~/i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "account.delete.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  return deletionPreview(user.id);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(request, context);
  const submission = parseWithZod(await request.formData(), { schema: DeleteAccountSchema });
  // The password never comes back in the page, as on the sign-in form.
  if (submission.status !== "success") return json({ result: submission.reply({ hideFields: ["password"] }), onlyAdminOf: "" }, { status: 400 });
  const result = await deleteOwnAccount(user.id, submission.value.password, context.clientAddress);
  if (result.ok) return redirect("/login?account=deleted", { headers: { "Set-Cookie": blankSessionCookie(isSecureRequest(request)) } });
  if (result.error === "wrongPassword") {
    return json({ result: submission.reply({ fieldErrors: { password: ["account.delete.wrongPassword"] }, hideFields: ["password"] }), onlyAdminOf: "" }, { status: 400 });
  }
  if (result.error === "rateLimited") {
    return json({ result: submission.reply({ formErrors: ["account.delete.rateLimited"], hideFields: ["password"] }), onlyAdminOf: "" }, { status: 429 });
  }
  const onlyAdminOf = result.organisations.join(", ");
  return json({ result: submission.reply({ formErrors: ["account.delete.onlyAdmin"], hideFields: ["password"] }), onlyAdminOf }, { status: 409 });
}

export default function DeleteAccount() {
  const { t } = useTranslation();
  const { onlyAdminOf, lessons } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "delete-account",
    lastResult: data?.result,
    constraint: getZodConstraint(DeleteAccountSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: DeleteAccountSchema }),
  });
  return (
    <div className="page narrow stack">
      <h1>{t("account.delete.title")}</h1>
      <p className="lead">{t("account.delete.intro")}</p>
      <ul>
        <li>{t("account.delete.signedOut")}</li>
        <li>{t("account.delete.erased")}</li>
        <li>{t("account.delete.formerMember")}</li>
      </ul>
      {lessons.length ? (
        <>
          <h2>{t("account.delete.lessonsHeading")}</h2>
          <ul>
            {lessons.map((l) => (
              <li key={l.organisation}>{t(l.departedLessons === "delete" ? "account.delete.lessonsDelete" : "account.delete.lessonsKeep", { organisation: l.organisation })}</li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        {t("account.delete.downloadFirst")}{" "}
        <a href="/account/data.json" download>
          {t("account.download")}
        </a>
      </p>
      {onlyAdminOf.length ? (
        <div className="alert alert--error" role="alert">
          <p>{t("account.delete.onlyAdmin", { organisations: onlyAdminOf.join(", ") })}</p>
        </div>
      ) : (
        <Form method="post" {...getFormProps(form)} className="stack">
          <FormErrors id={form.errorId} errors={form.errors} values={{ organisations: data?.onlyAdminOf }} />
          <TextField meta={fields.password} type="password" label={t("account.delete.password")} hint={t("account.delete.passwordHint")} autoComplete="current-password" />
          <div className="actions">
            <button type="submit" className="button button--danger">
              {t("account.delete.submit")}
            </button>{" "}
            <Link to="/account">{t("account.delete.cancel")}</Link>
          </div>
        </Form>
      )}
    </div>
  );
}
