import { Form, Link, NavLink, useLocation, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { NotificationBell } from "~/notifications/notification-bell";
import { AREAS } from "~/organisations/areas";
import { hasRole } from "~/organisations/roles";
import type { RootData } from "~/root";

export function SiteHeader({ data }: { data: RootData | undefined }) {
  const { t } = useTranslation();
  const { slug } = useParams();
  const location = useLocation();
  const current = data?.organisations.find((o) => o.slug === slug);
  const here = location.pathname + location.search;

  return (
    <>
      <a className="skip-link" href="#main">
        {t("a11y.skipLink")}
      </a>
      <header className="site-header">
        <div className="site-header__bar">
          <Link to="/" className="brand">
            {t("app.name")}
          </Link>
          {data?.user && data.organisations.length > 0 ? (
            <Form method="get" action="/organisations/switch" className="org-switcher">
              <label htmlFor="org-switcher">{t("header.organisation")}</label>
              <select id="org-switcher" name="slug" defaultValue={current?.slug ?? data.organisations[0].slug}>
                {data.organisations.map((o) => (
                  <option key={o.slug} value={o.slug}>
                    {o.name}
                  </option>
                ))}
              </select>
              <button type="submit" className="button button--secondary">
                {t("header.switch")}
                <span className="visually-hidden"> {t("header.organisation").toLowerCase()}</span>
              </button>
            </Form>
          ) : null}
          <div className="site-header__end">
            <Form method="post" action="/language" className="inline-form">
              <input type="hidden" name="redirectTo" value={here} />
              <input type="hidden" name="locale" value={data?.locale === "en" ? "sv" : "en"} />
              <button type="submit" className="button button--link" lang={data?.locale === "en" ? "sv" : "en"}>
                {t("language.switchTo")}
              </button>
            </Form>
            {data?.user ? (
              <>
                <NotificationBell initialUnread={data.unreadNotifications} />
                <Link to="/account" className="signed-in-as">
                  {t("header.signedInAs", { name: data.user.name })}
                </Link>
                <Form method="post" action="/logout" className="inline-form">
                  <button type="submit" className="button button--secondary">
                    {t("header.signOut")}
                  </button>
                  <button type="submit" name="scope" value="everywhere" className="button button--link button--small">
                    {t("header.signOutEverywhere")}
                  </button>
                </Form>
              </>
            ) : (
              <>
                <Link to="/login">{t("header.signIn")}</Link>
                <Link to="/signup">{t("header.signUp")}</Link>
              </>
            )}
          </div>
        </div>
        {current ? (
          <nav aria-label={t("a11y.orgNav")} className="area-nav">
            <ul>
              <li>
                <NavLink to={`/o/${current.slug}`} end>
                  {t("areas.overview")}
                </NavLink>
              </li>
              {AREAS.map((area) => (
                <li key={area}>
                  <NavLink to={`/o/${current.slug}/${area}`}>{t(`areas.${area}`)}</NavLink>
                </li>
              ))}
              <li>
                <NavLink to={`/o/${current.slug}/search`}>{t("search.title")}</NavLink>
              </li>
              {hasRole(current.role, "admin") ? (
                <li>
                  <NavLink to={`/o/${current.slug}/settings`}>{t("areas.settings")}</NavLink>
                </li>
              ) : null}
            </ul>
          </nav>
        ) : null}
      </header>
    </>
  );
}
