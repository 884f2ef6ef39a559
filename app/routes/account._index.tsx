import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { accountOverview } from "~/account/personal-data.server";
import { requireUser } from "~/auth/guards.server";
import { formatDate } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "account.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(request, context);
  return accountOverview(user.id);
}

export default function Account() {
  const { t } = useTranslation();
  const { account, memberships, signIns } = useLoaderData<typeof loader>();
  return (
    <div className="page narrow stack">
      <h1>{t("account.title")}</h1>
      <p className="lead">{t("account.intro")}</p>

      <section aria-labelledby="account-details-heading" className="card">
        <h2 id="account-details-heading">{t("account.details")}</h2>
        <dl className="facts">
          <dt>{t("account.name")}</dt>
          <dd>{account.name}</dd>
          <dt>{t("account.email")}</dt>
          <dd>{account.email}</dd>
          <dt>{t("account.since")}</dt>
          <dd>{formatDate(account.createdAt)}</dd>
        </dl>
        <h3>{t("account.memberships")}</h3>
        <ul>
          {memberships.map((m) => (
            <li key={m.organisation.slug}>
              {m.organisation.name} – {t(`roleNames.${m.role}`)}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="account-data-heading" className="card">
        <h2 id="account-data-heading">{t("account.yourData")}</h2>
        <p>{t("account.yourDataText")}</p>
        <p>
          <a href="/account/data.json" download className="button">
            {t("account.download")}
          </a>
        </p>
      </section>

      <section aria-labelledby="account-sign-ins-heading" className="card">
        <h2 id="account-sign-ins-heading">{t("account.signIns")}</h2>
        <p>{t("account.signInsText", { count: signIns })}</p>
        <Form method="post" action="/logout">
          <button type="submit" name="scope" value="everywhere" className="button button--secondary">
            {t("account.signOutEverywhere")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="account-delete-heading" className="card">
        <h2 id="account-delete-heading">{t("account.deleteHeading")}</h2>
        <p>{t("account.deleteText")}</p>
        <p>
          <Link to="/account/delete" className="button button--danger">
            {t("account.deleteLink")}
          </Link>
        </p>
      </section>
    </div>
  );
}
