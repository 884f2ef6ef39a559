import type { MetaDescriptor } from "@remix-run/node";
import { translator } from "./i18n";

type Match = { id: string; data: unknown };

/** A translated, unique page title ("Logga in · Lärloop"), in the language of the page. */
export function pageTitle(matches: Match[], key: string, values?: Record<string, unknown>): MetaDescriptor[] {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: string } | undefined;
  const t = translator(root?.locale);
  return [{ title: `${t(key, values)} · Lärloop` }];
}
