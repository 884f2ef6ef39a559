import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireOrganisation } from "~/auth/guards.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { organisation } = await requireOrganisation(request, context, params.slug, "admin");
  return { slug: organisation.slug, name: organisation.name };
}

export default function SettingsLayout() {
  const { t } = useTranslation();
  const { slug, name } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <p className="muted">{name}</p>
      <nav aria-label={t("a11y.settingsNav")} className="tabs">
        <ul>
          <li>
            <NavLink to={`/o/${slug}/settings`} end>
              {t("orgForm.profileTitle")}
            </NavLink>
          </li>
          <li>
            <NavLink to={`/o/${slug}/settings/members`}>{t("members.title")}</NavLink>
          </li>
          <li>
            <NavLink to={`/o/${slug}/settings/tags`}>{t("tags.title")}</NavLink>
          </li>
          <li>
            <NavLink to={`/o/${slug}/settings/categories`}>{t("categories.title")}</NavLink>
          </li>
          <li>
            <NavLink to={`/o/${slug}/settings/audit`}>{t("audit.title")}</NavLink>
          </li>
          <li>
            <NavLink to={`/o/${slug}/settings/data-requests`}>{t("dataRequests.title")}</NavLink>
          </li>
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
