import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/guards.server";
import { pageTitle } from "~/i18n/page-title";
import { acceptInvitation, findPendingInvitation } from "~/organisations/invitations.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  data?.invitation
    ? pageTitle(matches, "invitation.title", { organisation: data.invitation.organisation.name })
    : pageTitle(matches, "errors.notFoundTitle");

export async function loader({ params, context }: LoaderFunctionArgs) {
  const invitation = await findPendingInvitation(params.token ?? "");
  if (!invitation) return json({ invitation: null, currentEmail: null }, { status: 404 });
  return {
    invitation: {
      email: invitation.email,
      role: invitation.role,
      organisation: { name: invitation.organisation.name },
      inviter: invitation.invitedBy.name,
    },
    currentEmail: context.user?.email ?? null,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = requireUser(request, context);
  const result = await acceptInvitation(params.token ?? "", user);
  if (result.ok) return redirect(`/o/${result.slug}`);
  return json({ error: result.error }, { status: result.error === "invalid" ? 404 : 403 });
}

export default function InvitationPage() {
  const { t } = useTranslation();
  const { invitation, currentEmail } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const location = useLocation();

  if (!invitation || actionData?.error === "invalid") {
    return (
      <div className="page narrow">
        <h1>{t("errors.notFoundTitle")}</h1>
        <div className="alert alert--error" role="alert">
          <p>{t("invitation.invalid")}</p>
        </div>
      </div>
    );
  }
  const values = {
    organisation: invitation.organisation.name,
    inviter: invitation.inviter,
    email: invitation.email,
    role: t(`roles.${invitation.role}`),
    current: currentEmail,
  };
  const back = encodeURIComponent(location.pathname);
  return (
    <div className="page narrow">
      <h1>{t("invitation.title", values)}</h1>
      <p>{t("invitation.intro", values)}</p>
      {!currentEmail ? (
        <>
          <p>{t("invitation.signInFirst", values)}</p>
          <p className="actions">
            <Link to={`/login?redirectTo=${back}`} className="button">
              {t("header.signIn")}
            </Link>
            <Link to={`/signup?redirectTo=${back}`} className="button button--secondary">
              {t("header.signUp")}
            </Link>
          </p>
        </>
      ) : currentEmail !== invitation.email || actionData?.error === "wrongAccount" ? (
        <div className="alert alert--error" role="alert">
          <p>{t("invitation.wrongAccount", values)}</p>
        </div>
      ) : (
        <Form method="post">
          <button type="submit" className="button">
            {t("invitation.accept", values)}
          </button>
        </Form>
      )}
    </div>
  );
}
