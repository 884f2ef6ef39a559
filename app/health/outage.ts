import type { Locale } from "~/i18n/i18n";

/** What the error page (and an API client) gets when the database is out: see outage.server.ts. */
export type OutageData = {
  status: "unavailable";
  reason: "database-unreachable" | "storage-full";
  locale: Locale;
  /** What the user wrote in the form that could not be saved, to give it back. */
  submitted: string[];
};

export function isOutageData(data: unknown): data is OutageData {
  return typeof data === "object" && data !== null && (data as OutageData).status === "unavailable" && typeof (data as OutageData).reason === "string";
}
