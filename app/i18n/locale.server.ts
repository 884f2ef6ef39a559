import { createCookie, type AppLoadContext } from "@remix-run/node";
import { isSecureRequest } from "~/auth/guards.server";
import { sessionSecret } from "~/config.server";
import { toLocale, type Locale } from "./i18n";

const localeCookie = createCookie("larloop_lang", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
  secrets: [sessionSecret()],
});

/** The signed-in user's saved language, else the visitor's cookie, else Swedish. */
export async function requestLocale(request: Request, context: AppLoadContext): Promise<Locale> {
  if (context.user?.locale) return toLocale(context.user.locale);
  return toLocale(await localeCookie.parse(request.headers.get("Cookie")));
}

export function localeCookieHeader(request: Request, locale: Locale): Promise<string> {
  return localeCookie.serialize(locale, { secure: isSecureRequest(request) });
}
