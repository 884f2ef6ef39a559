import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pageTitle } from "~/i18n/page-title";
import { listMemberships } from "~/organisations/organisations.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "home.welcomeTitle");

export async function loader({ context }: LoaderFunctionArgs) {
  if (!context.user) return { signedIn: false as const, organisations: [] };
  const memberships = await listMemberships(context.user.id);
  // Most people belong to one organisation: take them straight to it.
  if (memberships.length === 1) throw redirect(`/o/${memberships[0].organisation.slug}`);
  return { signedIn: true as const, organisations: memberships.map((m) => ({ ...m.organisation, role: m.role })) };
}

export default function Index() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>{t("home.welcomeTitle")}</h1>
      <p className="lead">{t("home.welcomeText")}</p>
      {data.signedIn ? (
        <section aria-labelledby="your-organisations">
          <h2 id="your-organisations">{t("home.yourOrganisations")}</h2>
          {data.organisations.length ? (
            <ul className="card-list">
              {data.organisations.map((o) => (
                <li key={o.slug} className="card">
                  <Link to={`/o/${o.slug}`}>{o.name}</Link>
                  <span className="muted"> · {t(`roleNames.${o.role}`)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t("home.noOrganisations")}</p>
          )}
          <p>
            <Link to="/organisations/new" className="button button--secondary">
              {t("home.createOrganisation")}
            </Link>
          </p>
        </section>
      ) : (
        <p className="actions">
          <Link to="/login" className="button">
            {t("header.signIn")}
          </Link>
          <Link to="/signup" className="button button--secondary">
            {t("header.signUp")}
          </Link>
        </p>
      )}
    </div>
  );
}
