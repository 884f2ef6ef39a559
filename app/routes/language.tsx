import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { setLocale } from "~/auth/accounts.server";
import { redirectPath } from "~/auth/schemas";
import { LOCALES } from "~/i18n/i18n";
import { localeCookieHeader } from "~/i18n/locale.server";

const LanguageSchema = z.object({ locale: z.enum(LOCALES), redirectTo: redirectPath });

/** Switch language: saved on the account when signed in, in a cookie either way. */
export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = LanguageSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw new Response("Bad Request", { status: 400 });
  const { locale, redirectTo } = parsed.data;
  if (context.user) await setLocale(context.user.id, locale);
  return redirect(redirectTo ?? "/", { headers: { "Set-Cookie": await localeCookieHeader(request, locale) } });
}

export function loader() {
  return redirect("/");
}
