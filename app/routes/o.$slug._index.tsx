import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireOrganisation } from "~/auth/guards.server";
import { pageTitle } from "~/i18n/page-title";
import { PresenceList } from "~/live/presence-list";
import { AREAS } from "~/organisations/areas";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, "org.overviewTitle", { organisation: data?.organisation.name });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, organisation, membership } = await requireOrganisation(request, context, params.slug);
  return { organisation, role: membership.role, userId: user.id };
}

export default function OrganisationOverview() {
  const { t } = useTranslation();
  const { organisation, role, userId } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>{organisation.name}</h1>
      <p className="muted">{t("org.yourRole", { role: t(`roles.${role}`) })}</p>
      <div className="columns">
        <div>
          <section aria-labelledby="about-heading">
            <h2 id="about-heading">{t("org.about")}</h2>
            <p>{organisation.description || t("org.noDescription")}</p>
          </section>
          <section aria-labelledby="areas-heading">
            <h2 id="areas-heading">{t("org.areasTitle")}</h2>
            <ul className="card-grid">
              {AREAS.map((area) => (
                <li key={area} className="card">
                  <h3>
                    <Link to={`/o/${organisation.slug}/${area}`}>{t(`areas.${area}`)}</Link>
                  </h3>
                  <p>{t(`areas.description.${area}`)}</p>
                </li>
              ))}
            </ul>
          </section>
        </div>
        <PresenceList organisationId={organisation.id} currentUserId={userId} />
      </div>
    </div>
  );
}
