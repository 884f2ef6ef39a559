import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  LiveReload,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import { SiteHeader } from "~/components/site-header";
import { LiveProvider } from "~/live/live-context";
import { useNonce } from "~/components/nonce";
import { isOutageData } from "~/health/outage";
import { OutagePage } from "~/health/outage-page";
import { i18nFor, toLocale, translator } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/page-title";
import { requestLocale } from "~/i18n/locale.server";
import { unreadCount } from "~/notifications/notifications.server";
import { listMemberships } from "~/organisations/organisations.server";
import styles from "~/styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = ({ error, matches }) => {
  if (!error) return [{ title: "Lärloop" }];
  if (isRouteErrorResponse(error) && isOutageData(error.data)) {
    const key = error.data.reason === "storage-full" ? "errors.storageFullTitle" : "errors.unreachableTitle";
    return [{ title: `${translator(error.data.locale)(key)} · Lärloop` }];
  }
  // An error page says what went wrong in its title too, as every other page names itself.
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return pageTitle(matches, status === 404 ? "errors.notFoundTitle" : status === 403 ? "errors.forbiddenTitle" : "errors.genericTitle");
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const locale = await requestLocale(request, context);
  const user = context.user;
  const [memberships, unreadNotifications] = user ? await Promise.all([listMemberships(user.id), unreadCount(user.id)]) : [[], 0];
  return {
    unreadNotifications,
    locale,
    user: user ? { id: user.id, name: user.name, email: user.email } : null,
    organisations: memberships.map((m) => ({ ...m.organisation, role: m.role })),
  };
}

export type RootData = Awaited<ReturnType<typeof loader>>;

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const error = useRouteError();
  const nonce = useNonce();
  // Without the database the root loader may not have run: the outage page carries the language.
  const outage = isRouteErrorResponse(error) && isOutageData(error.data) ? error.data : null;
  const locale = toLocale(data?.locale ?? outage?.locale);
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <I18nextProvider i18n={i18nFor(locale)}>
          <LiveProvider enabled={Boolean(data?.user)}>
            <SiteHeader data={data} />
            <main id="main" tabIndex={-1}>
              {children}
            </main>
          </LiveProvider>
        </I18nextProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
        <LiveReload nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  if (isRouteErrorResponse(error) && isOutageData(error.data)) return <OutagePage outage={error.data} />;
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (status >= 500) console.error(error);
  const [title, text] =
    status === 404
      ? [t("errors.notFoundTitle"), t("errors.notFoundText")]
      : status === 403
        ? [t("errors.forbiddenTitle"), t("errors.forbiddenText")]
        : [t("errors.genericTitle"), t("errors.genericText")];
  return (
    <div className="page narrow">
      <h1>{title}</h1>
      <p>{text}</p>
      <p>
        <a href="/">{t("errors.toStart")}</a>
      </p>
    </div>
  );
}
